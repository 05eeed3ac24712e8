// nslcd (Debian nslcd, nss-pam-ldapd) against simple-ad with AD's usual mapping: uid and gid
// numbers from the objectSid RID (`map passwd uidNumber objectSid:<domain SID>`), the primary
// group from primaryGroupID, nested groups resolved. nslcd runs in the foreground (-d) in a private
// mount namespace with its own /etc/nslcd.conf, /run/nslcd and nsswitch.conf
// (test/helpers/nss-namespace.ts); the machine's own NSS is untouched. Skips when nslcd, libnss-ldapd
// or root are missing.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { sidBytesToString } from '../../../server/contracts/ad-binary.ts';
import type { Entry } from '../../../server/contracts/directory.ts';
import { CONTRACT_SEED, type DirectorySeed } from '../../contracts/directory-backend.ts';
import { openOn } from '../../adapters/directory/simple-ad-helpers.ts';
import { namespaceMissing, type Namespaced, startInNamespace } from '../../helpers/nss-namespace.ts';
import { closeTestStores, openTestStore } from '../../helpers/test-store.ts';
import { BASE, type Harness, startLdap, TLS } from '../../server/ldap/harness.ts';

const CA = fileURLToPath(new URL('../../fixtures/ldap/test-cert.pem', import.meta.url));
const skip = namespaceMissing(['nslcd', 'unshare', 'nsenter', 'getent'], ['libnss_ldap.so.2']) ?? false;

const SEED: DirectorySeed = {
  ...CONTRACT_SEED,
  users: [...CONTRACT_SEED.users, { sam: 'svc-nslcd', password: 'Svc!nslcd123' }],
};

const nslcdConf = (port: number, domainSid: string) => `uid nslcd
gid nslcd
uri ldap://127.0.0.1:${port}
base ${BASE}
binddn svc-nslcd@corp.example.com
bindpw Svc!nslcd123
ssl start_tls
tls_reqcert demand
tls_cacertfile ${CA}
referrals off
nss_nested_groups yes
pagesize 500
filter passwd (&(objectClass=user)(!(objectClass=computer)))
map passwd uid sAMAccountName
map passwd uidNumber objectSid:${domainSid}
map passwd gidNumber primaryGroupID
map passwd gecos cn
map passwd homeDirectory "/home/$sAMAccountName"
map passwd loginShell "/bin/sh"
filter group (objectClass=group)
map group cn sAMAccountName
map group gidNumber objectSid:${domainSid}
`;

describe('nslcd (ids from the objectSid RID) against simple-ad', { skip }, () => {
  let h: Harness;
  let nslcd: Namespaced;
  const rid = (e: Entry): number => Number(sidBytesToString(e.get('objectSid')![0] as Buffer).split('-').pop());
  const lookup = async (sam: string): Promise<Entry> => {
    for await (const e of h.backend.search(BASE, 'sub', { type: 'equality', attribute: 'sAMAccountName', value: Buffer.from(sam) }, { principal: null, attributes: ['*'], sizeLimit: 1 })) return e;
    throw new Error(`no ${sam}`);
  };

  before(async () => {
    const { backend } = await openOn(await openTestStore(), SEED);
    h = await startLdap({ backend, tls: TLS, startTls: true });
    const domainSid = sidBytesToString((await lookup('alice')).get('objectSid')![0] as Buffer).replace(/-\d+$/, '');
    nslcd = await startInNamespace('nslcd', [
      { target: '/etc/nslcd.conf', content: nslcdConf(h.port, domainSid) },
      { target: '/run/nslcd', content: { dir: [], mode: '1777' } }, // nslcd makes its socket after dropping to its user
      { target: '/etc/nsswitch.conf', content: 'passwd: files ldap\ngroup: files ldap\nshadow: files\nhosts: files\n' },
    ], ['nslcd', '-d']);
    for (let i = 0; i < 100 && nslcd.alive(); i++) {
      if ((await nslcd.run('getent', ['passwd', 'svc-nslcd'])).code === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`nslcd did not answer:\n${nslcd.log().replace(/^.*CFG:.*\n/gm, '').slice(-3000)}`);
  });
  after(async () => {
    await nslcd?.stop();
    await h?.close();
    await closeTestStores();
  });

  it('resolves a user by name and by uid, the uid being the RID of its objectSid', async () => {
    const alice = await lookup('alice');
    const byName = await nslcd.run('getent', ['passwd', 'alice']);
    assert.equal(byName.code, 0, byName.err + nslcd.log().slice(-3000));
    assert.equal(byName.out.trim(), `alice:*:${rid(alice)}:513:Alice Liddell:/home/alice:/bin/sh`);
    const byUid = await nslcd.run('getent', ['passwd', String(rid(alice))]);
    assert.equal(byUid.code, 0, byUid.err);
    assert.equal(byUid.out.split(':')[0], 'alice');
  });

  it('resolves groups by name and by gid (the RID), Domain Users as 513', async () => {
    const engineers = await lookup('Engineers');
    const byName = await nslcd.run('getent', ['group', 'Engineers']);
    assert.equal(byName.code, 0, byName.err);
    const [name, , gid, members] = byName.out.trim().split(':');
    assert.equal(name, 'Engineers');
    assert.equal(Number(gid), rid(engineers));
    assert.deepEqual(members.split(',').sort(), ['alice', 'bob'], 'members of the nested groups');
    const byGid = await nslcd.run('getent', ['group', String(rid(engineers))]);
    assert.equal(byGid.out.split(':')[0], 'Engineers');
    assert.equal((await nslcd.run('getent', ['group', '513'])).out.split(':')[0], 'Domain Users');
  });

  it('id lists the primary and every nested group by name', async () => {
    const id = await nslcd.run('id', ['alice']);
    assert.equal(id.code, 0, id.err);
    const groups = [...(id.out.split(' groups=')[1] ?? '').matchAll(/\d+\(([^)]+)\)/g)].map((m) => m[1]).sort();
    assert.deepEqual(groups, ['Developers', 'Domain Users', 'Engineers'], id.out);
  });
});
