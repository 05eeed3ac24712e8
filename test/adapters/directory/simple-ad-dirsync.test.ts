// DirSync (1.2.840.113556.1.4.841) against simple-ad over a socket: the full synchronisation, then
// only the change made after the returned cookie (only the changed attribute, plus objectGUID and
// instanceType), a removed attribute as a name without values, a deletion as AD returns it (the
// tombstone under CN=Deleted Objects, isDeleted TRUE), the rights (admins, or any user with
// LDAP_DIRSYNC_OBJECT_SECURITY), the base rule, and a backend without a change log.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { BerReader, integer, octets, tlv } from '../../../server/ber/ber.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { MemoryBackend } from '../../fixtures/ldap/memory-backend.ts';
import { BASE, bindReq, collect, type Harness, RawClient, searchReq, startLdap } from '../../server/ldap/harness.ts';
import { closeTestStores, openTestStore } from '../../helpers/test-store.ts';
import { openOn } from './simple-ad-helpers.ts';

const DIRSYNC = '1.2.840.113556.1.4.841';
const ANCESTORS_FIRST = 0x800;
const OBJECT_SECURITY = 0x1;
const INCREMENTAL_VALUES = -0x80000000; // 0x80000000 as the signed INTEGER ldap3 and Windows send
const present = tlv(0x87, Buffer.from('objectClass'));
const dirSyncControl = (flags: number, cookie: Buffer, critical = true): Buffer =>
  tlv(0xa0, [tlv(0x30, [octets(DIRSYNC), ...(critical ? [tlv(0x01, Buffer.from([0xff]))] : []), octets(tlv(0x30, [integer(flags), integer(0x7fffffff), octets(cookie)]))])]);

