// Distinguished names (RFC 4514) compared the way AD does: attribute types and values
// case-insensitively, escapes resolved (`\,` = `\2C`, `\c3\a9` = `é`), spaces around separators
// ignored. DNs are never re-serialised for output: the backend's spelling goes on the wire.
import { LdapError } from './directory.ts';

export interface Ava {
  type: string;
  value: string;
}

/** Parses a DN into RDNs (most specific first). Throws LdapError invalidDNSyntax (34). */
export function parseDN(dn: string): Ava[][] {
  const rdns: Ava[][] = [];
  if (dn.trim() === '') return rdns;
  let i = 0;
  let rdn: Ava[] = [];
  let plain: number;
  const fail = (why: string): never => {
    throw new LdapError('invalidDNSyntax', `00002081: NameErr: DSID-03050F42, problem 2003 (BAD_ATT_SYNTAX), data 0, ${why}\n`);
  };
  while (i <= dn.length) {
    while (dn[i] === ' ') i++;
    const eq = dn.indexOf('=', i);
    if (eq < 0) fail('missing "="');
    const type = dn.slice(i, eq).trim();
    if (!/^([A-Za-z][A-Za-z0-9-]*|\d+(\.\d+)*)$/.test(type)) fail(`bad attribute type "${type}"`);
    i = eq + 1;
    while (dn[i] === ' ') i++;
    const bytes: number[] = [];
    let trailingSpaces = 0;
    if (dn[i] === '#') {
      const m = /^#((?:[0-9A-Fa-f]{2})+)/.exec(dn.slice(i));
      if (!m) fail('bad hex value');
      bytes.push(...Buffer.from(m![1], 'hex'));
      i += m![0].length;
    } else if ((plain = plainValueEnd(dn, i)) >= 0) {
      // the common case: no escapes, nothing to decode — the value is its own text, trailing spaces dropped
      rdn.push({ type, value: dn.slice(i, plain).replace(/ +$/, '') });
      i = plain;
      while (dn[i] === ' ') i++;
      if (i >= dn.length) {
        rdns.push(rdn);
        break;
      }
      if (dn[i] === '+') {
        i++;
        continue;
      }
      if (dn[i] !== ',' && dn[i] !== ';') fail('expected a separator');
      rdns.push(rdn);
      rdn = [];
      i++;
      if (i >= dn.length) fail('empty RDN');
      continue;
    } else {
      for (; i < dn.length && !',;+'.includes(dn[i]); i++) {
        const c = dn[i];
        if (c === '\\') {
          const hex = dn.slice(i + 1, i + 3);
          if (/^[0-9A-Fa-f]{2}$/.test(hex)) {
            bytes.push(parseInt(hex, 16));
            i += 2;
          } else if (i + 1 < dn.length) {
            bytes.push(...Buffer.from(dn[++i], 'utf8'));
          } else fail('dangling escape');
          trailingSpaces = 0;
        } else {
          if (c === '"' || c === '<' || c === '>' || c === '\0') fail(`unescaped "${c}"`);
          const cp = dn.codePointAt(i)!;
          const s = String.fromCodePoint(cp);
          if (s.length === 2) i++;
          bytes.push(...Buffer.from(s, 'utf8'));
          trailingSpaces = c === ' ' ? trailingSpaces + 1 : 0;
        }
      }
    }
    const value = Buffer.from(bytes.slice(0, bytes.length - trailingSpaces)).toString('utf8');
    rdn.push({ type, value });
    while (dn[i] === ' ') i++;
    if (i >= dn.length) {
      rdns.push(rdn);
      break;
    }
    if (dn[i] === '+') {
      i++;
      continue;
    }
    if (dn[i] !== ',' && dn[i] !== ';') fail('expected a separator');
    rdns.push(rdn);
    rdn = [];
    i++;
    if (i >= dn.length) fail('empty RDN');
  }
  return rdns;
}

/** Where a value starting at `i` ends when it holds no escape and no forbidden character, else -1. */
function plainValueEnd(dn: string, i: number): number {
  for (; i < dn.length; i++) {
    const c = dn.charCodeAt(i);
    if (c === 0x2c || c === 0x3b || c === 0x2b) return i; // , ; +
    if (c === 0x5c || c === 0x22 || c === 0x3c || c === 0x3e || c === 0) return -1; // \ " < > NUL
  }
  return i;
}

// DNs are compared far more often than they change (every entry of a search, every member value):
// their keys are memoized (bounded); callers get their own copy of the array.
const KEY_CACHE_SIZE = 50_000;
const keyCache = new Map<string, string[]>();

/** Canonical comparison key of each RDN (lowercase type=value, multi-valued RDNs sorted). */
export function rdnKeys(dn: string): string[] {
  let keys = keyCache.get(dn);
  if (!keys) {
    keys = computeRdnKeys(dn);
    if (keyCache.size >= KEY_CACHE_SIZE) keyCache.clear();
    keyCache.set(dn, keys);
  }
  return keys.slice();
}

function computeRdnKeys(dn: string): string[] {
  return parseDN(dn).map((rdn) =>
    rdn
      .map((a) => `${a.type.toLowerCase()}=${a.value.normalize('NFC').toLowerCase().replace(/[\\,+;="<>#]/g, (c) => `\\${c}`)}`)
      .sort()
      .join('+'),
  );
}

export function normalizeDN(dn: string): string {
  return rdnKeys(dn).join(',');
}

export function dnEquals(a: string, b: string): boolean {
  try {
    return normalizeDN(a) === normalizeDN(b);
  } catch {
    return false;
  }
}

/** Whether `dn` is within `base` for a search scope. Both as RDN key arrays. */
export function inScope(dn: readonly string[], base: readonly string[], scope: 'base' | 'one' | 'sub'): boolean {
  const depth = dn.length - base.length;
  if (depth < 0 || (scope === 'base' && depth !== 0) || (scope === 'one' && depth !== 1)) return false;
  for (let i = 0; i < base.length; i++) if (dn[depth + i] !== base[i]) return false;
  return true;
}

/** Escapes a value for use in a DN string (RFC 4514 §2.4; raw UTF-8 kept, as AD does). */
export function escapeDNValue(value: string): string {
  return value
    .replace(/[\\,+;"<>=]/g, (c) => `\\${c}`)
    .replace(/^[ #]/, (c) => `\\${c}`)
    .replace(/ $/, '\\ ');
}
