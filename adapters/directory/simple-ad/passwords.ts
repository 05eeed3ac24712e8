// Password storage and policy for simple-ad. Passwords are kept only as scrypt hashes
// (`$scrypt$N$r$p$salt$hash`, parameters stored so the cost can change later); OpenLDAP
// `{SSHA}`/`{SSHA512}` hashes from seeds verify once and are rehashed on the next good bind; OpenLDAP's
// `{CRYPT}$7$` (crypt scrypt) hashes verify natively and are kept unless cheaper than ours.
// Policy follows AD's "passwords must meet complexity requirements" and history rules.
import { createHash, randomBytes, randomInt, scrypt as scryptCb, type ScryptOptions, timingSafeEqual } from 'node:crypto';
import { parseCryptScrypt, verifyCryptScrypt } from './crypt-scrypt.ts';

export interface ScryptCost {
  N: number;
  r: number;
  p: number;
}

/** 2^15 × 8: ~32 MiB and tens of milliseconds per hash, in line with OWASP's scrypt advice. */
export const DEFAULT_COST: ScryptCost = { N: 2 ** 15, r: 8, p: 1 };

function scrypt(password: string, salt: Buffer, cost: ScryptCost): Promise<Buffer> {
  const opts: ScryptOptions = { N: cost.N, r: cost.r, p: cost.p, maxmem: 256 * cost.N * cost.r + 8 * 1024 * 1024 };
  return new Promise((resolve, reject) => scryptCb(password.normalize('NFC'), salt, 32, opts, (err, key) => (err ? reject(err) : resolve(key))));
}

export async function hashPassword(password: string, cost: ScryptCost = DEFAULT_COST): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, cost);
  return `$scrypt$${cost.N}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** True when `password` matches `stored` (scrypt, or an imported {SSHA}/{SSHA512}/{CRYPT}$7$). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const crypt = await verifyCryptScrypt(password, stored);
  if (crypt !== undefined) return crypt;
  const s = /^\$scrypt\$(\d+)\$(\d+)\$(\d+)\$([^$]+)\$([^$]+)$/.exec(stored);
  if (s) {
    const expected = Buffer.from(s[5], 'base64');
    const key = await scrypt(password, Buffer.from(s[4], 'base64'), { N: Number(s[1]), r: Number(s[2]), p: Number(s[3]) });
    return key.length === expected.length && timingSafeEqual(key, expected);
  }
  const o = /^\{(SSHA|SSHA512)\}([A-Za-z0-9+/]+=*)$/.exec(stored);
  if (o) {
    const [algo, len] = o[1] === 'SSHA' ? ['sha1', 20] : ['sha512', 64];
    const raw = Buffer.from(o[2], 'base64');
    if (raw.length <= len) return false;
    const digest = createHash(algo).update(Buffer.from(password, 'utf8')).update(raw.subarray(len)).digest();
    return timingSafeEqual(digest, raw.subarray(0, len));
  }
  return false;
}

/** Imported hashes are replaced by ours on the next good bind, unless they are crypt scrypt at our cost or more. */
export function needsRehash(stored: string, cost: ScryptCost = DEFAULT_COST): boolean {
  if (stored.startsWith('$scrypt$')) return false;
  const c = parseCryptScrypt(stored);
  return !c || c.N * c.r * c.p < cost.N * cost.r * cost.p;
}

export interface PasswordPolicy {
  minLength: number;
  complexity: boolean;
  history: number;
  maxAgeDays: number;
}

/** The reason a new password breaks the policy (Samba's wording), or undefined when it passes. */
export function policyViolation(password: string, policy: PasswordPolicy, account: { sam: string; displayName?: string }): string | undefined {
  if ([...password].length < policy.minLength) return `the password is too short. It should be equal or longer than ${policy.minLength} characters!`;
  if (policy.complexity && !isComplex(password, account)) return 'the password does not meet the complexity criteria!';
  return undefined;
}

/** AD complexity: 3 of 5 categories (upper, lower, digit, symbol, other letters), and neither the
 *  sAMAccountName nor any 3+ character token of the display name inside it (case-insensitive). */
function isComplex(password: string, account: { sam: string; displayName?: string }): boolean {
  const lower = password.toLowerCase();
  if (account.sam.length >= 3 && lower.includes(account.sam.toLowerCase())) return false;
  for (const token of (account.displayName ?? '').split(/[,.\-_#\s\t]+/)) {
    if (token.length >= 3 && lower.includes(token.toLowerCase())) return false;
  }
  const classes = [/\p{Lu}/u, /\p{Ll}/u, /[0-9]/, /[^\p{L}\p{N}]/u, /[\p{Lo}\p{Lm}]/u].filter((re) => re.test(password)).length;
  return classes >= 3;
}

/** The symbols of generated passwords: none needs quoting in bash, zsh or sh (no glob, history, comment,
 *  brace, quote, redirection or expansion character), so a printed password can be pasted unquoted. */
export const SHELL_SAFE_SYMBOLS = '-_.,:@%+=';

/** A random password of `length` (at least 24) characters (24: about 145 bits) that passes any policy this schema allows: upper, lower,
 *  digit and shell-safe symbol each at least once; it starts with a letter (a leading '-' would read as an
 *  option, a leading '=' is zsh's command expansion). */
export function generatePassword(length = 24): string {
  const sets = ['ABCDEFGHJKLMNPQRSTUVWXYZ', 'abcdefghijkmnopqrstuvwxyz', '23456789', SHELL_SAFE_SYMBOLS];
  const all = sets.join('');
  const chars = sets.map((s) => s[randomInt(s.length)]);
  while (chars.length < Math.max(length, 24) - 1) chars.push(all[randomInt(all.length)]);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j], chars[i]];
  }
  const letters = sets[0] + sets[1];
  return letters[randomInt(letters.length)] + chars.join('');
}
