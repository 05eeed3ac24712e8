// SSSD (Debian sssd-ldap) joined to simple-ad the usual way for AD over LDAP: id_provider = ldap,
// ldap_schema = ad, ldap_id_mapping = true (uids and gids from the objectSid RIDs), StartTLS. SSSD
// resolves groups by SID with string-SID filters `(objectSID=S-1-5-21-…)` and reads tokenGroups,
// so nested groups show by name. sssd runs in the foreground in a private mount namespace with its
// own config, cache, pipes, nsswitch.conf and PAM service (test/helpers/nss-namespace.ts), so this
// machine's own NSS and PAM are untouched. Skips when sssd, pamtester or root are missing.
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { CONTRACT_SEED, type DirectorySeed } from '../../contracts/directory-backend.ts';
import { openOn } from '../../adapters/directory/simple-ad-helpers.ts';
import { namespaceMissing, type Namespaced, startInNamespace } from '../../helpers/nss-namespace.ts';
import { closeTestStores, openTestStore } from '../../helpers/test-store.ts';
import { BASE, type Harness, startLdap, TLS } from '../../server/ldap/harness.ts';

const CA = fileURLToPath(new URL('../../fixtures/ldap/test-cert.pem', import.meta.url));
const skip = namespaceMissing(['sssd', 'pamtester', 'unshare', 'nsenter', 'setpriv', 'getent', 'sss_cache'], ['libnss_sss.so.2', 'security/pam_sss.so']) ?? false;

const SEED: DirectorySeed = {
  ...CONTRACT_SEED,
  users: [
    ...CONTRACT_SEED.users,
    { sam: 'svc-sssd', password: 'Svc!sssd123' },
    { sam: 'carl', password: 'Carl!pass123', givenName: 'Carl', sn: 'Platform', memberOf: ['Platform'] },
  ],
  groups: [...(CONTRACT_SEED.groups ?? []), { cn: 'Platform', memberOf: ['Ops'] }],
};

const sssdConf = (port: number) => `[sssd]
services = nss, pam
domains = idbroker-test

[nss]
[pam]

[domain/idbroker-test]
id_provider = ldap
auth_provider = ldap
chpass_provider = ldap
access_provider = ldap
ldap_access_order = expire
ldap_account_expire_policy = ad
ldap_schema = ad
ldap_id_mapping = true
ldap_uri = ldap://127.0.0.1:${port}
ldap_search_base = ${BASE}
ldap_default_bind_dn = svc-sssd@corp.example.com
ldap_default_authtok = Svc!sssd123
ldap_id_use_start_tls = true
ldap_tls_reqcert = demand
ldap_tls_cacert = ${CA}
ldap_referrals = false
ldap_user_principal = userPrincipalName
use_fully_qualified_names = false
case_sensitive = false
cache_credentials = false
fallback_homedir = /home/%u
default_shell = /bin/sh
`;

const PAM = `auth required pam_sss.so
account required pam_sss.so
password required pam_sss.so
session required pam_permit.so
`;

