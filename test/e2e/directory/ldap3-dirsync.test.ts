// python3-ldap3's `extend.microsoft.dir_sync` (Debian python3-ldap3) against simple-ad over a real
// socket: the first loop is the full synchronisation, a change made after it (a modify and a
// delete, through ldap3 too) comes back from the next loop — the modified attribute, and the
// deleted user as its tombstone with isDeleted. Skips when python3-ldap3 is not installed.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { openOn } from '../../adapters/directory/simple-ad-helpers.ts';
import { closeTestStores, openTestStore } from '../../helpers/test-store.ts';
import { BASE, type Harness, startLdap } from '../../server/ldap/harness.ts';

const PYTHON = '/usr/bin/python3';
const skip = spawnSync(PYTHON, ['-c', 'import ldap3'], { stdio: 'ignore' }).status === 0 ? false : 'python3-ldap3 not installed';

const SCRIPT = `
import json, sys
from ldap3 import Server, Connection, MODIFY_REPLACE
port, base = int(sys.argv[1]), sys.argv[2]
conn = Connection(Server('127.0.0.1', port=port), user='CORP\\\\admin', password='Adm1n!pass', auto_bind=True)
def values(v):
    return [str(x) for x in v] if isinstance(v, list) else [str(v)]
def loop(sync):
    out = []
    while True:
        for e in sync.loop():
            if e.get('type') != 'searchResEntry':
                continue
            a = e['attributes']
            out.append({'dn': e['dn'], 'attrs': sorted(a.keys()), 'telephoneNumber': values(a.get('telephoneNumber', [])),
                        'isDeleted': str(a.get('isDeleted', '')), 'sAMAccountName': str(a.get('sAMAccountName', ''))})
        if not sync.more_results:
            return out
sync = conn.extend.microsoft.dir_sync(base, sync_filter='(objectClass=user)', attributes=['*'])
first = loop(sync)
conn.modify('CN=Alice Liddell,CN=Users,' + base, {'telephoneNumber': [(MODIFY_REPLACE, ['+1 555 0199'])]})
conn.delete('CN=erin,CN=Users,' + base)
second = loop(sync)
third = loop(sync)
print(json.dumps({'first': first, 'second': second, 'third': third}))
`;

interface Synced {
  dn: string;
  attrs: string[];
  telephoneNumber: string[];
  isDeleted: string;
  sAMAccountName: string;
}

describe('python3-ldap3 extend.microsoft.dir_sync against simple-ad', { skip }, () => {
  let h: Harness;
  before(async () => {
    const { backend } = await openOn(await openTestStore(), CONTRACT_SEED);
    h = await startLdap({ backend });
  });
  after(async () => {
    await h?.close();
    await closeTestStores();
  });

  it('returns every user first, then the change made after its first call, and the deletion as a tombstone', async () => {
    const child = spawn(PYTHON, ['-c', SCRIPT, String(h.port), BASE], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(code, 0, err);
    const r = JSON.parse(out) as { first: Synced[]; second: Synced[]; third: Synced[] };
    const sams = r.first.map((e) => e.sAMAccountName);
    for (const s of ['Administrator', 'alice', 'bob', 'erin']) assert.ok(sams.includes(s), s);
    assert.ok(r.first.every((e) => e.attrs.includes('objectGUID')));

    const alice = r.second.find((e) => e.dn.startsWith('CN=Alice Liddell,'));
    assert.ok(alice, JSON.stringify(r.second));
    assert.deepEqual(alice.telephoneNumber, ['+1 555 0199']);
    assert.ok(!alice.attrs.includes('sn'), 'only the changed attribute');
    const erin = r.second.find((e) => e.dn.includes('\\0ADEL:'));
    assert.ok(erin, JSON.stringify(r.second));
    assert.match(erin.dn, /^CN=erin\\0ADEL:[0-9a-f-]{36},CN=Deleted Objects,DC=corp,DC=example,DC=com$/);
    assert.equal(erin.isDeleted, 'True');
    assert.equal(r.second.length, 2, JSON.stringify(r.second));
    assert.deepEqual(r.third, []);
  });
});
