// The DirectoryBackend contract: every backend (the in-memory test backend, simple-ad on SQLite and
// PostgreSQL, managed-ad, an ad-connector in front of a seeded upstream) passes this suite.
// Usage: directoryBackendContract('simple-ad (sqlite)', async (seed) => makeBackend(seed));
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { type AdBindCode, type BindResult, type DirectoryBackend, Entry, type Filter, LdapError } from '../../server/contracts/directory.ts';

export interface SeedUser {
  sam: string;
  password: string;
  cn?: string;
  ou?: string;
  givenName?: string;
  sn?: string;
  mail?: string;
  displayName?: string;
  disabled?: boolean;
  locked?: boolean;
  mustChangePassword?: boolean;
  accountExpired?: boolean;
  memberOf?: string[]; // group cns
}

export interface SeedGroup {
  cn: string;
  ou?: string;
  memberOf?: string[];
}

/** What a backend factory must load: users under CN=Users (or OU=<ou>), groups, OUs. */
export interface DirectorySeed {
  dnsName: string;
  netbiosName: string;
  ous?: string[];
  users: SeedUser[];
  groups?: SeedGroup[];
  /** sAMAccountNames added to Domain Admins. */
  admins?: string[];
}

export const CONTRACT_SEED: DirectorySeed = {
  dnsName: 'corp.example.com',
  netbiosName: 'CORP',
  ous: ['Engineering'],
  users: [
    { sam: 'admin', password: 'Adm1n!pass', cn: 'Admin' },
    { sam: 'alice', password: 'Alice!pass1', cn: 'Alice Liddell', givenName: 'Alice', sn: 'Liddell', mail: 'alice@corp.example.com', memberOf: ['Developers'] },
    { sam: 'bob', password: 'Bob!pass12', ou: 'Engineering', cn: 'Bob, Jr.', memberOf: ['Ops'] },
    { sam: 'carol', password: 'Carol!pass1', disabled: true },
    { sam: 'dave', password: 'Dave!pass12', locked: true },
    { sam: 'erin', password: 'Erin!pass12', mustChangePassword: true },
    { sam: 'frank', password: 'Frank!pass1', accountExpired: true },
    { sam: 'zoë', password: 'Zoë!pass123', cn: 'Zoë Ünïcode' },
  ],
  groups: [{ cn: 'Engineers' }, { cn: 'Developers', memberOf: ['Engineers'] }, { cn: 'Ops', memberOf: ['Engineers'] }],
  admins: ['admin'],
};

const BASE = 'DC=corp,DC=example,DC=com';
const eq = (attribute: string, value: string | Buffer): Filter => ({ type: 'equality', attribute, value: Buffer.from(value) });
const any: Filter = { type: 'present', attribute: 'objectClass' };

async function all(it: AsyncIterable<Entry>): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const e of it) out.push(e);
  return out;
}

/** A bind's outcome as a value: a backend returns AD's refusal, or — a relay such as the ad-connector —
 *  throws the upstream DC's own LDAP result, which carries the same data code. */
async function bindOutcome(b: DirectoryBackend, name: string, password: string): Promise<BindResult> {
  try {
    return await b.bind(name, password);
  } catch (e) {
    const adCode = (e as { adCode?: AdBindCode }).adCode;
    if (e instanceof LdapError && e.resultCode === 49 && adCode) return { ok: false, adCode };
    throw e;
  }
}

