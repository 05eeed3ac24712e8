// Directory TOTP codes are accepted once across replicas: two Stores on one PostgreSQL database (two broker
// replicas) race with the same code, and with codes of earlier steps after a later one.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPostgresStore } from '../../../adapters/store/postgres/index.ts';
import type { Store } from '../../../server/contracts/store.ts';
import { enrollTotp, verifyTotp } from '../../../server/directory-mfa/totp-enrollments.ts';
import { totpAt } from '../../../server/totp/totp.ts';
import { KeyRing, newKey } from '../../../server/keys/keyring.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';

const D = 'd-1000000003';
const T0 = new Date('2026-11-28T12:00:10Z');
let db: { url: string; drop: () => Promise<void> };
let a: Store;
let b: Store;
const keys = new KeyRing([newKey()]);

before(async () => {
  db = await createTestDatabase('idbroker_totp');
  a = await openPostgresStore(db.url, { clock: () => T0 }); // the Stores judge expiry at the test's time
  b = await openPostgresStore(db.url, { clock: () => T0 });
});
after(async () => {
  await a?.close();
  await b?.close();
  await db?.drop();
});

it('one code, two replicas, many concurrent requests: exactly one accepted', async () => {
  const { seed } = await enrollTotp(a, keys, { directoryId: D, userName: 'alice', now: T0 });
  for (const offset of [-30_000, 0, 30_000]) {
    const code = totpAt(seed, new Date(T0.getTime() + offset));
    const results = await Promise.all([a, b, a, b, a, b].map((s) => verifyTotp(s, keys, D, 'alice', code, T0)));
    assert.equal(results.filter((r) => r === 'ok').length, 1, `${offset}: ${results.join(',')}`);
    assert.ok(results.every((r) => r === 'ok' || r === 'replayed'));
  }
  assert.equal(await verifyTotp(b, keys, D, 'alice', totpAt(seed, T0), T0), 'replayed', 'an earlier step after a later one, on the other replica');
});
