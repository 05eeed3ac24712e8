// The key ring: symmetric keys for session tokens and for encrypting stored secrets.
// The newest key encrypts; every key in the ring still decrypts, so rotation needs no downtime.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { assertOwnerOnly } from './owner-only.ts';

const KEY_RING = 'the key ring: it encrypts sessions and stored secrets';

export interface RingKey {
  kid: string;
  createdAt: string;
  secret: Buffer; // 32 bytes
  /** When this key starts encrypting; until then it only decrypts (every replica learns it first). */
  activateAt?: string;
}

interface RingFile {
  version: 1;
  keys: Array<{ kid: string; createdAt: string; secret: string; activateAt?: string }>;
}

export type KeyPurpose = 'secret-at-rest' | 'session-token' | 'authorization-message';

export class KeyRing {
  private readonly derived = new Map<string, Buffer>();
  #keys: readonly RingKey[];

  constructor(keys: readonly RingKey[], private readonly clock: () => number = Date.now) {
    if (keys.length === 0) throw new Error('key ring is empty');
    this.#keys = keys;
  }

  get keys(): readonly RingKey[] {
    return this.#keys;
  }

  /** Swaps in a reloaded ring (after `idbroker keys rotate`), keeping this object shared by everyone. */
  replace(keys: readonly RingKey[]): void {
    if (keys.length === 0) throw new Error('key ring is empty');
    this.#keys = keys;
    this.derived.clear();
  }

  /** The key that encrypts new data: the newest one already active. */
  get current(): RingKey {
    const now = this.clock();
    for (let i = this.#keys.length - 1; i >= 0; i--) {
      const k = this.#keys[i];
      if (!k.activateAt || Date.parse(k.activateAt) <= now) return k;
    }
    return this.#keys[0];
  }

  byKid(kid: string): RingKey | undefined {
    return this.keys.find((k) => k.kid === kid);
  }

  /** A 32-byte key for one purpose, derived with HKDF so that purposes never share key material. */
  derive(kid: string, purpose: KeyPurpose): Buffer | undefined {
    const id = `${kid}/${purpose}`;
    let k = this.derived.get(id);
    if (!k) {
      const base = this.byKid(kid);
      if (!base) return undefined;
      k = Buffer.from(hkdfSync('sha256', base.secret, Buffer.alloc(0), `idbroker ${purpose}`, 32));
      this.derived.set(id, k);
    }
    return k;
  }

  /** Encrypts a secret for storage: `v1.<kid>.<base64url(iv | ciphertext | tag)>` (AES-256-GCM). */
  seal(plaintext: string, aad = ''): string {
    const kid = this.current.kid;
    const key = this.derive(kid, 'secret-at-rest')!;
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', key, iv);
    c.setAAD(Buffer.from(aad));
    const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
    return `v1.${kid}.${Buffer.concat([iv, ct, c.getAuthTag()]).toString('base64url')}`;
  }

  /** Decrypts what seal() made; throws when the key is gone or the data was altered. */
  open(sealed: string, aad = ''): string {
    const [v, kid, body] = sealed.split('.');
    if (v !== 'v1' || !kid || !body) throw new Error('not a sealed secret');
    const key = this.derive(kid, 'secret-at-rest');
    if (!key) throw new Error(`key ${kid} is not in the key ring`);
    const raw = Buffer.from(body, 'base64url');
    const d = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
    d.setAAD(Buffer.from(aad));
    d.setAuthTag(raw.subarray(raw.length - 16));
    return Buffer.concat([d.update(raw.subarray(12, raw.length - 16)), d.final()]).toString('utf8');
  }

  /** A new ring with one more key, which starts encrypting after `activateAfterMs` (decrypting at once). */
  rotated(now = new Date(), activateAfterMs = 0): KeyRing {
    const k = newKey(now);
    if (activateAfterMs > 0) k.activateAt = new Date(now.getTime() + activateAfterMs).toISOString();
    return new KeyRing([...this.keys, k], this.clock);
  }

  toJSON(): RingFile {
    return { version: 1, keys: this.keys.map((k) => ({ kid: k.kid, createdAt: k.createdAt, secret: k.secret.toString('base64'), ...(k.activateAt ? { activateAt: k.activateAt } : {}) })) };
  }
}

export function newKey(now = new Date()): RingKey {
  return { kid: 'k' + now.toISOString().replace(/[-:T]/g, '').slice(0, 14) + randomBytes(3).toString('hex'), createdAt: now.toISOString(), secret: randomBytes(32) };
}

export function parseKeyRing(text: string): KeyRing {
  const trimmed = text.trim();
  const json = trimmed.startsWith('{') ? trimmed : Buffer.from(trimmed, 'base64').toString('utf8');
  const file = JSON.parse(json) as RingFile;
  if (file.version !== 1 || !Array.isArray(file.keys)) throw new Error('unsupported key ring format');
  return new KeyRing(
    file.keys.map((k) => {
      const secret = Buffer.from(k.secret, 'base64');
      if (secret.length !== 32 || typeof k.kid !== 'string') throw new Error(`key ${k.kid}: expected a 32-byte base64 secret`);
      return { kid: k.kid, createdAt: k.createdAt, secret, ...(k.activateAt ? { activateAt: k.activateAt } : {}) };
    }),
  );
}

/** Writes the ring with owner-only permissions, atomically. */
export function saveKeyRing(file: string, ring: KeyRing): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify(ring.toJSON(), null, 2) + '\n', { mode: 0o600 });
  chmodSync(tmp, 0o600);
  renameSync(tmp, file);
}

/** Loads the ring from `inline` (env/config) or `file`; creates the file on first start. */
export function loadOrCreateKeyRing(opts: { file: string; inline?: string }): { ring: KeyRing; created: boolean } {
  if (opts.inline) return { ring: parseKeyRing(opts.inline), created: false };
  if (existsSync(opts.file)) {
    assertOwnerOnly(opts.file, KEY_RING);
    return { ring: parseKeyRing(readFileSync(opts.file, 'utf8')), created: false };
  }
  const ring = new KeyRing([newKey()]);
  saveKeyRing(opts.file, ring);
  return { ring, created: true };
}

/** Re-reads the ring file when it changed and swaps the keys in; returns true when it did. */
export function reloadKeyRing(ring: KeyRing, file: string): boolean {
  if (!existsSync(file)) return false;
  assertOwnerOnly(file, KEY_RING);
  const next = parseKeyRing(readFileSync(file, 'utf8'));
  const same = next.keys.length === ring.keys.length && next.keys.every((k, i) => k.kid === ring.keys[i].kid && k.activateAt === ring.keys[i].activateAt);
  if (same) return false;
  ring.replace(next.keys);
  return true;
}

/** `idbroker keys rotate`: adds a key to the ring file that starts encrypting after `activateAfterMs`. */
export function rotateKeyRingFile(file: string, activateAfterMs: number, now = new Date()): RingKey {
  const ring = parseKeyRing(readFileSync(file, 'utf8')).rotated(now, activateAfterMs);
  saveKeyRing(file, ring);
  return ring.keys[ring.keys.length - 1];
}
