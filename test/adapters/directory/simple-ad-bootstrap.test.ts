// simple-ad's first open (the domain tree, well-known SIDs, the Administrator), idempotent
// reopening, seeds applied on later starts, data surviving a reopen, size limits.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openSimpleAd } from '../../../adapters/directory/simple-ad/index.ts';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import { type DirectoryBackend, Entry, type Filter, LdapError } from '../../../server/contracts/directory.ts';
import type { Store } from '../../../server/contracts/store.ts';
import { sidBytesToString } from '../../../server/ldap/ad-values.ts';
import { CONTRACT_SEED, type DirectorySeed } from '../../contracts/directory-backend.ts';
import { openOn, seedConfig, TEST_COST } from './simple-ad-helpers.ts';

const BASE = 'DC=corp,DC=example,DC=com';
const any: Filter = { type: 'present', attribute: 'objectClass' };
const eq = (attribute: string, value: string): Filter => ({ type: 'equality', attribute, value: Buffer.from(value) });
async function find(b: DirectoryBackend, filter: Filter, base = BASE): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const e of b.search(base, 'sub', filter, { principal: null, attributes: ['*'], sizeLimit: 0 })) out.push(e);
  return out;
}
const sid = (e: Entry): string => sidBytesToString(e.get('objectSid')![0] as Buffer);
const EMPTY: DirectorySeed = { dnsName: 'corp.example.com', netbiosName: 'CORP', users: [] };
const noAdminPassword = (seed: DirectorySeed) => {
  const c = seedConfig(seed) as { adminPassword?: string };
  delete c.adminPassword;
  return c as ReturnType<typeof seedConfig>;
};

