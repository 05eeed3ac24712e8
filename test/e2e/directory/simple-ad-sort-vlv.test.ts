// Server-side sort (RFC 2891) and VLV on simple-ad, driven by OpenLDAP's ldapsearch over a real
// socket: `-E sss=…` (case-insensitive order, reverse order, entries without the attribute last,
// an unknown attribute non-critical and critical), `-E vlv=…` by offset and by assertion value,
// an offset of 0 (offsetRangeError, 61). ldapsearch itself refuses VLV without sort: that case is
// in test/server/ldap/search-controls.test.ts. Skips when ldap-utils is missing.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { BASE, type Harness, startLdap } from '../../server/ldap/harness.ts';
import { openOn } from '../../adapters/directory/simple-ad-helpers.ts';
import { closeTestStores, openTestStore, TEST_STORE } from '../../helpers/test-store.ts';

const skip = (process.env.PATH ?? '').split(':').some((d) => existsSync(`${d}/ldapsearch`)) ? false : 'ldap-utils not installed (ldapsearch)';
// sn values in an order that differs from creation order and from byte order ("bravo" < "Charlie" only case-insensitively)
const SORTED = [
  { sam: 'sort1', sn: 'delta' }, { sam: 'sort2', sn: 'Alpha' }, { sam: 'sort3', sn: 'charlie' }, { sam: 'sort4', sn: 'Bravo' }, { sam: 'sort5', sn: 'echo' },
];

describe(`simple-ad server-side sort and VLV with ldapsearch (store: ${TEST_STORE})`, { skip }, () => {
  let h: Harness;
  const search = async (controls: string[], filter = '(sAMAccountName=sort*)', attrs = ['sn'], stdin = '') => {
    const args = ['-x', '-H', `ldap://127.0.0.1:${h.port}`, '-D', 'CORP\\admin', '-w', 'Adm1n!pass', '-b', BASE, ...controls.flatMap((c) => ['-E', c]), filter, ...attrs];
    const child = spawn('ldapsearch', args, { env: { ...process.env, LDAPCONF: '/dev/null', LDAPRC: '/dev/null' }, stdio: ['pipe', 'pipe', 'pipe'] });
    child.stdin.end(stdin);
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    return { code, out, err };
  };
  // after a VLV window ldapsearch asks on stdin for the next one (an empty answer moves on, EOF
  // included); `q` is not a window, so it stops there with exit code 1
  const vlv = (controls: string[]) => search(controls, '(sAMAccountName=sort*)', ['sn'], 'q\n');
  const sns = (out: string) => [...out.matchAll(/^sn: (.*)$/gm)].map((m) => m[1]);
  const accounts = (out: string) => [...out.matchAll(/^sAMAccountName: (.*)$/gm)].map((m) => m[1]);

  before(async () => {
    const users = [...SORTED.map((u) => ({ ...u, password: 'Sort!pass123' })), { sam: 'sort6', password: 'Sort!pass123' }];
    const { backend } = await openOn(await openTestStore(), { ...CONTRACT_SEED, users: [...CONTRACT_SEED.users, ...users] });
    h = await startLdap({ backend });
  });
  after(async () => {
    await h?.close();
    await closeTestStores();
  });

  it('-E sss=sn sorts case-insensitively; the entry without sn comes last', async () => {
    const r = await search(['sss=sn'], '(sAMAccountName=sort*)', ['sn', 'sAMAccountName']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(sns(r.out), ['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
    assert.equal(accounts(r.out).at(-1), 'sort6');
    assert.match(r.out, /^sortResult: \(0\) Success/m);
  });

  it('-E sss=-sn reverses the order', async () => {
    const r = await search(['sss=-sn']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(sns(r.out), ['echo', 'delta', 'charlie', 'Bravo', 'Alpha']);
  });

  it('-E sss= on an integer attribute orders numerically, not as text', async () => {
    const bound = await h.backend.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(bound.ok);
    for (const [sam, n] of [['sort1', '100'], ['sort2', '9'], ['sort3', '20']]) {
      await h.backend.modify!(bound.principal, `CN=${sam},CN=Users,${BASE}`, [{ operation: 'replace', attribute: 'uidNumber', values: [n] }]);
    }
    const r = await search(['sss=uidNumber'], '(uidNumber=*)', ['sAMAccountName']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(accounts(r.out), ['sort2', 'sort3', 'sort1']);
  });

  it('an unknown sort attribute: non-critical returns the entries unsorted with sortResult noSuchAttribute (16)', async () => {
    const r = await search(['sss=noSuchAttr'], '(sAMAccountName=sort*)', ['sAMAccountName']);
    assert.equal(r.code, 0, r.err);
    assert.equal(accounts(r.out).length, 6);
    assert.match(r.out, /^sortResult: \(16\) No such attribute noSuchAttr/m);
  });

  it('an unknown sort attribute in a critical control (-E !sss=…) fails with unavailableCriticalExtension (12)', async () => {
    const r = await search(['!sss=noSuchAttr']);
    assert.equal(r.code, 12, r.out + r.err);
    assert.match(r.out + r.err, /^result: 12 Critical extension is unavailable/m);
    assert.doesNotMatch(r.out, /^sn: /m);
  });

  it('-E !sss=sn/givenName (two keys) is refused as AD sorts on one key only', async () => {
    const r = await search(['!sss=sn/givenName']);
    assert.equal(r.code, 12);
    const soft = await search(['sss=sn/givenName']);
    assert.equal(soft.code, 0);
    assert.match(soft.out, /^sortResult: \(53\) Server is unwilling to perform/m);
  });

  it('sort works with paged results across pages', async () => {
    const r = await search(['sss=sn', 'pr=2/noprompt']);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(sns(r.out), ['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
  });

  it('-E vlv=1/1/3/0 returns the window around offset 3 with targetPosition and contentCount', async () => {
    const r = await vlv(['sss=sn', 'vlv=1/1/3/0']);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(sns(r.out), ['Bravo', 'charlie', 'delta']);
    assert.match(r.out, /^vlvResult: pos=3 count=6 context=\S* \(0\) Success$/m);
  });

  it('-E vlv=0/2:value targets the first entry at or after the assertion value', async () => {
    const r = await vlv(['sss=sn', 'vlv=0/2:c']);
    assert.equal(r.code, 1, r.err);
    assert.deepEqual(sns(r.out), ['charlie', 'delta', 'echo']);
    assert.match(r.out, /^vlvResult: pos=3 count=6 context=\S* \(0\) Success$/m);
  });

  it('-E vlv with a reverse sort follows the reversed order', async () => {
    const r = await vlv(['sss=-sn', 'vlv=0/1:delta']);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^vlvResult: pos=2 count=6 context=\S* \(0\) Success$/m);
    assert.deepEqual(sns(r.out), ['delta', 'charlie']);
  });

  it('VLV with offset 0 answers offsetRangeError (61)', async () => {
    const r = await vlv(['sss=sn', 'vlv=0/1/0/0']);
    assert.equal(r.code, 61, r.out + r.err);
    assert.match(r.out, /^vlvResult: pos=0 count=6 context=\S* \(61\)/m);
  });
});
