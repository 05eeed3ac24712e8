// `idbroker start --demo` run as a user runs it (the real command, a child process): the printed guide's users,
// passwords and commands work — the portal lists the roles their (nested) groups admit, the printed
// AssumeRoleWithLDAPIdentity call returns credentials the AWS SDK uses, LDAP binds with the printed password —
// and a second --demo start on the same data directory adds nothing and resets no password.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { ROOT, runIdbroker, type Running } from '../../helpers/process.ts';
import { Browser, signIn } from '../http/portal/portal-helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'idbroker-demo-'));
const configFile = join(dir, 'config.yaml');
writeFileSync(
  configFile,
  `http: { host: 127.0.0.1, port: 0 }
dataDir: ${JSON.stringify(join(dir, 'data'))}
accounts: [{ id: "111122223333", alias: main }]
logLevel: silent
limits: { requestsPerSecondPerSource: 0, requestsPerSecondPerPrincipal: 0 }
directories:
  - id: d-1000000001
    type: simple-ad
    dnsName: corp.example.com
    netbiosName: CORP
    ldap: { host: 127.0.0.1, port: 0 }
    ldaps: { host: 127.0.0.1, port: 0 }
`,
);

const GUIDE_END = /Locked out\? .*\n/;
let broker: Running;
let guide: string;
const role = (name: string) => `arn:aws:iam::111122223333:role/${name}`;

/** The value after `label` on its line of the guide. */
const field = (re: RegExp) => {
  const m = re.exec(guide);
  assert.ok(m, `${re} in:\n${guide}`);
  return m[1];
};
const url = () => field(/^ {2}Query API \(IAM, STS\): (\S+)$/m);
const passwordOf = (user: string) => field(new RegExp(`^ {2}CORP\\\\${user} +(\\S+) +groups:`, 'm'));

async function startDemo(): Promise<void> {
  broker = runIdbroker(['start', '--demo', '--config', configFile], { IDBROKER_CONFIG: '' });
  await broker.waitFor(GUIDE_END, 120_000);
  guide = broker.stdout();
}