describe('simple-ad bootstrap', () => {
  const dir = mkdtempSync(join(tmpdir(), 'simple-ad-'));
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('creates the AD domain tree with well-known SIDs, and an Administrator with a generated password returned once', async () => {
    const store = await openSqliteStore(':memory:');
    const first = await openSimpleAd({ store, config: noAdminPassword(EMPTY), hashCost: TEST_COST });
    assert.ok(first.generatedAdminPassword && first.generatedAdminPassword.length >= 20);
    const b = first.backend;
    for (const dn of [`CN=Users,${BASE}`, `CN=Computers,${BASE}`, `OU=Domain Controllers,${BASE}`, `CN=Builtin,${BASE}`]) {
      assert.equal((await find(b, any, dn)).length > 0, true, dn);
    }
    const [root] = await (async () => { const r: Entry[] = []; for await (const e of b.search(BASE, 'base', any, { principal: null, attributes: [], sizeLimit: 0 })) r.push(e); return r; })();
    const domainSid = sid(root);
    assert.match(domainSid, /^S-1-5-21-\d+-\d+-\d+$/);
    const rid = async (cn: string) => sid((await find(b, eq('cn', cn)))[0]);
    assert.equal(await rid('Administrator'), `${domainSid}-500`);
    assert.equal(await rid('Domain Admins'), `${domainSid}-512`);
    assert.equal(await rid('Domain Users'), `${domainSid}-513`);
    assert.equal(await rid('Administrators'), 'S-1-5-32-544');
    const r = await b.bind('Administrator@corp.example.com', first.generatedAdminPassword!);
    assert.ok(r.ok);
    assert.deepEqual((await b.groupsOf(r.principal)).map((d) => d.split(',')[0]).sort(), ['CN=Administrators', 'CN=Domain Admins', 'CN=Enterprise Admins', 'CN=Schema Admins']);
    assert.deepEqual(await b.bind('CORP\\Guest', 'anything'), { ok: false, adCode: '52e' }, 'Guest has no password');

    const again = await openSimpleAd({ store, config: noAdminPassword(EMPTY), hashCost: TEST_COST });
    assert.equal(again.generatedAdminPassword, undefined, 'printed once: not on a later open');
    assert.ok((await again.backend.bind('CORP\\Administrator', first.generatedAdminPassword!)).ok);
    assert.equal(sid((await find(again.backend, eq('cn', 'Administrator')))[0]), `${domainSid}-500`);
    assert.equal((await find(again.backend, any)).length, (await find(b, any)).length, 'nothing created twice');
  });

  it('provisions once when two backends open the same empty store together (replicas)', async () => {
    const store = await openSqliteStore(':memory:');
    const [a, b] = await Promise.all([openOn(store, CONTRACT_SEED), openOn(store, CONTRACT_SEED)]);
    assert.equal((await find(a.backend, eq('sAMAccountName', 'Administrator'))).length, 1);
    assert.equal((await find(b.backend, eq('sAMAccountName', 'alice'))).length, 1);
    assert.equal((await find(b.backend, eq('objectClass', 'organizationalUnit'))).length, 2, 'Domain Controllers and Engineering');
  });

  it('applies seeds on later starts: creates what is missing, keeps what exists', async () => {
    const store = await openSqliteStore(':memory:');
    const one = await openOn(store, CONTRACT_SEED);
    const admin = await one.backend.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(admin.ok);
    await one.backend.modify!(admin.principal, `CN=Alice Liddell,CN=Users,${BASE}`, [{ operation: 'replace', attribute: 'description', values: ['edited'] }]);
    const more = { ...CONTRACT_SEED, users: [...CONTRACT_SEED.users, { sam: 'newbie', password: 'Newb!e-pass1', memberOf: ['Ops'] }] };
    const two = await openOn(store, more);
    assert.equal((await find(two.backend, eq('sAMAccountName', 'alice')))[0].first('description'), 'edited');
    assert.ok((await two.backend.bind('CORP\\newbie', 'Newb!e-pass1')).ok);
    const r = await two.backend.bind('CORP\\newbie', 'Newb!e-pass1');
    assert.ok(r.ok);
    assert.deepEqual((await two.backend.groupsOf(r.principal)).map((d) => d.split(',')[0]).sort(), ['CN=Engineers', 'CN=Ops']);
    assert.equal((await find(two.backend, eq('sAMAccountName', 'alice'))).length, 1);
  });

  it('keeps its data across a reopen of the database file', async () => {
    const file = join(dir, 'idbroker.db');
    let store: Store = await openSqliteStore(file);
    const { backend } = await openOn(store, CONTRACT_SEED);
    const admin = await backend.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(admin.ok);
    await backend.add!(admin.principal, new Entry(`CN=Persisted,CN=Users,${BASE}`, { objectClass: 'user', sAMAccountName: 'persisted' }), 'Persist!ed99');
    await backend.changePassword!(admin.principal, 'CORP\\alice', { newPassword: 'Changed!pw77' });
    await store.close();
    store = await openSqliteStore(file);
    const reopened = await openOn(store, CONTRACT_SEED);
    assert.equal(reopened.generatedAdminPassword, undefined);
    assert.ok((await reopened.backend.bind('CORP\\persisted', 'Persist!ed99')).ok);
    assert.ok((await reopened.backend.bind('CORP\\alice', 'Changed!pw77')).ok, 'seed passwords do not overwrite changed ones');
    await store.close();
  });

  it('refuses a configured adminPassword that breaks the policy, and seeds naming unknown groups', async () => {
    const store = await openSqliteStore(':memory:');
    await assert.rejects(openSimpleAd({ store, config: seedConfig(EMPTY, { adminPassword: 'short' }), hashCost: TEST_COST }), /adminPassword does not meet the password policy/);
    const bad = { ...EMPTY, users: [{ sam: 'x', password: 'Xx!pass1234', memberOf: ['NoSuchGroup'] }] };
    await assert.rejects(openOn(await openSqliteStore(':memory:'), bad), /unknown group "NoSuchGroup"/);
  });

  it('imports {SSHA} hashes and rehashes them with scrypt on the first good bind', async () => {
    const store = await openSqliteStore(':memory:');
    const salt = Buffer.from('s4lt');
    const ssha = `{SSHA}${Buffer.concat([createHash('sha1').update('Imported!pw1').update(salt).digest(), salt]).toString('base64')}`;
    const config = seedConfig(EMPTY, { seed: { users: [{ username: 'legacy', passwordHash: ssha }] } });
    const { backend } = await openSimpleAd({ store, config, hashCost: TEST_COST });
    assert.deepEqual(await backend.bind('CORP\\legacy', 'wrong'), { ok: false, adCode: '52e' });
    assert.ok((await backend.bind('CORP\\legacy', 'Imported!pw1')).ok);
    const rows = await store.entities.list<{ dn: string; pwd?: { hash: string } }>('d-1000000001', 'dir-entry');
    assert.match(rows.find((r) => r.data.dn.startsWith('CN=legacy'))!.data.pwd!.hash, /^\$scrypt\$/);
    assert.ok((await backend.bind('CORP\\legacy', 'Imported!pw1')).ok);
  });

  it('enforces the size limit (small: 2,000 objects, built-in ones included) with adminLimitExceeded', async () => {
    const users = Array.from({ length: 1975 }, (_, i) => ({ sam: `u${i}`, password: '' }));
    const config = seedConfig({ ...EMPTY, users });
    for (const u of (config as { seed: { users: { password?: string }[] } }).seed.users) delete u.password; // no hashing: fast
    const { backend } = await openSimpleAd({ store: await openSqliteStore(':memory:'), config, hashCost: TEST_COST });
    const admin = (await find(backend, eq('sAMAccountName', 'Administrator')))[0];
    const who = { dn: admin.dn, name: 'CORP\\Administrator' };
    let added = 0;
    const tooMany = (e: unknown) => e instanceof LdapError && e.resultCode === 11;
    for (;;) {
      try {
        await backend.add!(who, new Entry(`CN=G${added},CN=Users,${BASE}`, { objectClass: 'group' }));
        added++;
      } catch (e) {
        assert.ok(tooMany(e), String(e));
        break;
      }
      assert.ok(added < 100, 'the limit must stop adds');
    }
    assert.equal((await find(backend, any)).length, 2000);
    await assert.rejects(backend.add!(who, new Entry(`OU=More,${BASE}`, { objectClass: 'organizationalUnit' })), tooMany);
  });
});
