// simple-ad passwords: scrypt storage (never the clear text), {SSHA}/{SSHA512} verification, AD
// complexity rules, history, maximum age (532), must-change (773), and who may reset whose password.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { generatePassword, hashPassword, needsRehash, policyViolation, verifyPassword } from '../../../adapters/directory/simple-ad/passwords.ts';
import { cryptScryptHash, parseCryptScrypt } from '../../../adapters/directory/simple-ad/crypt-scrypt.ts';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import { LdapError } from '../../../server/contracts/directory.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { openOn, TEST_COST } from './simple-ad-helpers.ts';

const POLICY = { minLength: 8, complexity: true, history: 3, maxAgeDays: 0 };
const rc = (n: number, prefix?: string) => (e: unknown) => e instanceof LdapError && e.resultCode === n && (!prefix || e.diagnostic.startsWith(prefix));

describe('simple-ad password hashing and policy', () => {
  it('stores scrypt hashes with their parameters and verifies OpenLDAP SSHA and SSHA512', async () => {
    const h = await hashPassword('Secret!pw1', TEST_COST);
    assert.match(h, /^\$scrypt\$1024\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    assert.ok(!h.includes('Secret'));
    assert.equal(await verifyPassword('Secret!pw1', h), true);
    assert.equal(await verifyPassword('Secret!pw2', h), false);
    const salt = Buffer.from('saltsalt');
    for (const [tag, algo] of [['SSHA', 'sha1'], ['SSHA512', 'sha512']]) {
      const stored = `{${tag}}${Buffer.concat([createHash(algo).update('Old!pw').update(salt).digest(), salt]).toString('base64')}`;
      assert.equal(await verifyPassword('Old!pw', stored), true, tag);
      assert.equal(await verifyPassword('old!pw', stored), false, tag);
    }
  });

  it('verifies crypt(3) scrypt hashes ({CRYPT}$7$, as slapd stores them through libxcrypt)', async () => {
    // libxcrypt's and Colin Percival's test vector (N=2^14, r=8, p=1, salt "SodiumChloride")
    const vector = '$7$C6..../....SodiumChloride$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D';
    assert.equal(await verifyPassword('pleaseletmein', vector), true);
    assert.equal(await verifyPassword('pleaseletmein', `{CRYPT}${vector}`), true);
    assert.equal(await verifyPassword('pleaseletmeIn', vector), false);
    assert.deepEqual(parseCryptScrypt(vector), { N: 2 ** 14, r: 8, p: 1, salt: 'SodiumChloride', hash: 'kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D' });
    assert.equal(parseCryptScrypt('$7$z6..../....salt$kBGj9fHznVYFQMEn/qDCfrDevf9YDtcDdKvEqHJLV8D'), undefined, 'N = 2^61 is refused, not attempted');
    assert.equal(await verifyPassword('x', '$7$C6..../....salt$short'), false);
    const made = await cryptScryptHash('Made!pw1', { N: 2 ** 10, r: 8, p: 1 });
    assert.match(made, /^\{CRYPT\}\$7\$86\.\.\.\.\/\.\.\.\.[./0-9A-Za-z]{16}\$[./0-9A-Za-z]{43}$/);
    assert.equal(await verifyPassword('Made!pw1', made), true);
    // kept when at least as costly as ours, replaced when cheaper
    assert.equal(needsRehash(vector, { N: 2 ** 14, r: 8, p: 1 }), false);
    assert.equal(needsRehash(vector, { N: 2 ** 15, r: 8, p: 1 }), true);
    assert.equal(needsRehash('{SSHA}abcd', TEST_COST), true);
  });

  it('applies AD complexity: length, 3 of 4 classes, not the account name nor display-name tokens', () => {
    const acct = { sam: 'jsmith', displayName: 'John Smith' };
    assert.match(policyViolation('Sh0rt!', POLICY, acct)!, /too short.*8 characters/);
    assert.match(policyViolation('alllowercase1', POLICY, acct)!, /complexity/);
    assert.match(policyViolation('Xx-jsmith-99', POLICY, acct)!, /complexity/);
    assert.match(policyViolation('Hello!SMITH9', POLICY, acct)!, /complexity/);
    assert.equal(policyViolation('Correct-Horse9', POLICY, acct), undefined);
    assert.equal(policyViolation('ÉtéÀ1234x', POLICY, acct), undefined, 'non-ASCII upper and lower letters count');
    assert.equal(policyViolation('aaaaaaaa', { ...POLICY, complexity: false }, acct), undefined);
    for (let i = 0; i < 20; i++) assert.equal(policyViolation(generatePassword(), { ...POLICY, minLength: 24 }, { sam: 'Administrator' }), undefined);
  });
});

describe('simple-ad password changes and bind codes', () => {
  const open = async (extra: Record<string, unknown> = {}, now?: () => Date) =>
    (await openOn(await openSqliteStore(':memory:'), CONTRACT_SEED, { passwordPolicy: POLICY, ...extra }, now)).backend;

  it('remembers the configured history on a change, not on a plain reset', async () => {
    const b = await open();
    const r = await b.bind('CORP\\alice', 'Alice!pass1');
    assert.ok(r.ok);
    const change = (from: string, to: string) => b.changePassword!(r.principal, r.principal.dn, { oldPassword: from, newPassword: to });
    await change('Alice!pass1', 'Second!pw22');
    await change('Second!pw22', 'Third!pw333');
    await assert.rejects(change('Third!pw333', 'Second!pw22'), rc(19, '0000052D'));
    await assert.rejects(change('Third!pw333', 'Third!pw333'), rc(19, '0000052D'));
    await change('Third!pw333', 'Fourth!pw44');
    await change('Fourth!pw44', 'Wonder!pass1');
    await change('Wonder!pass1', 'Second!pw22'); // history 3 = the current one and 2 earlier: Second has fallen out
    const admin = await b.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(admin.ok);
    await b.changePassword!(admin.principal, 'CORP\\alice', { newPassword: 'Fourth!pw44' });
    await assert.rejects(b.changePassword!(admin.principal, 'CORP\\alice', { newPassword: 'Fourth!pw44', policyHints: true }), rc(19, '0000052D'));
    assert.ok((await b.bind('alice@corp.example.com', 'Fourth!pw44')).ok);
  });

  it('lets only admins reset, and only the user (or an admin) change with the old password', async () => {
    const b = await open();
    const alice = await b.bind('CORP\\alice', 'Alice!pass1');
    assert.ok(alice.ok);
    await assert.rejects(b.changePassword!(alice.principal, 'CORP\\bob', { newPassword: 'Hacked!pw99' }), rc(50));
    await assert.rejects(b.changePassword!(alice.principal, 'CORP\\bob', { oldPassword: 'Bob!pass12', newPassword: 'Hacked!pw99' }), rc(50));
    await assert.rejects(b.changePassword!(alice.principal, alice.principal.dn, { newPassword: 'NoOld!pw999' }), rc(50));
    assert.ok((await b.bind('CORP\\bob', 'Bob!pass12')).ok);
  });

  it('answers 773 until a must-change user gets a new password, and 532 once maxAgeDays have passed', async () => {
    let t = Date.parse('2026-11-28T12:00:00Z');
    const b = await open({ passwordPolicy: { ...POLICY, maxAgeDays: 30 } }, () => new Date(t));
    assert.deepEqual(await b.bind('CORP\\erin', 'Erin!pass12'), { ok: false, adCode: '773' });
    const admin = await b.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(admin.ok);
    await b.changePassword!(admin.principal, 'CORP\\erin', { newPassword: 'Brand!new99' });
    assert.ok((await b.bind('CORP\\erin', 'Brand!new99')).ok);
    t += 31 * 86_400_000;
    assert.deepEqual(await b.bind('CORP\\erin', 'Brand!new99'), { ok: false, adCode: '532' });
    assert.deepEqual(await b.bind('CORP\\erin', 'wrong'), { ok: false, adCode: '52e' });
  });
});