before(startDemo);
after(async () => {
  await broker.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('prints the users with their groups (nesting shown), demo-only passwords, the three URLs and commands', () => {
  assert.match(guide, /DEMO ONLY: these passwords are public/);
  assert.match(guide, /^ {2}CORP\\alice +Apple-Tree-42 +groups: Engineering, Developers \(nested\); roles: DemoDevelopers$/m);
  assert.match(guide, /^ {2}CORP\\bob +Blue-River-42 +groups: Admins, Engineering, Developers \(nested\); roles: DemoDevelopers, DemoAdmins$/m);
  assert.match(guide, /^ {2}CORP\\carol +Cedar-Hill-42 +groups: Developers; roles: DemoDevelopers$/m);
  assert.match(guide, /^ {2}CORP\\svc-grafana +Service-Reader-42 +a service account for LDAP applications \(bind, then search\)$/m);
  assert.match(guide, /^ {2}Portal: {2}http:\/\/127\.0\.0\.1:\d+\/ /m);
  assert.match(guide, /^ {2}LDAP: {4}ldap:\/\/127\.0\.0\.1:\d+$/m);
  assert.match(guide, /^ {4}ldapsearch -x -H ldap:\/\/127\.0\.0\.1:\d+ -D alice@corp\.example\.com -w Apple-Tree-42 -b DC=corp,DC=example,DC=com '\(sAMAccountName=alice\)' memberOf$/m);
  assert.match(guide, new RegExp(`^ {4}LDAPTLS_CACERT=${join(dir, 'data', 'tls', 'ldaps-d-1000000001.crt').replace(/[.]/g, '\\.')} ldapsearch -x -H ldaps://127\\.0\\.0\\.1:\\d+ -D bob@corp\\.example\\.com -w Blue-River-42 `, 'm'));
  assert.match(guide, /^ {4}npx idbroker login --url http:\/\/127\.0\.0\.1:\d+ --profile demo$/m);
  assert.match(guide, new RegExp(`npx idbroker directories unlock alice --config ${configFile.replace(/[.]/g, '\\.')}`));
  // first start: the Administrator's generated password, printed once, as usual
  assert.match(guide, /^ {2}CORP\\Administrator {2}\S{24}$/m);
  assert.match(guide, /^ {2}\(wrong passwords lock it: npx idbroker directories unlock Administrator --directory d-1000000001; lost: npx idbroker directories reset-password Administrator --directory d-1000000001\)$/m);
});

it('the portal lists the roles each user\'s groups admit, nested groups included', async () => {
  const roles = async (user: string, password: string) => {
    const page = await signIn(new Browser(), url(), user, password);
    assert.equal(page.status, 200, page.text);
    return [...page.text.matchAll(/name="roleArn" value="([^"]+)"/g)].map((m) => m[1]);
  };
  assert.deepEqual(await roles('alice', passwordOf('alice')), [role('DemoDevelopers')], 'alice: only through Engineering ⊂ Developers');
  assert.deepEqual(await roles('bob', passwordOf('bob')), [role('DemoAdmins'), role('DemoDevelopers')]);
  assert.deepEqual(await roles('carol', passwordOf('carol')), [role('DemoDevelopers')]);
});

it('the printed AssumeRoleWithLDAPIdentity call returns credentials the AWS SDK works with', async () => {
  const curl = field(/^ {4}(curl -s .*)$/m);
  const target = /^curl -s (\S+)/.exec(curl)![1];
  const form = new URLSearchParams([...curl.matchAll(/ -d (\S+)/g)].map((m) => m[1].split('=', 2) as [string, string]));
  assert.equal(form.get('LDAPUsername'), 'alice');
  const res = await fetch(target, { method: 'POST', body: form });
  const xml = await res.text();
  assert.equal(res.status, 200, xml);
  const tag = (t: string) => new RegExp(`<${t}>([^<]+)</${t}>`).exec(xml)![1];
  const credentials = { accessKeyId: tag('AccessKeyId'), secretAccessKey: tag('SecretAccessKey'), sessionToken: tag('SessionToken') };
  const who = await new STSClient({ endpoint: url(), region: 'us-east-1', credentials, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
  assert.equal(who.Arn, 'arn:aws:sts::111122223333:assumed-role/DemoDevelopers/alice');
  // DemoDevelopers has ReadOnlyAccess: the IAM API answers reads
  const listed = await new IAMClient({ endpoint: url(), region: 'us-east-1', credentials, maxAttempts: 1 }).send(new ListRolesCommand({}));
  assert.deepEqual(listed.Roles!.map((r) => r.RoleName).filter((n) => n!.startsWith('Demo')).sort(), ['DemoAdmins', 'DemoDevelopers']);
  // carol cannot take DemoAdmins
  const refused = await fetch(target, { method: 'POST', body: new URLSearchParams({ Action: 'AssumeRoleWithLDAPIdentity', Version: '2011-06-15', LDAPUsername: 'carol', LDAPPassword: passwordOf('carol'), RoleArn: role('DemoAdmins') }) });
  assert.equal(refused.status, 403);
});

it('LDAP: the printed password binds; the nested group holds the group', async () => {
  const c = new Client({ url: field(/^ {2}LDAP: {4}(\S+)$/m) });
  try {
    await c.bind('alice@corp.example.com', passwordOf('alice'));
    const { searchEntries } = await c.search('DC=corp,DC=example,DC=com', { scope: 'sub', filter: '(cn=Developers)', attributes: ['member'] });
    assert.equal(searchEntries.length, 1);
    assert.deepEqual([searchEntries[0].member].flat().map((m) => String(m).split(',')[0]).sort(), ['CN=Carol Ashby', 'CN=Engineering']);
  } finally {
    await c.unbind();
  }
});

it('a second --demo start on the same data adds nothing and keeps a changed password', async () => {
  await broker.stop();
  // alice changes her password between the runs (an administrator's reset here)
  const reset = await new Promise<{ code: number; err: string }>((resolve) => {
    const child = execFile(process.execPath, ['bin/idbroker.js', 'directories', 'reset-password', 'alice', '--password-stdin', '--config', configFile], { cwd: ROOT, env: { ...process.env, IDBROKER_CONFIG: '' }, encoding: 'utf8' }, (e, _o, err) =>
      resolve({ code: e ? 1 : 0, err }),
    );
    child.stdin!.end('Her-Own-Passw0rd');
  });
  assert.equal(reset.code, 0, reset.err);
  await startDemo();
  assert.doesNotMatch(guide, /First start/, 'the domain and the administrator exist already');
  const c = new Client({ url: field(/^ {2}LDAP: {4}(\S+)$/m) });
  try {
    await c.bind('alice@corp.example.com', 'Her-Own-Passw0rd');
    for (const [filter, count] of [['(sAMAccountName=alice)', 1], ['(sAMAccountName=bob)', 1], ['(cn=Developers)', 1], ['(cn=Engineering)', 1]] as const) {
      const { searchEntries } = await c.search('DC=corp,DC=example,DC=com', { scope: 'sub', filter, attributes: ['member'] });
      assert.equal(searchEntries.length, count, filter);
      if (filter === '(cn=Developers)') assert.equal([searchEntries[0].member].flat().length, 2, 'no member added twice');
    }
  } finally {
    await c.unbind();
  }
  await assert.rejects(new Client({ url: field(/^ {2}LDAP: {4}(\S+)$/m) }).bind('alice@corp.example.com', 'Apple-Tree-42'), /data 52e/);
  const iam = await signIn(new Browser(), url(), 'bob', passwordOf('bob'));
  assert.equal([...iam.text.matchAll(/name="roleArn"/g)].length, 2);
});
