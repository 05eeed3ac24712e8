// The front end against OpenLDAP's command-line clients (Debian ldap-utils): ldapsearch,
// ldapwhoami, ldappasswd. Skips cleanly when they are not installed.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { MemoryBackend } from '../../fixtures/ldap/memory-backend.ts';
import { ALICE_DN, BASE, type Harness, startLdap, TLS } from '../../server/ldap/harness.ts';

const run = promisify(execFile);
const missing = ['ldapsearch', 'ldapwhoami', 'ldappasswd'].filter((b) => !(process.env.PATH ?? '').split(':').some((d) => existsSync(`${d}/${b}`)));

const skip = missing.length > 0 ? `ldap-utils not installed (missing ${missing.join(', ')}); apt-get install ldap-utils` : false;
const CA = fileURLToPath(new URL('../../fixtures/ldap/test-cert.pem', import.meta.url));
const BULK = Array.from({ length: 1200 }, (_, i) => ({ sam: `bulk${i}`, password: 'Bulk!pass123', sn: 'Bulk' }));

describe('LDAP front end with ldap-utils', { skip }, () => {
  let h: Harness;
  let uri: string;
  const env = { ...process.env, LDAPTLS_CACERT: CA, LDAPTLS_REQCERT: 'demand', LDAPCONF: '/dev/null', LDAPRC: '/dev/null' };
  const tool = async (bin: string, args: string[]) => {
    try {
      const r = await run(bin, ['-x', '-H', uri, ...args], { env, timeout: 10_000 });
      return { code: 0, out: r.stdout, err: r.stderr };
    } catch (e) {
      const x = e as { code: number; stdout: string; stderr: string };
      return { code: x.code, out: x.stdout, err: x.stderr };
    }
  };
  before(async () => {
    h = await startLdap({ tls: TLS, startTls: true, backend: new MemoryBackend({ ...CONTRACT_SEED, users: [...CONTRACT_SEED.users, ...BULK] }) });
    uri = `ldap://127.0.0.1:${h.port}`;
  });
  after(() => h?.close());

  it('ldapsearch: reads the RootDSE anonymously', async () => {
    const r = await tool('ldapsearch', ['-LLL', '-b', '', '-s', 'base', 'defaultNamingContext', 'supportedControl']);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, new RegExp(`defaultNamingContext: ${BASE}`));
    assert.match(r.out, /supportedControl: 1\.2\.840\.113556\.1\.4\.319/);
  });

  for (const name of [ALICE_DN, 'alice@corp.example.com', 'CORP\\alice']) {
    it(`ldapwhoami: binds as ${name}`, async () => {
      const r = await tool('ldapwhoami', ['-D', name, '-w', 'Alice!pass1']);
      assert.equal(r.code, 0, r.err);
      assert.equal(r.out.trim(), 'u:CORP\\alice');
    });
  }

  it('ldapwhoami: a wrong password fails with 49 and the AD diagnostic', async () => {
    const r = await tool('ldapwhoami', ['-D', 'CORP\\alice', '-w', 'wrong']);
    assert.equal(r.code, 49);
    assert.match(r.err, /AcceptSecurityContext error, data 52e, v4563/);
  });

  it('ldapsearch: escaped non-ASCII and binary filter values, and a <GUID=…> base', async () => {
    const zoe = await tool('ldapsearch', ['-LLL', '-D', 'CORP\\alice', '-w', 'Alice!pass1', '-b', BASE, '(cn=zo\\c3\\ab*)', 'sAMAccountName']);
    assert.equal(zoe.code, 0, zoe.err);
    assert.match(zoe.out, /sAMAccountName:: em/, 'zoë (base64 in LDIF) found');
    const guid = h.backend.search(ALICE_DN, 'base', { type: 'present', attribute: 'objectClass' }, { principal: null, attributes: [], sizeLimit: 0 });
    let bytes: Buffer | undefined;
    for await (const e of guid) bytes = e.get('objectGUID')![0] as Buffer;
    const escaped = [...bytes!].map((x) => `\\${x.toString(16).padStart(2, '0')}`).join('');
    const byGuid = await tool('ldapsearch', ['-LLL', '-D', 'CORP\\alice', '-w', 'Alice!pass1', '-b', BASE, `(objectGUID=${escaped})`, '1.1']);
    assert.equal(byGuid.code, 0, byGuid.err);
    assert.equal(byGuid.out.trim(), `dn: ${ALICE_DN}`);
    const base = await tool('ldapsearch', ['-LLL', '-D', 'CORP\\alice', '-w', 'Alice!pass1', '-b', `<GUID=${bytes!.toString('hex')}>`, '-s', 'base', 'sAMAccountName']);
    assert.match(base.out, /sAMAccountName: alice/);
  });

  it('ldapsearch: pages through 1,200 entries with -E pr=250', async () => {
    const r = await tool('ldapsearch', ['-LLL', '-D', 'CORP\\alice', '-w', 'Alice!pass1', '-b', BASE, '-E', 'pr=250/noprompt', '(sn=bulk)', '1.1']);
    assert.equal(r.code, 0, r.err);
    assert.equal(r.out.split('\n').filter((l) => l.startsWith('dn: ')).length, 1200);
  });

  it('ldappasswd over StartTLS (-ZZ) changes a password; ldapwhoami binds with it', async () => {
    const r = await tool('ldappasswd', ['-ZZ', '-D', 'CORP\\bob', '-w', 'Bob!pass12', '-a', 'Bob!pass12', '-s', 'B0b!newpass']);
    assert.equal(r.code, 0, r.err);
    const who = await tool('ldapwhoami', ['-ZZ', '-D', 'bob@corp.example.com', '-w', 'B0b!newpass']);
    assert.equal(who.code, 0, who.err);
    assert.equal(who.out.trim(), 'u:CORP\\bob');
  });
});