export function directoryBackendContract(name: string, factory: (seed: DirectorySeed) => Promise<DirectoryBackend>, opts: { readOnly?: boolean } = {}): void {
  const make = () => factory(CONTRACT_SEED);
  const find = async (b: DirectoryBackend, filter: Filter): Promise<Entry[]> =>
    all(b.search(BASE, 'sub', filter, { principal: null, attributes: ['*'], sizeLimit: 0 }));

  describe(`DirectoryBackend contract: ${name}`, () => {
    it('describes its domain', async () => {
      const b = await make();
      assert.deepEqual(b.domain, { dnsName: 'corp.example.com', netbiosName: 'CORP', baseDN: BASE });
    });

    it('binds by DN, UPN and down-level name, case-insensitively', async () => {
      const b = await make();
      const [alice] = await find(b, eq('sAMAccountName', 'alice'));
      for (const n of [alice.dn, alice.dn.toLowerCase(), 'alice@corp.example.com', 'ALICE@CORP.EXAMPLE.COM', 'CORP\\alice', 'corp\\ALICE']) {
        const r = await b.bind(n, 'Alice!pass1');
        assert.ok(r.ok, n);
        assert.equal(r.principal.name.toLowerCase(), 'corp\\alice');
        assert.equal(r.principal.dn.toLowerCase(), alice.dn.toLowerCase());
      }
    });

    it('answers AD data codes: 52e wrong password and unknown user, 533, 775, 773, 701', async () => {
      const b = await make();
      assert.deepEqual(await bindOutcome(b, 'CORP\\alice', 'wrong'), { ok: false, adCode: '52e' });
      assert.deepEqual(await bindOutcome(b, 'nobody@corp.example.com', 'x'), { ok: false, adCode: '52e' });
      assert.deepEqual(await bindOutcome(b, 'OTHER\\alice', 'Alice!pass1'), { ok: false, adCode: '52e' });
      assert.deepEqual(await bindOutcome(b, 'CORP\\carol', 'Carol!pass1'), { ok: false, adCode: '533' });
      assert.deepEqual(await bindOutcome(b, 'CORP\\carol', 'wrong'), { ok: false, adCode: '52e' }, 'disabled is masked by a wrong password');
      assert.deepEqual(await bindOutcome(b, 'CORP\\dave', 'Dave!pass12'), { ok: false, adCode: '775' });
      assert.deepEqual(await bindOutcome(b, 'CORP\\erin', 'Erin!pass12'), { ok: false, adCode: '773' });
      assert.deepEqual(await bindOutcome(b, 'CORP\\erin', 'wrong'), { ok: false, adCode: '52e' });
      assert.deepEqual(await bindOutcome(b, 'CORP\\frank', 'Frank!pass1'), { ok: false, adCode: '701' });
    });

    it('searches base, one and sub scopes; unknown bases are noSuchObject', async () => {
      const b = await make();
      const base = await all(b.search(BASE.toLowerCase(), 'base', any, { principal: null, attributes: [], sizeLimit: 0 }));
      assert.equal(base.length, 1);
      const one = await all(b.search(`CN=Users,${BASE}`, 'one', eq('sAMAccountName', 'bob'), { principal: null, attributes: [], sizeLimit: 0 }));
      assert.equal(one.length, 0, 'bob lives in OU=Engineering');
      const sub = await find(b, eq('samaccountname', 'BOB'));
      assert.equal(sub.length, 1);
      await assert.rejects(all(b.search(`OU=Nowhere,${BASE}`, 'sub', any, { principal: null, attributes: [], sizeLimit: 0 })), (e: unknown) => e instanceof LdapError && e.resultCode === 32);
    });

    it('keeps binary attributes as bytes and matches them byte for byte', async () => {
      const b = await make();
      const [alice] = await find(b, eq('sAMAccountName', 'alice'));
      const guid = alice.get('objectGUID')![0];
      assert.ok(Buffer.isBuffer(guid) && guid.length === 16);
      const sid = alice.get('objectSid')![0];
      assert.ok(Buffer.isBuffer(sid) && sid[0] === 1);
      assert.equal((await find(b, eq('objectGUID', guid))).length, 1);
      assert.equal((await find(b, eq('objectSid', sid))).length, 1);
    });

    it('matches non-ASCII values and DN values with escapes', async () => {
      const b = await make();
      assert.equal((await find(b, eq('cn', 'zoë ünïcode'))).length, 1);
      const [bob] = await find(b, eq('cn', 'Bob, Jr.'));
      assert.ok(bob, 'cn with a comma');
      const [ops] = await find(b, eq('cn', 'Ops'));
      assert.equal((await find(b, eq('member', bob.dn.toUpperCase()))).map((e) => e.dn).join(), ops.dn);
    });

    it('computes memberOf (direct) and evaluates LDAP_MATCHING_RULE_IN_CHAIN', async () => {
      const b = await make();
      const [alice] = await find(b, eq('sAMAccountName', 'alice'));
      const [engineers] = await find(b, eq('cn', 'Engineers'));
      assert.equal(alice.get('memberOf')?.length, 1);
      const chain: Filter = { type: 'extensible', rule: '1.2.840.113556.1.4.1941', attribute: 'memberOf', value: Buffer.from(engineers.dn), dnAttributes: false };
      const inEngineers = (await find(b, chain)).map((e) => e.first('sAMAccountName')).sort();
      assert.deepEqual(inEngineers, ['alice', 'bob', 'Developers', 'Ops'].sort());
      const groups: Filter = { type: 'extensible', rule: '1.2.840.113556.1.4.1941', attribute: 'member', value: Buffer.from(alice.dn), dnAttributes: false };
      assert.deepEqual((await find(b, groups)).map((e) => e.first('cn')).sort(), ['Developers', 'Engineers']);
      const r = await b.bind('CORP\\alice', 'Alice!pass1');
      assert.ok(r.ok);
      assert.deepEqual((await b.groupsOf(r.principal)).map((d) => d.split(',')[0]).sort(), ['CN=Developers', 'CN=Engineers']);
    });

    it(opts.readOnly ? 'is read-only: no write methods' : 'writes: add, modify, modifyDN, delete (not on non-leaf)', async () => {
      const b = await make();
      if (opts.readOnly) {
        assert.ok(!b.add && !b.modify && !b.delete && !b.modifyDN && !b.changePassword, 'a read-only backend offers no writes (the front end answers 53)');
        return;
      }
      assert.ok(b.add && b.modify && b.delete && b.modifyDN, 'a writable backend offers add, modify, delete and modifyDN');
      const r = await b.bind('CORP\\admin', 'Adm1n!pass');
      assert.ok(r.ok);
      const who = r.principal;
      const dn = `CN=Temp,CN=Users,${BASE}`;
      await b.add(who, new Entry(dn, { objectClass: ['top', 'person', 'organizationalPerson', 'user'], sAMAccountName: 'temp', description: 'x' }));
      await assert.rejects(b.add(who, new Entry(dn, { objectClass: 'user' })), (e: unknown) => e instanceof LdapError && e.resultCode === 68);
      await b.modify(who, dn, [{ operation: 'replace', attribute: 'description', values: ['y'] }]);
      assert.equal((await find(b, eq('description', 'y'))).length, 1);
      await b.modifyDN(who, dn, 'CN=Temp2', true, `OU=Engineering,${BASE}`);
      assert.equal((await find(b, eq('cn', 'Temp2')))[0]?.dn, `CN=Temp2,OU=Engineering,${BASE}`);
      await assert.rejects(b.delete(who, `OU=Engineering,${BASE}`), (e: unknown) => e instanceof LdapError && e.resultCode === 66);
      await b.delete(who, `CN=Temp2,OU=Engineering,${BASE}`);
      assert.equal((await find(b, eq('cn', 'Temp2'))).length, 0);
    });

    if (!opts.readOnly) it('changes passwords: own change needs the old one, policy is enforced', async () => {
      const b = await make();
      assert.ok(b.changePassword, 'a writable backend offers password changes');
      const r = await b.bind('CORP\\alice', 'Alice!pass1');
      assert.ok(r.ok);
      await assert.rejects(b.changePassword(r.principal, r.principal.dn, { oldPassword: 'nope', newPassword: 'N3w!passw0rd' }), (e: unknown) => e instanceof LdapError && e.resultCode === 19);
      await assert.rejects(b.changePassword(r.principal, r.principal.dn, { oldPassword: 'Alice!pass1', newPassword: 'a' }), (e: unknown) => e instanceof LdapError && e.resultCode === 19);
      await b.changePassword(r.principal, r.principal.dn, { oldPassword: 'Alice!pass1', newPassword: 'N3w!passw0rd' });
      assert.equal((await b.bind('CORP\\alice', 'Alice!pass1')).ok, false);
      assert.equal((await b.bind('CORP\\alice', 'N3w!passw0rd')).ok, true);
    });
  });
}
