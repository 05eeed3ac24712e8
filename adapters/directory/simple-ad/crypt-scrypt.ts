// The crypt(3) scrypt format (`$7$`, libxcrypt and Colin Percival's reference), which OpenLDAP stores as
// `{CRYPT}$7$…` when slapd hashes through the system's crypt. It is memory-hard like our own `$scrypt$`
// hashes, so imported `{CRYPT}$7$` hashes verify natively and are kept unless their cost is below ours.
//   $7$ N r p salt $ hash:  N = 2^itoa64(c), r and p 30-bit little-endian in 5 characters each,
//   hash = crypt-base64 of scrypt(password, salt string, N, r, p, 32 bytes).
import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import type { ScryptCost } from './passwords.ts';

const ITOA64 = './0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const FORMAT = /^(?:\{CRYPT\})?\$7\$([./0-9A-Za-z])([./0-9A-Za-z]{5})([./0-9A-Za-z]{5})([^$]{1,64})\$([./0-9A-Za-z]{43})$/;

function decodeUint30(s: string): number {
  let v = 0;
  for (let i = 0; i < s.length; i++) v |= ITOA64.indexOf(s[i]) << (6 * i);
  return v >>> 0;
}

function encodeUint30(v: number): string {
  let s = '';
  for (let i = 0; i < 5; i++) s += ITOA64[(v >>> (6 * i)) & 63];
  return s;
}

/** crypt's base64: 3 bytes little-endian → 4 characters, low 6 bits first (2 or 3 for a short tail). */
function encode64(buf: Buffer): string {
  let out = '';
  for (let i = 0; i < buf.length; i += 3) {
    const left = Math.min(3, buf.length - i);
    const v = buf[i] | ((buf[i + 1] ?? 0) << 8) | ((buf[i + 2] ?? 0) << 16);
    for (let k = 0; k < left + 1; k++) out += ITOA64[(v >> (6 * k)) & 63];
  }
  return out;
}

export interface CryptScrypt extends ScryptCost {
  salt: string;
  hash: string;
}

export function parseCryptScrypt(stored: string): CryptScrypt | undefined {
  const m = FORMAT.exec(stored);
  if (!m) return undefined;
  const log2N = ITOA64.indexOf(m[1]);
  const r = decodeUint30(m[2]);
  const p = decodeUint30(m[3]);
  // the same bounds libxcrypt enforces, so a crafted hash cannot ask for gigabytes
  if (log2N < 1 || log2N > 20 || r < 1 || r > 32 || p < 1 || p > 16) return undefined;
  return { N: 2 ** log2N, r, p, salt: m[4], hash: m[5] };
}

function derive(password: string, c: ScryptCost & { salt: string }): Promise<Buffer> {
  const maxmem = 256 * c.N * c.r + 8 * 1024 * 1024;
  return new Promise((resolve, reject) =>
    scryptCb(Buffer.from(password, 'utf8'), Buffer.from(c.salt, 'latin1'), 32, { N: c.N, r: c.r, p: c.p, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

/** True when `password` matches a `$7$` (or `{CRYPT}$7$`) hash; undefined when `stored` is not one. */
export async function verifyCryptScrypt(password: string, stored: string): Promise<boolean | undefined> {
  const c = parseCryptScrypt(stored);
  if (!c) return undefined;
  const got = Buffer.from(encode64(await derive(password, c)), 'latin1');
  const want = Buffer.from(c.hash, 'latin1');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** A `{CRYPT}$7$` hash as slapd would store it (used to load slapd and the broker with the same hashes). */
export async function cryptScryptHash(password: string, cost: ScryptCost): Promise<string> {
  const log2N = Math.log2(cost.N);
  if (!Number.isInteger(log2N)) throw new Error('N must be a power of two');
  const salt = encode64(randomBytes(12));
  const key = await derive(password, { ...cost, salt });
  return `{CRYPT}$7$${ITOA64[log2N]}${encodeUint30(cost.r)}${encodeUint30(cost.p)}${salt}$${encode64(key)}`;
}
