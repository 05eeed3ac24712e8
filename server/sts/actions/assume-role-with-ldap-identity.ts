// AssumeRoleWithLDAPIdentity (an idbroker extension, like MinIO's): a directory user's name and password
// become role credentials. Unsigned, like AssumeRoleWithWebIdentity. The role's trust policy must allow
// `sts:AssumeRoleWithLDAPIdentity` for `Principal: { Federated: "arn:aws:ds:REGION:ACCOUNT:directory/d-…" }`;
// its conditions see the user and their transitive groups:
//   ds:DirectoryId     d-1000000001
//   ds:Username        alice                 (sAMAccountName, from the bound name)
//   ds:UserDN          CN=alice,CN=Users,DC=corp,DC=example,DC=com
//   ds:Groups          [Domain Users, engineers, …]   (multivalued: group CNs, nested groups included)
//   ds:GroupDNs        [CN=engineers,OU=Groups,DC=…, …]
import { AwsError } from '../../contracts/errors.ts';
import type { DirectoryBackend } from '../../contracts/directory.ts';
import { defineAction } from '../../iam/action.ts';
import { compileDocument } from '../../iam/documents.ts';
import { IamModel, type RoleData } from '../../iam/model.ts';
import { evaluate } from '../../policy/index.ts';
import { credentialsXml, issueSession } from '../issue-credentials.ts';
import { packedPolicySize } from '../packed-policy.ts';
import { checkSessionPolicies, durationError, readPolicyArns, S } from '../params.ts';
import { parseArn } from '../../iam/arn.ts';

const BIND_FAILURE: Record<string, string> = {
  '52e': 'The LDAP user name or password is not valid.',
  '525': 'The LDAP user name or password is not valid.',
  '530': 'The directory account may not log on at this time.',
  '531': 'The directory account may not log on from this workstation.',
  '532': 'The directory account password has expired.',
  '533': 'The directory account is disabled.',
  '701': 'The directory account has expired.',
  '773': 'The directory account must change its password before logging on.',
  '775': 'The directory account is locked out.',
};

const cnOf = (dn: string) => /^CN=((?:\\.|[^,])+)/i.exec(dn)?.[1]?.replace(/\\(.)/g, '$1') ?? dn;

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

    const name = /[\\@=]/.test(p.username) ? p.username : `${backend.domain.netbiosName}\\${p.username}`;
    const bound = await backend.bind(name, p.password);
    if (!bound.ok) throw new AwsError('AccessDenied', BIND_FAILURE[bound.adCode] ?? 'The LDAP user name or password is not valid.');
    const groupDNs = await backend.groupsOf(bound.principal);
    const username = bound.principal.name.includes('\\') ? bound.principal.name.split('\\').pop()! : bound.principal.name;

    const arn = parseArn(p.roleArn);
    const roleName = arn?.service === 'iam' && arn.resource.startsWith('role/') ? arn.resource.slice(arn.resource.lastIndexOf('/') + 1) : undefined;
    if (!arn || !roleName || !/^\d{12}$/.test(arn.account)) throw new AwsError('ValidationError', 'Request ARN is invalid');
    const role = (await new IamModel(ctx.store).getPrincipal<RoleData>(arn.account, 'role', roleName))?.data;
    const provider = `arn:aws:ds:${ctx.services.region}:${arn.account}:directory/${id}`;
    const claims = {
      'ds:DirectoryId': id,
      'ds:Username': username,
      'ds:UserDN': bound.principal.dn,
      'ds:Groups': groupDNs.map(cnOf),
      'ds:GroupDNs': groupDNs,
    };
    const decision = role
      ? evaluate({
          action: 'sts:AssumeRoleWithLDAPIdentity',
          resource: role.arn,
          principal: { type: 'WebIdentity', arn: provider, account: arn.account },
          context: { ...claims, 'aws:SourceIp': ctx.request.sourceIp, 'aws:SecureTransport': ctx.request.secureTransport, 'aws:CurrentTime': ctx.now, 'aws:EpochTime': Math.floor(ctx.now.getTime() / 1000) },
          identityPolicies: [],
          resourcePolicy: compileDocument(role.assumeRolePolicyDocument, 'trust', `${role.arn}#trust`),
          resourceAccount: arn.account,
        })
      : undefined;
    if (!role || decision?.decision !== 'allowed') throw new AwsError('AccessDenied', 'Not authorized to perform sts:AssumeRoleWithLDAPIdentity');

    const duration = p.duration ?? 3600;
    if (duration > role.maxSessionDuration) throw durationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
    const packed = packedPolicySize({ policy: p.policy, policyArns: p.policyArns });
    const sessionName = p.sessionName ?? username.replace(/[^\w+=,.@-]/g, '-').slice(0, 64).padEnd(2, '-');
    const sessionArn = `arn:aws:sts::${arn.account}:assumed-role/${role.name}/${sessionName}`;
    const issued = await issueSession(
      ctx.keys,
      {
        account: arn.account,
        type: 'AssumedRole',
        arn: sessionArn,
        userId: `${role.id}:${sessionName}`,
        principalArn: role.arn,
        roleName: role.name,
        sessionName,
        sessionPolicy: p.policy,
        policyArns: p.policyArns,
        federation: { provider, claims },
      },
      ctx.now,
      duration,
    );
    return [
      credentialsXml(issued),
      ['AssumedRoleUser', [['AssumedRoleId', issued.session.userId], ['Arn', sessionArn]]],
      ...(packed !== undefined ? [['PackedPolicySize', packed] as const] : []),
      ['Provider', provider],
      ['SubjectFromLDAPIdentity', bound.principal.dn],
    ];
  },
});
