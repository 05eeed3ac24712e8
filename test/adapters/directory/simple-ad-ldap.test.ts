// simple-ad behind the real LDAP front end, over sockets with ldapts: the "search with a service
// account, then bind as the user" flow of Keycloak/Dex/SSSD/Grafana, AD bind diagnostics,
// in-chain and <GUID=…> searches, unicodePwd and Password Modify changes with AD's errors,
// lockout, and writes with access control.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Attribute, Change } from 'ldapts';
import { encodeUnicodePwd } from '../../../server/ldap/passwords.ts';
import { octets, tlv } from '../../../server/ber/ber.ts';
import { guidBytesToString, sidBytesToString } from '../../../server/ldap/ad-values.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { ALICE_DN, BASE, type Harness, startLdap, TLS, tlsClient } from '../../server/ldap/harness.ts';
import { openOn } from './simple-ad-helpers.ts';
import { closeTestStores, openTestStore, TEST_STORE } from '../../helpers/test-store.ts';

const SEED = { ...CONTRACT_SEED, users: [...CONTRACT_SEED.users, { sam: 'svc-grafana', password: 'Svc!grafana1' }, { sam: 'gina', password: 'Gina!pass12' }] };
const code = (n: number) => (e: unknown) => (e as { code: number }).code === n;
const pwd = (op: 'add' | 'delete' | 'replace', password: string) =>
  new Change({ operation: op, modification: new Attribute({ type: 'unicodePwd', values: [encodeUnicodePwd(password)] }) });

