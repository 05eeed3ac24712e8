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
