// Abandoned sign-ins leave no rows behind: records past the TTL are purged, fresh ones stay.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { openSqliteStore } from '../../../../adapters/store/sqlite/index.ts';
import { purgeStaleLogins } from '../../../../server/http/login-routes/purge-stale.ts';

describe('purgeStaleLogins', () => {
  it('deletes records older than the TTL, across pages and kinds', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'idbroker-purge-'));
    const store = await openSqliteStore(join(dir, 'db.sqlite'));
    try {
      const now = Date.parse('2026-11-28T12:00:00Z');
      for (let i = 0; i < 7; i++) await store.entities.insert({ account: '', kind: 'a', key: `old${i}`, data: { createdAt: now - 11 * 60_000 } });
      await store.entities.insert({ account: '', kind: 'a', key: 'fresh', data: { createdAt: now - 60_000 } });
      await store.entities.insert({ account: '', kind: 'b', key: 'old', data: { createdAt: now - 11 * 60_000 } });
      assert.equal(await purgeStaleLogins(store, ['a', 'b'], 10 * 60_000, new Date(now), 3), 8);
      assert.deepEqual((await store.entities.list('', 'a')).map((r) => r.key), ['fresh']);
      assert.equal((await store.entities.list('', 'b')).length, 0);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
