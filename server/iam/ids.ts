// Identifiers with AWS's shapes: unique ids (AIDA…, AROA…), access key ids that embed the
// account (so GetAccessKeyInfo works offline, as with AWS's keys), and secrets.
import { randomInt } from 'node:crypto';
import { randomBytesPooled } from '../keys/random-pool.ts';

const B32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

export function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const b of bytes) {
    value = (value << 8) | b;
    bits += 8;
    while (bits >= 5) {
      out += B32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += B32[(value << (5 - bits)) & 31];
  return out;
}

export function base32Decode(s: string): Uint8Array | undefined {
  const out: number[] = [];
  let bits = 0;
  let value = 0;
  for (const ch of s) {
    const i = B32.indexOf(ch);
    if (i < 0) return undefined;
    value = (value << 5) | i;
    bits += 5;
    if (bits >= 8) {
      out.push((value >>> (bits - 8)) & 255);
      bits -= 8;
    }
  }
  return Uint8Array.from(out);
}

export type UniqueIdPrefix = 'AIDA' | 'AGPA' | 'AROA' | 'ANPA' | 'ANVA' | 'AIPA';

/** AWS unique id: a 4-letter prefix and 17 base32 characters (21 in all). */
export function newUniqueId(prefix: UniqueIdPrefix): string {
  return prefix + base32(randomBytesPooled(11)).slice(0, 17);
}

/** `AKIA`/`ASIA` + 16 base32 characters whose first 48 bits carry the account id, as AWS's do. */
export function newAccessKeyId(prefix: 'AKIA' | 'ASIA', account: string): string {
  const bytes = randomBytesPooled(10);
  const z = (BigInt(account) << 7n) | BigInt(randomInt(128));
  for (let i = 0; i < 6; i++) bytes[i] = Number((z >> BigInt(8 * (5 - i))) & 0xffn);
  return prefix + base32(bytes);
}

/** The account id encoded in an access key id (AWS's scheme). */
export function accountOfAccessKeyId(keyId: string): string | undefined {
  if (keyId.length !== 20) return undefined;
  const d = base32Decode(keyId.slice(4));
  if (!d || d.length < 6) return undefined;
  let z = 0n;
  for (let i = 0; i < 6; i++) z = (z << 8n) | BigInt(d[i]);
  return ((z & 0x7fffffffff80n) >> 7n).toString().padStart(12, '0');
}

const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** 40 characters of [A-Za-z0-9+/], like AWS secret access keys. */
export function newSecretAccessKey(): string {
  const b = randomBytesPooled(40);
  let s = '';
  for (const x of b) s += SECRET_ALPHABET[x & 63];
  return s;
}
