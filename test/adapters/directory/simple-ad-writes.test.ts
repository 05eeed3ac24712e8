// simple-ad writes with AD semantics: all-or-nothing modifies, subtree moves that keep
// objectGUID and memberships, pwdLastSet 0/-1, computed flags stripped, and a second backend on
// the same store (a replica) seeing every write.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import { type BoundPrincipal, type DirectoryBackend, Entry, type Filter, LdapError } from '../../../server/contracts/directory.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { openOn } from './simple-ad-helpers.ts';

const BASE = 'DC=corp,DC=example,DC=com';
const eq = (attribute: string, value: string): Filter => ({ type: 'equality', attribute, value: Buffer.from(value) });
const rc = (n: number) => (e: unknown) => e instanceof LdapError && e.resultCode === n;

describe('simple-ad writes', () => {
  let a: DirectoryBackend;
  let b: DirectoryBackend; // a second backend over the same store: a replica
  let admin: BoundPrincipal;
  const one = async (x: DirectoryBackend, filter: Filter) => {
    const out: Entry[] = [];
    for await (const e of x.search(BASE, 'sub', filter, { principal: null, attributes: ['*'], sizeLimit: 0 })) out.push(e);
    assert.ok(out.length <= 1);
    return out[0];
  };
  before(async () => {
    const store = await openSqliteStore(':memory:');
    a = (await openOn(store, CONTRACT_SEED)).backend;
    b = (await openOn(store, CONTRACT_SEED)).backend;
    const r = await a.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(r.ok);
    admin = r.principal;
  });

  it('applies a modify entirely or not at all', async () => {
    const alice = (await one(a, eq('sAMAccountName', 'alice'))).dn;
    await assert.rejects(a.modify!(admin, alice, [
      { operation: 'replace', attribute: 'description', values: ['first'] },
      { operation: 'delete', attribute: 'telephoneNumber', values: ['555'] },
    ]), rc(16));
    assert.equal((await one(b, eq('sAMAccountName', 'alice'))).first('description'), undefined);
    await assert.rejects(a.modify!(admin, alice, [{ operation: 'replace', attribute: 'sAMAccountName', values: ['bob'] }]), rc(68));
    await assert.rejects(a.modify!(admin, alice, [{ operation: 'replace', attribute: 'memberOf', values: [`CN=Ops,CN=Users,${BASE}`] }]), rc(19));
    await assert.rejects(a.modify!(admin, alice, [{ operation: 'replace', attribute: 'cn', values: ['Other'] }]), rc(67));
    await a.modify!(admin, alice, [{ operation: 'replace', attribute: 'sAMAccountName', values: ['alice2'] }]);
    assert.ok((await b.bind('CORP\\alice2', 'Alice!pass1')).ok, 'the replica sees the new name');
    assert.deepEqual(await b.bind('CORP\\alice', 'Alice!pass1'), { ok: false, adCode: '52e' });
  });

  it('moves a subtree: children follow, objectGUID stays, member values are rewritten', async () => {
    await a.add!(admin, new Entry(`OU=Team,OU=Engineering,${BASE}`, { objectClass: 'organizationalUnit' }));
    await a.add!(admin, new Entry(`CN=Tess,OU=Team,OU=Engineering,${BASE}`, { objectClass: 'user', sAMAccountName: 'tess' }), 'Sunny!day123');
    await a.modify!(admin, `CN=Ops,CN=Users,${BASE}`, [{ operation: 'add', attribute: 'member', values: [`cn=tess,ou=team,ou=engineering,${BASE.toLowerCase()}`] }]);
    const before = await one(a, eq('sAMAccountName', 'tess'));
    assert.equal(before.dn, `CN=Tess,OU=Team,OU=Engineering,${BASE}`, 'member values are stored with the target\'s spelling');
    await a.modifyDN!(admin, `OU=Team,OU=Engineering,${BASE}`, 'OU=Squad', true, BASE);
    const after = await one(b, eq('sAMAccountName', 'tess'));
    assert.equal(after.dn, `CN=Tess,OU=Squad,${BASE}`);
    assert.deepEqual(after.get('objectGUID'), before.get('objectGUID'));
    assert.deepEqual(after.get('memberOf'), [`CN=Ops,CN=Users,${BASE}`]);
    assert.ok((await b.bind(`CN=Tess,OU=Squad,${BASE}`, 'Sunny!day123')).ok);
    await assert.rejects(a.modifyDN!(admin, `OU=Squad,${BASE}`, 'OU=Inside', true, `CN=Tess,OU=Squad,${BASE}`), rc(53));
    await assert.rejects(a.delete!(admin, `OU=Squad,${BASE}`), rc(66));
  });

  it('treats pwdLastSet 0 as must-change and -1 as now, and strips computed userAccountControl bits', async () => {
    const bob = (await one(a, eq('sAMAccountName', 'bob'))).dn;
    await a.modify!(admin, bob, [{ operation: 'replace', attribute: 'pwdLastSet', values: ['0'] }]);
    assert.deepEqual(await b.bind('CORP\\bob', 'Bob!pass12'), { ok: false, adCode: '773' });
    await a.modify!(admin, bob, [{ operation: 'replace', attribute: 'pwdLastSet', values: ['-1'] }]);
    assert.ok((await b.bind('CORP\\bob', 'Bob!pass12')).ok);
    assert.ok(Number((await one(a, eq('sAMAccountName', 'bob'))).first('pwdLastSet')) > 0);
    await assert.rejects(a.modify!(admin, bob, [{ operation: 'replace', attribute: 'pwdLastSet', values: ['12345'] }]), rc(19));
    await a.modify!(admin, bob, [{ operation: 'replace', attribute: 'userAccountControl', values: [String(512 | 0x10 | 0x800000)] }]);
    assert.equal((await one(a, eq('sAMAccountName', 'bob'))).first('userAccountControl'), '512');
    await a.modify!(admin, bob, [{ operation: 'replace', attribute: 'userAccountControl', values: ['514'] }]);
    assert.deepEqual(await b.bind('CORP\\bob', 'Bob!pass12'), { ok: false, adCode: '533' });
  });
});
