// The broker's simple-ad driven by python3-ldap3 (Debian python3-ldap3), the client behind
// Flask-LDAP, Django auth backends and many scripts: Server(get_info=ALL) reads the schema from the
// subschemaSubentry, objectSid/objectGUID come back formatted because the schema names them,
// ObjectDef('user') and Reader work as they do against a Windows DC, and paged_search returns
// every entry across pages. Also an Apache-Directory-Studio-style base search of the subschema
// entry with ldapsearch. The Python side is test/fixtures/ldap3/ad-client.py. Skips cleanly when
// python3-ldap3 (or ldap-utils, for the last test) is not installed.
import assert from 'node:assert/strict';
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { after, before, describe, it } from 'node:test';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { freePort } from '../../helpers/process.ts';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('../../fixtures/ldap3/ad-client.py', import.meta.url));
const BASE = 'DC=corp,DC=example,DC=com';
const AGGREGATE = `CN=Aggregate,CN=Schema,CN=Configuration,${BASE}`;
const BULK = 35;

/** The Python with ldap3 importable: Debian's /usr/bin/python3 first (a pyenv shim may come first on PATH). */
const python = ['/usr/bin/python3', 'python3'].find((bin) => {
  try {
    execFileSync(bin, ['-c', 'import ldap3'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
});
const noLdapsearch = !(process.env.PATH ?? '').split(':').some((d) => existsSync(`${d}/ldapsearch`));

describe('simple-ad with python3-ldap3', { skip: python ? false : 'python3-ldap3 not installed' }, () => {
  let broker: TestBroker;
  let url: string;
  before(async () => {
    const port = await freePort();
    url = `ldap://127.0.0.1:${port}`;
    const bulk = Array.from({ length: BULK }, (_, i) => `{ username: bulk${i}, surname: Bulk }`).join(', ');
    broker = await startTestBroker({
      yaml: `directories:
  - id: d-1800000001
    type: simple-ad
    dnsName: corp.example.com
    netbiosName: CORP
    adminPassword: "Adm1nistrator!x"
    ldap: { host: 127.0.0.1, port: ${port} }
    seed:
      groups: [{ name: Developers, members: [] }]
      users: [{ username: alice, password: "Alice!pass1", givenName: Alice, surname: Liddell, email: alice@corp.example.com, groups: [Developers] }, ${bulk}]
`,
    });
  });
  after(async () => broker?.destroy());

  /** Runs one check of ad-client.py as alice and returns its JSON. */
  const check = async (name: string): Promise<any> => {
    const r = await run(python!, [SCRIPT, name, url, 'alice@corp.example.com', 'Alice!pass1', BASE], { timeout: 60_000 });
    return JSON.parse(r.stdout);
  };

  it('Server(get_info=ALL) reads the schema: objectSid with its OID and octet-string syntax', async () => {
    const s = await check('schema');
    assert.equal(s.schema, true);
    assert.ok(s.attributeTypes > 500, `${s.attributeTypes} attribute types`);
    assert.ok(s.objectClasses >= 30);
    assert.equal(s.ditContentRules, s.objectClasses, 'a DC writes one dITContentRule per class');
    assert.deepEqual(s.objectSid, { oid: '1.2.840.113556.1.4.146', syntax: '1.3.6.1.4.1.1466.115.121.1.40', singleValue: true, noUserModification: true });
    assert.deepEqual(s.user, { superior: ['organizationalPerson'], kind: 'STRUCTURAL' });
    assert.deepEqual(s.subschemaSubentry, [AGGREGATE]);
    assert.deepEqual(s.namingContexts, [BASE, `CN=Configuration,${BASE}`, `CN=Schema,CN=Configuration,${BASE}`]);
  });

  it('formats objectSid as S-1-5-21-…, objectGUID as {…}, and typed values by the schema', async () => {
    const v = await check('values');
    assert.match(v.objectSid, /^S-1-5-21-\d+-\d+-\d+-\d+$/);
    assert.match(v.objectGUID, /^\{[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\}$/);
    assert.equal(v.userAccountControl, 512, 'an integer, not the string "512"');
    assert.ok(v.whenCreatedYear >= 2024, 'whenCreated parsed as a datetime');
    assert.deepEqual(v.memberOf, [`CN=Developers,CN=Users,${BASE}`]);
  });

  it('ObjectDef(\'user\') builds from the class chain; securityPrincipal adds sAMAccountName and objectSid, as on a DC', async () => {
    const d = await check('objectdef');
    assert.ok(d.attributes > 300, `${d.attributes} attributes`);
    assert.deepEqual(d.user, { sAMAccountName: false, objectSid: false, telephoneNumber: true, cn: true, mail: true, givenName: true, userAccountControl: true });
    assert.ok(Object.values(d.withAuxiliary).every(Boolean), JSON.stringify(d.withAuxiliary));
  });

  it('Reader finds the user with an LDAP filter and with ldap3\'s query syntax', async () => {
    const r = await check('reader');
    assert.deepEqual(r.plain, { count: 1, dn: `CN=alice,CN=Users,${BASE}`, cn: 'alice', mail: 'alice@corp.example.com' });
    assert.equal(r.auxiliary.count, 1);
    assert.equal(r.auxiliary.sAMAccountName, 'alice');
    assert.match(r.auxiliary.objectSid, /^S-1-5-21-/);
  });

  it('paged_search returns every entry across pages', async () => {
    assert.deepEqual(await check('paged'), { count: BULK, distinct: BULK, pages: Math.ceil(BULK / 10) });
  });

  it('ldapsearch reads the subschema entry with a base search, as Apache Directory Studio does', { skip: noLdapsearch ? 'ldap-utils not installed' : false }, async () => {
    const env = { ...process.env, LDAPCONF: '/dev/null', LDAPRC: '/dev/null' };
    const { stdout } = await run('ldapsearch', ['-x', '-H', url, '-D', 'CORP\\alice', '-w', 'Alice!pass1', '-b', AGGREGATE, '-s', 'base', '-LLL', '-o', 'ldif-wrap=no',
      '(objectClass=subschema)', 'attributeTypes', 'objectClasses', 'dITContentRules'], { env, timeout: 20_000, maxBuffer: 16 * 1024 * 1024 });
    assert.match(stdout, new RegExp(`^dn: ${AGGREGATE}$`, 'm'));
    assert.match(stdout, /^attributeTypes: \( 1\.2\.840\.113556\.1\.4\.146 NAME 'objectSid' SYNTAX '1\.3\.6\.1\.4\.1\.1466\.115\.121\.1\.40' SINGLE-VALUE NO-USER-MODIFICATION \)$/m);
    assert.match(stdout, /^objectClasses: \( 1\.2\.840\.113556\.1\.5\.9 NAME 'user' SUP organizationalPerson STRUCTURAL MAY \(/m);
    assert.match(stdout, /^dITContentRules: \( 1\.2\.840\.113556\.1\.5\.9 NAME 'user' AUX \( /m);
    assert.ok((stdout.match(/^attributeTypes: /gm) ?? []).length > 500);
  });
});
