// The two questions every login path asks of a VerifiedIdentity (server/contracts/identity.ts): which roles may
// it assume, and credentials for it in one role.
// Shared by AssumeRoleWithLDAPIdentity and the browser portal. No HTTP here.
import { AwsError } from '../contracts/errors.ts';
import { roleResourceKeys } from '../iam/authorization-table.ts';
import { compileDocument } from '../iam/documents.ts';
import { IamModel, type RoleData } from '../iam/model.ts';
import type { KeyRing } from '../keys/keyring.ts';
import type { VerifiedIdentity } from '../contracts/identity.ts';
import type { Store } from '../contracts/store.ts';
import { evaluate, type PrincipalInfo } from '../policy/index.ts';
import { issueSession, type Issued } from './issue-credentials.ts';

/** The request facts that go into every trust-policy evaluation. */
export interface TrustEnvironment {
  region: string;
  now: Date;
  sourceIp: string;
  secureTransport: boolean;
}

const ACTION: Record<VerifiedIdentity['source'], string> = {
  directory: 'sts:AssumeRoleWithLDAPIdentity',
  saml: 'sts:AssumeRoleWithSAML',
  oidc: 'sts:AssumeRoleWithWebIdentity',
};

/** The federated principal a role in `account` sees, or undefined when the provider lives in another account. */
export function federatedPrincipal(identity: VerifiedIdentity, account: string, region: string): PrincipalInfo | undefined {
  if (identity.source === 'directory') return { type: 'WebIdentity', arn: `arn:aws:ds:${region}:${account}:directory/${identity.provider}`, account };
  if (identity.provider.split(':')[4] !== account) return undefined;
  return { type: identity.source === 'saml' ? 'SAMLUser' : 'WebIdentity', arn: identity.provider, account };
}

/** True when the role's trust policy allows this identity. */
export function trustAllows(identity: VerifiedIdentity, role: RoleData, account: string, env: TrustEnvironment): boolean {
  const principal = federatedPrincipal(identity, account, env.region);
  if (!principal) return false;
  if (identity.roleArns && !identity.roleArns.includes(role.arn)) return false;
  // A request with session tags carries them for both authorizations, as AssumeRole's does.
  const tags = identity.tags ?? [];
  const context = {
    ...identity.claims,
    ...roleResourceKeys(role), // aws:ResourceTag/*, iam:ResourceTag/* of the role (server/iam/authorization-table.ts)
    ...(identity.source !== 'directory' ? { 'aws:FederatedProvider': principal.arn } : {}),
    ...Object.fromEntries(tags.map((t) => [`aws:RequestTag/${t.Key}`, t.Value])),
    ...(tags.length ? { 'aws:TagKeys': tags.map((t) => t.Key) } : {}),
    'aws:SourceIp': env.sourceIp,
    'aws:SecureTransport': env.secureTransport,
    'aws:CurrentTime': env.now,
    'aws:EpochTime': Math.floor(env.now.getTime() / 1000),
    ...(identity.mfa !== undefined ? { 'aws:MultiFactorAuthPresent': identity.mfa } : {}),
    ...(identity.mfa ? { 'aws:MultiFactorAuthAge': Math.max(0, Math.floor(env.now.getTime() / 1000) - identity.authTime) } : {}),
  };
  const trust = compileDocument(role.assumeRolePolicyDocument, 'trust', `${role.arn}#trust`);
  const allowed = (action: string) =>
    evaluate({ action, resource: role.arn, principal, context, identityPolicies: [], resourcePolicy: trust, resourceAccount: account }).decision === 'allowed';
  return allowed(ACTION[identity.source]) && (tags.length === 0 || allowed('sts:TagSession'));
}

export interface AssumableRole {
  account: string;
  alias?: string;
  role: RoleData;
}

/** Every role, in every account, whose trust policy allows this identity; by account, then role name. */
export async function assumableRoles(store: Store, identity: VerifiedIdentity, accounts: ReadonlyArray<{ id: string; alias?: string }>, env: TrustEnvironment): Promise<AssumableRole[]> {
  const iam = new IamModel(store);
  const out: AssumableRole[] = [];
  for (const a of accounts) {
    const roles = await iam.listPrincipals<RoleData>(a.id, 'role');
    for (const r of roles) if (trustAllows(identity, r.data, a.id, env)) out.push({ account: a.id, alias: a.alias, role: r.data });
  }
  return out.sort((x, y) => x.account.localeCompare(y.account) || x.role.name.localeCompare(y.role.name));
}

export interface RoleCredentials extends Issued {
  sessionArn: string;
  /** The federated principal's ARN (the STS result's Provider). */
  provider: string;
}

/** Issues credentials for `identity` in `role` (the caller has checked trustAllows and the duration). */
export async function issueRoleCredentials(
  keys: KeyRing,
  identity: VerifiedIdentity,
  role: RoleData,
  account: string,
  opts: { region: string; now: Date; durationSeconds: number; sessionName?: string; policy?: string; policyArns?: string[] },
): Promise<RoleCredentials> {
  const provider = federatedPrincipal(identity, account, opts.region)?.arn ?? identity.provider;
  const left = identity.sessionNotOnOrAfter !== undefined ? identity.sessionNotOnOrAfter - Math.floor(opts.now.getTime() / 1000) : Infinity;
  if (left <= 0) throw new AwsError('ExpiredTokenException', 'The identity provider session has ended (SessionNotOnOrAfter); sign in again.');
  const durationSeconds = Math.min(opts.durationSeconds, identity.maxDurationSeconds ?? Infinity, left);
  const sessionName = opts.sessionName ?? identity.sessionName;
  const sessionArn = `arn:aws:sts::${account}:assumed-role/${role.name}/${sessionName}`;
  const issued = await issueSession(
    keys,
    {
      account,
      type: 'AssumedRole',
      arn: sessionArn,
      userId: `${role.id}:${sessionName}`,
      principalArn: role.arn,
      roleName: role.name,
      sessionName,
      sessionPolicy: opts.policy,
      policyArns: opts.policyArns,
      federation: { provider, claims: identity.claims },
      ...(identity.mfa ? { mfa: { authTime: identity.authTime } } : {}),
      ...(identity.tags?.length ? { tags: identity.tags, transitiveTagKeys: identity.transitiveTagKeys } : {}),
    },
    opts.now,
    durationSeconds,
  );
  return { ...issued, sessionArn, provider };
}
