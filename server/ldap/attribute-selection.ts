// Which attributes of an entry a search returns (RFC 4511 §4.5.1.8 plus AD's ranged retrieval):
// none/`*` = user attributes, `+` = operational ones, `1.1` = none, names case-insensitive, the
// entry's own spelling on output. Secrets are never returned.
import type { AttributeValue, Entry } from '../contracts/directory.ts';

const OPERATIONAL = new Set(
  ['createTimestamp', 'modifyTimestamp', 'subschemaSubentry', 'entryDN', 'structuralObjectClass', 'hasSubordinates', 'canonicalName',
    'tokenGroups', 'tokenGroupsGlobalAndUniversal', 'msDS-User-Account-Control-Computed', 'msDS-PrincipalName', 'allowedAttributes',
    'allowedAttributesEffective', 'allowedChildClasses', 'msDS-UserPasswordExpiryTimeComputed'].map((a) => a.toLowerCase()),
);

const NEVER_RETURNED = new Set(['unicodepwd', 'dbcspwd', 'ntpwdhistory', 'lmpwdhistory', 'supplementalcredentials', 'userpassword']);

const RANGE = /^(.*);range=(\d+)-(\d+|\*)$/i;

export function selectAttributes(entry: Entry, requested: string[], maxValRange: number): [string, AttributeValue[]][] {
  const all = requested.length === 0 || requested.includes('*');
  const ops = requested.includes('+');
  const wanted = new Map<string, { lo: number; hi: number } | null>();
  for (const r of requested) {
    if (r === '*' || r === '+' || r === '1.1') continue;
    const m = RANGE.exec(r);
    if (m) wanted.set(m[1].toLowerCase(), { lo: Number(m[2]), hi: m[3] === '*' ? Infinity : Number(m[3]) });
    else wanted.set(r.split(';')[0].toLowerCase(), null);
  }
  const out: [string, AttributeValue[]][] = [];
  for (const [name, values] of entry) {
    const key = name.toLowerCase();
    if (NEVER_RETURNED.has(key)) continue;
    const explicit = wanted.has(key);
    if (!explicit && !(OPERATIONAL.has(key) ? ops : all)) continue;
    const range = wanted.get(key) ?? (values.length > maxValRange ? { lo: 0, hi: Infinity } : null);
    if (!range) {
      out.push([name, values]);
      continue;
    }
    const lo = range.lo;
    if (lo >= values.length) continue;
    const hi = Math.min(range.hi, lo + maxValRange - 1, values.length - 1);
    const last = hi >= values.length - 1;
    out.push([`${name};range=${lo}-${last ? '*' : hi}`, values.slice(lo, hi + 1)]);
  }
  return out;
}
