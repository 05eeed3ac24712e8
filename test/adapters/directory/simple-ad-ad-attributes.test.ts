// What AD clients filter on and read, computed as a DC computes it: string SIDs and GUIDs in
// filters, sAMAccountType, instanceType, badPwdCount, lastLogon / lastLogonTimestamp (with the
// sync-interval rule), the change counter, and Ambiguous Name Resolution ([MS-ADTS] 3.1.1.3.1.3.4).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { EqualityFilter, NotFilter, OrFilter } from 'ldapts';
import { toLdaptsFilter } from '../../../adapters/directory/ad-connector/filter.ts';
import { fileTimeMs } from '../../../adapters/directory/simple-ad/ad-values.ts';
import { logonTimestampDue } from '../../../adapters/directory/simple-ad/logon-activity.ts';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import { guidBytesToString, sidBytesToString } from '../../../server/contracts/ad-binary.ts';
import { anr, rewriteFilter } from '../../../server/contracts/ad-filter.ts';
import { type DirectoryBackend, Entry, type Filter } from '../../../server/contracts/directory.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { openOn } from './simple-ad-helpers.ts';

const BASE = 'DC=corp,DC=example,DC=com';
const eq = (attribute: string, value: string | Buffer): Filter => ({ type: 'equality', attribute, value: Buffer.from(value) });
const SEED = {
  ...CONTRACT_SEED,
  users: [
    ...CONTRACT_SEED.users,
    { sam: 'jdoe', password: 'Jdoe!pass123', givenName: 'John', sn: 'Doe', displayName: 'Johnny D' },
    { sam: 'dj', password: 'Dj!pass12345', givenName: 'Doe', sn: 'John' },
  ],
};

