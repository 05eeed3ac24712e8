// managed-ad routing, referrals, foreign security principals and trust status, with another simple-ad as
// the trusted domain (no slapd; the e2e test runs the same against a real one through the broker).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Entry, LdapError, type DirectoryBackend, type Filter, type SearchOptions } from '../../../server/contracts/directory.ts';
import { trustStatusKey } from '../../../adapters/directory/managed-ad/index.ts';
import { ONPREM, openManagedOn, openTrustedDomain, trustConfig } from './managed-ad-helpers.ts';

const ANY: Filter = { type: 'present', attribute: 'objectClass' };
const all = async (b: DirectoryBackend, base: string, opts: Partial<SearchOptions> = {}) => {
  const out: Entry[] = [];
  for await (const e of b.search(base, 'sub', ANY, { principal: null, attributes: ['*'], sizeLimit: 0, ...opts })) out.push(e);
  return out;
};
const refusedWith = (code: number) => (e: unknown) => e instanceof LdapError && e.resultCode === code;
const ADMIN = { dn: 'CN=Administrator,CN=Users,DC=cloud,DC=example,DC=com', name: 'CLOUD\\Administrator' };

test('binds of the trusted domain go through the trust (each name form); its refusals are AD results', async () => {
  const { managed } = await openManagedOn();
  for (const name of ['ONPREM\\dana', 'dana@onprem.example.com', `CN=dana,CN=Users,${ONPREM.baseDN}`]) {
    const r = await managed.backend.bind(name, 'Dana!pass12');
    assert.ok(r.ok, name);
    assert.deepEqual(r.principal, { dn: `CN=dana,CN=Users,${ONPREM.baseDN}`, name: 'ONPREM\\dana' });
  }
  assert.deepEqual(await managed.backend.bind('ONPREM\\dana', 'wrong'), { ok: false, adCode: '52e' });
  assert.ok((await managed.backend.bind('CLOUD\\Administrator', 'Adm1nistrator!x')).ok, 'local users bind locally');
  assert.deepEqual(await managed.backend.bind('OTHER\\dana', 'Dana!pass12'), { ok: false, adCode: '52e' }, 'an unknown domain stays local: no such user');
  await managed.close();
});

test('one-way-incoming: the trusted domain\'s users are refused like unknown users (52e), even with the right password', async () => {
  const { managed, trusted } = await openManagedOn({ extra: { trusts: [trustConfig('one-way-incoming')] } });
  for (const name of ['ONPREM\\dana', 'dana@onprem.example.com', `CN=dana,CN=Users,${ONPREM.baseDN}`]) {
    assert.deepEqual(await managed.backend.bind(name, 'Dana!pass12'), { ok: false, adCode: '52e' }, name);
  }
  // and it never asked the other domain
  trusted.setDown(true);
  assert.deepEqual(await managed.backend.bind('ONPREM\\dana', 'Dana!pass12'), { ok: false, adCode: '52e' });
  await assert.rejects(all(managed.backend, ONPREM.baseDN), refusedWith(10), 'searches there are referred, not chased');
  await managed.close();
});

test('searches into the trusted domain: chased by default; with trustSearch: referral, LDAP clients get AD\'s referral', async () => {
  const chase = (await openManagedOn()).managed;
  assert.ok((await all(chase.backend, ONPREM.baseDN, { followsReferrals: true })).some((e) => /^CN=dana,/.test(e.dn)));
  await chase.close();

  const { managed } = await openManagedOn({ extra: { trustSearch: 'referral' } });
  const err = await all(managed.backend, `CN=Users,${ONPREM.baseDN}`, { followsReferrals: true }).then(() => undefined, (e: unknown) => e);
  assert.ok(err instanceof LdapError && err.resultCode === 10, String(err));
  assert.deepEqual(err.referrals, [`ldap://onprem.example.com/CN=Users,${ONPREM.baseDN}`, `ldap://dc1.onprem.example.com:389/CN=Users,${ONPREM.baseDN}`]);
  assert.equal(err.diagnostic, "0000202B: RefErr: DSID-0310082F, data 0, 2 access points\n\tref 1: 'onprem.example.com'\n\tref 2: 'dc1.onprem.example.com:389'\n");
  // the broker's own reads (session re-checks) cannot follow referrals: they are chased
  assert.ok((await all(managed.backend, `CN=Users,${ONPREM.baseDN}`)).length > 0);
  // the local tree is unaffected
  assert.ok((await all(managed.backend, 'DC=cloud,DC=example,DC=com', { followsReferrals: true })).length > 0);
  await managed.close();
});

