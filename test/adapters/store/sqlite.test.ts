import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import SQLite from 'better-sqlite3';
import { storeContract } from '../../contracts/store.ts';
import { storeExpiryContract, storeExpiryMigration } from '../../contracts/store-expiry.ts';

const dir = mkdtempSync(join(tmpdir(), 'idbroker-sqlite-'));
after(() => rmSync(dir, { recursive: true, force: true }));

storeContract('sqlite (file)', () => openSqliteStore(join(dir, 'contract.db')));
storeExpiryContract('sqlite (file)', (clock) => openSqliteStore(join(dir, 'expiry.db'), { clock }));

const beforeExpiry = join(dir, 'before-expiry.db');
storeExpiryMigration('sqlite (file)', () => openSqliteStore(beforeExpiry), async (statements) => {
  const db = new SQLite(beforeExpiry);
  for (const st of statements) db.exec(st);
  db.close();
});

it('keeps data across reopen', async () => {
  const file = join(dir, 'reopen.db');
  const a = await openSqliteStore(file);
  await a.entities.insert({ account: '111122223333', kind: 'role', key: 'keep', data: { ok: true } });
  await a.close();
  const b = await openSqliteStore(file);
  assert.deepEqual((await b.entities.get('111122223333', 'role', 'keep'))?.data, { ok: true });
  await b.close();
});

it('the in-process rate limiter counts its windows on the Store’s clock', async () => {
  let now = Date.parse('2026-03-01T00:00:00Z');
  const store = await openSqliteStore(':memory:', { clock: () => new Date(now) });
  try {
    const l = store.rateLimiter({ name: 'w', points: 1, durationSeconds: 2 });
    assert.equal((await l.consume('a')).allowed, true);
    now += 500;
    assert.deepEqual(await l.consume('a'), { allowed: false, retryAfterMs: 1500 });
    now += 1500;
    assert.equal((await l.consume('a')).allowed, true, 'a new window');
  } finally {
    await store.close();
  }
});
