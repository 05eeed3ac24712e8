// A directory login: bind with the user's name and password, then read their transitive groups, giving the
// VerifiedIdentity whose `ds:*` keys trust policies test. Used by AssumeRoleWithLDAPIdentity and the portal.
//   ds:DirectoryId     d-1000000001
//   ds:Username        alice                 (sAMAccountName, from the bound name)
//   ds:UserDN          CN=alice,CN=Users,DC=corp,DC=example,DC=com
//   ds:Groups          [Domain Users, engineers, …]   (multivalued: group CNs, nested groups included)
//   ds:GroupDNs        [CN=engineers,OU=Groups,DC=…, …]
import { LdapError, type AdBindCode, type BindResult, type DirectoryBackend } from '../contracts/directory.ts';
import type { VerifiedIdentity } from '../contracts/identity.ts';

/** What each AD bind failure means to a person (AccessDenied messages). */
export const BIND_FAILURE: Record<AdBindCode, string> = {
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

export type DirectorySignIn = { ok: true; identity: VerifiedIdentity } | { ok: false; adCode: AdBindCode; message: string };

const cnOf = (dn: string) => /^CN=((?:\\.|[^,])+)/i.exec(dn)?.[1]?.replace(/\\(.)/g, '$1') ?? dn;

/** A RoleSessionName from a user name: characters STS refuses become '-', 2 to 64 characters. */
export const sessionNameOf = (username: string) => username.replace(/[^\w+=,.@-]/g, '-').slice(0, 64).padEnd(2, '-');

/** Binds as the user (a bare name is taken as NETBIOS\name); a wrong password is a result, an unreachable
 *  directory throws. */
export async function directorySignIn(directoryId: string, backend: DirectoryBackend, username: string, password: string, now: Date): Promise<DirectorySignIn> {
  const name = /[\\@=]/.test(username) ? username : `${backend.domain.netbiosName}\\${username}`;
  let bound: BindResult;
  try {
    bound = await backend.bind(name, password);
  } catch (e) {
    // A proxying backend (ad-connector) relays the upstream's refusal as an LdapError; it is still a wrong password.
    if (!(e instanceof LdapError) || e.code !== 'invalidCredentials') throw e;
    bound = { ok: false, adCode: ((e as { adCode?: AdBindCode }).adCode ?? '52e') as AdBindCode };
  }
  if (!bound.ok) return { ok: false, adCode: bound.adCode, message: BIND_FAILURE[bound.adCode] ?? BIND_FAILURE['52e'] };
  const groupDNs = await backend.groupsOf(bound.principal);
  const user = bound.principal.name.includes('\\') ? bound.principal.name.split('\\').pop()! : bound.principal.name;
  return {
    ok: true,
    identity: {
      source: 'directory',
      provider: directoryId,
      subject: bound.principal.dn,
      displayName: bound.principal.name,
      sessionName: sessionNameOf(user),
      claims: {
        'ds:DirectoryId': directoryId,
        'ds:Username': user,
        'ds:UserDN': bound.principal.dn,
        'ds:Groups': groupDNs.map(cnOf),
        'ds:GroupDNs': groupDNs,
      },
      authTime: Math.floor(now.getTime() / 1000),
    },
  };
}
