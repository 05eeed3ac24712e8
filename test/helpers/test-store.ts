// The Store that the directory suites run on: SQLite in memory (`npm test`), or a throw-away PostgreSQL
// database when IDBROKER_TEST_STORE=postgres — `npm run test:e2e` runs the same files again that way
// (scripts/run-tests.mjs), so one suite proves both stores. Call closeTestStores() in an `after` hook.
import { openPostgresStore } from '../../adapters/store/postgres/index.ts';
import { openSqliteStore } from '../../adapters/store/sqlite/index.ts';
import type { Store } from '../../server/contracts/store.ts';
import { createTestDatabase } from './postgres.ts';

export const TEST_STORE: 'sqlite' | 'postgres' = process.env.IDBROKER_TEST_STORE === 'postgres' ? 'postgres' : 'sqlite';

const cleanups: (() => Promise<void>)[] = [];
let n = 0;

export async function openTestStore(): Promise<Store> {
  if (TEST_STORE === 'sqlite') {
    const store = await openSqliteStore(':memory:');
    cleanups.push(() => store.close());
    return store;
  }
  const db = await createTestDatabase(`suite_${n++}`);
  const store = await openPostgresStore(db.url);
  cleanups.push(async () => {
    await store.close();
    await db.drop();
  });
  return store;
}

export async function closeTestStores(): Promise<void> {
  for (const c of cleanups.splice(0)) await c().catch(() => {});
}