describe('simple-ad DirSync over LDAP', () => {
  let h: Harness;
  let c: RawClient;
  let id = 10;
  const sync = async (cookie: Buffer, opts: { flags?: number; base?: string; attrs?: string[]; client?: RawClient; critical?: boolean } = {}) => {
    const client = opts.client ?? c;
    client.send(searchReq(++id, opts.base ?? BASE, 2, present, opts.attrs ?? [], dirSyncControl(opts.flags ?? ANCESTORS_FIRST | INCREMENTAL_VALUES, cookie, opts.critical ?? true)));
    const r = await collect(client);
    const ctl = r.done.controls.find((x) => x.type === DIRSYNC);
    let next = Buffer.alloc(0);
    let more = -1;
    if (ctl?.value) {
      const v = new BerReader(ctl.value).sequence();
      more = v.integer();
      v.integer();
      next = Buffer.from(v.bytes());
    }
    return { ...r, cookie: next, more };
  };
  const bindAs = async (name: string, password: string): Promise<RawClient> => {
    const client = await RawClient.connect(h.port);
    client.send(bindReq(1, name, password));
    assert.equal((await client.next())?.resultCode, 0);
    return client;
  };

  before(async () => {
    const { backend } = await openOn(await openTestStore(), CONTRACT_SEED);
    h = await startLdap({ backend });
    c = await bindAs('CORP\\admin', 'Adm1n!pass');
  });
  after(async () => {
    c?.end();
    await h?.close();
    await closeTestStores();
  });

  let cookie: Buffer;
  let erinGuid: Buffer;

  it('an empty cookie returns every object with its attributes, parents first, and a cookie', async () => {
    const r = await sync(Buffer.alloc(0));
    assert.equal(r.done.resultCode, 0, r.done.diagnostic);
    assert.equal(r.more, 0);
    assert.ok(r.cookie.length > 0);
    const dns = r.entries.map((e) => e.dn.toLowerCase());
    assert.equal(dns[0], BASE.toLowerCase());
    assert.ok(dns.indexOf(`cn=users,${BASE}`.toLowerCase()) < dns.findIndex((d) => d.startsWith('cn=alice liddell,')));
    const alice = r.entries.find((e) => e.dn.startsWith('CN=Alice Liddell,'))!;
    assert.equal(alice.attrs.get('sn')?.[0].toString(), 'Liddell');
    assert.equal(alice.attrs.get('objectGUID')?.[0].length, 16);
    assert.equal(alice.attrs.get('instanceType')?.[0].toString(), '4');
    assert.ok(!alice.attrs.has('uSNChanged') && !alice.attrs.has('unicodePwd') && !alice.attrs.has('memberOf'));
    erinGuid = r.entries.find((e) => e.dn.startsWith('CN=erin,'))!.attrs.get('objectGUID')![0];
    cookie = r.cookie;
  });

  it('nothing changed: no entries, and the cookie still works', async () => {
    const r = await sync(cookie);
    assert.equal(r.done.resultCode, 0);
    assert.deepEqual(r.entries, []);
    cookie = r.cookie;
  });

  it('a change after the cookie returns that object with only the changed attribute, objectGUID and instanceType', async () => {
    const admin = await h.backend.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(admin.ok);
    await h.backend.modify!(admin.principal, `CN=Alice Liddell,CN=Users,${BASE}`, [{ operation: 'replace', attribute: 'telephoneNumber', values: ['+1 555 0100'] }]);
    const r = await sync(cookie);
    assert.equal(r.done.resultCode, 0, r.done.diagnostic);
    assert.deepEqual(r.entries.map((e) => e.dn), [`CN=Alice Liddell,CN=Users,${BASE}`]);
    assert.deepEqual([...r.entries[0].attrs.keys()].sort(), ['instanceType', 'objectGUID', 'telephoneNumber']);
    assert.equal(r.entries[0].attrs.get('telephoneNumber')?.[0].toString(), '+1 555 0100');
    cookie = r.cookie;
  });

  it('a removed attribute comes as its name without values', async () => {
    const admin = await h.backend.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(admin.ok);
    await h.backend.modify!(admin.principal, `CN=Alice Liddell,CN=Users,${BASE}`, [{ operation: 'delete', attribute: 'telephoneNumber', values: [] }]);
    const r = await sync(cookie);
    assert.equal(r.entries.length, 1);
    assert.deepEqual(r.entries[0].attrs.get('telephoneNumber'), []);
    cookie = r.cookie;
  });

  it('a deletion comes as the tombstone: CN=<name>\\0ADEL:<guid>,CN=Deleted Objects, isDeleted TRUE, the same objectGUID', async () => {
    const admin = await h.backend.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(admin.ok);
    await h.backend.delete!(admin.principal, `CN=erin,CN=Users,${BASE}`);
    const r = await sync(cookie);
    assert.equal(r.done.resultCode, 0, r.done.diagnostic);
    assert.equal(r.entries.length, 1);
    const t = r.entries[0];
    assert.match(t.dn, /^CN=erin\\0ADEL:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12},CN=Deleted Objects,DC=corp,DC=example,DC=com$/);
    assert.equal(t.attrs.get('isDeleted')?.[0].toString(), 'TRUE');
    assert.deepEqual(t.attrs.get('objectGUID')?.[0], erinGuid);
    assert.match(t.attrs.get('name')![0].toString(), /^erin\nDEL:/);
    // the deleted object is gone from ordinary searches
    c.send(searchReq(++id, BASE, 2, tlv(0xa3, [octets('sAMAccountName'), octets('erin')])));
    assert.equal((await collect(c)).entries.length, 0);
    const again = await sync(r.cookie);
    assert.deepEqual(again.entries, []);
  });

  it('only the requested attributes (plus objectGUID and instanceType) are returned', async () => {
    const r = await sync(Buffer.alloc(0), { attrs: ['sAMAccountName'] });
    const alice = r.entries.find((e) => e.dn.startsWith('CN=Alice Liddell,'))!;
    assert.deepEqual([...alice.attrs.keys()].sort(), ['instanceType', 'objectGUID', 'sAMAccountName']);
  });

  it('a user without the replication right gets insufficientAccessRights; with OBJECT_SECURITY it synchronises', async () => {
    const alice = await bindAs('CORP\\alice', 'Alice!pass1');
    try {
      const denied = await sync(Buffer.alloc(0), { client: alice });
      assert.equal(denied.done.resultCode, 50);
      assert.deepEqual(denied.entries, []);
      const ok = await sync(Buffer.alloc(0), { client: alice, flags: OBJECT_SECURITY });
      assert.equal(ok.done.resultCode, 0);
      assert.ok(ok.entries.length > 5);
    } finally {
      alice.end();
    }
  });

  it('a base other than the naming context root is refused (unwillingToPerform), as AD does', async () => {
    const r = await sync(Buffer.alloc(0), { base: `CN=Users,${BASE}` });
    assert.equal(r.done.resultCode, 53);
  });

  it('a cookie the directory did not issue is refused', async () => {
    const r = await sync(Buffer.from('not a cookie'));
    assert.equal(r.done.resultCode, 53);
  });
});

describe('DirSync on a backend without a change log', () => {
  let h: Harness;
  before(async () => {
    h = await startLdap({ backend: new MemoryBackend(CONTRACT_SEED) });
  });
  after(() => h.close());

  it('critical: unavailableCriticalExtension (12); not critical: an ordinary search', async () => {
    const c = await RawClient.connect(h.port);
    c.send(bindReq(1, 'CORP\\admin', 'Adm1n!pass'));
    assert.equal((await c.next())?.resultCode, 0);
    c.send(searchReq(2, BASE, 2, present, ['cn'], dirSyncControl(0, Buffer.alloc(0), true)));
    assert.equal((await collect(c)).done.resultCode, 12);
    c.send(searchReq(3, BASE, 2, present, ['cn'], dirSyncControl(0, Buffer.alloc(0), false)));
    const r = await collect(c);
    assert.equal(r.done.resultCode, 0);
    assert.ok(r.entries.length > 5);
    c.end();
  });
});
