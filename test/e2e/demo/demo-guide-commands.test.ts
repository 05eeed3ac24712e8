// The commands `idbroker start --demo` prints, pasted into bash as printed: ldapsearch over LDAP, ldapsearch over
// LDAPS with LDAPTLS_CACERT, AssumeRoleWithLDAPIdentity with curl; then alice locked out by wrong passwords
// (ldapwhoami) and the printed `npx idbroker directories unlock` letting her in again.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, runIdbroker, type Running } from '../../helpers/process.ts';

const dir = mkdtempSync(join(tmpdir(), 'idbroker-demo-e2e-'));
const configFile = join(dir, 'config.yaml');
let broker: Running;
let guide: string;

/** The printed command line that starts with `start` (four spaces of indentation in the guide). */
const printed = (start: string) => {
  const line = guide.split('\n').find((l) => l.startsWith(`    ${start}`));
  assert.ok(line, `a line starting with ${start} in:\n${guide}`);
  return line.trim();
};
const bash = (line: string) => spawnSync('bash', ['-c', line], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, IDBROKER_CONFIG: '' }, timeout: 120_000 });

before(async () => {
  for (const tool of ['/usr/bin/ldapsearch', '/usr/bin/ldapwhoami', '/usr/bin/curl']) assert.ok(existsSync(tool), `${tool} is missing (.ci/run installs ldap-utils and curl)`);
  writeFileSync(
    configFile,
    `http: { host: 127.0.0.1, port: 0 }
dataDir: ${JSON.stringify(join(dir, 'data'))}
accounts: [{ id: "111122223333" }]
logLevel: silent
directories:
  - { id: d-1000000001, type: simple-ad, dnsName: corp.example.com, netbiosName: CORP, ldap: { host: 127.0.0.1, port: 0 }, ldaps: { host: 127.0.0.1, port: 0 } }
`,
  );
  broker = runIdbroker(['start', '--demo', '--config', configFile], { IDBROKER_CONFIG: '' });
  await broker.waitFor(/Locked out\? .*\n/, 120_000);
  guide = broker.stdout();
});
after(async () => {
  await broker.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('the printed ldapsearch (LDAP), ldapsearch (LDAPS with LDAPTLS_CACERT) and curl lines work as pasted', () => {
  const ldap = bash(printed('ldapsearch -x -H ldap://'));
  assert.equal(ldap.status, 0, ldap.stderr);
  assert.match(ldap.stdout, /^memberOf: CN=Engineering,CN=Users,DC=corp,DC=example,DC=com$/m);
  const ldaps = bash(printed('LDAPTLS_CACERT='));
  assert.equal(ldaps.status, 0, ldaps.stderr);
  assert.match(ldaps.stdout, /^dn: CN=Developers,CN=Users,DC=corp,DC=example,DC=com\ncn: Developers\nmember: CN=Engineering,/m);
  const curl = bash(printed('curl -s '));
  assert.equal(curl.status, 0, curl.stderr);
  assert.match(curl.stdout, /<Arn>arn:aws:sts::111122223333:assumed-role\/DemoDevelopers\/alice<\/Arn>/);
});

it('locked out by wrong passwords, alice gets back in with the printed unlock command', () => {
  const url = /^ {2}LDAP: {4}(\S+)$/m.exec(guide)![1];
  const whoami = (password: string) => bash(`ldapwhoami -x -H ${url} -D alice@corp.example.com -w ${password}`);
  for (let i = 0; i < 5; i++) assert.match(whoami('Wrong-Passw0rd').stderr, /data 52e/);
  assert.match(whoami('Apple-Tree-42').stderr, /data 775/, 'locked: even the right password is refused');
  const unlock = /(npx idbroker directories unlock alice --config \S+)/.exec(guide)![1];
  const r = bash(unlock);
  assert.equal(r.status, 0, r.stderr);
  assert.match(r.stdout, /^Unlocked CORP\\alice in directory d-1000000001/);
  const ok = whoami('Apple-Tree-42');
  assert.equal(ok.status, 0, ok.stderr);
  assert.match(ok.stdout, /^u:CORP\\alice$/m);
});
