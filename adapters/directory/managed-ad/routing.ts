// Which domain a bind name or a DN belongs to: this directory's own (undefined) or a trusted one.
//   DN                 its suffix: DC=onprem,DC=example,DC=com → onprem.example.com
//   ONPREM\alice       the NetBIOS name (or DNS name) before the backslash
//   alice@onprem.…     the UPN suffix
// A name of this directory's own domain, or of a domain it does not know, stays local (the local
// directory answers an unknown name with 52e, as AD does).
import { rdnKeys } from '../../../server/contracts/dn.ts';
import type { TrustedDomain } from './trusted-domain.ts';

export function trustOfName(name: string, trusts: readonly TrustedDomain[]): TrustedDomain | undefined {
  const downLevel = /^([^\\@=,]+)\\([^\\]+)$/.exec(name);
  if (downLevel) return trusts.find((t) => t.isDomainPrefix(downLevel[1]));
  if (name.includes('=')) return trustOfDN(name, trusts);
  const upn = /^[^@]+@([^@]+)$/.exec(name);
  if (upn) return trusts.find((t) => t.isUpnSuffix(upn[1]));
  return undefined;
}

/** The trusted domain holding `dn`, if any; a DN that does not parse stays local (its error is the local one). */
export function trustOfDN(dn: string, trusts: readonly TrustedDomain[]): TrustedDomain | undefined {
  if (trusts.length === 0) return undefined;
  try {
    rdnKeys(dn);
  } catch {
    return undefined;
  }
  return trusts.find((t) => t.holdsDN(dn));
}
