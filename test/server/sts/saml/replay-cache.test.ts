// The SAML replay cache on a real (SQLite) Store: single use, expiry, purge.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { openSqliteStore } from '../../../../adapters/store/sqlite/index.ts';
import type { Store } from '../../../../server/contracts/store.ts';
import { SAML_REPLAY, useAssertionOnce } from '../../../../server/sts/saml/replay-cache.ts';

describe('SAML replay cache', () => {
  let dir: string;
  let store: Store;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'saml-replay-'));
    store = await openSqliteStore(join(dir, 'db.sqlite'), { clock: () => now });
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });
  const t = (s: number) => new Date(Date.UTC(2026, 0, 1, 12, 0, s));
  let now = t(0); // the Store's clock, moved with the time each call is made at
  const use = (issuer: string, id: string, expiresAt: Date, at: Date) => {
    now = at;
    return useAssertionOnce(store, issuer, id, expiresAt, at);
  };

  it('accepts an id once per issuer; a second use is InvalidIdentityToken', async () => {
    await use('idp-a', '_1', t(300), t(0));
    await use('idp-b', '_1', t(300), t(0)); // same id, other issuer
    await assert.rejects(use('idp-a', '_1', t(300), t(10)), (e: { code?: string }) => e.code === 'InvalidIdentityToken');
  });

  it('a record past its expiry no longer blocks, and purge removes only expired records', async () => {
    await use('idp-c', '_2', t(60), t(0));
    await use('idp-c', '_2', t(400), t(61)); // stale record replaced
    await assert.rejects(use('idp-c', '_2', t(400), t(62)));
    const before = (await store.entities.list('', SAML_REPLAY)).length;
    assert.equal(await store.entities.purgeExpired([SAML_REPLAY], t(350)), 2); // idp-a/_1 and idp-b/_1 (expired at 300)
    assert.equal((await store.entities.list('', SAML_REPLAY)).length, before - 2);
    await assert.rejects(use('idp-c', '_2', t(400), t(351)));
  });
});
