// managed-ad directories in the broker trusting a real slapd ("on-prem AD", onprem.example.com): binds with
// each name form through the trust, searches chased through it or answered with a referral, a trust in the
// wrong direction refused, trust status failing and recovering with the upstream, and on-prem users mapped
// to roles through local groups that hold them as foreign security principals.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { Client } from 'ldapts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { trustStatusKey } from '../../../server/registry.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { ONPREM_BASE, ONPREM_PASSWORDS, ONPREM_SERVICE_DN, slapdMissing, startSlapd, userDn, type Slapd } from '../../helpers/slapd.ts';

const run = promisify(execFile);
const ADMIN = 'Adm1nistrator!x';
const DS = (id: string) => `arn:aws:ds:us-east-1:111122223333:directory/${id}`;
const role = (name: string, dir: string, group: string) => `
  - name: ${name}
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal: { Federated: "${DS(dir)}" }
          Action: sts:AssumeRoleWithLDAPIdentity
          Condition: { "ForAnyValue:StringEquals": { "ds:Groups": ${group} } }`;

describe('managed-ad trusts in the broker', { skip: slapdMissing() ?? false }, () => {
  let slapd: Slapd;
  let b: TestBroker;
  const url = (id: string) => /(ldap:\/\/\S+)/.exec(b.lines.find((l) => l.includes(`LDAP ${id}`))!)![1];
  const trust = (direction: string) => `
    trusts:
      - dnsName: onprem.example.com
        netbiosName: ONPREM
        direction: ${direction}
        upstream:
          urls: [${slapd.url}]
          serviceAccount: { username: "${ONPREM_SERVICE_DN}", password: "${ONPREM_PASSWORDS['svc-idbroker']}" }
          timeoutMs: 2000`;

  before(async () => {
    slapd = await startSlapd();
    b = await startTestBroker({
      yaml: `
directories:
  - id: d-3000000001
    type: managed-ad
    dnsName: cloud.example.com
    netbiosName: CLOUD
    adminPassword: "${ADMIN}"
    ldap: { host: 127.0.0.1, port: 0 }
    trustCheckSeconds: 1
    ${trust('two-way')}
    seed:
      groups:
        - { name: platform, members: ['ONPREM\\carol'] }
        - { name: cloud-eng, members: ['ONPREM\\engineers'] }
        - { name: ops-upn, members: ['bob@onprem.example.com'] }
  - id: d-3000000002
    type: managed-ad
    dnsName: refer.example.com
    netbiosName: REFER
    adminPassword: "${ADMIN}"
    ldap: { host: 127.0.0.1, port: 0 }
    trustSearch: referral
    ${trust('one-way-outgoing')}
  - id: d-3000000003
    type: managed-ad
    dnsName: incoming.example.com
    netbiosName: INCOMING
    adminPassword: "${ADMIN}"
    ldap: { host: 127.0.0.1, port: 0 }
    ${trust('one-way-incoming')}
roles:${role('Platform', 'd-3000000001', 'platform')}${role('CloudEng', 'd-3000000001', 'cloud-eng')}
`,
    });
  });
  after(async () => {
    await b?.destroy();
    await slapd?.destroy();
  });

  const bound = async (id: string, name: string, password: string) => {
    const c = new Client({ url: url(id), timeout: 10_000 });
    await c.bind(name, password);
    return c;
  };
  const assume = (roleName: string, user: string, password: string) =>
    sendQuery(b.httpUrl, `Action=AssumeRoleWithLDAPIdentity&Version=2011-06-15&DirectoryId=d-3000000001&RoleArn=${encodeURIComponent(`arn:aws:iam::111122223333:role/${roleName}`)}&LDAPUsername=${encodeURIComponent(user)}&LDAPPassword=${encodeURIComponent(password)}`, undefined);
  const readyz = async () => (await (await fetch(`${b.httpUrl}/readyz`)).json()) as { status: string; directories: { id: string; type: string; trusts?: { dnsName: string; status: string; reason?: string; checkedAt?: string }[] }[] };
  const trustOf = async (id: string) => (await readyz()).directories.find((d) => d.id === id)!.trusts![0];

  it('binds on-prem users through a two-way trust by down-level name, UPN and DN; local users still bind', async () => {
    for (const name of ['ONPREM\\alice', 'alice@onprem.example.com', userDn('alice'), 'onprem.example.com\\alice']) {
      const c = await bound('d-3000000001', name, ONPREM_PASSWORDS.alice);
      await c.unbind();
    }
    await (await bound('d-3000000001', 'CLOUD\\Administrator', ADMIN)).unbind();
    // a wrong on-prem password: this DC's own AD diagnostic, data 52e
    await assert.rejects(bound('d-3000000001', 'ONPREM\\alice', 'wrong'), (e: Error & { code?: number }) => e.code === 49 && /AcceptSecurityContext error, data 52e/.test(e.message));
    await assert.rejects(bound('d-3000000001', 'ONPREM\\nobody', 'whatever'), (e: Error & { code?: number }) => e.code === 49 && /data 52e/.test(e.message));
  });

  it('one-way-outgoing also admits on-prem users', async () => {
    await (await bound('d-3000000002', 'alice@onprem.example.com', ONPREM_PASSWORDS.alice)).unbind();
  });

  it('one-way-incoming refuses on-prem users as AD refuses an unknown account (49, data 52e), right password or not', async () => {
    for (const name of ['ONPREM\\alice', 'alice@onprem.example.com', userDn('alice')]) {
      await assert.rejects(bound('d-3000000003', name, ONPREM_PASSWORDS.alice), (e: Error & { code?: number }) => e.code === 49 && /AcceptSecurityContext error, data 52e, v/.test(e.message));
    }
    await (await bound('d-3000000003', 'INCOMING\\Administrator', ADMIN)).unbind();
  });

  it('chases a search whose base is in the trusted domain (default trustSearch: chase)', async () => {
    const c = await bound('d-3000000001', 'CLOUD\\Administrator', ADMIN);
    const { searchEntries } = await c.search(`ou=People,${ONPREM_BASE}`, { scope: 'sub', filter: '(uid=bob)', attributes: ['mail'] });
    assert.deepEqual(searchEntries.map((e) => [e.dn, e.mail]), [[userDn('bob'), 'bob@onprem.example.com']]);
    // the local tree is still the local directory's
    const local = await c.search('DC=cloud,DC=example,DC=com', { scope: 'sub', filter: '(sAMAccountName=platform)', attributes: ['member'] });
    assert.equal(local.searchEntries.length, 1);
    assert.match(String(local.searchEntries[0].member), /^CN=S-1-5-21-\d+-\d+-\d+-\d+,CN=ForeignSecurityPrincipals,DC=cloud,DC=example,DC=com$/);
    await c.unbind();
  });

  it('answers with AD\'s referral (10, ldap://onprem.example.com/<base>) when configured with trustSearch: referral', async () => {
    const c = await bound('d-3000000002', 'REFER\\Administrator', ADMIN);
    await assert.rejects(c.search(`ou=People,${ONPREM_BASE}`, { scope: 'sub', filter: '(uid=bob)' }), (e: Error & { code?: number }) => e.code === 10 && /0000202B: RefErr/.test(e.message));
    await c.unbind();
    // the referral URLs on the wire, as OpenLDAP's ldapsearch prints them (it does not chase by default)
    const r = await run('ldapsearch', ['-x', '-H', url('d-3000000002'), '-D', 'REFER\\Administrator', '-w', ADMIN, '-b', `ou=People,${ONPREM_BASE}`, '(uid=bob)']).catch((e: { stdout: string }) => e);
    assert.match(r.stdout, /result: 10 Referral/);
    assert.match(r.stdout, new RegExp(`ref: ldap://onprem\\.example\\.com/ou=People,${ONPREM_BASE}`));
    assert.match(r.stdout, new RegExp(`ref: ${slapd.url.replace(/\./g, '\\.')}/ou=People,${ONPREM_BASE}`));
  });

  it('a trust in the wrong direction refers searches into the other domain instead of chasing them', async () => {
    const c = await bound('d-3000000003', 'INCOMING\\Administrator', ADMIN);
    await assert.rejects(c.search(ONPREM_BASE, { scope: 'base', filter: '(objectClass=*)' }), (e: Error & { code?: number }) => e.code === 10);
    await c.unbind();
  });

  it('maps on-prem users to roles through local groups holding them as foreign security principals', async () => {
    const carol = await assume('Platform', 'ONPREM\\carol', ONPREM_PASSWORDS.carol); // platform ∋ ONPREM\carol
    assert.equal(carol.status, 200, carol.text);
    assert.match(carol.text, /assumed-role\/Platform\/carol/);
    const bob = await assume('Platform', 'bob@onprem.example.com', ONPREM_PASSWORDS.bob); // bob is not in platform
    assert.equal(bob.status, 403, bob.text);
    // an on-prem group as a foreign member: alice ∈ ONPREM engineers ∈ cloud-eng
    const alice = await assume('CloudEng', 'alice@onprem.example.com', ONPREM_PASSWORDS.alice);
    assert.equal(alice.status, 200, alice.text);
    const wrong = await assume('Platform', 'ONPREM\\carol', 'wrong-password');
    assert.equal(wrong.status, 403);
    assert.match(wrong.text, /<Code>AccessDenied<\/Code>/);
  });

  it('groupsOf a trusted user: the on-prem groups and the local groups (through FSPs)', async () => {
    const backend = b.directories.running.find((d) => d.id === 'd-3000000001')!.backend;
    const groups = await backend.groupsOf({ dn: userDn('bob'), name: 'ONPREM\\bob' });
    assert.ok(groups.some((g) => /^cn=staff,ou=Groups,/i.test(g)), groups.join(' | '));
    assert.ok(groups.includes('CN=ops-upn,CN=Users,DC=cloud,DC=example,DC=com'), groups.join(' | '));
    assert.ok(!groups.some((g) => /CN=platform,/i.test(g)));
  });

  it('trust status: verified at start, failed while the on-prem DCs are down, verified again when they return', async () => {
    const until = async (want: string) => {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const t = await trustOf('d-3000000001');
        if (t.status === want) return t;
        if (Date.now() > deadline) throw new Error(`trust status stayed ${JSON.stringify(t)}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    const first = await until('verified');
    assert.equal((await readyz()).status, 'ready');
    assert.ok(first.checkedAt);
    await slapd.stop();
    const failed = await until('failed');
    assert.match(failed.reason ?? '', /unavailable|No domain controller/);
    assert.equal((await readyz()).status, 'ready', 'a failed trust does not make the broker unready');
    // recorded for `idbroker directories`
    assert.equal(JSON.parse((await b.store.meta.get(trustStatusKey('d-3000000001')))!)[0].status, 'failed');
    await assert.rejects(bound('d-3000000001', 'ONPREM\\alice', ONPREM_PASSWORDS.alice), (e: Error & { code?: number }) => e.code === 52);
    await slapd.start();
    await until('verified');
    await (await bound('d-3000000001', 'ONPREM\\alice', ONPREM_PASSWORDS.alice)).unbind();
  });
});
