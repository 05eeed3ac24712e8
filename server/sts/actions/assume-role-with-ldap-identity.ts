// AssumeRoleWithLDAPIdentity (an idbroker extension, like MinIO's): a directory user's name and password
// become role credentials. Unsigned, like AssumeRoleWithWebIdentity. The role's trust policy must allow
// `sts:AssumeRoleWithLDAPIdentity` for `Principal: { Federated: "arn:aws:ds:REGION:ACCOUNT:directory/d-…" }`;
// its conditions see the user and their transitive groups (the `ds:*` keys, see ../directory-sign-in.ts).
// The sign-in and the trust decision are shared with the browser portal (../verified-identity.ts).
// A directory with MFA (config `mfa`) also needs `TokenCode`: the user's TOTP or RADIUS one-time code
// (../../directory-mfa/); the session then has aws:MultiFactorAuthPresent and aws:MultiFactorAuthAge.
import { AwsError } from '../../contracts/errors.ts';
import type { DirectoryBackend } from '../../contracts/directory.ts';
import { defineAction } from '../../iam/action.ts';
import { IamModel, type RoleData } from '../../iam/model.ts';
import { parseArn } from '../../iam/arn.ts';
import { applyDirectoryMfa, mfaUnavailableMessage, MfaUnavailableError } from '../../directory-mfa/sign-in.ts';
import { directorySignIn } from '../directory-sign-in.ts';
import { directoryTags } from '../directory-sessions.ts';
import { mergeSessionTags, tagMappingOf } from '../mapped-session-tags.ts';
import { credentialsXml } from '../issue-credentials.ts';
import { packedPolicySize } from '../packed-policy.ts';
import { checkSessionPolicies, durationError, readPolicyArns, S } from '../params.ts';
import { issueRoleCredentials, trustAllows } from '../verified-identity.ts';

export const AssumeRoleWithLDAPIdentity = defineAction({
  name: 'AssumeRoleWithLDAPIdentity',
  writes: false,
  parse: (r) => ({
    roleArn: r.required('RoleArn', S.arn),
    username: r.required('LDAPUsername', { min: 1, max: 512 }),
    password: r.required('LDAPPassword', { min: 1, max: 1024 }),
    directoryId: r.optional('DirectoryId', { pattern: 'd-[0-9a-f]{10}' }),
    sessionName: r.optional('RoleSessionName', S.roleSessionName),
    policy: r.optional('Policy', S.sessionPolicy),
    policyArns: readPolicyArns(r),
    duration: r.int('DurationSeconds', { min: 900, max: 43200 }),
    code: r.optional('TokenCode'), // checked by the directory's MFA (never echoed in a validation message)
  }),
  resource: (p) => p.roleArn,
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

    const arn = parseArn(p.roleArn);
    const roleName = arn?.service === 'iam' && arn.resource.startsWith('role/') ? arn.resource.slice(arn.resource.lastIndexOf('/') + 1) : undefined;
    if (!arn || !roleName || !/^\d{12}$/.test(arn.account)) throw new AwsError('ValidationError', 'Request ARN is invalid');
    const role = (await new IamModel(ctx.store).getPrincipal<RoleData>(arn.account, 'role', roleName))?.data;
    const env = { region: ctx.services.region, now: ctx.now, sourceIp: ctx.request.sourceIp, secureTransport: ctx.request.secureTransport };
    if (!role || !trustAllows(identity, role, arn.account, env)) throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithLDAPIdentity');

    const duration = p.duration ?? 3600;
    if (duration > role.maxSessionDuration) throw durationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const packed = packedPolicySize({ policy: p.policy, policyArns: p.policyArns, tags: tagging.tags });
    const issued = await issueRoleCredentials(ctx.keys, identity, role, arn.account, {
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