describe('simple-ad: AD attributes and filters', () => {
  let b: DirectoryBackend;
  let clock = new Date('2026-11-01T08:00:00Z');
  const find = async (filter: Filter, attributes = ['*'], base = BASE, scope: 'base' | 'sub' = 'sub') => {
    const out: Entry[] = [];
    for await (const e of b.search(base, scope, filter, { principal: null, attributes, sizeLimit: 0 })) out.push(e);
    return out;
  };
  const sams = (es: Entry[]) => es.map((e) => e.first('sAMAccountName')!).sort();
  before(async () => {
    b = (await openOn(await openSqliteStore(':memory:'), SEED, { lockout: { threshold: 5 } }, () => clock)).backend;
  });

  it('matches objectSid written as a string and objectGUID in its dashed form, as well as their bytes', async () => {
    const [alice] = await find(eq('sAMAccountName', 'alice'));
    const sid = alice.get('objectSid')![0] as Buffer;
    const guid = alice.get('objectGUID')![0] as Buffer;
    assert.deepEqual(sams(await find(eq('objectSID', sidBytesToString(sid)))), ['alice']);
    assert.deepEqual(sams(await find(eq('objectSid', sid))), ['alice']);
    assert.deepEqual(sams(await find(eq('objectGUID', guidBytesToString(guid)))), ['alice']);
    assert.deepEqual(sams(await find(eq('objectGUID', `{${guidBytesToString(guid).toUpperCase()}}`))), ['alice']);
    const domainSid = sidBytesToString(sid).replace(/-\d+$/, '');
    const [users] = await find({ type: 'and', filters: [eq('objectClass', 'group'), eq('objectSid', `${domainSid}-513`)] });
    assert.equal(users.first('sAMAccountName'), 'Domain Users');
    assert.deepEqual(await find(eq('objectSid', 'S-1-5-21-1-2-3-99999')), []);
    assert.deepEqual(await find(eq('objectSid', 'S-1-garbage')), [], 'not a SID: compared as bytes, matches nothing');
  });

  it('computes sAMAccountType from the class and flags, and instanceType', async () => {
    const users = await find(eq('sAMAccountType', '805306368'));
    assert.ok(sams(users).includes('alice') && sams(users).includes('Administrator'));
    assert.ok(users.every((e) => e.get('objectClass')!.includes('user')));
    const groups = new Map((await find(eq('objectClass', 'group'))).map((g) => [g.first('sAMAccountName'), g.first('sAMAccountType')]));
    assert.equal(groups.get('Domain Users'), '268435456');
    assert.equal(groups.get('Engineers'), '268435456');
    assert.equal(groups.get('Administrators'), '536870912', 'builtin domain-local');
    const admin = { dn: `CN=Administrator,CN=Users,${BASE}`, name: 'CORP\\Administrator' };
    await b.add!(admin, entryOf(`CN=WS1,CN=Computers,${BASE}`, { objectClass: ['computer'], sAMAccountName: 'WS1$' }));
    await b.add!(admin, entryOf(`CN=Newsletter,CN=Users,${BASE}`, { objectClass: ['group'], groupType: '2' }));
    await b.add!(admin, entryOf(`CN=Printers,CN=Users,${BASE}`, { objectClass: ['group'], groupType: '4' }));
    assert.equal((await find(eq('cn', 'WS1')))[0].first('sAMAccountType'), '805306369');
    assert.equal((await find(eq('cn', 'Newsletter')))[0].first('sAMAccountType'), '268435457');
    assert.equal((await find(eq('cn', 'Printers')))[0].first('sAMAccountType'), '536870913');
    assert.deepEqual(sams(await find(eq('sAMAccountType', '805306369'))), ['WS1$']);
    assert.equal((await find({ type: 'present', attribute: 'objectClass' }, ['instanceType'], BASE, 'base'))[0].first('instanceType'), '5');
    assert.equal((await find(eq('sAMAccountName', 'alice')))[0].first('instanceType'), '4');
  });

  it('shows badPwdCount from the lockout counter and lastLogon / lastLogonTimestamp as FILETIME', async () => {
    const aliceOf = async () => (await find(eq('sAMAccountName', 'bob'), ['badPwdCount', 'badPasswordTime', 'lastLogon', 'lastLogonTimestamp', 'uSNChanged']))[0];
    let bob = await aliceOf();
    assert.equal(bob.first('badPwdCount'), '0');
    assert.equal(bob.first('lastLogon'), '0');
    assert.equal(bob.get('lastLogonTimestamp'), undefined, 'absent until the first logon');
    assert.equal((await b.bind('CORP\\bob', 'wrong')).ok, false);
    assert.equal((await b.bind('CORP\\bob', 'wrong')).ok, false);
    bob = await aliceOf();
    assert.equal(bob.first('badPwdCount'), '2');
    assert.equal(fileTimeMs(bob.first('badPasswordTime')), clock.getTime());
    assert.deepEqual(sams(await find({ type: 'greaterOrEqual', attribute: 'badPwdCount', value: Buffer.from('1') })), ['bob']);
    const usn0 = Number(bob.first('uSNChanged'));
    assert.ok((await b.bind('CORP\\bob', 'Bob!pass12')).ok);
    bob = await aliceOf();
    assert.equal(bob.first('badPwdCount'), '0', 'a good password resets it');
    assert.equal(fileTimeMs(bob.first('lastLogon')), clock.getTime());
    assert.equal(fileTimeMs(bob.first('lastLogonTimestamp')), clock.getTime());
    const usn1 = Number(bob.first('uSNChanged'));
    assert.ok(usn1 > usn0, 'lastLogonTimestamp is a replicated write');
    assert.equal(await b.highestCommittedUSN!(), usn1);
    const first = clock;
    clock = new Date(first.getTime() + 86_400_000);
    assert.ok((await b.bind('CORP\\bob', 'Bob!pass12')).ok);
    bob = await aliceOf();
    assert.equal(fileTimeMs(bob.first('lastLogon')), clock.getTime(), 'lastLogon follows every logon');
    assert.equal(fileTimeMs(bob.first('lastLogonTimestamp')), first.getTime(), 'the timestamp waits for the sync interval');
    assert.equal(Number(bob.first('uSNChanged')), usn1);
    clock = new Date(first.getTime() + 14 * 86_400_000);
    assert.ok((await b.bind('CORP\\bob', 'Bob!pass12')).ok);
    assert.equal(fileTimeMs((await aliceOf()).first('lastLogonTimestamp')), clock.getTime(), 'after 14 days it always moves');
  });

  it('updates lastLogonTimestamp after the interval minus a deterministic jitter of at most 5 days', () => {
    const day = 86_400_000;
    const t0 = Date.UTC(2026, 0, 1);
    const stored = String(BigInt(t0) * 10000n + 116444736000000000n);
    const dueAfter = (guid: string) => {
      for (let d = 0; d <= 15; d++) if (logonTimestampDue(guid, stored, 14, t0 + d * day)) return d;
      return -1;
    };
    const days = ['a1', 'b2', 'c3', 'd4', 'e5', 'f6', '07', '18'].map(dueAfter);
    assert.ok(days.every((d) => d >= 9 && d <= 14), String(days));
    assert.ok(new Set(days).size > 1, 'accounts spread over the window');
    assert.equal(dueAfter('a1'), dueAfter('a1'));
    assert.equal(logonTimestampDue('a1', undefined, 14, t0), true);
    assert.equal(logonTimestampDue('a1', stored, 0, t0 + 100 * day), false, 'interval 0 turns updates off');
  });

  it('resolves anr over the ANR attribute set, with the first-last split and the = exact form', async () => {
    assert.deepEqual(sams(await find(eq('anr', 'ali'))), ['alice']);
    assert.deepEqual(sams(await find(eq('anr', 'Liddell'))), ['alice'], 'sn');
    assert.deepEqual(sams(await find(eq('anr', 'johnny'))), ['jdoe'], 'displayName');
    assert.deepEqual(sams(await find(eq('anr', 'John Doe'))), ['dj', 'jdoe'], 'first last and last first');
    assert.deepEqual(sams(await find(eq('anr', 'Jo D'))), ['dj', 'jdoe'], 'prefixes on both halves');
    assert.deepEqual(sams(await find(eq('anr', '=ali'))), [], '= asks for exact values');
    assert.deepEqual(sams(await find(eq('anr', '=alice'))), ['alice']);
    assert.deepEqual(sams(await find({ type: 'and', filters: [eq('objectCategory', 'person'), { type: 'substrings', attribute: 'anr', initial: Buffer.from('bo'), any: [] }] })), ['bob']);
    assert.deepEqual(await find({ type: 'present', attribute: 'aNR' }), [], '(anr=*) is false');
    assert.deepEqual(await find(eq('anr', '  ')), []);
  });

  it('forwards string SIDs as bytes and anr as its OR through the ad-connector', () => {
    const sid = toLdaptsFilter(eq('objectSid', 'S-1-5-21-1-2-3-513')) as EqualityFilter;
    assert.ok(Buffer.isBuffer(sid.value));
    assert.equal(sidBytesToString(sid.value as Buffer), 'S-1-5-21-1-2-3-513');
    const expanded = toLdaptsFilter(eq('anr', 'ali')) as OrFilter;
    assert.ok(expanded instanceof OrFilter);
    assert.match(expanded.toString(), /\(givenName=ali\*\)/);
    assert.ok(toLdaptsFilter({ type: 'present', attribute: 'anr' }) instanceof NotFilter);
    assert.deepEqual(rewriteFilter(eq('cn', 'S-1-5-21')), eq('cn', 'S-1-5-21'), 'only SID attributes are translated');
    assert.equal((anr('=a b') as { filters: Filter[] }).filters.length, 16);
  });
});

function entryOf(dn: string, attrs: Record<string, string | string[]>): Entry {
  return new Entry(dn, attrs);
}
