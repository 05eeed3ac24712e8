// The Store contract suite: every Store adapter must pass it.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ConflictError } from '../../server/contracts/errors.ts';
import type { Store } from '../../server/contracts/store.ts';

export function storeContract(name: string, open: () => Promise<Store>): void {
  describe(`Store contract: ${name}`, () => {
    let store: Store;
    before(async () => {
      store = await open();
    });
    after(async () => {
      await store.close();
    });

    it('inserts, gets, updates and deletes an entity', async () => {
      await store.entities.insert({ account: '111122223333', kind: 'role', key: 'admins', data: { name: 'Admins', n: 1 } });
      const got = await store.entities.get<{ name: string }>('111122223333', 'role', 'admins');
      assert.equal(got?.data.name, 'Admins');
      assert.equal(await store.entities.update({ account: '111122223333', kind: 'role', key: 'admins', data: { name: 'Admins', n: 2 } }), true);
      assert.deepEqual((await store.entities.get('111122223333', 'role', 'admins'))?.data, { name: 'Admins', n: 2 });
      assert.equal(await store.entities.update({ account: '111122223333', kind: 'role', key: 'nobody', data: {} }), false);
      assert.equal(await store.entities.delete('111122223333', 'role', 'admins'), true);
      assert.equal(await store.entities.delete('111122223333', 'role', 'admins'), false);
      assert.equal(await store.entities.get('111122223333', 'role', 'admins'), undefined);
    });

    it('refuses a duplicate key with ConflictError and keeps the first', async () => {
      await store.entities.insert({ account: '111122223333', kind: 'user', key: 'dup', data: { v: 1 } });
      await assert.rejects(store.entities.insert({ account: '111122223333', kind: 'user', key: 'dup', data: { v: 2 } }), ConflictError);
      assert.deepEqual((await store.entities.get('111122223333', 'user', 'dup'))?.data, { v: 1 });
      // the same key in another account or kind is a different record
      await store.entities.insert({ account: '444455556666', kind: 'user', key: 'dup', data: { v: 3 } });
      await store.entities.insert({ account: '111122223333', kind: 'group', key: 'dup', data: { v: 4 } });
    });

    it('lists in key order with prefix, parent and pagination, and counts', async () => {
      for (const k of ['b', 'a', 'c', 'ab']) {
        await store.entities.insert({ account: '222233334444', kind: 'policy', key: k, parent: k.startsWith('a') ? 'pa' : 'pb', ref: 'r1', data: { k } });
      }
      const all = await store.entities.list<{ k: string }>('222233334444', 'policy');
      assert.deepEqual(all.map((r) => r.key), ['a', 'ab', 'b', 'c']);
      assert.deepEqual((await store.entities.list('222233334444', 'policy', { keyPrefix: 'a' })).map((r) => r.key), ['a', 'ab']);
      assert.deepEqual((await store.entities.list('222233334444', 'policy', { parent: 'pb' })).map((r) => r.key), ['b', 'c']);
      assert.deepEqual((await store.entities.list('222233334444', 'policy', { afterKey: 'ab', limit: 1 })).map((r) => r.key), ['b']);
      assert.equal(await store.entities.count('222233334444', 'policy'), 4);
      assert.equal(await store.entities.count('222233334444', 'policy', { parent: 'pa' }), 2);
      assert.equal(await store.entities.countByRef('policy', 'r1'), 4);
      assert.equal((await store.entities.listByRef('policy', 'r1')).length, 4);
      assert.equal(await store.entities.deleteByParent('222233334444', ['policy'], 'pa'), 2);
      assert.equal(await store.entities.count('222233334444', 'policy'), 2);
    });

    it('finds a key across accounts', async () => {
      await store.entities.insert({ account: '333344445555', kind: 'access-key', key: 'AKIAEXAMPLE000000001', data: { user: 'u' } });
      const r = await store.entities.find<{ user: string }>('access-key', 'AKIAEXAMPLE000000001');
      assert.equal(r?.account, '333344445555');
      assert.equal(await store.entities.find('access-key', 'AKIANOPE'), undefined);
    });

    it('upserts', async () => {
      await store.entities.upsert({ account: '111122223333', kind: 'cfg', key: 'x', data: 1 });
      await store.entities.upsert({ account: '111122223333', kind: 'cfg', key: 'x', data: 2 });
      assert.equal((await store.entities.get('111122223333', 'cfg', 'x'))?.data, 2);
    });

    it('keeps meta values and setIfAbsent only once', async () => {
      assert.equal(await store.meta.get('k'), undefined);
      assert.equal(await store.meta.setIfAbsent('k', 'v1'), true);
      assert.equal(await store.meta.setIfAbsent('k', 'v2'), false);
      assert.equal(await store.meta.get('k'), 'v1');
      await store.meta.set('k', 'v3');
      assert.equal(await store.meta.get('k'), 'v3');
    });

    it('commits a transaction whole', async () => {
      await store.transaction(async (tx) => {
        await tx.entities.insert({ account: '111122223333', kind: 'tx', key: 'one', data: 1 });
        await tx.entities.insert({ account: '111122223333', kind: 'tx', key: 'two', data: 2 });
      });
      assert.equal(await store.entities.count('111122223333', 'tx'), 2);
    });

    it('rolls a failed transaction back whole: nothing half-written', async () => {
      await assert.rejects(
        store.transaction(async (tx) => {
          await tx.entities.insert({ account: '111122223333', kind: 'tx2', key: 'one', data: 1 });
          await tx.meta.set('tx2', 'written');
          await tx.entities.insert({ account: '111122223333', kind: 'tx2', key: 'one', data: 2 }); // conflict
        }),
        ConflictError,
      );
      assert.equal(await store.entities.count('111122223333', 'tx2'), 0);
      assert.equal(await store.meta.get('tx2'), undefined);
    });

    it('appends audit events idempotently and queries them newest first with filters and a cursor', async () => {
      const ev = (i: number, arn: string, denied: boolean) => ({
        eventId: `e${i}`,
        eventTime: `2026-11-28T10:00:0${i}Z`,
        account: '111122223333',
        principalArn: arn,
        eventSource: 'iam.amazonaws.com',
        eventName: 'GetRole',
        denied,
        errorCode: denied ? 'AccessDenied' : undefined,
        data: { i },
      });
      await store.audit.append([ev(1, 'arn:a', false), ev(2, 'arn:b', true), ev(3, 'arn:a', true)]);
      await store.audit.append([ev(3, 'arn:a', true)]); // a retried batch: no duplicate
      assert.deepEqual((await store.audit.query({ limit: 10 })).map((e) => e.eventId), ['e3', 'e2', 'e1']);
      assert.deepEqual((await store.audit.query({ limit: 10, principalArn: 'arn:a' })).map((e) => e.eventId), ['e3', 'e1']);
      assert.deepEqual((await store.audit.query({ limit: 10, denied: true })).map((e) => e.eventId), ['e3', 'e2']);
      assert.deepEqual((await store.audit.query({ limit: 10, since: '2026-11-28T10:00:02Z' })).map((e) => e.eventId), ['e3', 'e2']);
      const page = await store.audit.query({ limit: 1, before: { eventTime: '2026-11-28T10:00:03Z', eventId: 'e3' } });
      assert.deepEqual(page.map((e) => e.eventId), ['e2']);
      assert.deepEqual(page[0].data, { i: 2 });
      assert.equal(page[0].denied, true);
      assert.equal(await store.audit.prune('2026-11-28T10:00:02Z'), 1);
      assert.equal((await store.audit.query({ limit: 10 })).length, 2);
    });

    it('holds a record read with getForUpdate until the transaction ends: concurrent increments all count', async () => {
      const account = '111122223333';
      const bump = async (): Promise<void> => {
        for (let attempt = 0; ; attempt++) {
          try {
            return await store.transaction(async (tx) => {
              const r = await tx.entities.getForUpdate<{ n: number }>(account, 'counter', 'c1');
              await new Promise((res) => setImmediate(res)); // let the others read meanwhile, if they can
              if (r) await tx.entities.update({ ...r, data: { n: r.data.n + 1 } });
              else await tx.entities.insert({ account, kind: 'counter', key: 'c1', data: { n: 1 } });
            });
          } catch (err) {
            if (!(err instanceof ConflictError) || attempt > 5) throw err; // two first inserts: the loser retries
          }
        }
      };
      await Promise.all(Array.from({ length: 20 }, bump));
      assert.deepEqual((await store.entities.get(account, 'counter', 'c1'))?.data, { n: 20 });
      assert.equal(await store.entities.getForUpdate(account, 'counter', 'absent'), undefined);
    });

    it('rate-limits per key within a window', async () => {
      const l = store.rateLimiter({ name: `t${Date.now()}`, points: 2, durationSeconds: 60 });
      assert.equal((await l.consume('a')).allowed, true);
      assert.equal((await l.consume('a')).allowed, true);
      const third = await l.consume('a');
      assert.equal(third.allowed, false);
      assert.ok(third.retryAfterMs > 0 && third.retryAfterMs <= 60_000);
      assert.equal((await l.consume('b')).allowed, true);
      // a point given back can be taken again, once
      assert.equal((await l.consume('c')).allowed, true);
      assert.equal((await l.consume('c')).allowed, true);
      await l.refund('c');
      assert.equal((await l.consume('c')).allowed, true);
      assert.equal((await l.consume('c')).allowed, false);
    });

    it('answers ping', async () => {
      await store.ping();
    });
  });
}