describe(`simple-ad over LDAP (ldapts, real sockets; store: ${TEST_STORE})`, () => {
  let h: Harness;
  before(async () => {
    const { backend } = await openOn(await openTestStore(), SEED, { lockout: { threshold: 3, windowSeconds: 600, durationSeconds: 600 } });
    h = await startLdap({ backend, tls: TLS, startTls: true });
  });
  after(async () => {
    await h?.close();
    await closeTestStores();
  });

  const tlsBound = async (name: string, password: string) => {
    const c = h.client();
    await c.startTLS(tlsClient());
    await c.bind(name, password);
    return c;
  };

  it('service account searches for the user, then the user binds with the DN found (Grafana/Keycloak flow)', async () => {
    const svc = h.client();
    await svc.bind('svc-grafana@corp.example.com', 'Svc!grafana1');
    const { searchEntries } = await svc.search(BASE, {
      scope: 'sub',
      filter: '(&(objectCategory=person)(objectClass=user)(|(sAMAccountName=alice)(userPrincipalName=alice)))',
      attributes: ['dn', 'sAMAccountName', 'mail', 'memberOf', 'givenName', 'objectGUID', 'userAccountControl'],
    });
    assert.equal(searchEntries.length, 1);
    const alice = searchEntries[0];
    assert.equal(alice.dn, ALICE_DN);
    assert.equal(alice.mail, 'alice@corp.example.com');
    assert.equal(alice.memberOf, `CN=Developers,CN=Users,${BASE}`);
    assert.equal(alice.userAccountControl, '512');
    assert.equal((alice.objectGUID as Buffer).length, 16);
    const user = h.client();
    await assert.rejects(user.bind(alice.dn, 'wrong'), (e: Error) => code(49)(e) && /AcceptSecurityContext error, data 52e/.test(e.message));
    await user.bind(alice.dn, 'Alice!pass1');
    assert.equal(await user.exop('1.3.6.1.4.1.4203.1.11.3').then((r) => r.value), 'u:CORP\\alice');
  });

  it('answers each bind failure with its AD data code', async () => {
    for (const [name, password, data] of [['CORP\\carol', 'Carol!pass1', '533'], ['CORP\\dave', 'Dave!pass12', '775'], ['CORP\\erin', 'Erin!pass12', '773'], ['CORP\\frank', 'Frank!pass1', '701'], ['CORP\\nobody', 'x', '52e']]) {
      await assert.rejects(h.client().bind(name, password), (e: Error) => code(49)(e) && e.message.includes(`data ${data}`), name);
    }
    await assert.rejects(h.client().bind('CORP\\alice', ''), code(53));
  });

  it("answers an unknown name with 525 (ERROR_NO_SUCH_USER) when the directory's unknownUserCode asks for it", async () => {
    const { backend } = await openOn(await openTestStore(), SEED, { unknownUserCode: '525' });
    const other = await startLdap({ backend });
    try {
      for (const name of ['CORP\\nobody', 'nobody@corp.example.com', `CN=Nobody,CN=Users,${BASE}`])
        await assert.rejects(other.client().bind(name, 'Whatever!1'), (e: Error) => code(49)(e) && /AcceptSecurityContext error, data 525,/.test(e.message), name);
      // a known name with a wrong password stays 52e
      await assert.rejects(other.client().bind('CORP\\alice', 'wrong'), (e: Error) => code(49)(e) && e.message.includes('data 52e'));
    } finally {
      await other.close();
    }
  });

  it('finds nested members with LDAP_MATCHING_RULE_IN_CHAIN, objects by <GUID=…> and <SID=…>, and tokenGroups', async () => {
    const c = h.client();
    await c.bind('CORP\\svc-grafana', 'Svc!grafana1');
    const chain = await c.search(BASE, { filter: `(memberOf:1.2.840.113556.1.4.1941:=CN=Engineers,CN=Users,${BASE})`, attributes: ['sAMAccountName'] });
    assert.deepEqual(chain.searchEntries.map((e) => e.sAMAccountName).sort(), ['Developers', 'Ops', 'alice', 'bob']);
    const [alice] = (await c.search(BASE, { filter: '(sAMAccountName=alice)', attributes: ['objectGUID', 'objectSid'] })).searchEntries;
    const guid = guidBytesToString(alice.objectGUID as Buffer);
    const byGuid = await c.search(`<GUID=${guid}>`, { scope: 'base', attributes: ['sAMAccountName'] });
    assert.equal(byGuid.searchEntries[0].dn, ALICE_DN);
    const sid = sidBytesToString(alice.objectSid as Buffer);
    assert.match(sid, /^S-1-5-21-\d+-\d+-\d+-\d+$/);
    assert.equal((await c.search(`<SID=${sid}>`, { scope: 'base' })).searchEntries[0].dn, ALICE_DN);
    const tg = await c.search(ALICE_DN, { scope: 'base', attributes: ['tokenGroups'] });
    const sids = [tg.searchEntries[0].tokenGroups].flat().map((b) => sidBytesToString(b as Buffer));
    const domain = sid.replace(/-\d+$/, '');
    assert.ok(sids.includes(`${domain}-513`), 'tokenGroups includes the primary group, Domain Users');
    assert.ok(sids.includes('S-1-5-32-545'), 'and BUILTIN\\Users, through Domain Users');
    assert.equal(sids.length, 4, 'Developers, Engineers, Domain Users, BUILTIN\\Users');
  });

  it('changes a password with unicodePwd delete+add over StartTLS; policy failures are 19 with 0000052D', async () => {
    const c = await tlsBound('CORP\\bob', 'Bob!pass12');
    const bob = `CN=Bob\\, Jr.,OU=Engineering,${BASE}`;
    await assert.rejects(c.modify(bob, [pwd('delete', 'Bob!pass12'), pwd('add', 'short')]), (e: Error) => code(19)(e) && e.message.startsWith('0000052D') && /too short/.test(e.message));
    await assert.rejects(c.modify(bob, [pwd('delete', 'Bob!pass12'), pwd('add', 'alllowercaseletters')]), (e: Error) => code(19)(e) && /complexity/.test(e.message));
    await assert.rejects(c.modify(bob, [pwd('delete', 'Bob!pass12'), pwd('add', 'Mr-Bob!pass99')]), (e: Error) => code(19)(e) && /complexity/.test(e.message), 'contains the sAMAccountName');
    await assert.rejects(c.modify(bob, [pwd('delete', 'Nope!nope1'), pwd('add', 'Fresh!Pass€9')]), (e: Error) => code(19)(e) && e.message.startsWith('00000056'));
    await c.modify(bob, [pwd('delete', 'Bob!pass12'), pwd('add', 'Fresh!Pass€9')]);
    await h.client().bind('CORP\\bob', 'Fresh!Pass€9');
    await assert.rejects(h.client().bind('CORP\\bob', 'Bob!pass12'), code(49));
    await c.modify(bob, [pwd('delete', 'Fresh!Pass€9'), pwd('add', 'Second!Pass8')]);
    await assert.rejects(c.modify(bob, [pwd('delete', 'Second!Pass8'), pwd('add', 'Fresh!Pass€9')]), (e: Error) => code(19)(e) && /0000052D.*history/.test(e.message));
    // a user may not reset (replace) even their own password
    await assert.rejects(c.modify(bob, [pwd('replace', 'Other!pass99')]), code(50));
  });

  it('changes a password with the Password Modify extended operation; admins reset with replace', async () => {
    const zoe = await tlsBound('zoë@corp.example.com', 'Zoë!pass123');
    await zoe.exop('1.3.6.1.4.1.4203.1.11.1', tlv(0x30, [octets('Zoë!pass123', 0x81), octets('Zeta!pass456', 0x82)]));
    await h.client().bind('CORP\\zoë', 'Zeta!pass456');
    const admin = await tlsBound('CORP\\admin', 'Adm1n!pass');
    await admin.modify(`CN=erin,CN=Users,${BASE}`, [pwd('replace', 'Reset!Pw99x')]);
    await h.client().bind('CORP\\erin', 'Reset!Pw99x');
  });

  it('locks an account after the threshold of failures; an admin unlocks it with lockoutTime=0', async () => {
    for (let i = 0; i < 3; i++) await assert.rejects(h.client().bind('CORP\\gina', 'bad'), /data 52e/);
    await assert.rejects(h.client().bind('CORP\\gina', 'Gina!pass12'), /data 775/);
    const admin = h.client();
    await admin.bind('CORP\\admin', 'Adm1n!pass');
    const gina = `CN=gina,CN=Users,${BASE}`;
    const [locked] = (await admin.search(gina, { scope: 'base', attributes: ['lockoutTime', 'msDS-User-Account-Control-Computed'] })).searchEntries;
    assert.notEqual(locked.lockoutTime, '0');
    assert.equal(locked['msDS-User-Account-Control-Computed'], '16');
    await admin.modify(gina, new Change({ operation: 'replace', modification: new Attribute({ type: 'lockoutTime', values: ['0'] }) }));
    await h.client().bind('CORP\\gina', 'Gina!pass12');
  });

  it('answers 532 over LDAP once the password is older than maxAgeDays', async () => {
    let t = Date.now();
    const { backend } = await openOn(await openTestStore(), SEED, { passwordPolicy: { minLength: 8, complexity: true, history: 0, maxAgeDays: 30 } }, () => new Date(t));
    const aged = await startLdap({ backend });
    try {
      await aged.client().bind('CORP\\alice', 'Alice!pass1');
      t += 31 * 86_400_000;
      await assert.rejects(aged.client().bind('CORP\\alice', 'Alice!pass1'), (e: Error) => code(49)(e) && /AcceptSecurityContext error, data 532/.test(e.message));
      await assert.rejects(aged.client().bind('CORP\\alice', 'wrong'), (e: Error) => code(49)(e) && e.message.includes('data 52e'));
    } finally {
      await aged.close();
    }
  });

  it('answers 530 outside logonHours and 531 when userWorkstations does not list the DC, only to the right password', async () => {
    const admin = await tlsBound('Administrator@corp.example.com', 'Adm1nistrator!x');
    const [gina] = (await admin.search(BASE, { scope: 'sub', filter: '(sAMAccountName=gina)', attributes: ['1.1'] })).searchEntries.map((e) => e.dn);
    const set = (type: string, values: (string | Buffer)[]) =>
      admin.modify(gina, new Change({ operation: values.length ? 'replace' : 'delete', modification: new Attribute({ type, values: values as string[] }) }));
    const hours = Buffer.alloc(21, 0xff);
    const now = new Date();
    const hour = now.getUTCDay() * 24 + now.getUTCHours();
    for (const h of [hour, (hour + 1) % 168]) hours[h >> 3] &= ~(1 << (h & 7)); // not this hour, nor the next (no flake at :59)
    await set('logonHours', [hours]);
    await assert.rejects(h.client().bind('CORP\\gina', 'Gina!pass12'), (e: Error) => code(49)(e) && e.message.includes('data 530'));
    await assert.rejects(h.client().bind('CORP\\gina', 'wrong'), (e: Error) => code(49)(e) && e.message.includes('data 52e'), 'a wrong password still says 52e');
    await set('logonHours', [Buffer.alloc(21, 0xff)]);
    await set('userWorkstations', ['WS01,WS02']);
    await assert.rejects(h.client().bind('CORP\\gina', 'Gina!pass12'), (e: Error) => code(49)(e) && e.message.includes('data 531'));
    await set('userWorkstations', ['WS01,dc1']);
    await h.client().bind('CORP\\gina', 'Gina!pass12');
    await set('userWorkstations', []);
    await set('logonHours', []);
    await h.client().bind('CORP\\gina', 'Gina!pass12');
  });

  it('lets only Domain Admins write; admins add users with a password and groups with members', async () => {
    const alice = h.client();
    await alice.bind('CORP\\alice', 'Alice!pass1');
    await assert.rejects(alice.modify(ALICE_DN, new Change({ operation: 'replace', modification: new Attribute({ type: 'description', values: ['me'] }) })), code(50));
    await assert.rejects(alice.add(`CN=Evil,CN=Users,${BASE}`, { objectClass: 'group' }), code(50));
    const admin = await tlsBound('Administrator@corp.example.com', 'Adm1nistrator!x');
    const dn = `CN=Hank Hill,CN=Users,${BASE}`;
    const attr = (type: string, values: string[] | Buffer[]) => new Attribute({ type, values });
    await admin.add(dn, [
      attr('objectClass', ['top', 'person', 'organizationalPerson', 'user']), attr('sAMAccountName', ['hank']),
      attr('userPrincipalName', ['hank@corp.example.com']), attr('unicodePwd', [encodeUnicodePwd('Propane!123')]),
    ]);
    await admin.add(`CN=Grillers,CN=Users,${BASE}`, { objectClass: 'group', member: dn });
    await h.client().bind('hank@corp.example.com', 'Propane!123');
    const [hank] = (await admin.search(dn, { scope: 'base', attributes: ['memberOf', 'userAccountControl', 'primaryGroupID', 'pwdLastSet'] })).searchEntries;
    assert.equal(hank.memberOf, `CN=Grillers,CN=Users,${BASE}`);
    assert.equal(hank.userAccountControl, '512');
    assert.equal(hank.primaryGroupID, '513');
    assert.notEqual(hank.pwdLastSet, '0');
    await assert.rejects(admin.add(`CN=Hank2,CN=Users,${BASE}`, { objectClass: 'user', sAMAccountName: 'HANK' }), code(68));
    await assert.rejects(admin.add(`CN=NoParent,OU=Nowhere,${BASE}`, { objectClass: 'user' }), code(32));
    await assert.rejects(admin.add(`CN=Clear,CN=Users,${BASE}`, { objectClass: 'user', userPassword: 'InClear!123' }), code(19), 'no clear-text userPassword');
    await assert.rejects(admin.modify(dn, new Change({ operation: 'replace', modification: new Attribute({ type: 'objectSid', values: [Buffer.alloc(8)] }) })), code(19));
    await assert.rejects(admin.del(`CN=Domain Admins,CN=Users,${BASE}`), code(53));
    await admin.modifyDN(dn, `CN=Hank R. Hill,OU=Engineering,${BASE}`);
    const [grillers] = (await admin.search(`CN=Grillers,CN=Users,${BASE}`, { scope: 'base', attributes: ['member'] })).searchEntries;
    assert.equal(grillers.member, `CN=Hank R. Hill,OU=Engineering,${BASE}`, 'member follows the rename');
    await admin.del(`CN=Hank R. Hill,OU=Engineering,${BASE}`);
    const [after] = (await admin.search(`CN=Grillers,CN=Users,${BASE}`, { scope: 'base', attributes: ['member'] })).searchEntries;
    assert.deepEqual([after.member ?? []].flat(), [], 'member removed with the user');
  });
});