test('writes to the trusted domain\'s objects are referred there', async () => {
  const { managed } = await openManagedOn();
  const dn = `CN=x,CN=Users,${ONPREM.baseDN}`;
  await assert.rejects(managed.backend.add!(ADMIN, new Entry(dn, { objectClass: ['top', 'group'] })), refusedWith(10));
  await assert.rejects(managed.backend.modify!(ADMIN, dn, []), refusedWith(10));
  await assert.rejects(managed.backend.delete!(ADMIN, dn), refusedWith(10));
  await assert.rejects(managed.backend.changePassword!(ADMIN, 'ONPREM\\dana', { newPassword: 'N3w!password' }), refusedWith(10));
  await managed.close();
});

test('foreign security principals: seed members from the trusted domain (user or group) put its users in local groups', async () => {
  const trusted = await openTrustedDomain();
  const seed = { groups: [{ name: 'platform', members: ['ONPREM\\dana'] }, { name: 'engs', members: ['ONPREM\\eng'] }, { name: 'nested', members: ['platform'] }] };
  const { managed } = await openManagedOn({ trusted, seed });
  const [dana] = await all(trusted.backend, ONPREM.baseDN).then((es) => es.filter((e) => e.first('sAMAccountName') === 'dana'));
  const sid = (await import('../../../adapters/directory/managed-ad/sid.ts')).sidFromBytes(dana.get('objectSid')![0] as Buffer)!;
  const fsp = `CN=${sid},CN=ForeignSecurityPrincipals,DC=cloud,DC=example,DC=com`;
  const [entry] = await all(managed.backend, fsp);
  assert.deepEqual(entry.get('objectClass'), ['top', 'foreignSecurityPrincipal']);
  const groups = await managed.backend.groupsOf({ dn: dana.dn, name: 'ONPREM\\dana' });
  const users = 'CN=Users,DC=cloud,DC=example,DC=com';
  assert.deepEqual(new Set(groups), new Set([`CN=eng,CN=Users,${ONPREM.baseDN}`, `CN=platform,${users}`, `CN=nested,${users}`, `CN=engs,${users}`]));
  const erik = await managed.backend.groupsOf({ dn: `CN=erik,CN=Users,${ONPREM.baseDN}`, name: 'ONPREM\\erik' });
  assert.deepEqual(erik, [`CN=Domain Users,CN=Users,${ONPREM.baseDN}`].filter((g) => erik.includes(g)), 'erik is in no local group');
  await managed.close();
});

test('trust status: failed while the DCs are down (seed members wait), verified when they answer (members added); recorded in the Store', async () => {
  const trusted = await openTrustedDomain();
  trusted.setDown(true);
  const { managed, store } = await openManagedOn({ trusted, seed: { groups: [{ name: 'platform', members: ['dana@onprem.example.com'] }] } });
  const [down] = managed.trusts();
  assert.equal(down.status, 'failed');
  assert.match(down.reason!, /unavailable \(52\): No domain controller answered/);
  assert.ok(down.checkedAt && !down.verifiedAt);
  assert.deepEqual(JSON.parse((await store.meta.get(trustStatusKey('d-3000000001')))!)[0].status, 'failed');
  const [platform] = await all(managed.backend, 'CN=platform,CN=Users,DC=cloud,DC=example,DC=com');
  assert.equal(platform.get('member'), undefined, 'the foreign member waits for the trust');

  trusted.setDown(false);
  await managed.checkTrusts();
  const [up] = managed.trusts();
  assert.equal(up.status, 'verified');
  assert.equal(up.reason, undefined);
  assert.deepEqual({ dnsName: up.dnsName, netbiosName: up.netbiosName, direction: up.direction, type: up.type }, { dnsName: ONPREM.dnsName, netbiosName: 'ONPREM', direction: 'two-way', type: 'forest' });
  for (let i = 0; i < 50 && !(await all(managed.backend, 'CN=platform,CN=Users,DC=cloud,DC=example,DC=com'))[0].get('member'); i++) await new Promise((r) => setTimeout(r, 20));
  const groups = await managed.backend.groupsOf({ dn: `CN=dana,CN=Users,${ONPREM.baseDN}`, name: 'ONPREM\\dana' });
  assert.ok(groups.includes('CN=platform,CN=Users,DC=cloud,DC=example,DC=com'), groups.join(' | '));
  assert.equal(JSON.parse((await store.meta.get(trustStatusKey('d-3000000001')))!)[0].status, 'verified');
  await managed.close();
});
