import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { CompactEncrypt, compactDecrypt } from 'jose';
import { CompactJweError, compactDirHeader, openCompactDir, sealCompactDir } from '../../../server/sessions/compact-jwe.ts';

const key = randomBytes(32);
const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');

it('jose opens what it seals, and it opens what jose seals', async () => {
  const token = sealCompactDir(key, { kid: 'k1', typ: 'idbroker-session' }, '{"a":"é"}');
  const { plaintext, protectedHeader } = await compactDecrypt(token, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
  assert.equal(new TextDecoder().decode(plaintext), '{"a":"é"}');
  assert.deepEqual(protectedHeader, { alg: 'dir', enc: 'A256GCM', kid: 'k1', typ: 'idbroker-session' });
  const fromJose = await new CompactEncrypt(new TextEncoder().encode('hello')).setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid: 'k2' }).encrypt(key);
  assert.equal(openCompactDir(key, fromJose).toString(), 'hello');
  assert.equal(compactDirHeader(fromJose).kid, 'k2');
});

it('refuses a token altered in any segment, or under another key', () => {
  const token = sealCompactDir(key, { kid: 'k1' }, 'secret content');
  const parts = token.split('.');
  for (const i of [0, 2, 3, 4]) {
    const p = [...parts];
    const flipped = Buffer.from(p[i], 'base64url');
    flipped[flipped.length - 1] ^= 1;
    p[i] = flipped.toString('base64url');
    assert.throws(() => openCompactDir(key, p.join('.')), CompactJweError, `segment ${i}`);
  }
  assert.throws(() => openCompactDir(randomBytes(32), token), CompactJweError);
  // a header re-encoded to the same meaning is still a different AAD
  assert.throws(() => openCompactDir(key, [b64({ enc: 'A256GCM', alg: 'dir', kid: 'k1' }), ...parts.slice(1)].join('.')), CompactJweError);
});

it('refuses truncated tags, other algorithms, crit, zip, an encrypted key and malformed segments', () => {
  const token = sealCompactDir(key, { kid: 'k1' }, 'x');
  const [h, , iv, ct, tag] = token.split('.');
  const refuse = (t: string) => assert.throws(() => openCompactDir(key, t), CompactJweError, t);
  refuse([h, '', iv, ct, tag.slice(0, 16)].join('.')); // 12-byte tag: GCM would accept it unless the length is fixed
  refuse([h, 'AAAA', iv, ct, tag].join('.'));
  refuse([h, '', iv, ct].join('.'));
  refuse([h, '', iv + '*', ct, tag].join('.'));
  refuse([h, '', 'AAAA', ct, tag].join('.'));
  refuse('not-a-token');
  for (const header of [{ alg: 'dir', enc: 'A128GCM' }, { alg: 'A256KW', enc: 'A256GCM' }, { alg: 'dir', enc: 'A256GCM', crit: ['x'], x: 1 }, { alg: 'dir', enc: 'A256GCM', zip: 'DEF' }, ['dir']]) {
    assert.throws(() => compactDirHeader([b64(header), '', iv, ct, tag].join('.')), CompactJweError, JSON.stringify(header));
  }
});
