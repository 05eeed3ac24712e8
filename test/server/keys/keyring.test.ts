import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KeyRing, loadOrCreateKeyRing, newKey, parseKeyRing, saveKeyRing } from '../../../server/keys/keyring.ts';

it('seals and opens a secret, never storing it in plain text', () => {
  const ring = new KeyRing([newKey()]);
  const sealed = ring.seal('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'AKIA1');
  assert.ok(!sealed.includes('wJalr'));
  assert.equal(ring.open(sealed, 'AKIA1'), 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
});

it('refuses a tampered secret or a wrong associated value', () => {
  const ring = new KeyRing([newKey()]);
  const sealed = ring.seal('secret', 'a');
  assert.throws(() => ring.open(sealed, 'b'));
  const flipped = sealed.slice(0, -2) + (sealed.at(-2) === 'A' ? 'B' : 'A') + sealed.at(-1);
  assert.throws(() => ring.open(flipped, 'a'));
});

it('rotation keeps old keys for decryption and encrypts with the new one', () => {
  const ring = new KeyRing([newKey()]);
  const old = ring.seal('before');
  const next = ring.rotated();
  assert.notEqual(next.current.kid, ring.current.kid);
  assert.equal(next.open(old), 'before');
  assert.ok(next.seal('after').includes(next.current.kid));
  const withoutOld = new KeyRing([next.current]);
  assert.throws(() => withoutOld.open(old), /not in the key ring/);
});

it('creates the ring once with owner-only permissions and reloads it', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idbroker-keys-'));
  const file = join(dir, 'sub', 'keyring.json');
  const a = loadOrCreateKeyRing({ file });
  assert.equal(a.created, true);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  const b = loadOrCreateKeyRing({ file });
  assert.equal(b.created, false);
  assert.equal(b.ring.current.kid, a.ring.current.kid);
  saveKeyRing(file, b.ring.rotated());
  assert.equal(loadOrCreateKeyRing({ file }).ring.keys.length, 2);
});

it('takes an inline ring (JSON or base64 JSON) from the environment', () => {
  const ring = new KeyRing([newKey()]);
  const json = JSON.stringify(ring.toJSON());
  assert.equal(parseKeyRing(json).current.kid, ring.current.kid);
  assert.equal(parseKeyRing(Buffer.from(json).toString('base64')).current.kid, ring.current.kid);
  assert.throws(() => parseKeyRing('{"version":1,"keys":[{"kid":"x","secret":"AAAA"}]}'), /32-byte/);
});

it('a rotated-in key decrypts at once but encrypts only after its activation time', () => {
  let now = Date.parse('2026-11-28T12:00:00Z');
  const ring = new KeyRing([newKey(new Date(now))], () => now);
  const first = ring.current.kid;
  const next = ring.rotated(new Date(now), 30_000);
  ring.replace(next.keys);
  assert.equal(ring.current.kid, first, 'not active yet');
  const sealedByNew = new KeyRing([next.keys[1]]).seal('x');
  assert.equal(ring.open(sealedByNew), 'x', 'decrypts at once');
  now += 30_000;
  assert.equal(ring.current.kid, next.keys[1].kid);
});

it('rotateKeyRingFile and reloadKeyRing: replicas pick up a rotation from the file', async () => {
  const { rotateKeyRingFile, reloadKeyRing } = await import('../../../server/keys/keyring.ts');
  const dir = mkdtempSync(join(tmpdir(), 'idbroker-keys-'));
  const file = join(dir, 'keyring.json');
  const { ring } = loadOrCreateKeyRing({ file });
  assert.equal(reloadKeyRing(ring, file), false);
  const added = rotateKeyRingFile(file, 0);
  assert.equal(reloadKeyRing(ring, file), true);
  assert.equal(ring.current.kid, added.kid);
  assert.equal(ring.keys.length, 2);
  assert.equal(statSync(file).mode & 0o777, 0o600);
});
