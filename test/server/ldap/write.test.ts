// Writes over real sockets: unicodePwd as quoted UTF-16LE bytes with non-ASCII characters
// (ldapjs decoded them as UTF-8 and corrupted them), only over TLS; Password Modify; add, modify,
// delete, modifyDN; a backend without write capabilities answers 53.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Attribute, Change } from 'ldapts';
import type { DirectoryBackend } from '../../../server/contracts/directory.ts';
import { encodeUnicodePwd } from '../../../server/ldap/passwords.ts';
import { octets, tlv } from '../../../server/ber/ber.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { MemoryBackend } from '../../fixtures/ldap/memory-backend.ts';
import { ALICE_DN, BASE, type Harness, startLdap, TLS, tlsClient } from './harness.ts';

const pwd = (op: 'add' | 'delete' | 'replace', password: string): Change =>
  new Change({ operation: op, modification: new Attribute({ type: 'unicodePwd', values: [encodeUnicodePwd(password)] }) });
const code = (n: number) => (e: unknown) => (e as { code: number }).code === n;

describe('LDAP writes', () => {
  let h: Harness;
  before(async () => {
    h = await startLdap({ tls: TLS, startTls: true });
  });
  after(() => h.close());

  const tlsBound = async (name: string, password: string) => {
    const c = h.client();
    await c.startTLS(tlsClient());
    await c.bind(name, password);
    return c;
  };

  it('changes a password with unicodePwd delete+add of UTF-16LE values with non-ASCII (€, ü), then binds with it', async () => {
    const c = await tlsBound('CORP\\alice', 'Alice!pass1');
    await c.modify(ALICE_DN, [pwd('delete', 'Alice!pass1'), pwd('add', 'Nëw€pässwörd1')]);
    const again = h.client();
    await again.bind('alice@corp.example.com', 'Nëw€pässwörd1');
    await assert.rejects(h.client().bind('alice@corp.example.com', 'Alice!pass1'), code(49));
    await c.modify(ALICE_DN, [pwd('delete', 'Nëw€pässwörd1'), pwd('add', 'Alice!pass1')]);
  });

  it('refuses a wrong old password (19, 00000056) and a weak one (19, 0000052D)', async () => {
    const c = await tlsBound('CORP\\alice', 'Alice!pass1');
    await assert.rejects(c.modify(ALICE_DN, [pwd('delete', 'nope'), pwd('add', 'Whatever!123')]), (e: unknown) => code(19)(e) && (e as Error).message.startsWith('00000056'));
    await assert.rejects(c.modify(ALICE_DN, [pwd('delete', 'Alice!pass1'), pwd('add', 'x')]), (e: unknown) => code(19)(e) && (e as Error).message.startsWith('0000052D'));
  });

  it('resets a password with unicodePwd replace (admin only)', async () => {
    const admin = await tlsBound('CORP\\admin', 'Adm1n!pass');
    await admin.modify(`CN=bob\\, jr.,OU=Engineering,${BASE}`, [pwd('replace', 'Reset!pass99')]);
    await h.client().bind('CORP\\bob', 'Reset!pass99');
    const alice = await tlsBound('CORP\\alice', 'Alice!pass1');
    await assert.rejects(alice.modify(`CN=bob\\, jr.,OU=Engineering,${BASE}`, [pwd('replace', 'Other!pass99')]), code(50));
  });

  it('refuses unicodePwd without TLS (53) and malformed values (not quoted UTF-16LE)', async () => {
    const c = h.client();
    await c.bind('CORP\\alice', 'Alice!pass1');
    await assert.rejects(c.modify(ALICE_DN, [pwd('replace', 'Whatever!123')]), code(53));
    const t = await tlsBound('CORP\\alice', 'Alice!pass1');
    const bad = new Change({ operation: 'replace', modification: new Attribute({ type: 'unicodePwd', values: [Buffer.from('"utf8"')] }) });
    await assert.rejects(t.modify(ALICE_DN, [bad]), code(53));
  });

  it('changes a password with the Password Modify extended operation (over TLS)', async () => {
    const admin = await tlsBound('CORP\\admin', 'Adm1n!pass');
    const value = tlv(0x30, [octets('CORP\\frank', 0x80), octets('Frank!pass1', 0x81), octets('Fr4nk!new-pass', 0x82)]);
    await admin.exop('1.3.6.1.4.1.4203.1.11.1', value);
    // frank's account is expired: 701 (not 52e) proves the new password was accepted
    await assert.rejects(h.client().bind('frank@corp.example.com', 'Fr4nk!new-pass'), /data 701/);
    const self = await tlsBound('CORP\\alice', 'Alice!pass1');
    await self.exop('1.3.6.1.4.1.4203.1.11.1', tlv(0x30, [octets('Alice!pass1', 0x81), octets('Alice!pass2', 0x82)]));
    await h.client().bind('CORP\\alice', 'Alice!pass2');
    await self.exop('1.3.6.1.4.1.4203.1.11.1', tlv(0x30, [octets('Alice!pass2', 0x81), octets('Alice!pass1', 0x82)]));
    const plain = h.client();
    await plain.bind('CORP\\admin', 'Adm1n!pass');
    await assert.rejects(plain.exop('1.3.6.1.4.1.4203.1.11.1', tlv(0x30, [octets('x', 0x82)])), code(53));
  });

  it('adds, modifies (binary values kept as bytes), renames and deletes entries', async () => {
    const c = await tlsBound('CORP\\admin', 'Adm1n!pass');
    const dn = `CN=Printer,CN=Users,${BASE}`;
    await c.add(dn, { objectClass: ['top', 'device'], cn: 'Printer', description: 'Ünïcode', serialNumber: 'SN-1' });
    const names = await c.search(dn, { scope: 'base', attributes: ['*'] });
    assert.ok('serialNumber' in names.searchEntries[0], 'attribute names keep their case (ldapjs lowercased them)');
    assert.deepEqual(names.searchEntries[0].objectClass, ['top', 'device']);
    const photo = Buffer.from([0xff, 0xd8, 0x00, 0x80, 0xfe]);
    await c.modify(dn, [new Change({ operation: 'add', modification: new Attribute({ type: 'jpegPhoto', values: [photo] }) })]);
    const got = await c.search(dn, { scope: 'base', attributes: ['jpegPhoto', 'description'], explicitBufferAttributes: ['jpegPhoto'] });
    assert.deepEqual(got.searchEntries[0].jpegPhoto, photo);
    assert.equal(got.searchEntries[0].description, 'Ünïcode');
    await assert.rejects(c.add(dn, { objectClass: 'device', cn: 'Printer' }), code(68));
    await c.modifyDN(dn, `CN=Printer2,OU=Engineering,${BASE}`);
    await assert.rejects(c.del(`OU=Engineering,${BASE}`), code(66));
    await c.del(`CN=Printer2,OU=Engineering,${BASE}`);
    await assert.rejects(c.del(`CN=Printer2,OU=Engineering,${BASE}`), code(32));
  });

  it('answers 53 when the backend has no write capability, and 1 when not bound', async () => {
    const full = new MemoryBackend(CONTRACT_SEED);
    const readOnly: DirectoryBackend = {
      kind: 'ad-connector', domain: full.domain,
      bind: (n, p) => full.bind(n, p), search: (...a) => full.search(...a), groupsOf: (p) => full.groupsOf(p),
    };
    const ro = await startLdap({ backend: readOnly });
    try {
      const anon = ro.client();
      await assert.rejects(anon.del(ALICE_DN), code(1));
      const c = ro.client();
      await c.bind('CORP\\admin', 'Adm1n!pass');
      await assert.rejects(c.del(ALICE_DN), code(53));
      await assert.rejects(c.add(`CN=X,${BASE}`, { objectClass: 'top' }), code(53));
      await assert.rejects(c.modify(ALICE_DN, new Change({ operation: 'replace', modification: new Attribute({ type: 'description', values: ['x'] }) })), code(53));
      await assert.rejects(c.modifyDN(ALICE_DN, 'CN=Y'), code(53));
    } finally {
      await ro.close();
    }
  });
});
