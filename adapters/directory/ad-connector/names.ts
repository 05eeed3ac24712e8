// The three bind-name forms and how each is looked up upstream with the service account.
// AD attributes first, OpenLDAP's fallbacks beside them in the same OR (a DC that lacks an
// attribute type evaluates that branch as Undefined, which is not an error):
//   UPN alice@onprem.example.com → userPrincipalName, else mail; when the suffix is the domain's DNS name
//                                  also the implicit UPN a DC accepts, sAMAccountName=alice (uid=alice on
//                                  OpenLDAP); an explicit userPrincipalName wins over it (pickBindUser)
//   ONPREM\alice                 → sAMAccountName, else uid
//   a DN                          → read as is (base search) after the bind
import type { DomainInfo, Filter } from '../../../server/contracts/directory.ts';
import { and, eq, or } from './filter.ts';

export type BindName = { kind: 'dn'; dn: string } | { kind: 'lookup'; filter: Filter } | { kind: 'foreign' };

const PERSON: Filter = or(eq('objectClass', 'person'), eq('objectClass', 'user'));

export function parseBindName(name: string, domain: DomainInfo): BindName {
  const downLevel = /^([^\\@=,]+)\\([^\\]+)$/.exec(name);
  if (downLevel) {
    const [, netbios, user] = downLevel;
    const same = netbios.toUpperCase() === domain.netbiosName.toUpperCase() || netbios.toLowerCase() === domain.dnsName.toLowerCase();
    if (!same) return { kind: 'foreign' };
    return { kind: 'lookup', filter: and(PERSON, or(eq('sAMAccountName', user), eq('uid', user))) };
  }
  if (/=/.test(name)) return { kind: 'dn', dn: name };
  const upn = /^([^@]+)@([^@]+)$/.exec(name);
  if (upn) {
    const [, local, suffix] = upn;
    const alternatives = [eq('userPrincipalName', name), eq('mail', name)];
    if (suffix.toLowerCase() === domain.dnsName.toLowerCase()) alternatives.push(eq('sAMAccountName', local), eq('uid', local));
    return { kind: 'lookup', filter: and(PERSON, or(...alternatives)) };
  }
  // a bare name: AD takes it as the sAMAccountName in the DC's own domain
  return { kind: 'lookup', filter: and(PERSON, or(eq('sAMAccountName', name), eq('uid', name))) };
}

/** The one user a bind name's look-up found. Two entries for a UPN (one holding it as its
 *  userPrincipalName, one by the implicit sAMAccountName@dnsName) resolve as a DC resolves them:
 *  the explicit UPN wins. Otherwise anything but exactly one entry is no user. */
export function pickBindUser<E extends { first(n: string): string | undefined }>(name: string, found: E[]): E | undefined {
  if (found.length === 1) return found[0];
  const explicit = found.filter((e) => e.first('userPrincipalName')?.toLowerCase() === name.toLowerCase());
  return explicit.length === 1 ? explicit[0] : undefined;
}

/** The down-level logon name of an entry: NETBIOS\sAMAccountName, else uid, else the RDN value. */
export function downLevelName(entry: { dn: string; first(n: string): string | undefined }, domain: DomainInfo): string {
  const user = entry.first('sAMAccountName') ?? entry.first('uid') ?? /^[^=]+=((?:\\.|[^,])+)/.exec(entry.dn)?.[1]?.replace(/\\(.)/g, '$1') ?? entry.dn;
  return `${domain.netbiosName}\\${user}`;
}

export const NAME_ATTRIBUTES = ['sAMAccountName', 'uid', 'userPrincipalName', 'memberOf'];
