// Evaluates a Filter against an Entry with AD's semantics: attribute names case-insensitive;
// string values compared case-insensitively (DN-valued attributes as DNs); Buffer (binary)
// values compared byte for byte; integers (incl. Integer8) numerically for >= and <=;
// objectCategory short names (`person`); extensible matches BIT_AND (803), BIT_OR (804)
// and, through the caller's resolver, LDAP_MATCHING_RULE_IN_CHAIN (1941).
import type { AttributeValue, Entry, Filter } from './directory.ts';
import { dnEquals, parseDN } from './dn.ts';

export const MATCHING_RULE = {
  bitAnd: '1.2.840.113556.1.4.803',
  bitOr: '1.2.840.113556.1.4.804',
  inChain: '1.2.840.113556.1.4.1941',
  caseIgnore: '2.5.13.2',
  caseExact: '2.5.13.5',
} as const;

export interface MatchContext {
  /** LDAP_MATCHING_RULE_IN_CHAIN: does `entry` reach `targetDN` by following `attribute`
   *  (member / memberOf / manager …) transitively? Without a resolver the rule never matches. */
  inChain?: (entry: Entry, attribute: string, targetDN: string) => boolean;
}

const DN_ATTRIBUTES = new Set(
  ['distinguishedName', 'member', 'memberOf', 'manager', 'directReports', 'managedBy', 'objectCategory', 'defaultObjectCategory', 'homeMDB', 'msDS-AuthenticatedAtDC'].map((a) => a.toLowerCase()),
);

const baseName = (attr: string): string => attr.split(';')[0].toLowerCase();

export function matchesFilter(entry: Entry, filter: Filter, ctx: MatchContext = {}): boolean {
  switch (filter.type) {
    case 'and':
      return filter.filters.every((f) => matchesFilter(entry, f, ctx));
    case 'or':
      return filter.filters.some((f) => matchesFilter(entry, f, ctx));
    case 'not':
      return !matchesFilter(entry, filter.filter, ctx);
    case 'present':
      return baseName(filter.attribute) === 'objectclass' || values(entry, filter.attribute).length > 0;
    case 'equality':
    case 'approx':
      return values(entry, filter.attribute).some((v) => equal(filter.attribute, v, filter.value));
    case 'greaterOrEqual':
      return values(entry, filter.attribute).some((v) => order(v, filter.value) >= 0);
    case 'lessOrEqual':
      return values(entry, filter.attribute).some((v) => order(v, filter.value) <= 0);
    case 'substrings':
      return values(entry, filter.attribute).some((v) => substrings(v, filter));
    case 'extensible':
      return extensible(entry, filter, ctx);
  }
}

function values(entry: Entry, attribute: string): AttributeValue[] {
  const name = baseName(attribute);
  if (name === 'distinguishedname' || name === 'dn') return [entry.dn];
  return entry.get(name) ?? [];
}

function text(v: Buffer): string {
  return v.toString('utf8').normalize('NFC').toLowerCase();
}

function equal(attribute: string, stored: AttributeValue, assertion: Buffer): boolean {
  if (Buffer.isBuffer(stored)) return stored.equals(assertion);
  const name = baseName(attribute);
  const a = assertion.toString('utf8');
  if (DN_ATTRIBUTES.has(name)) {
    if (name === 'objectcategory' && !a.includes('=')) return firstRdnValue(stored)?.toLowerCase() === a.trim().toLowerCase();
    return dnEquals(stored, a);
  }
  return stored.normalize('NFC').toLowerCase() === a.normalize('NFC').toLowerCase();
}

function firstRdnValue(dn: string): string | undefined {
  try {
    return parseDN(dn)[0]?.[0]?.value;
  } catch {
    return undefined;
  }
}

const INTEGER = /^-?\d+$/;

function order(stored: AttributeValue, assertion: Buffer): number {
  if (Buffer.isBuffer(stored)) return Buffer.compare(stored, assertion);
  const a = assertion.toString('utf8').trim();
  const s = stored.trim();
  if (INTEGER.test(s) && INTEGER.test(a)) {
    const d = BigInt(s) - BigInt(a);
    return d === 0n ? 0 : d > 0n ? 1 : -1;
  }
  const ls = s.toLowerCase();
  const la = a.toLowerCase();
  return ls === la ? 0 : ls > la ? 1 : -1;
}

function substrings(stored: AttributeValue, f: Filter & { type: 'substrings' }): boolean {
  const bin = Buffer.isBuffer(stored);
  const hay = bin ? stored.toString('latin1') : stored.normalize('NFC').toLowerCase();
  const part = (b: Buffer): string => (bin ? b.toString('latin1') : text(b));
  let pos = 0;
  if (f.initial) {
    const p = part(f.initial);
    if (!hay.startsWith(p)) return false;
    pos = p.length;
  }
  for (const any of f.any) {
    const p = part(any);
    const at = hay.indexOf(p, pos);
    if (at < 0) return false;
    pos = at + p.length;
  }
  if (f.final) {
    const p = part(f.final);
    return hay.length - p.length >= pos && hay.endsWith(p);
  }
  return true;
}

function toBigInt(v: AttributeValue): bigint | undefined {
  const s = (typeof v === 'string' ? v : v.toString('utf8')).trim();
  return INTEGER.test(s) ? BigInt.asUintN(64, BigInt(s)) : undefined;
}

function extensible(entry: Entry, f: Filter & { type: 'extensible' }, ctx: MatchContext): boolean {
  const attr = f.attribute;
  switch (f.rule) {
    case MATCHING_RULE.bitAnd:
    case MATCHING_RULE.bitOr: {
      const a = toBigInt(f.value);
      if (a === undefined || !attr) return false;
      return values(entry, attr).some((v) => {
        const n = toBigInt(v);
        if (n === undefined) return false;
        return f.rule === MATCHING_RULE.bitAnd ? (n & a) === a : (n & a) !== 0n;
      });
    }
    case MATCHING_RULE.inChain:
      return !!attr && !!ctx.inChain && ctx.inChain(entry, attr, f.value.toString('utf8'));
    case undefined:
    case MATCHING_RULE.caseIgnore:
    case MATCHING_RULE.caseExact: {
      const exact = f.rule === MATCHING_RULE.caseExact;
      const eq = (v: AttributeValue): boolean =>
        exact ? (typeof v === 'string' ? Buffer.from(v, 'utf8') : v).equals(f.value) : equal(attr ?? '', v, f.value);
      if (attr && values(entry, attr).some(eq)) return true;
      if (!f.dnAttributes) return false;
      try {
        return parseDN(entry.dn).some((rdn) => rdn.some((ava) => (!attr || ava.type.toLowerCase() === baseName(attr)) && eq(ava.value)));
      } catch {
        return false;
      }
    }
    default:
      return false; // unknown matching rule: Undefined, which never matches
  }
}
