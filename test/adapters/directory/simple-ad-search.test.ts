// simple-ad search details: indexed look-ups (alone, in AND, in OR) give the same answers as a
// scan, AD's bitwise rules, size limits, constructed attributes, Unicode-normalised names.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import type { DirectoryBackend, Entry, Filter } from '../../../server/contracts/directory.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { openOn } from './simple-ad-helpers.ts';

const BASE = 'DC=corp,DC=example,DC=com';
const eq = (attribute: string, value: string): Filter => ({ type: 'equality', attribute, value: Buffer.from(value) });
const present = (attribute: string): Filter => ({ type: 'present', attribute });

describe('simple-ad search', () => {
  let b: DirectoryBackend;
  const find = async (filter: Filter, opts: { base?: string; scope?: 'base' | 'one' | 'sub'; sizeLimit?: number; attributes?: string[] } = {}) => {
    const out: Entry[] = [];
    for await (const e of b.search(opts.base ?? BASE, opts.scope ?? 'sub', filter, { principal: null, attributes: opts.attributes ?? ['*'], sizeLimit: opts.sizeLimit ?? 0 })) out.push(e);
    return out;
  };
  const sams = (es: Entry[]) => es.map((e) => e.first('sAMAccountName')).sort();
  before(async () => {
    b = (await openOn(await openSqliteStore(':memory:'), CONTRACT_SEED)).backend;
  });

  it('answers indexed filters (equality, AND, OR of indexed equalities) like a scan', async () => {
    assert.deepEqual(sams(await find(eq('sAMAccountName', 'ALICE'))), ['alice']);
    assert.deepEqual(sams(await find({ type: 'and', filters: [eq('objectClass', 'user'), eq('sAMAccountName', 'alice')] })), ['alice']);
    assert.deepEqual(sams(await find({ type: 'and', filters: [eq('objectClass', 'group'), eq('sAMAccountName', 'alice')] })), []);
    const or: Filter = { type: 'or', filters: [eq('sAMAccountName', 'alice'), eq('userPrincipalName', 'bob@corp.example.com')] };
    assert.deepEqual(sams(await find(or)), ['alice', 'bob']);
    const scanned: Filter = { type: 'or', filters: [eq('sAMAccountName', 'alice'), eq('sn', 'Liddell')] };
    assert.deepEqual(sams(await find(scanned)), ['alice']);
    assert.deepEqual(sams(await find(eq('sAMAccountName', 'alice'), { base: `OU=Engineering,${BASE}` })), [], 'the index still honours the base');
    assert.deepEqual(sams(await find(eq('sAMAccountName', 'zo\u0065\u0308'))), ['zoë'], 'NFC-normalised');
    assert.ok((await b.bind('CORP\\zo\u0065\u0308', 'Zoë!pass123')).ok, 'bind names are NFC-normalised too');
  });

  it('evaluates AD bitwise rules on userAccountControl and objectCategory short names', async () => {
    const disabled: Filter = { type: 'extensible', rule: '1.2.840.113556.1.4.803', attribute: 'userAccountControl', value: Buffer.from('2'), dnAttributes: false };
    assert.deepEqual(sams(await find({ type: 'and', filters: [eq('objectCategory', 'person'), disabled] })), ['Guest', 'carol', 'krbtgt']);
    assert.equal((await find(eq('objectCategory', 'group'))).length > 10, true);
  });

  it('honours scopes and the size limit, and computes distinguishedName and timestamps', async () => {
    assert.equal((await find(present('objectClass'), { sizeLimit: 3 })).length, 3);
    const one = await find(present('objectClass'), { scope: 'one' });
    assert.ok(one.some((e) => e.dn === `CN=Users,${BASE}`) && one.every((e) => e.dn.split(/(?<!\\),/).length === 4));
    const [alice] = await find(eq('sAMAccountName', 'alice'));
    assert.equal(alice.first('distinguishedName'), alice.dn);
    assert.match(alice.first('whenCreated')!, /^\d{14}\.0Z$/);
    assert.equal(alice.first('createTimestamp'), alice.first('whenCreated'));
    assert.ok(Number(alice.first('uSNChanged')) > 0);
    assert.equal(alice.get('unicodePwd'), undefined);
    assert.equal(alice.get('tokenGroups'), undefined, 'tokenGroups only on a base search that asks for it');
  });
});
