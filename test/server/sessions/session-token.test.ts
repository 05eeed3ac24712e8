import { it } from 'node:test';
import assert from 'node:assert/strict';
import { KeyRing, newKey } from '../../../server/keys/keyring.ts';
import { openSession, sealSession, SessionTokenError, type Session } from '../../../server/sessions/session-token.ts';

const session: Session = {
  sid: 's1',
  accessKeyId: 'ASIAEXAMPLE000000001',
  secretAccessKey: 'x'.repeat(40),
  account: '111122223333',
  type: 'AssumedRole',
  arn: 'arn:aws:sts::111122223333:assumed-role/R/s',
  userId: 'AROAEXAMPLE:s',
  principalArn: 'arn:aws:iam::111122223333:role/R',
  issuedAt: 1000,
  expiresAt: 4600,
};

it('round-trips a session and hides its content', async () => {
  const ring = new KeyRing([newKey()]);
  const token = await sealSession(ring, session);
  assert.ok(!token.includes('111122223333') && !Buffer.from(token.split('.')[3] ?? '', 'base64url').toString().includes('assumed-role'));
  assert.deepEqual(await openSession(ring, token), session);
});

it('refuses a tampered token, a foreign key, and garbage', async () => {
  const ring = new KeyRing([newKey()]);
  const token = await sealSession(ring, session);
  const parts = token.split('.');
  const ct = Buffer.from(parts[3], 'base64url');
  ct[0] ^= 1;
  parts[3] = ct.toString('base64url');
  await assert.rejects(openSession(ring, parts.join('.')), (e: SessionTokenError) => e.reason === 'tampered');
  await assert.rejects(openSession(new KeyRing([newKey()]), token), (e: SessionTokenError) => e.reason === 'unknown-key');
  await assert.rejects(openSession(ring, 'not-a-token'), (e: SessionTokenError) => e.reason === 'malformed');
});

it('keeps opening tokens of a rotated-out current key while it stays in the ring, not after it is removed', async () => {
  const ring = new KeyRing([newKey()]);
  const token = await sealSession(ring, session);
  const rotated = ring.rotated();
  assert.equal((await openSession(rotated, token)).sid, 's1');
  const pruned = new KeyRing([rotated.current]);
  await assert.rejects(openSession(pruned, token), (e: SessionTokenError) => e.reason === 'unknown-key');
});
