// simple-ad behind the LDAP front end: Simple Paged Results (1.2.840.113556.1.4.319) over 2,050 users with
// ldapts, every entry once and in pages of the size asked for, and AD's cap on a non-paged search
// (MaxPageSize 1000, then sizeLimitExceeded). Runs on SQLite, and on PostgreSQL under test:e2e.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { openSimpleAd } from '../../../adapters/directory/simple-ad/index.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { BASE, type Harness, startLdap } from '../../server/ldap/harness.ts';
import { closeTestStores, openTestStore, TEST_STORE } from '../../helpers/test-store.ts';
import { seedConfig, TEST_COST } from './simple-ad-helpers.ts';

const BULK = 2050;

describe(`simple-ad paged search over sockets (store: ${TEST_STORE})`, () => {
  let h: Harness;
  before(async () => {
    const users = Array.from({ length: BULK }, (_, i) => ({ sam: `bulk${String(i).padStart(4, '0')}`, password: '', sn: 'Bulk' }));
    const config = seedConfig({ ...CONTRACT_SEED, users: [...CONTRACT_SEED.users, ...users] }, { size: 'large' });
    // bulk users get no password (no hashing: fast); the contract's users keep theirs
    for (const u of (config as { seed: { users: { username: string; password?: string }[] } }).seed.users) if (u.username.startsWith('bulk')) delete u.password;
    const { backend } = await openSimpleAd({ store: await openTestStore(), config, hashCost: TEST_COST });
    h = await startLdap({ backend });
  });
  after(async () => {
    await h?.close();
    await closeTestStores();
  });

  it('pages through 2,050 users in pages of 500, each entry once (ldapts searchPaginated)', async () => {
    const c = h.client();
    await c.bind('CORP\\alice', 'Alice!pass1');
    const pages: number[] = [];
    const seen = new Set<string>();
    for await (const page of c.searchPaginated(BASE, { filter: '(&(objectClass=user)(sn=Bulk))', attributes: ['sAMAccountName'], paged: { pageSize: 500 } })) {
      pages.push(page.searchEntries.length);
      for (const e of page.searchEntries) seen.add(String(e.sAMAccountName));
    }
    assert.deepEqual(pages, [500, 500, 500, 500, 50]);
    assert.equal(seen.size, BULK);
    assert.ok(seen.has('bulk0000') && seen.has(`bulk${BULK - 1}`));
    await c.unbind();
  });

  it('caps a search without the paging control at 1,000 entries with sizeLimitExceeded (4)', async () => {
    const c = h.client();
    await c.bind('CORP\\alice', 'Alice!pass1');
    await assert.rejects(c.search(BASE, { filter: '(sn=Bulk)', attributes: ['1.1'] }), (e: { code?: number }) => e.code === 4);
    await c.unbind();
  });
});
