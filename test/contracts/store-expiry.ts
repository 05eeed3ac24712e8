// The Store contract for expiring records: a record with `expiresAt` is as if absent once the Store's clock
// reaches it (reads skip it, insert replaces it, update and delete leave it) until purgeExpired deletes it, in one
// statement per call, for the given kinds in every account. Run on SQLite and PostgreSQL.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConflictError } from '../../server/contracts/errors.ts';
import type { Store } from '../../server/contracts/store.ts';

export function storeExpiryContract(name: string, open: (clock: () => Date) => Promise<Store>): void {
  describe(`Store contract, expiring records: ${name}`, () => {
    const T0 = Date.parse('2026-03-01T00:00:00Z');
    let now = T0;
    const at = (s: number) => new Date(T0 + s * 1000);
    let store: Store;
    before(async () => {
      store = await open(() => new Date(now));
    });
    after(async () => {
      await store.close();
    });

    it('returns a record with its expiry until then, and from then on no read sees it', async () => {
      now = T0;
      await store.entities.insert({ account: '111122223333', kind: 'ticket', key: 't1', parent: 'p', ref: 'r', data: { n: 1 }, expiresAt: at(60) });
      await store.entities.insert({ account: '111122223333', kind: 'ticket', key: 't2', parent: 'p', ref: 'r', data: { n: 2 } });
      assert.deepEqual((await store.entities.get('111122223333', 'ticket', 't1'))?.expiresAt, at(60));
      assert.equal((await store.entities.get('111122223333', 'ticket', 't2'))?.expiresAt, undefined, 'no expiry: none reported');
      now = T0 + 59_999;
      assert.equal((await store.entities.list('111122223333', 'ticket')).length, 2);
      now = T0 + 60_000; // expired at its instant
      assert.equal(await store.entities.get('111122223333', 'ticket', 't1'), undefined);
      assert.equal(await store.entities.find('ticket', 't1'), undefined);
      assert.equal(await store.transaction((tx) => tx.entities.getForUpdate('111122223333', 'ticket', 't1')), undefined);
      assert.deepEqual((await store.entities.list('111122223333', 'ticket')).map((r) => r.key), ['t2']);
      assert.deepEqual((await store.entities.list('111122223333', 'ticket', { parent: 'p' })).map((r) => r.key), ['t2']);
      assert.deepEqual((await store.entities.listByRef('ticket', 'r')).map((r) => r.key), ['t2']);
      assert.equal(await store.entities.count('111122223333', 'ticket'), 1);
      assert.equal(await store.entities.countByRef('ticket', 'r'), 1);
    });

    it('an expired record does not block an insert of its key (replaced), a live one does', async () => {
      now = T0;
      await store.entities.insert({ account: '', kind: 'once', key: 'k', data: { v: 1 }, expiresAt: at(10) });
      await assert.rejects(store.entities.insert({ account: '', kind: 'once', key: 'k', data: { v: 2 }, expiresAt: at(20) }), ConflictError);
      now = T0 + 10_000;
      await store.entities.insert({ account: '', kind: 'once', key: 'k', data: { v: 3 }, expiresAt: at(30) });
      assert.deepEqual(await store.entities.get('', 'once', 'k'), { account: '', kind: 'once', key: 'k', parent: null, ref: null, data: { v: 3 }, expiresAt: at(30) });
      // inside a transaction too
      await store.entities.insert({ account: '', kind: 'once', key: 'k2', data: { v: 4 }, expiresAt: at(11) });
      now = T0 + 11_000;
      await store.transaction((tx) => tx.entities.insert({ account: '', kind: 'once', key: 'k2', data: { v: 5 }, expiresAt: at(30) }));
      assert.deepEqual((await store.entities.get('', 'once', 'k2'))?.data, { v: 5 });
    });

    it('update and delete leave an expired record (false); update and upsert set or clear the expiry', async () => {
      now = T0;
      await store.entities.insert({ account: '', kind: 'sess', key: 's', data: { v: 1 }, expiresAt: at(10) });
      assert.equal(await store.entities.update({ account: '', kind: 'sess', key: 's', data: { v: 2 }, expiresAt: at(20) }), true, 'extended');
      now = T0 + 15_000;
      assert.deepEqual((await store.entities.get('', 'sess', 's'))?.data, { v: 2 });
      now = T0 + 20_000;
      assert.equal(await store.entities.update({ account: '', kind: 'sess', key: 's', data: { v: 3 } }), false);
      assert.equal(await store.entities.delete('', 'sess', 's'), false);
      await store.entities.upsert({ account: '', kind: 'sess', key: 's', data: { v: 4 } });
      assert.deepEqual(await store.entities.get('', 'sess', 's'), { account: '', kind: 'sess', key: 's', parent: null, ref: null, data: { v: 4 } }, 'upsert without expiry: never expires');
      await store.entities.upsert({ account: '', kind: 'sess', key: 's', data: { v: 5 }, expiresAt: at(25) });
      now = T0 + 25_000;
      assert.equal(await store.entities.get('', 'sess', 's'), undefined);
    });

    it('purgeExpired deletes the expired records of the given kinds in every account, and nothing else', async () => {
      now = T0;
      for (let i = 0; i < 5; i++) await store.entities.insert({ account: i % 2 ? '111122223333' : '', kind: 'marker', key: `old${i}`, parent: 'dev', data: {}, expiresAt: at(100 + i) });
      await store.entities.insert({ account: '', kind: 'marker', key: 'fresh', parent: 'dev', data: {}, expiresAt: at(1000) });
      await store.entities.insert({ account: '', kind: 'marker', key: 'forever', data: {} });
      await store.entities.insert({ account: '', kind: 'other', key: 'old', data: {}, expiresAt: at(100) });
      assert.equal(await store.entities.purgeExpired(['marker'], at(103)), 4, 'expiry at or before now: old0…old3');
      assert.equal(await store.entities.purgeExpired(['marker', 'other'], at(200)), 2, 'old4, and the other kind');
      assert.equal(await store.entities.purgeExpired([], at(5000)), 0);
      now = T0 + 5000_000;
      assert.equal(await store.entities.purgeExpired(['marker'], new Date(now)), 1, 'fresh, once past its expiry');
      assert.deepEqual((await store.entities.list('', 'marker')).map((r) => r.key), ['forever']);
      assert.equal(await store.entities.deleteByParent('', ['marker'], 'dev'), 0);
    });

    it('deleteByParent deletes expired children too', async () => {
      now = T0;
      await store.entities.insert({ account: '', kind: 'child', key: 'a', parent: 'P', data: {}, expiresAt: at(1) });
      await store.entities.insert({ account: '', kind: 'child', key: 'b', parent: 'P', data: {} });
      now = T0 + 2000;
      assert.equal(await store.entities.deleteByParent('', ['child'], 'P'), 2);
      now = T0;
      assert.equal(await store.entities.get('', 'child', 'a'), undefined, 'gone, not only hidden');
    });
  });
}

