// simple-ad behind the LDAP front end, driven by OpenLDAP's command-line clients (Debian
// ldap-utils): each bind form with ldapwhoami, a service account's paged ldapsearch, and
// ldappasswd over StartTLS. Skips cleanly when they are not installed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { sidBytesToString } from '../../../server/contracts/ad-binary.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { ALICE_DN, BASE, type Harness, startLdap, TLS } from '../../server/ldap/harness.ts';
import { openOn } from '../../adapters/directory/simple-ad-helpers.ts';
import { closeTestStores, openTestStore, TEST_STORE } from '../../helpers/test-store.ts';

const run = promisify(execFile);
const missing = ['ldapsearch', 'ldapwhoami', 'ldappasswd'].filter((b) => !(process.env.PATH ?? '').split(':').some((d) => existsSync(`${d}/${b}`)));
const skip = missing.length > 0 ? `ldap-utils not installed (missing ${missing.join(', ')})` : false;
const CA = fileURLToPath(new URL('../../fixtures/ldap/test-cert.pem', import.meta.url));
const BULK = Array.from({ length: 150 }, (_, i) => ({ sam: `bulk${i}`, password: 'Bulk!pass123', sn: 'Bulk' }));

describe(`simple-ad with ldap-utils (store: ${TEST_STORE})`, { skip }, () => {
  let h: Harness;
  let uri: string;
  const env = { ...process.env, LDAPTLS_CACERT: CA, LDAPTLS_REQCERT: 'demand', LDAPCONF: '/dev/null', LDAPRC: '/dev/null' };
  const tool = async (bin: string, args: string[]) => {
    try {
      const r = await run(bin, ['-x', '-H', uri, ...args], { env, timeout: 20_000 });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };
  before(async () => {
    const seed = { ...CONTRACT_SEED, users: [...CONTRACT_SEED.users, ...BULK, { sam: 'svc-sssd', password: 'Svc!sssd123' }] };
    const { backend } = await openOn(await openTestStore(), seed);
    h = await startLdap({ backend, tls: TLS, startTls: true });
    uri = `ldap://127.0.0.1:${h.port}`;
  });
  after(async () => {
    await h?.close();
    await closeTestStores();
  });

  for (const name of [ALICE_DN, 'alice@corp.example.com', 'CORP\\alice']) {
    it(`ldapwhoami binds as ${name}`, async () => {
      const r = await tool('ldapwhoami', ['-D', name, '-w', 'Alice!pass1']);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out.trim(), 'u:CORP\\alice');
    });
  }

  it('ldapwhoami shows AD diagnostics for a wrong password and a disabled account', async () => {
    const r = await tool('ldapwhoami', ['-D', 'CORP\\alice', '-w', 'nope']);
    assert.equal(r.code, 49);
    assert.match(r.err, /data 52e/);
    assert.match((await tool('ldapwhoami', ['-D', 'CORP\\carol', '-w', 'Carol!pass1'])).err, /data 533/);
  });

  it('ldapsearch as a service account pages through the users', async () => {
    const r = await tool('ldapsearch', ['-D', 'svc-sssd@corp.example.com', '-w', 'Svc!sssd123', '-b', BASE, '-E', 'pr=50/noprompt', '-LLL', '(&(objectClass=user)(sn=Bulk))', 'sAMAccountName']);
    assert.equal(r.code, 0, r.err);
    assert.equal((r.out.match(/^sAMAccountName: bulk\d+$/gm) ?? []).length, 150);
  });

  it('ldappasswd changes the own password over StartTLS; a policy failure is reported with 0000052D', async () => {
    const weak = await tool('ldappasswd', ['-ZZ', '-D', 'CORP\\bob', '-w', 'Bob!pass12', '-a', 'Bob!pass12', '-s', 'weak']);
    assert.notEqual(weak.code, 0);
    assert.match(weak.out + weak.err, /Constraint violation \(19\)/);
    assert.match(weak.out + weak.err, /0000052D/);
    const ok = await tool('ldappasswd', ['-ZZ', '-D', 'CORP\\bob', '-w', 'Bob!pass12', '-a', 'Bob!pass12', '-s', 'Strong!pass99']);
    assert.equal(ok.code, 0, ok.err);
    assert.equal((await tool('ldapwhoami', ['-D', 'CORP\\bob', '-w', 'Strong!pass99'])).code, 0);
  });

  it('ldapsearch with AD filters: string SIDs, sAMAccountType, anr; rootDSE highestCommittedUSN', async () => {
    const search = (filter: string, ...attrs: string[]) =>
      tool('ldapsearch', ['-D', 'svc-sssd@corp.example.com', '-w', 'Svc!sssd123', '-b', BASE, '-LLL', '-o', 'ldif-wrap=no', filter, ...attrs]);
    const alice = await search('(sAMAccountName=alice)', 'objectSid', 'sAMAccountType', 'instanceType');
    const sid = sidBytesToString(Buffer.from(/^objectSid:: (\S+)$/m.exec(alice.out)![1], 'base64'));
    assert.match(alice.out, /^sAMAccountType: 805306368$/m);
    assert.match(alice.out, /^instanceType: 4$/m);
    const bySid = await search(`(objectSid=${sid})`, 'sAMAccountName');
    assert.equal(bySid.code, 0, bySid.err);
    assert.match(bySid.out, /^sAMAccountName: alice$/m);
    const domainUsers = await search(`(&(objectClass=group)(objectSID=${sid.replace(/-\d+$/, '-513')}))`, 'cn');
    assert.match(domainUsers.out, /^cn: Domain Users$/m);
    const users = await search('(sAMAccountType=805306368)', 'sAMAccountName');
    const persons = await search('(&(objectCategory=person)(objectClass=user))', 'sAMAccountName');
    const list = (out: string) => (out.match(/^sAMAccountName: .*$/gm) ?? []).sort();
    assert.ok(list(users.out).length > BULK.length);
    assert.deepEqual(list(users.out), list(persons.out), 'every user account, as the objectCategory filter finds them');
    const anr = await search('(anr=lidd)', 'sAMAccountName');
    assert.deepEqual(anr.out.match(/^sAMAccountName: .*$/gm), ['sAMAccountName: alice']);
    const firstLast = await search('(anr=Alice Lid)', 'sAMAccountName');
    assert.deepEqual(firstLast.out.match(/^sAMAccountName: .*$/gm), ['sAMAccountName: alice']);
    const dse = await tool('ldapsearch', ['-b', '', '-s', 'base', '-LLL', '(objectClass=*)', 'highestCommittedUSN']);
    const usn = Number(/^highestCommittedUSN: (\d+)$/m.exec(dse.out)?.[1]);
    assert.ok(usn > 0, dse.out);
    const changed = await search('(sAMAccountName=bob)', 'uSNChanged');
    assert.ok(Number(/^uSNChanged: (\d+)$/m.exec(changed.out)![1]) <= usn);
  });
});
