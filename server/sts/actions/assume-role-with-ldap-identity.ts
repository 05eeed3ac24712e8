// AssumeRoleWithLDAPIdentity (an idbroker extension, like MinIO's): a directory user's name and password
// become role credentials. Unsigned, like AssumeRoleWithWebIdentity. The role's trust policy must allow
// `sts:AssumeRoleWithLDAPIdentity` for `Principal: { Federated: "arn:aws:ds:REGION:ACCOUNT:directory/d-…" }`;
// its conditions see the user and their transitive groups (the `ds:*` keys, see ../directory-sign-in.ts).
// The sign-in and the trust decision are shared with the browser portal (../verified-identity.ts).
// A directory with MFA (config `mfa`) also needs `TokenCode`: the user's TOTP or RADIUS one-time code
// (../../directory-mfa/); the session then has aws:MultiFactorAuthPresent and aws:MultiFactorAuthAge.
// RoleArn may be left out, as MinIO's clients do (minio-go's LDAP identity sends only LDAPUsername, LDAPPassword
// and DurationSeconds/Policy): the role is then the one role whose trust policy allows the user; none is
// AccessDenied, several a ValidationError that names them.
import { AwsError } from '../../contracts/errors.ts';
import type { DirectoryBackend } from '../../contracts/directory.ts';
import { defineAction } from '../../iam/action.ts';
import { IamModel, type RoleData } from '../../iam/model.ts';
import { parseArn } from '../../iam/arn.ts';
import { applyDirectoryMfa, mfaUnavailableMessage, MfaUnavailableError } from '../directory-mfa-sign-in.ts';
import { directorySignIn } from '../directory-sign-in.ts';
import { directoryTags } from '../directory-sessions.ts';
import { mergeSessionTags, tagMappingOf } from '../mapped-session-tags.ts';
import { credentialsXml } from '../issue-credentials.ts';
import { packedPolicySize } from '../packed-policy.ts';
import { checkSessionPolicies, durationError, readPolicyArns, S } from '../params.ts';
import type { VerifiedIdentity } from '../../contracts/identity.ts';
import { assumableRoles, issueRoleCredentials, trustAllows, type TrustEnvironment } from '../verified-identity.ts';
import type { Store } from '../../contracts/store.ts';

export const AssumeRoleWithLDAPIdentity = defineAction({
  name: 'AssumeRoleWithLDAPIdentity',
  writes: false,
  parse: (r) => ({
    roleArn: r.optional('RoleArn', S.arn),
    username: r.required('LDAPUsername', { min: 1, max: 512 }),
    password: r.required('LDAPPassword', { min: 1, max: 1024 }),
    directoryId: r.optional('DirectoryId', { pattern: 'd-[0-9a-f]{10}' }),
    sessionName: r.optional('RoleSessionName', S.roleSessionName),
    policy: r.optional('Policy', S.sessionPolicy),
    policyArns: readPolicyArns(r),
    duration: r.int('DurationSeconds', { min: 900, max: 43200 }),
    code: r.optional('TokenCode'), // checked by the directory's MFA (never echoed in a validation message)
  }),
  authorize: async () => {}, // the trust policy decides, in run()
  async run(p, ctx) {
    const directories = ctx.services.directories ?? new Map<string, DirectoryBackend>();
    const id = p.directoryId ?? (directories.size === 1 ? [...directories.keys()][0] : undefined);
    if (!id) throw new AwsError('ValidationError', directories.size === 0 ? 'No directory is configured.' : 'DirectoryId is required when several directories are configured.');
    const backend = directories.get(id);
    if (!backend) throw new AwsError('InvalidParameterValue', `Directory ${id} is not served by this broker.`);
    checkSessionPolicies(p.policy, p.policyArns);

    const signIn = await directorySignIn(id, backend, p.username, p.password, ctx.now);
    if (!signIn.ok) throw new AwsError('AccessDenied', signIn.message);
    const mfa = await applyDirectoryMfa(ctx.services.directoryMfa?.get(id), signIn.identity, p.code, ctx.now).catch((err: unknown) => {
      throw err instanceof MfaUnavailableError ? new AwsError('IDPCommunicationError', mfaUnavailableMessage(id, err), { cause: err }) : err;
    });
    if (!mfa.ok) throw new AwsError('AccessDenied', mfa.reason === 'missing' ? `${mfa.message} Pass it as TokenCode.` : mfa.message);
    // Session tags from the user's attributes, as the directory's config maps them (trust then needs sts:TagSession).
    const tagging = mergeSessionTags({ tags: [], transitiveTagKeys: [] }, await directoryTags(backend, mfa.identity, tagMappingOf(ctx.services.directorySettings?.get(id))), 'ValidationError');
    const identity = tagging.tags.length ? { ...mfa.identity, tags: tagging.tags, transitiveTagKeys: tagging.transitiveTagKeys.map((k) => k.toLowerCase()) } : mfa.identity;

    const env = { region: ctx.services.region, now: ctx.now, sourceIp: ctx.request.sourceIp, secureTransport: ctx.request.secureTransport };
    const { role, account } = p.roleArn ? await namedRole(ctx.store, p.roleArn) : await onlyRole(ctx.store, identity, ctx.services.accounts ?? [], env);
    if (!role || !trustAllows(identity, role, account, env)) throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithLDAPIdentity');

    const duration = p.duration ?? 3600;
    if (duration > role.maxSessionDuration) throw durationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const packed = packedPolicySize({ policy: p.policy, policyArns: p.policyArns, tags: tagging.tags });
    const issued = await issueRoleCredentials(ctx.keys, identity, role, account, {
      region: ctx.services.region,
      now: ctx.now,
      durationSeconds: duration,
      sessionName: p.sessionName,
      policy: p.policy,
      policyArns: p.policyArns,
    });
    return [
      credentialsXml(issued),
      ['AssumedRoleUser', [['AssumedRoleId', issued.session.userId], ['Arn', issued.sessionArn]]],
      ...(packed !== undefined ? [['PackedPolicySize', packed] as const] : []),
      ['Provider', issued.provider],
      ['SubjectFromLDAPIdentity', identity.subject],
    ];
  },
});

async function namedRole(store: Store, roleArn: string): Promise<{ role?: RoleData; account: string }> {
  const arn = parseArn(roleArn);
  const roleName = arn?.service === 'iam' && arn.resource.startsWith('role/') ? arn.resource.slice(arn.resource.lastIndexOf('/') + 1) : undefined;
  if (!arn || !roleName || !/^\d{12}$/.test(arn.account)) throw new AwsError('ValidationError', 'Request ARN is invalid');
  return { role: (await new IamModel(store).getPrincipal<RoleData>(arn.account, 'role', roleName))?.data, account: arn.account };
}

/** No RoleArn (MinIO's clients): the one role whose trust policy allows this user, in any configured account. */
async function onlyRole(store: Store, identity: VerifiedIdentity, accounts: ReadonlyArray<{ id: string; alias?: string }>, env: TrustEnvironment): Promise<{ role?: RoleData; account: string }> {
  const roles = await assumableRoles(store, identity, accounts, env);
  if (roles.length > 1) throw new AwsError('ValidationError', `Several roles trust this user; choose one with RoleArn: ${roles.map((r) => r.role.arn).join(', ')}`);
  return roles.length === 1 ? { role: roles[0].role, account: roles[0].account } : { account: '' };
}