/** Statements that take a migrated database back to migration 0003 (before expiry), with a row as it was written then. */
export const BEFORE_EXPIRY_SQL = [
  `drop index entities_expiry`,
  `alter table entities drop column expires_at`,
  `delete from idbroker_migrations where name = '0004-entity-expiry'`,
  `insert into entities (account, kind, key, parent, ref, data, created_at) values ('', 'portal-session', 'k', null, null, '{"v":1}', '2026-01-01T00:00:00.000Z')`,
];

/** A database made before records could expire is migrated on open: its rows kept (never expiring), expiry works. */
export function storeExpiryMigration(name: string, open: () => Promise<Store>, execute: (statements: string[]) => Promise<void>): void {
  it(`${name}: a database from before records could expire is migrated, its rows kept and never expiring`, async () => {
    await (await open()).close();
    await execute(BEFORE_EXPIRY_SQL);
    const store = await open();
    try {
      assert.deepEqual(await store.entities.get('', 'portal-session', 'k'), { account: '', kind: 'portal-session', key: 'k', parent: null, ref: null, data: { v: 1 } });
      await store.entities.insert({ account: '', kind: 'portal-session', key: 'gone', data: {}, expiresAt: new Date(Date.now() - 1) });
      assert.equal(await store.entities.get('', 'portal-session', 'gone'), undefined);
      assert.equal(await store.entities.purgeExpired(['portal-session'], new Date()), 1);
      assert.equal(await store.entities.count('', 'portal-session'), 1);
    } finally {
      await store.close();
    }
  });
}
