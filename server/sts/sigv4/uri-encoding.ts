// RFC 3986 percent-encoding as SigV4 uses it: only A-Z a-z 0-9 - _ . ~ stay bare, hex digits upper case.
import { AwsError } from '../../contracts/errors.ts';

const HEX = '0123456789ABCDEF';

function isUnreserved(c: number): boolean {
  return (
    (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2e || c === 0x5f || c === 0x7e
  );
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  if (c >= 0x41 && c <= 0x46) return c - 0x37;
  if (c >= 0x61 && c <= 0x66) return c - 0x57;
  return -1;
}

function encodeBytes(bytes: Uint8Array | number[], keepSlash: boolean): string {
  let out = '';
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += isUnreserved(b) || (keepSlash && b === 0x2f) ? String.fromCharCode(b) : `%${HEX[b >> 4]}${HEX[b & 15]}`;
  }
  return out;
}

function allBare(s: string, keepSlash: boolean): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (!isUnreserved(c) && !(keepSlash && c === 0x2f)) return false;
  }
  return true;
}

/** Percent-encodes the UTF-8 bytes of `s`; with `keepSlash`, `/` stays bare (for paths). */
export function uriEncode(s: string, keepSlash = false): string {
  return allBare(s, keepSlash) ? s : encodeBytes(Buffer.from(s, 'utf8'), keepSlash);
}

/** The bytes a raw (already percent-encoded) URL component stands for; a `+` is a literal plus. */
function componentBytes(raw: string): number[] {
  const bytes: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x25) {
      if (i + 2 >= raw.length) throw new AwsError('MalformedQueryString', 'Incomplete trailing escape % sequence');
      const hi = hexValue(raw.charCodeAt(i + 1));
      const lo = hexValue(raw.charCodeAt(i + 2));
      if (hi < 0 || lo < 0) throw new AwsError('MalformedQueryString', `Illegal hex character in escape % pattern: ${raw.slice(i, i + 3)}`);
      bytes.push(hi * 16 + lo);
      i += 2;
    } else if (c < 0x80) {
      bytes.push(c);
    } else {
      const cp = raw.codePointAt(i)!;
      for (const b of Buffer.from(String.fromCodePoint(cp), 'utf8')) bytes.push(b);
      if (cp > 0xffff) i++;
    }
  }
  return bytes;
}

/** Re-encodes a raw URL component canonically: decode `%XX`, then encode per RFC 3986 (what the SDKs sign). */
export function normalizeComponent(raw: string): string {
  return allBare(raw, false) ? raw : encodeBytes(componentBytes(raw), false);
}

/** Decodes a raw URL component to text (UTF-8). */
export function decodeComponent(raw: string): string {
  return raw.indexOf('%') < 0 ? raw : Buffer.from(componentBytes(raw)).toString('utf8');
}
