// Rewrites a filter the way AD reads it before matching: SIDs and GUIDs written as strings become
// the stored bytes (binaryAssertion), and `aNR` clauses become the Ambiguous Name Resolution
// search of [MS-ADTS] 3.1.1.3.1.3.4. Backends apply it once per search (simple-ad, managed-ad),
// and the ad-connector before forwarding, so an upstream without ANR or string SIDs (slapd) is
// asked what it understands.
import { binaryAssertion } from './ad-binary.ts';
import type { Filter } from './directory.ts';

/**
 * AD's default ANR attribute set: the attributes whose schema searchFlags carry fANR (Windows
 * Server 2008 and later, without Exchange's additions). `name` is the RDN. `mail` is not in AD's
 * set; addresses are found through `proxyAddresses` (`smtp:` values), as on a DC.
 */
export const ANR_ATTRIBUTES = [
  'displayName', 'givenName', 'sn', 'sAMAccountName', 'name', 'physicalDeliveryOfficeName', 'proxyAddresses',
  'msDS-AdditionalSamAccountName', 'msDS-PhoneticDisplayName', 'msDS-PhoneticFirstName', 'msDS-PhoneticLastName',
  'msDS-PhoneticCompanyName', 'msDS-PhoneticDepartment',
];

const NOTHING: Filter = { type: 'or', filters: [] };
const isAnr = (attribute: string): boolean => attribute.split(';')[0].toLowerCase() === 'anr';

export function rewriteFilter(f: Filter): Filter {
  switch (f.type) {
    case 'and':
    case 'or':
      return { type: f.type, filters: f.filters.map(rewriteFilter) };
    case 'not':
      return { type: 'not', filter: rewriteFilter(f.filter) };
    case 'present':
      return isAnr(f.attribute) ? NOTHING : f; // (aNR=*): no object holds aNR itself
    case 'equality':
    case 'approx':
    case 'greaterOrEqual':
    case 'lessOrEqual': {
      if (isAnr(f.attribute)) return f.type === 'equality' || f.type === 'approx' ? anr(f.value.toString('utf8')) : NOTHING;
      const bytes = binaryAssertion(f.attribute, f.value);
      return bytes ? { ...f, value: bytes } : f;
    }
    case 'substrings':
      // (aNR=ali*): the initial part resolved as ANR; other shapes name nothing
      return isAnr(f.attribute) ? (f.initial && f.any.length === 0 && !f.final ? anr(f.initial.toString('utf8')) : NOTHING) : f;
    case 'extensible':
      return f;
  }
}

/**
 * (aNR=V) → an OR over the ANR set: (A=V*) for each attribute, or (A=V) when V starts with `=`
 * (the exact-match form); (legacyExchangeDN=V) always exact; when V holds a space, split at the
 * first one into (&(givenName=first*)(sn=last*)) and (&(givenName=last*)(sn=first*)) (AD's
 * defaults for the fSupFirstLastANR / fSupLastFirstANR heuristics).
 */
export function anr(raw: string): Filter {
  let v = raw.trim();
  const exact = v.startsWith('=');
  if (exact) v = v.slice(1).trim();
  if (v === '') return NOTHING;
  const clause = (attribute: string, value: string): Filter =>
    exact ? { type: 'equality', attribute, value: Buffer.from(value, 'utf8') } : { type: 'substrings', attribute, initial: Buffer.from(value, 'utf8'), any: [] };
  const filters: Filter[] = ANR_ATTRIBUTES.map((a) => clause(a, v));
  filters.push({ type: 'equality', attribute: 'legacyExchangeDN', value: Buffer.from(v, 'utf8') });
  const space = v.indexOf(' ');
  if (space > 0) {
    const first = v.slice(0, space);
    const last = v.slice(space + 1).trim();
    if (last !== '') {
      filters.push({ type: 'and', filters: [clause('givenName', first), clause('sn', last)] });
      filters.push({ type: 'and', filters: [clause('givenName', last), clause('sn', first)] });
    }
  }
  return { type: 'or', filters };
}
