// AssumeRole: the caller's identity policies must allow sts:AssumeRole on the role AND the role's trust
// policy must allow the caller (cross-account: both sides; same account: either, as the engine decides).
// ExternalId, MFA, session policies, session tags (sts:TagSession), transitive tags, SourceIdentity
// (sts:SetSourceIdentity, sticky through chains), role chaining capped at one hour.
import { AwsError } from '../../contracts/errors.ts';
import { defineAction, type ActionContext } from '../../iam/action.ts';
import { parseArn } from '../../iam/arn.ts';
import { checkTags } from '../../iam/actions/tags.ts';
import { compileDocument } from '../../iam/documents.ts';
import type { Tag } from '../../iam/params.ts';
import type { ContextValue } from '../../policy/index.ts';
import { credentialsXml, issueSession } from '../issue-credentials.ts';
import { readRole } from '../read-role.ts';
import { verifyMfa } from '../mfa.ts';
import { packedPolicySize } from '../packed-policy.ts';
import { checkSessionPolicies, durationError, readPolicyArns, S } from '../params.ts';

interface Params {
  roleArn: string;
  sessionName: string;
  policy?: string;
  policyArns?: string[];
  duration?: number;
  tags: Tag[];
  transitiveTagKeys: string[];
  externalId?: string;
  serial?: string;
  code?: string;
  sourceIdentity?: string;
}

function roleNameOf(arn: string): { account: string; name: string } | undefined {
  const p = parseArn(arn);
  if (!p || p.service !== 'iam' || !p.resource.startsWith('role/')) return undefined;
  return { account: p.account, name: p.resource.slice(p.resource.lastIndexOf('/') + 1) };
}

/** Tags the new session carries: inherited transitive tags, then the passed ones (re-passing an inherited key fails). */
function sessionTags(ctx: ActionContext, p: Params): { tags: Tag[]; transitive: string[] } {
  const parent = ctx.caller.session;
  const inheritedKeys = new Set((parent?.transitiveTagKeys ?? []).map((k) => k.toLowerCase()));
  const inherited = (parent?.tags ?? []).filter((t) => inheritedKeys.has(t.Key.toLowerCase()));
  for (const t of p.tags) {
    if (inheritedKeys.has(t.Key.toLowerCase())) throw new AwsError('InvalidParameterValue', `Cannot override transitive session tag ${t.Key} set by the parent session.`);
    if (t.Key.toLowerCase().startsWith('aws:')) throw new AwsError('InvalidParameterValue', 'Tag keys starting with aws: are reserved.');
  }
  const passed = new Set(p.tags.map((t) => t.Key.toLowerCase()));
  for (const k of p.transitiveTagKeys) if (!passed.has(k.toLowerCase())) throw new AwsError('InvalidParameterValue', `Transitive tag key ${k} is not among the session tags.`);
  return { tags: [...inherited, ...p.tags], transitive: [...inheritedKeys, ...p.transitiveTagKeys.map((k) => k.toLowerCase())] };
}

