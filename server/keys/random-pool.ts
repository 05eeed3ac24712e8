// Random bytes for identifiers, secrets and IVs, drawn from node:crypto's CSPRNG 4 KiB at a time: each
// randomBytes() call costs a trip into OpenSSL (about 10 µs here, three of them per issued credential), while
// copying from a pool filled by the same generator costs nothing. As Node's own randomUUID and randomInt do,
// bytes are handed out once and never again; every call returns a fresh Buffer that owns its bytes.
import { randomFillSync } from 'node:crypto';

const POOL_SIZE = 4096;
const pool = Buffer.alloc(POOL_SIZE);
let offset = POOL_SIZE;

/** `n` cryptographically random bytes (n ≤ 4096). */
export function randomBytesPooled(n: number): Buffer {
  if (!Number.isInteger(n) || n < 0 || n > POOL_SIZE) throw new RangeError(`randomBytesPooled: ${n} bytes`);
  if (offset + n > POOL_SIZE) {
    randomFillSync(pool);
    offset = 0;
  }
  const out = Buffer.allocUnsafe(n); // a copy, not a view: the caller may keep or change it
  pool.copy(out, 0, offset, offset + n);
  pool.fill(0, offset, offset + n); // what was handed out does not stay in the pool
  offset += n;
  return out;
}
