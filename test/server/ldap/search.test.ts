// Search over real sockets: filters with escaped, non-ASCII and binary values (ldapjs mangled
// them), `<GUID=…>`/`<SID=…>` bases (ldapjs dropped the connection), DN output as stored (ldapjs
// re-escaped it), attribute selection with mixed-case names (ldapjs dropped them), binary values,
// AD matching rules, controls, RootDSE, compare.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EqualityFilter } from 'ldapts';
import { guidBytesToString, sidBytesToString } from '../../../server/ldap/ad-values.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { MemoryBackend } from '../../fixtures/ldap/memory-backend.ts';
import { ALICE_DN, BASE, bindReq, collect, control, eqFilter, type Harness, RawClient, searchReq, startLdap } from './harness.ts';

const seed = { ...CONTRACT_SEED, users: [...CONTRACT_SEED.users, { sam: 'odd', password: 'Odd!pass123', cn: 'a\\b*c(d)' }] };

describe('LDAP search', () => {
  let h: Harness;
  let raw: RawClient;
  before(async () => {
    h = await startLdap({ backend: new MemoryBackend(seed) });
    raw = await RawClient.connect(h.port);
    raw.send(bindReq(1, 'CORP\\alice', 'Alice!pass1'));
    assert.equal((await raw.next())?.resultCode, 0);
  });
  after(async () => {
    raw.end();
    await h.close();
  });
  const bound = async () => {
    const c = h.client();
    await c.bind('CORP\\alice', 'Alice!pass1');
    return c;
  };

  it('matches filter values with \\, *, ( and ) exactly (raw BER and escaped string filters)', async () => {
    raw.send(searchReq(2, BASE, 2, eqFilter('cn', 'a\\b*c(d)'), ['sAMAccountName']));
    const r = await collect(raw);
    assert.deepEqual(r.entries.map((e) => e.attrs.get('sAMAccountName')?.[0].toString()), ['odd']);
    const c = await bound();
    const s = await c.search(BASE, { filter: '(cn=a\\5cb\\2ac\\28d\\29)', attributes: ['sAMAccountName'] });
    assert.deepEqual(s.searchEntries.map((e) => e.sAMAccountName), ['odd']);
    const none = await c.search(BASE, { filter: '(cn=a\\5cbxc\\28d\\29)' });
    assert.equal(none.searchEntries.length, 0, 'an escaped * is not a wildcard');
  });

  it('matches non-ASCII values case-insensitively and returns DNs as stored (raw UTF-8, \\,)', async () => {
    const c = await bound();
    const s = await c.search(BASE, { filter: '(cn=ZOË ÜNÏCODE)', attributes: ['cn'] });
    assert.equal(s.searchEntries[0]?.dn, `CN=Zoë Ünïcode,CN=Users,${BASE}`);
    raw.send(searchReq(3, BASE, 2, eqFilter('sAMAccountName', 'bob'), ['1.1']));
    const r = await collect(raw);
    assert.equal(r.entries[0].dn, `CN=Bob\\, Jr.,OU=Engineering,${BASE}`);
  });

  it('returns objectGUID/objectSid as bytes and matches binary filter values byte for byte', async () => {
    const c = await bound();
    const s = await c.search(ALICE_DN, { scope: 'base', attributes: ['objectGUID', 'objectSid'], explicitBufferAttributes: ['objectGUID', 'objectSid'] });
    const guid = s.searchEntries[0].objectGUID as Buffer;
    assert.equal(guid.length, 16);
    const byGuid = await c.search(BASE, { filter: new EqualityFilter({ attribute: 'objectGUID', value: guid }), attributes: ['1.1'] });
    assert.deepEqual(byGuid.searchEntries.map((e) => e.dn), [ALICE_DN]);
    const nasty = Buffer.from([0x00, 0xff, 0x80, 0x41, 0x5c, 0x2a, 0x28, 0x29]);
    raw.send(searchReq(4, BASE, 2, eqFilter('objectGUID', nasty), ['1.1']));
    const r = await collect(raw);
    assert.equal(r.done.resultCode, 0);
    assert.equal(r.entries.length, 0);
  });

  it('accepts <GUID=…> and <SID=…> search bases (ldapjs dropped the connection)', async () => {
    const c = await bound();
    const s = await c.search(ALICE_DN, { scope: 'base', attributes: ['objectGUID', 'objectSid'], explicitBufferAttributes: ['objectGUID', 'objectSid'] });
    const guid = s.searchEntries[0].objectGUID as Buffer;
    const sid = s.searchEntries[0].objectSid as Buffer;
    for (const base of [`<GUID=${guid.toString('hex')}>`, `<GUID=${guidBytesToString(guid)}>`, `<SID=${sidBytesToString(sid)}>`]) {
      const r = await c.search(base, { scope: 'base', attributes: ['sAMAccountName'] });
      assert.equal(r.searchEntries[0]?.sAMAccountName, 'alice', base);
    }
    await assert.rejects(c.search('<GUID=00000000000000000000000000000000>', { scope: 'base' }), (e: unknown) => (e as { code: number }).code === 32);
    await assert.rejects(c.search('<GUID=nonsense>', { scope: 'base' }), (e: unknown) => (e as { code: number }).code === 34);
  });

  it('selects attributes case-insensitively, with *, + and 1.1 (ldapjs dropped mixed-case names)', async () => {
    const c = await bound();
    const one = await c.search(ALICE_DN, { scope: 'base', attributes: ['SAMACCOUNTNAME', 'memberof'] });
    assert.deepEqual(Object.keys(one.searchEntries[0]).sort(), ['dn', 'memberOf', 'sAMAccountName']);
    raw.send(searchReq(7, ALICE_DN, 0, eqFilter('objectClass', 'user'), ['1.1']));
    const none = await collect(raw);
    assert.equal(none.entries.length, 1);
    assert.equal(none.entries[0].attrs.size, 0, '1.1 returns no attributes');
    const star = await c.search(ALICE_DN, { scope: 'base', attributes: ['*'] });
    assert.ok('givenName' in star.searchEntries[0] && !('tokenGroups' in star.searchEntries[0]) && !('unicodePwd' in star.searchEntries[0]));
    const tg = await c.search(ALICE_DN, { scope: 'base', attributes: ['tokenGroups'], explicitBufferAttributes: ['tokenGroups'] });
    assert.equal((tg.searchEntries[0].tokenGroups as Buffer[]).length, 2, 'Developers and Engineers SIDs');
  });

  it('honours base, one and sub scopes and the client size limit (4 sizeLimitExceeded)', async () => {
    const c = await bound();
    const one = await c.search(`CN=Users,${BASE}`, { scope: 'one', filter: '(objectClass=user)', attributes: ['1.1'] });
    assert.ok(one.searchEntries.every((e) => e.dn.endsWith(`,CN=Users,${BASE}`)));
    assert.ok(!one.searchEntries.some((e) => e.dn.includes('OU=Engineering')));
    const base = await c.search(BASE, { scope: 'base', attributes: ['1.1'] });
    assert.deepEqual(base.searchEntries.map((e) => e.dn), [BASE]);
    assert.equal((await c.search(BASE, { filter: '(objectClass=user)', sizeLimit: 2 })).searchEntries.length, 2);
    raw.send(searchReq(8, BASE, 2, eqFilter('objectClass', 'user'), ['1.1'], undefined, 2));
    const limited = await collect(raw);
    assert.equal(limited.entries.length, 2);
    assert.equal(limited.done.resultCode, 4);
    await assert.rejects(c.search(`OU=Nowhere,${BASE}`, {}), (e: unknown) => (e as { code: number }).code === 32 && (e as Error).message.startsWith('0000208D: NameErr'));
  });

  it('evaluates AD matching rules: in-chain (1941), bit AND (803), bit OR (804)', async () => {
    const c = await bound();
    const chain = await c.search(BASE, { filter: `(&(objectClass=user)(memberOf:1.2.840.113556.1.4.1941:=CN=Engineers,CN=Users,${BASE}))`, attributes: ['sAMAccountName'] });
    assert.deepEqual(chain.searchEntries.map((e) => e.sAMAccountName).sort(), ['alice', 'bob']);
    const disabled = await c.search(BASE, { filter: '(userAccountControl:1.2.840.113556.1.4.803:=2)', attributes: ['sAMAccountName'] });
    assert.deepEqual(disabled.searchEntries.map((e) => e.sAMAccountName), ['carol']);
    const or = await c.search(BASE, { filter: '(&(objectCategory=person)(userAccountControl:1.2.840.113556.1.4.804:=3))', attributes: ['sAMAccountName'] });
    assert.deepEqual(or.searchEntries.map((e) => e.sAMAccountName), ['carol']);
  });

  it('answers an unknown critical control with 12 and ignores it when not critical', async () => {
    raw.send(searchReq(5, BASE, 0, eqFilter('objectClass', 'domain'), ['1.1'], control('1.2.3.4.5', true)));
    assert.equal((await collect(raw)).done.resultCode, 12);
    raw.send(searchReq(6, BASE, 0, eqFilter('objectClass', 'domain'), ['1.1'], control('1.2.3.4.5', false)));
    const r = await collect(raw);
    assert.equal(r.done.resultCode, 0);
    assert.equal(r.entries.length, 1);
  });

  it('serves a RootDSE with what AD clients read', async () => {
    const c = h.client();
    const dse = (await c.search('', { scope: 'base', attributes: ['*'] })).searchEntries[0];
    assert.equal(dse.defaultNamingContext, BASE);
    assert.deepEqual(dse.namingContexts, [BASE, `CN=Configuration,${BASE}`, `CN=Schema,CN=Configuration,${BASE}`]);
    assert.equal(dse.dnsHostName, 'dc1.corp.example.com');
    assert.ok((dse.supportedControl as string[]).includes('1.2.840.113556.1.4.319'));
    assert.deepEqual(dse.supportedLDAPVersion, ['3', '2']);
    assert.equal(dse.supportedSASLMechanisms, 'PLAIN');
    assert.ok((dse.supportedExtension as string[]).includes('1.3.6.1.4.1.4203.1.11.3'));
    assert.ok((dse.supportedCapabilities as string[]).includes('1.2.840.113556.1.4.800'));
    assert.match(String(dse.currentTime), /^\d{14}\.0Z$/);
  });

  it('compares attribute values (6 compareTrue / 5 compareFalse / 16 noSuchAttribute)', async () => {
    const c = await bound();
    assert.equal(await c.compare(ALICE_DN, 'mail', 'ALICE@corp.example.com'), true);
    assert.equal(await c.compare(ALICE_DN, 'mail', 'bob@corp.example.com'), false);
    await assert.rejects(c.compare(ALICE_DN, 'pager', 'x'), (e: unknown) => (e as { code: number }).code === 16);
  });
});
