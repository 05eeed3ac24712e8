// Simple Paged Results (1.2.840.113556.1.4.319) over 2,100 entries with ldapts, and AD's cap on
// a non-paged search: MaxPageSize entries then sizeLimitExceeded (4).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { MemoryBackend } from '../../fixtures/ldap/memory-backend.ts';
import { BASE, bindReq, collect, control, eqFilter, type Harness, RawClient, type RawResponse, searchReq, startLdap } from './harness.ts';
import { BerReader, integer, octets, tlv } from '../../../server/ber/ber.ts';

const BULK = 2100;
const users = Array.from({ length: BULK }, (_, i) => ({ sam: `bulk${String(i).padStart(4, '0')}`, password: 'Bulk!pass123', sn: 'Bulk' }));

describe('LDAP paged search', () => {
  let h: Harness;
  before(async () => {
    h = await startLdap({ backend: new MemoryBackend({ ...CONTRACT_SEED, users: [...CONTRACT_SEED.users, ...users] }), limits: { maxPagedSearches: 2 } });
  });
  after(() => h.close());

  it('pages through more results than the page size (ldapts searchPaginated)', async () => {
    const c = h.client();
    await c.bind('CORP\\alice', 'Alice!pass1');
    const pages: number[] = [];
    const seen = new Set<string>();
    for await (const page of c.searchPaginated(BASE, { filter: '(sn=bulk)', attributes: ['sAMAccountName'], paged: { pageSize: 500 } })) {
      pages.push(page.searchEntries.length);
      for (const e of page.searchEntries) seen.add(String(e.sAMAccountName));
    }
    assert.deepEqual(pages, [500, 500, 500, 500, 100]);
    assert.equal(seen.size, BULK);
  });

  it('caps a non-paged search at MaxPageSize (1000) with sizeLimitExceeded', async () => {
    const raw = await RawClient.connect(h.port);
    raw.send(bindReq(1, 'CORP\\alice', 'Alice!pass1'));
    await raw.next();
    raw.send(searchReq(2, BASE, 2, eqFilter('sn', 'Bulk'), ['1.1']));
    const r = await collect(raw);
    assert.equal(r.entries.length, 1000);
    assert.equal(r.done.resultCode, 4);
    raw.end();
  });

  it('rejects an unknown cookie, abandons with size 0, and drops the oldest search past the limit', async () => {
    const raw = await RawClient.connect(h.port);
    raw.send(bindReq(1, 'CORP\\alice', 'Alice!pass1'));
    await raw.next();
    const paged = (size: number, cookie: Buffer) => control('1.2.840.113556.1.4.319', true, tlv(0x30, [integer(size), octets(cookie)]));
    const cookieOf = (done: RawResponse): Buffer => {
      const value = done.controls.find((c) => c.type === '1.2.840.113556.1.4.319')?.value;
      assert.ok(value, 'paged results control in the response');
      const seq = new BerReader(value).sequence();
      seq.integer();
      return seq.bytes();
    };
    raw.send(searchReq(2, BASE, 2, eqFilter('sn', 'Bulk'), ['1.1'], paged(10, Buffer.alloc(0))));
    const first = await collect(raw);
    assert.equal(first.entries.length, 10);
    const cookie = cookieOf(first.done);
    assert.equal(cookie.length, 12);
    raw.send(searchReq(3, BASE, 2, eqFilter('sn', 'Bulk'), ['1.1'], paged(10, Buffer.from('bogus'))));
    assert.equal((await collect(raw)).done.resultCode, 53);
    raw.send(searchReq(4, BASE, 2, eqFilter('sn', 'other'), ['1.1'], paged(10, cookie)));
    assert.equal((await collect(raw)).done.resultCode, 53, 'a cookie is only valid for the same search');
    raw.send(searchReq(5, BASE, 2, eqFilter('sn', 'Bulk'), ['1.1'], paged(0, cookie)));
    const stop = await collect(raw);
    assert.equal(stop.done.resultCode, 0);
    assert.equal(stop.entries.length, 0);
    assert.equal(cookieOf(stop.done).length, 0);
    raw.send(searchReq(6, BASE, 2, eqFilter('sn', 'Bulk'), ['1.1'], paged(5, cookie)));
    assert.equal((await collect(raw)).done.resultCode, 53, 'an abandoned cookie is gone');
    const cookies: Buffer[] = [];
    for (let i = 0; i < 3; i++) {
      raw.send(searchReq(10 + i, BASE, 2, eqFilter('sn', 'Bulk'), ['1.1'], paged(5, Buffer.alloc(0))));
      cookies.push(cookieOf((await collect(raw)).done));
    }
    raw.send(searchReq(20, BASE, 2, eqFilter('sn', 'Bulk'), ['1.1'], paged(5, cookies[0])));
    assert.equal((await collect(raw)).done.resultCode, 53, 'the oldest of 3 paged searches was dropped (limit 2)');
    raw.send(searchReq(21, BASE, 2, eqFilter('sn', 'Bulk'), ['1.1'], paged(5, cookies[2])));
    const later = await collect(raw);
    assert.equal(later.done.resultCode, 0);
    assert.equal(later.entries.length, 5);
    raw.end();
  });
});
