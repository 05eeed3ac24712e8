// kSigning = HMAC(HMAC(HMAC(HMAC("AWS4" + secret, date), region), service), "aws4_request"),
// with a small bounded cache: a key is valid for one (secret, day, region, service).
import { createHmac } from 'node:crypto';

export function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

export function deriveSigningKey(secretAccessKey: string, scopeDate: string, region: string, service: string): Buffer {
  return hmac(hmac(hmac(hmac(`AWS4${secretAccessKey}`, scopeDate), region), service), 'aws4_request');
}

/** Derived signing keys, oldest dropped first once `capacity` is reached. */
export class SigningKeyCache {
  readonly #keys = new Map<string, Buffer>();
  readonly #capacity: number;

  constructor(capacity = 1024) {
    this.#capacity = capacity;
  }

  get(secretAccessKey: string, scopeDate: string, region: string, service: string): Buffer {
    // Date, region and service never contain '\n', so the key is unambiguous.
    const id = `${scopeDate}\n${region}\n${service}\n${secretAccessKey}`;
    let key = this.#keys.get(id);
    if (key === undefined) {
      key = deriveSigningKey(secretAccessKey, scopeDate, region, service);
      if (this.#keys.size >= this.#capacity) this.#keys.delete(this.#keys.keys().next().value!);
      this.#keys.set(id, key);
    }
    return key;
  }

  get size(): number {
    return this.#keys.size;
  }

  clear(): void {
    this.#keys.clear();
  }
}

/** The process-wide cache the verifier and signer use. */
export const signingKeys = new SigningKeyCache();
