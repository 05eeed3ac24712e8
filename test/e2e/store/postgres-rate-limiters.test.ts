// Rate limiters on PostgreSQL when replicas start together on a fresh database: each process makes several
// limiters (per source, per principal, directory MFA attempts) at once. rate-limiter-flexible used to create its
// table per limiter, and concurrent CREATE TABLE IF NOT EXISTS race in PostgreSQL ("type … already exists"): the
// losing limiter then refused every call, a ServiceFailure on the first request. The table is now a migration.
import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { openPostgresStore } from '../../../adapters/store/postgres/index.ts';
import type { Store } from '../../../server/contracts/store.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';

const opened: Store[] = [];
const drops: (() => Promise<void>)[] = [];
after(async () => {
  for (const s of opened) await s.close();
  for (const d of drops) await d();
});

it('two stores opened together on a fresh database: every limiter works from its first call', async () => {
  for (let round = 0; round < 5; round++) {
    const db = await createTestDatabase(`rate_limit_race_${round}`);
    drops.push(db.drop);
    const stores = await Promise.all([openPostgresStore(db.url), openPostgresStore(db.url)]);
    opened.push(...stores);
    const limiters = stores.flatMap((s) => ['src', 'prn', 'directory-mfa'].map((name) => s.rateLimiter({ name, points: 100, durationSeconds: 1 })));
    const results = await Promise.all(limiters.map((l, i) => l.consume(`key-${i % 3}`)));
    assert.deepEqual(results.map((r) => r.allowed), limiters.map(() => true), `round ${round}`);
  }
});

it('the limit is shared: two stores count against one budget', async () => {
  const db = await createTestDatabase('rate_limit_shared');
  drops.push(db.drop);
  const [a, b] = await Promise.all([openPostgresStore(db.url), openPostgresStore(db.url)]);
  opened.push(a, b);
  const la = a.rateLimiter({ name: 'src', points: 3, durationSeconds: 60 });
  const lb = b.rateLimiter({ name: 'src', points: 3, durationSeconds: 60 });
  const answers = [await la.consume('10.0.0.1'), await lb.consume('10.0.0.1'), await la.consume('10.0.0.1'), await lb.consume('10.0.0.1')];
  assert.deepEqual(answers.map((r) => r.allowed), [true, true, true, false]);
  assert.ok(answers[3].retryAfterMs > 0);
});
