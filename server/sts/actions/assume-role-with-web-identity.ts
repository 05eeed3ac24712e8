// AssumeRoleWithWebIdentity (unsigned): an OIDC ID token from an issuer registered as an IAM OIDC provider in
// the role's account becomes role credentials, as AWS does it: token checks in web-identity/verify-token.ts,
// the role's trust policy with `Federated: <provider ARN>` and the `<host/path>:aud|sub|amr|azp|oaud` keys,
// session tags from the `https://aws.amazon.com/tags` claim (sts:TagSession), SourceIdentity from
// `https://aws.amazon.com/source_identity` (sts:SetSourceIdentity). No replay cache: AWS has none either.
import { AwsError } from '../../contracts/errors.ts';
import { defineAction } from '../../iam/action.ts';
import { parseArn } from '../../iam/arn.ts';
import { compileDocument } from '../../iam/documents.ts';
import { roleResourceKeys } from '../../iam/authorization-table.ts';
import { evaluate, type ContextValue } from '../../policy/index.ts';
import { credentialsXml, issueSession } from '../issue-credentials.ts';
import { packedPolicySize } from '../packed-policy.ts';
import { readRole } from '../read-role.ts';
import { checkSessionPolicies, durationError, readPolicyArns, S } from '../params.ts';
import { sessionTagsFromClaims, sourceIdentityFromClaims, webIdentityConditionKeys } from '../web-identity/token-claims.ts';
import { verifyWebIdentityToken } from '../web-identity/verify-token.ts';
import { mappedTags, mergeSessionTags, tagMappingOf } from '../mapped-session-tags.ts';

interface Params {
  roleArn: string;
  sessionName: string;
  token: string;
  providerId?: string;
  policy?: string;
  policyArns?: string[];
  duration?: number;
}

const ACTION = 'sts:AssumeRoleWithWebIdentity';
const denied = () => new AwsError('AccessDenied', `Not authorized to perform ${ACTION}`);

export const AssumeRoleWithWebIdentity = defineAction<Params>({
  name: 'AssumeRoleWithWebIdentity',
  writes: false,
  parse: (r) => ({
    roleArn: r.required('RoleArn', S.arn),
    sessionName: r.required('RoleSessionName', S.roleSessionName),
    token: r.required('WebIdentityToken', { min: 4, max: 20000 }),
    providerId: r.optional('ProviderId', { min: 4, max: 2048 }),
    policy: r.optional('Policy', S.sessionPolicy),
    policyArns: readPolicyArns(r),
    duration: r.int('DurationSeconds', { min: 900, max: 43200 }),
  }),
  authorize: async () => {}, // unsigned: the token and the role's trust policy decide, in run()
  async run(p, ctx) {
    const role0 = parseArn(p.roleArn);
    if (role0?.service !== 'iam' || !role0.resource.startsWith('role/') || !/^\d{12}$/.test(role0.account)) throw new AwsError('ValidationError', 'Request ARN is invalid');
    const account = role0.account;
    // ProviderId is only for the legacy OAuth 2.0 providers (Login with Amazon, Facebook), which the broker does not serve.
    if (p.providerId !== undefined) throw new AwsError('InvalidParameterValue', 'ProviderId is only used with OAuth 2.0 access tokens from www.amazon.com or graph.facebook.com; omit it for OpenID Connect ID tokens.');
    checkSessionPolicies(p.policy, p.policyArns);

    const t = await verifyWebIdentityToken(p.token, account, ctx.store, ctx.now);
    // The https://aws.amazon.com/tags claim plus the provider's configured mapping (claim name → tag).
    const fail = (m: string) => new AwsError('InvalidIdentityToken', m);
    const tagging = mergeSessionTags(sessionTagsFromClaims(t.claims), mappedTags(tagMappingOf(t.provider.settings), (name) => t.claims[name], fail), 'InvalidIdentityToken');
    const sourceIdentity = sourceIdentityFromClaims(t.claims);

    const role = await readRole(ctx, { account, name: role0.resource.slice(role0.resource.lastIndexOf('/') + 1) });
    if (!role || role.arn !== p.roleArn) throw denied();
    const keys = webIdentityConditionKeys(t);
    const context: Record<string, ContextValue | undefined> = {
      ...keys,
      ...roleResourceKeys(role), // aws:ResourceTag/*, iam:ResourceTag/* of the role (server/iam/authorization-table.ts)
      'aws:SourceIp': ctx.request.sourceIp,
      'aws:SecureTransport': ctx.request.secureTransport,
      'aws:RequestedRegion': ctx.request.region,
      'aws:FederatedProvider': t.provider.arn,
      'sts:RoleSessionName': p.sessionName,
      'sts:SourceIdentity': sourceIdentity,
      'sts:TransitiveTagKeys': tagging.transitiveTagKeys.length ? tagging.transitiveTagKeys : undefined,
      'aws:TagKeys': tagging.tags.length ? tagging.tags.map((x) => x.Key) : undefined,
    };
    for (const x of tagging.tags) context[`aws:RequestTag/${x.Key}`] = x.Value;
    const trust = compileDocument(role.assumeRolePolicyDocument, 'trust', `${role.arn}#trust`);
    const allows = (action: string) =>
      evaluate({ action, resource: role.arn, principal: { type: 'WebIdentity', arn: t.provider.arn, account }, context, identityPolicies: [], resourcePolicy: trust, resourceAccount: account }).decision === 'allowed';
    if (!allows(ACTION)) throw denied();
    if (tagging.tags.length && !allows('sts:TagSession')) throw denied();
    if (sourceIdentity && !allows('sts:SetSourceIdentity')) throw denied();

    const duration = p.duration ?? 3600;
    if (duration > role.maxSessionDuration) throw durationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const packed = packedPolicySize({ policy: p.policy, policyArns: p.policyArns, tags: tagging.tags });

    const arn = `arn:aws:sts::${account}:assumed-role/${role.name}/${p.sessionName}`;
    // What stays available to later requests of this session (IAM User Guide: amr, aud, id, sub).
    const kept = Object.fromEntries(Object.entries(keys).filter(([k]) => /:(aud|sub|amr|id)$/.test(k)));
    const issued = await issueSession(
      ctx.keys,
      {
        account,
        type: 'AssumedRole',
        arn,
        userId: `${role.id}:${p.sessionName}`,
        principalArn: role.arn,
        roleName: role.name,
        sessionName: p.sessionName,
        ...(tagging.tags.length ? { tags: tagging.tags, transitiveTagKeys: tagging.transitiveTagKeys.map((k) => k.toLowerCase()) } : {}),
        ...(sourceIdentity ? { sourceIdentity } : {}),
        sessionPolicy: p.policy,
        policyArns: p.policyArns,
        federation: { provider: t.provider.arn, claims: kept },
      },
      ctx.now,
      duration,
    );
    return [
      credentialsXml(issued),
      ['SubjectFromWebIdentityToken', t.sub],
      ['AssumedRoleUser', [['AssumedRoleId', issued.session.userId], ['Arn', arn]]],
      ...(packed !== undefined ? [['PackedPolicySize', packed] as const] : []),
      ['Provider', t.provider.arn],
      ['Audience', t.audience],
      ...(sourceIdentity ? [['SourceIdentity', sourceIdentity] as const] : []),
    ];
  },
});
