// Directory users' sessions stay tied to the directory: at most every `recheckMs` a request made with such
// a session re-reads the user (disabled or gone → refused) and re-evaluates the role's trust policy with
// the user's current groups (the group that allowed the role removed → refused). Also: session tags from
// directory attributes (ABAC), as the directory's config maps them.
import { LdapError, type DirectoryBackend, type Entry } from '../contracts/directory.ts';
import type { Store } from '../contracts/store.ts';
import { compileDocument } from '../iam/documents.ts';
import { IamModel, type RoleData } from '../iam/model.ts';
import { evaluate, type ContextValue } from '../policy/index.ts';
import { AwsError } from '../contracts/errors.ts';
import { mappedTags, type SessionTagging, type TagMapping } from './mapped-session-tags.ts';
import type { Session } from '../sessions/session-token.ts';
import type { VerifiedIdentity } from '../contracts/identity.ts';

const UAC_DISABLED = 0x2;
const cnOf = (dn: string) => /^CN=((?:\\.|[^,])+)/i.exec(dn)?.[1]?.replace(/\\(.)/g, '$1') ?? dn;

export interface DirectoryIdentity {
  directoryId: string;
  dn: string;
  username: string;
  groupDNs: string[];
}

/** The trust-policy condition keys of a directory user (documented in the README). */
export function directoryClaims(id: DirectoryIdentity): Record<string, string | string[]> {
  return { 'ds:DirectoryId': id.directoryId, 'ds:Username': id.username, 'ds:UserDN': id.dn, 'ds:Groups': id.groupDNs.map(cnOf), 'ds:GroupDNs': id.groupDNs };
}

export function directoryProviderArn(region: string, account: string, directoryId: string): string {
  return `arn:aws:ds:${region}:${account}:directory/${directoryId}`;
}

/** Does the role's trust policy let this directory identity in (with `action`)? */
export function trustAllows(role: RoleData, provider: string, account: string, claims: Record<string, ContextValue>, action: string, now: Date): boolean {
  return (
    evaluate({
      action,
      resource: role.arn,
      principal: { type: 'WebIdentity', arn: provider, account },
      context: { ...claims, 'aws:CurrentTime': now, 'aws:EpochTime': Math.floor(now.getTime() / 1000) },
      identityPolicies: [],
      resourcePolicy: compileDocument(role.assumeRolePolicyDocument, 'trust', `${role.arn}#trust`),
      resourceAccount: account,
    }).decision === 'allowed'
  );
}

/** The user's entry, or undefined when the directory says it is gone (noSuchObject). Any other failure — the
 *  directory or its upstream unreachable, busy — is thrown, so the caller can tell "deleted" from "unknown". */
export async function readUser(backend: DirectoryBackend, dn: string, attributes: string[]): Promise<Entry | undefined> {
  try {
    for await (const e of backend.search(dn, 'base', { type: 'present', attribute: 'objectClass' }, { principal: { dn, name: dn }, attributes, sizeLimit: 1 })) return e;
  } catch (e) {
    if (e instanceof LdapError && e.code === 'noSuchObject') return undefined;
    throw e;
  }
  return undefined;
}

/**
 * Session tags from a directory user, as the directory's config maps them (see ./mapped-session-tags.ts): a
 * source named `ds:*` is one of the user's condition keys (`ds:Groups`: every group CN, joined with ':'),
 * any other name an attribute of the user's entry, read as the user.
 */
export async function directoryTags(backend: DirectoryBackend, identity: VerifiedIdentity, mapping: TagMapping): Promise<SessionTagging> {
  const sources = Object.values(mapping.sessionTags);
  if (sources.length === 0) return { tags: [], transitiveTagKeys: [] };
  const attributes = sources.filter((s) => !s.startsWith('ds:'));
  let entry: Entry | undefined;
  if (attributes.length) {
    const dn = identity.subject;
    for await (const e of backend.search(dn, 'base', { type: 'present', attribute: 'objectClass' }, { principal: { dn, name: dn }, attributes, sizeLimit: 1 })) entry = e;
  }
  const fail = (m: string) => new AwsError('ValidationError', m);
  return mappedTags(mapping, (name) => (name.startsWith('ds:') ? identity.claims[name] : entry?.get(name)), fail);
}

export class DirectorySessionChecker {
  private readonly checked = new Map<string, { at: number; ok: boolean }>();

  constructor(
    private readonly store: Store,
    private readonly directories: () => ReadonlyMap<string, DirectoryBackend> | undefined,
    private readonly recheckMs = 60_000,
  ) {}

  /** False when the directory no longer lets this session's user have this role. */
  async stillAllowed(s: Session, now: Date): Promise<boolean> {
    const claims = s.federation?.claims;
    if (!s.federation?.provider.startsWith('arn:aws:ds:') || !claims) return true;
    const hit = this.checked.get(s.accessKeyId);
    if (hit && now.getTime() - hit.at < this.recheckMs) return hit.ok;
    const ok = await this.check(s, claims, now).catch(() => hit?.ok ?? true); // directory unreachable: keep the last answer
    if (this.checked.size > 50_000) this.checked.clear();
    this.checked.set(s.accessKeyId, { at: now.getTime(), ok });
    return ok;
  }

  private async check(s: Session, claims: Record<string, string | string[]>, now: Date): Promise<boolean> {
    const directoryId = String(claims['ds:DirectoryId']);
    const dn = String(claims['ds:UserDN']);
    const backend = this.directories()?.get(directoryId);
    if (!backend || !s.roleName) return false;
    const user = await readUser(backend, dn, ['userAccountControl', 'sAMAccountName']);
    if (!user || Number(user.first('userAccountControl') ?? 0) & UAC_DISABLED) return false;
    const groupDNs = await backend.groupsOf({ dn, name: `${backend.domain.netbiosName}\\${String(claims['ds:Username'])}` });
    const role = (await new IamModel(this.store).getPrincipal<RoleData>(s.account, 'role', s.roleName))?.data;
    if (!role) return false;
    const fresh = directoryClaims({ directoryId, dn, username: String(claims['ds:Username']), groupDNs });
    // MFA as it was when the trust policy first allowed the session (directory MFA), so a policy requiring it still does
    const mfa = { 'aws:MultiFactorAuthPresent': Boolean(s.mfa), ...(s.mfa ? { 'aws:MultiFactorAuthAge': Math.max(0, s.issuedAt - s.mfa.authTime) } : {}) };
    return trustAllows(role, s.federation!.provider, s.account, { ...fresh, ...mfa }, 'sts:AssumeRoleWithLDAPIdentity', now);
  }
}