describe('SSSD (ldap_schema = ad, id mapping, StartTLS) against simple-ad', { skip }, () => {
  let h: Harness;
  let sssd: Namespaced;
  const names = (out: string): string[] => [...out.matchAll(/\d+\(([^)]+)\)/g)].map((m) => m[1].toLowerCase());

  before(async () => {
    const { backend } = await openOn(await openTestStore(), SEED);
    h = await startLdap({ backend, tls: TLS, startTls: true });
    sssd = await startInNamespace('sssd', [
      { target: '/var/lib/sss', content: { dir: ['db', 'pipes/private', 'mc', 'pubconf', 'gpo_cache', 'keytabs', 'secrets'] } },
      { target: '/etc/nsswitch.conf', content: 'passwd: files sss\ngroup: files sss\nshadow: files\nhosts: files\n' },
      { target: '/etc/pam.d', content: { dir: [], files: { 'idbroker-test': PAM } } },
      { target: '/etc/sssd', content: { dir: ['conf.d'], files: {} } },
      { target: '/etc/sssd/sssd.conf', content: sssdConf(h.port) },
    ], ['sssd', '-i', '--logger=stderr', '-d', '0x0070', '-c', '/etc/sssd/sssd.conf']);
    // the responders are up once the NSS pipe answers
    for (let i = 0; i < 100 && sssd.alive(); i++) {
      if ((await sssd.run('getent', ['-s', 'sss', 'passwd', 'svc-sssd'])).code === 0) return;
      await new Promise((r) => setTimeout(r, 200));
    }
    throw new Error(`sssd did not answer:\n${sssd.log()}`);
  });
  after(async () => {
    await sssd?.stop();
    await h?.close();
    await closeTestStores();
  });

  it('id shows every group, nested ones by name, for three users in a row on a cold cache', async () => {
    const alice = await sssd.run('id', ['alice']);
    assert.equal(alice.code, 0, alice.err + sssd.log());
    assert.deepEqual(names(alice.out.split(' groups=')[1] ?? '').sort(), ['developers', 'domain users', 'engineers'], alice.out);
    const bob = await sssd.run('id', ['bob']);
    assert.deepEqual(names(bob.out.split(' groups=')[1] ?? '').sort(), ['domain users', 'engineers', 'ops'], bob.out);
    const carl = await sssd.run('id', ['carl']);
    assert.deepEqual(names(carl.out.split(' groups=')[1] ?? '').sort(), ['domain users', 'engineers', 'ops', 'platform'], carl.out);
    const again = await sssd.run('id', ['alice']);
    assert.deepEqual(names(again.out.split(' groups=')[1] ?? '').sort(), ['developers', 'domain users', 'engineers'], 'alice keeps her groups after the others');
    assert.match(alice.out, /gid=\d+\(domain users\)/i, 'the primary group (RID 513) by name');
  });

  it('getent passwd by name and by UPN; the uid is the id-mapped RID', async () => {
    const byName = await sssd.run('getent', ['passwd', 'alice']);
    assert.equal(byName.code, 0, byName.err);
    const [name, , uid, gid, gecos, home, shell] = byName.out.trim().split(':');
    assert.equal(name.toLowerCase(), 'alice');
    assert.ok(Number(uid) > 100000, `id mapping gives uids from its slice: ${uid}`);
    assert.ok(Number(gid) > 100000);
    assert.equal(gecos, 'Alice Liddell');
    assert.equal(home, '/home/alice');
    assert.equal(shell, '/bin/sh');
    const byUpn = await sssd.run('getent', ['passwd', 'alice@corp.example.com']);
    assert.equal(byUpn.code, 0, byUpn.err + sssd.log());
    assert.equal(byUpn.out.split(':')[2], uid);
    const byUid = await sssd.run('getent', ['passwd', uid]);
    assert.equal(byUid.out.split(':')[0].toLowerCase(), 'alice');
  });

  it('getent group by name and by gid (a string-SID search), also after the cache is invalidated', async () => {
    const byName = await sssd.run('getent', ['group', 'Engineers']);
    assert.equal(byName.code, 0, byName.err);
    const [, , gid, members] = byName.out.trim().split(':');
    assert.ok(Number(gid) > 100000);
    assert.match(members.toLowerCase(), /alice/, 'nested members are listed');
    assert.equal((await sssd.run('sss_cache', ['-E'])).code, 0);
    const byGid = await sssd.run('getent', ['group', gid]);
    assert.equal(byGid.code, 0, byGid.err + sssd.log());
    assert.equal(byGid.out.split(':')[0].toLowerCase(), 'engineers');
    const users = await sssd.run('getent', ['group', String(Number(gid) - Number(gid) % 200000 + 513)]);
    assert.equal(users.code, 0, 'Domain Users by its mapped gid');
    assert.equal(users.out.split(':')[0].toLowerCase(), 'domain users');
    const id = await sssd.run('id', ['bob']);
    assert.deepEqual(names(id.out.split(' groups=')[1] ?? '').sort(), ['domain users', 'engineers', 'ops'], 'no group lost from the cache');
  });

  it('pamtester: right password, wrong password, disabled account', async () => {
    const ok = await sssd.run('pamtester', ['idbroker-test', 'alice', 'authenticate'], { input: 'Alice!pass1\n' });
    assert.equal(ok.code, 0, ok.err + sssd.log());
    assert.match(ok.err + ok.out, /successfully authenticated/);
    const wrong = await sssd.run('pamtester', ['idbroker-test', 'alice', 'authenticate'], { input: 'nope\n' });
    assert.notEqual(wrong.code, 0);
    assert.match(wrong.err, /Authentication failure/);
    const disabled = await sssd.run('pamtester', ['idbroker-test', 'carol', 'authenticate', 'acct_mgmt'], { input: 'Carol!pass1\n' });
    assert.notEqual(disabled.code, 0);
    assert.doesNotMatch(disabled.err + disabled.out, /successfully authenticated/);
  });

  it('changes a password through PAM (pam_sss, the LDAP password modify over StartTLS); the new one then works', async () => {
    const nobody = 65534; // pam_sss asks root for no current password; a user changes their own
    const weak = await sssd.run('pamtester', ['idbroker-test', 'bob', 'chauthtok'], { uid: nobody, input: 'Bob!pass12\nNew!bobpass99\nNew!bobpass99\n' });
    assert.notEqual(weak.code, 0);
    assert.match(weak.out + weak.err, /0000052D: Constraint violation/, 'the policy refusal (the name in the password) reaches the user');
    const change = await sssd.run('pamtester', ['idbroker-test', 'bob', 'chauthtok'], { uid: nobody, input: 'Bob!pass12\nStrong!pass99\nStrong!pass99\n' });
    assert.equal(change.code, 0, change.err + change.out + sssd.log());
    const old = await sssd.run('pamtester', ['idbroker-test', 'bob', 'authenticate'], { input: 'Bob!pass12\n' });
    assert.notEqual(old.code, 0);
    const fresh = await sssd.run('pamtester', ['idbroker-test', 'bob', 'authenticate'], { input: 'Strong!pass99\n' });
    assert.equal(fresh.code, 0, fresh.err);
    assert.ok((await h.backend.bind('CORP\\bob', 'Strong!pass99')).ok);
  });
});
