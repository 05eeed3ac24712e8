// Compact JWE with direct encryption and AES-256-GCM (RFC 7516 "dir" + RFC 7518 §5.3 "A256GCM") on node:crypto's
// synchronous cipher: the same tokens jose's CompactEncrypt/compactDecrypt make and read, without WebCrypto's
// key import and thread-pool round trip per token (a third of AssumeRole's CPU). Only this one algorithm pair:
//   BASE64URL(header) . "" . BASE64URL(iv, 96 bits) . BASE64URL(ciphertext) . BASE64URL(tag, 128 bits)
// with the ASCII of the first segment as the additional authenticated data.
import { createCipheriv, createDecipheriv, createSecretKey, type KeyObject } from 'node:crypto';
import { randomBytesPooled } from '../keys/random-pool.ts';

export class CompactJweError extends Error {}

const B64URL = /^[A-Za-z0-9_-]*$/;

function segment(s: string, what: string): Buffer {
  // Buffer.from(…, 'base64url') skips what it cannot read; refuse it instead, as jose does.
  if (!B64URL.test(s) || s.length % 4 === 1) throw new CompactJweError(`${what} is not base64url`);
  return Buffer.from(s, 'base64url');
}

// Each key imported once (by its bytes, so a reused buffer with new content is a new key): importing raw bytes
// on every cipher doubles its cost. The ring holds a handful of keys; the map is bounded all the same.
const imported = new Map<string, KeyObject>();
function keyObject(key: Uint8Array): KeyObject {
  const id = Buffer.from(key.buffer, key.byteOffset, key.byteLength).toString('base64');
  let k = imported.get(id);
  if (!k) {
    if (imported.size >= 64) imported.delete(imported.keys().next().value!);
    imported.set(id, (k = createSecretKey(key)));
  }
  return k;
}

/** Encrypts `plaintext` under a 32-byte key; `header` gets alg "dir" and enc "A256GCM" first. */
export function sealCompactDir(key: Uint8Array, header: Record<string, string>, plaintext: string): string {
  const protectedHeader = Buffer.from(JSON.stringify({ alg: 'dir', enc: 'A256GCM', ...header })).toString('base64url');
  const iv = randomBytesPooled(12);
  const c = createCipheriv('aes-256-gcm', keyObject(key), iv, { authTagLength: 16 });
  c.setAAD(Buffer.from(protectedHeader, 'ascii'));
  const ct = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
  return `${protectedHeader}..${iv.toString('base64url')}.${ct.toString('base64url')}.${c.getAuthTag().toString('base64url')}`;
}

/** The protected header of a token (not authenticated yet): throws CompactJweError unless it is dir + A256GCM. */
export function compactDirHeader(token: string): Record<string, unknown> {
  const parts = token.split('.');
  if (parts.length !== 5) throw new CompactJweError('not a compact JWE');
  let header: unknown;
  try {
    header = JSON.parse(segment(parts[0], 'header').toString('utf8'));
  } catch (err) {
    if (err instanceof CompactJweError) throw err;
    throw new CompactJweError('header is not JSON');
  }
  if (typeof header !== 'object' || header === null || Array.isArray(header)) throw new CompactJweError('header is not an object');
  const h = header as Record<string, unknown>;
  if (h.alg !== 'dir' || h.enc !== 'A256GCM') throw new CompactJweError('unexpected algorithm');
  if ('crit' in h || 'zip' in h) throw new CompactJweError('unsupported header parameter');
  return h;
}

/** Decrypts and authenticates a token made by sealCompactDir (or jose's CompactEncrypt with dir + A256GCM). */
export function openCompactDir(key: Uint8Array, token: string): Buffer {
  compactDirHeader(token);
  const [headerPart, encryptedKey, ivPart, ctPart, tagPart] = token.split('.');
  if (encryptedKey !== '') throw new CompactJweError('dir carries no encrypted key');
  const iv = segment(ivPart, 'iv');
  const tag = segment(tagPart, 'tag');
  if (iv.length !== 12 || tag.length !== 16) throw new CompactJweError('iv or tag of the wrong size');
  const d = createDecipheriv('aes-256-gcm', keyObject(key), iv, { authTagLength: 16 });
  d.setAAD(Buffer.from(headerPart, 'ascii'));
  d.setAuthTag(tag);
  try {
    return Buffer.concat([d.update(segment(ctPart, 'ciphertext')), d.final()]);
  } catch (err) {
    if (err instanceof CompactJweError) throw err;
    throw new CompactJweError('decryption failed');
  }
}