export const AssumeRole = defineAction<Params>({
  name: 'AssumeRole',
  writes: false,
  parse: (r) => ({
    roleArn: r.required('RoleArn', S.arn),
    sessionName: r.required('RoleSessionName', S.roleSessionName),
    policy: r.optional('Policy', S.policy),
    policyArns: readPolicyArns(r),
    duration: r.int('DurationSeconds', { min: 900, max: 43200 }),
    tags: r.tags() ?? [],
    transitiveTagKeys: r.list('TransitiveTagKeys', S.tagKey, { max: 50 }) ?? [],
    externalId: r.optional('ExternalId', S.externalId),
    serial: r.optional('SerialNumber', S.serialNumber),
    code: r.optional('TokenCode', S.tokenCode),
    sourceIdentity: r.optional('SourceIdentity', S.sourceIdentity),
  }),
  authorize: async () => {}, // decided in run(): it needs the role's trust policy
  async run(p, ctx) {
    const caller = ctx.caller;
    if (caller.type === 'Root') throw new AwsError('AccessDenied', 'Roles may not be assumed by root accounts.');
    if (caller.session?.type === 'FederatedUser') throw new AwsError('AccessDenied', 'Cannot call AssumeRole with federated user credentials');
    if (p.sourceIdentity?.toLowerCase().startsWith('aws:')) throw new AwsError('ValidationError', "SourceIdentity must not start with 'aws:'");
    checkTags(p.tags);
    checkSessionPolicies(p.policy, p.policyArns);
    const tagging = sessionTags(ctx, p);
    const sourceIdentity = caller.session?.sourceIdentity;
    if (sourceIdentity && p.sourceIdentity && p.sourceIdentity !== sourceIdentity) throw new AwsError('AccessDenied', 'SourceIdentity cannot be changed once set in a role chain.');

    let mfaTime = caller.session?.mfa?.authTime;
    if (p.serial !== undefined || p.code !== undefined) {
      await verifyMfa(ctx.store, ctx.keys, caller.account, caller.session?.userName ?? caller.userName, p.serial, p.code, ctx.now);
      mfaTime = Math.floor(ctx.now.getTime() / 1000);
    }

    // The role; a missing role is refused like an unauthorized one, so that names cannot be probed.
    const ref = roleNameOf(p.roleArn);
    if (!ref || !/^\d{12}$/.test(ref.account)) throw new AwsError('ValidationError', 'Request ARN is invalid');
    const role = await readRole(ctx, ref);
    // The table's keys (sts:ExternalId, sts:RoleSessionName, sts:SourceIdentity, session tags, the role's tags),
    // then the request's and the MFA's.
    const context: Record<string, ContextValue | undefined> = {
      ...ctx.authorization?.context,
      'aws:SourceIp': ctx.request.sourceIp,
      'aws:SecureTransport': ctx.request.secureTransport,
      'aws:RequestedRegion': ctx.request.region,
      'aws:MultiFactorAuthPresent': mfaTime !== undefined ? true : caller.temporary ? false : undefined,
      'aws:MultiFactorAuthAge': mfaTime !== undefined ? Math.floor(ctx.now.getTime() / 1000) - mfaTime : undefined,
    };
    if (!role || !ref) {
      const { decision, context: c } = await ctx.authorizer.decide(caller, 'sts:AssumeRole', p.roleArn, ctx.now, context);
      throw await ctx.authorizer.denied(caller, 'sts:AssumeRole', p.roleArn, { ...decision, decision: decision.decision === 'explicitDeny' ? 'explicitDeny' : 'implicitDeny' }, c, ctx.now, 'resource');
    }
    const trust = { policy: compileDocument(role.assumeRolePolicyDocument, 'trust', `${role.arn}#trust`), account: ref.account };
    await ctx.authorizer.authorize(caller, 'sts:AssumeRole', role.arn, ctx.now, context, trust);
    if (p.tags.length) await ctx.authorizer.authorize(caller, 'sts:TagSession', role.arn, ctx.now, context, trust);
    if (p.sourceIdentity && !sourceIdentity) await ctx.authorizer.authorize(caller, 'sts:SetSourceIdentity', role.arn, ctx.now, context, trust);

    const chained = caller.temporary;
    const duration = p.duration ?? 3600;
    if (chained && duration > 3600) throw durationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
    if (duration > role.maxSessionDuration) throw durationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const packed = packedPolicySize({ policy: p.policy, policyArns: p.policyArns, tags: p.tags });

    const arn = `arn:aws:sts::${ref.account}:assumed-role/${role.name}/${p.sessionName}`;
    const issued = await issueSession(
      ctx.keys,
      {
        account: ref.account,
        type: 'AssumedRole',
        arn,
        userId: `${role.id}:${p.sessionName}`,
        principalArn: role.arn,
        roleName: role.name,
        sessionName: p.sessionName,
        ...(mfaTime !== undefined ? { mfa: { authTime: mfaTime } } : {}),
        ...(tagging.tags.length ? { tags: tagging.tags, transitiveTagKeys: tagging.transitive } : {}),
        ...(p.sourceIdentity ?? sourceIdentity ? { sourceIdentity: p.sourceIdentity ?? sourceIdentity } : {}),
        sessionPolicy: p.policy,
        policyArns: p.policyArns,
        chained: chained || undefined,
      },
      ctx.now,
      duration,
    );
    const si = issued.session.sourceIdentity;
    return [
      credentialsXml(issued),
      ['AssumedRoleUser', [['AssumedRoleId', issued.session.userId], ['Arn', arn]]],
      ...(packed !== undefined ? [['PackedPolicySize', packed] as const] : []),
      ...(si ? [['SourceIdentity', si] as const] : []),
    ];
  },
});
