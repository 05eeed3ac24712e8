// AD's answer for an operation whose target is in another domain: resultCode 10 (referral), with the
// domain's LDAP URL in the referral field and the access points in the diagnostic, e.g.
//   0000202B: RefErr: DSID-0310082F, data 0, 1 access points\n\tref 1: 'example.com'\n
//   referral: ldap://example.com/ou=People,dc=example,dc=com
// Sources: AD SearchResultDone messages captured as test fixtures by public LDAP codecs (Python and
// C#: ERROR_DS_REFERRAL 0x202B, "1 access points", "ref 1: '<domain>'", referral ldap://<domain>/<DN>),
// MS-ADDM's example fault (ErrorCode 10, Win32ErrorCode 8235, Referral ldap://server01.fabrikam.com/CN=Test,DC=fabrikam,DC=com),
// and an ldapsearch against a DC (result: 10 Referral, ref: ldap://<domain>/DC=…). AD ends the
// diagnostic with a NUL; like the broker's other AD diagnostics, this one does not.
// The first URL is AD's own form (the domain's DNS name, which resolves to its DCs); the trust's
// upstream DC URLs follow as further access points for networks where that name does not resolve.
import { LdapError } from '../../../server/contracts/directory.ts';
import type { TrustedDomain } from './trusted-domain.ts';

/** RFC 4516: the DN part of an LDAP URL, with the characters that would end it percent-encoded. */
const urlDN = (dn: string) => dn.replace(/[%?#/\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

export function referralTo(trust: TrustedDomain, target: string): LdapError {
  const hosts = [trust.domain.dnsName, ...trust.config.upstream.urls.map((u) => u.replace(/\/+$/, ''))];
  const urls = hosts.map((h) => `${h.includes('://') ? h : `ldap://${h}`}/${urlDN(target)}`);
  const refs = hosts.map((h, i) => `\tref ${i + 1}: '${h.replace(/^ldaps?:\/\//, '')}'\n`).join('');
  return new LdapError('referral', `0000202B: RefErr: DSID-0310082F, data 0, ${hosts.length} access points\n${refs}`, { referrals: urls });
}
