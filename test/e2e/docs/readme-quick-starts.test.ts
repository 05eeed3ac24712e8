// The README's quick starts, run as written (test/helpers/doc-blocks.ts): each section's `sh` blocks in bash, in
// a folder that looks like a fresh clone, with the real AWS CLI (Debian's 2.9: the form for releases before 2.13),
// ldap-utils, curl, psql, and a person played by the test only where the README asks for one: the IdP's files a
// reader saves (its metadata, a captured SAMLResponse, an ID token), and the browser of `idbroker login`.
// Placeholders a reader replaces (their IdP's issuer, their DC's URL) are substituted; nothing else is changed.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DocShell, readmeSection, shellScript, type RunResult } from '../../helpers/doc-blocks.ts';
import { idpMetadata, samlResponse } from '../../server/sts/saml/test-idp.ts';
import { startTestOp, type TestOp } from '../../fixtures/oidc/test-op.ts';
import { slapdMissing, startSlapd, type Slapd } from '../../helpers/slapd.ts';
import { approveCliLogin } from './person.ts';
import { chromiumMissing } from '../../helpers/chromium.ts';

const ACCT = '111122223333';
/** The demo's public passwords, as the README's table gives them. */
const DEMO = { alice: 'Apple-Tree-42' };
const A = 'https://aws.amazon.com/SAML/Attributes/';

const ok = (r: RunResult, what: string) => assert.equal(r.status, 0, `${what} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);

describe('README quick starts, run as written', () => {
  const sh = new DocShell();
  let op: TestOp | undefined;
  let slapd: Slapd | undefined;

  before(() => {
    for (const tool of ['/usr/bin/aws', '/usr/bin/ldapsearch', '/usr/bin/curl', '/usr/bin/createdb']) {
      assert.ok(existsSync(tool), `${tool} is missing (.ci/run installs awscli, ldap-utils, curl and PostgreSQL's client)`);
    }
  });
  after(async () => {
    await sh.close();
    await op?.close();
    await slapd?.destroy();
  });

  it('Try the demo: start --demo, AssumeRoleWithLDAPIdentity with curl, ldapwhoami and LDAPS ldapsearch', async () => {
    const r = await sh.run(shellScript(readmeSection('Try the demo')));
    ok(r, 'the demo quick start');
    assert.match(r.stdout, /<AccessKeyId>ASIA[A-Z0-9]{16}<\/AccessKeyId>/);
    assert.match(r.stdout, /^u:CORP\\alice$/m);
    assert.match(r.stdout, /memberOf: CN=/);
    assert.match(sh.backgroundOutput(), /idbroker listening/);
  });

  it('Use the AWS CLI against it: the first start\'s key pasted; create-user, create-role, assume-role; the pre-2.13 form', async () => {
    // the reader pastes the export lines the first start printed
    const printed = sh.backgroundOutput().match(/^\s+export AWS_.*$/gm);
    assert.ok(printed && printed.length >= 2, `the first start printed no key:\n${sh.backgroundOutput()}`);
    const r = await sh.run(`${printed.join('\n')}\n${shellScript(readmeSection('Use the AWS CLI against it'))}`);
    ok(r, 'the AWS CLI quick start');
    assert.match(r.stdout, /"UserName": "ci-bot"/);
    assert.match(r.stdout, /^ASIA[A-Z0-9]{16}$/m);
    assert.match(r.stdout, new RegExp(`^arn:aws:iam::${ACCT}:user/admin$`, 'm'));
  });

  it('Sign in through your IdP with SAML: the values to paste match the metadata; provider, role, assume-role-with-saml', async () => {
    const metadata = await (await fetch('http://127.0.0.1:8080/saml/metadata')).text();
    const blocks = readmeSection('Sign in through your IdP with SAML');
    const table = readFileSync(join(sh.cwd, 'README.md'), 'utf8');  // the values-to-paste table
    const entity = /entityID="([^"]+)"/.exec(metadata)![1];
    const acs = /AssertionConsumerService[^>]*Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"[^>]*Location="([^"]+)"/.exec(metadata)?.[1]
      ?? /AssertionConsumerService[^>]*Location="([^"]+)"[^>]*Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"/.exec(metadata)![1];
    assert.ok(table.includes(`| \`${entity}\` |`), `the README's SP entity id is not ${entity}`);
    assert.ok(table.includes(`| \`${acs}\` |`), `the README's ACS URL is not ${acs}`);
    // what the reader saves from the IdP: its metadata, and a SAMLResponse captured in the browser
    writeFileSync(join(sh.cwd, 'okta-metadata.xml'), idpMetadata());
    const role = `arn:aws:iam::${ACCT}:role/Engineers`;
    const provider = `arn:aws:iam::${ACCT}:saml-provider/okta`;
    writeFileSync(
      join(sh.cwd, 'saml-response.b64'),
      await samlResponse({ spEntityId: entity, acsUrl: acs, attributes: { [`${A}Role`]: [`${role},${provider}`], [`${A}RoleSessionName`]: ['alice@example.com'] } }),
    );
    const r = await sh.run(shellScript(blocks), { inheritEnv: true });
    ok(r, 'the SAML quick start');
    assert.match(r.stdout, new RegExp(`^arn:aws:sts::${ACCT}:assumed-role/Engineers/alice@example.com$`, 'm'));
  });

  it('Sign in through OIDC: provider, role, assume-role-with-web-identity with an ID token from a real OP', async () => {
    op = await startTestOp({ clientId: 'idbroker' });
    writeFileSync(join(sh.cwd, 'id-token.jwt'), await op.idToken('alice'));
    const script = shellScript(readmeSection('Sign in through OIDC'), {
      'https://idp.example.com/realms/corp': op.issuer,
      'idp.example.com/realms/corp': op.hostId,
    });
    const r = await sh.run(script, { inheritEnv: true });
    ok(r, 'the OIDC quick start');
    assert.match(r.stdout, new RegExp(`^arn:aws:sts::${ACCT}:assumed-role/OidcUsers/me$`, 'm'));
  });

  it('Point an LDAP application at a directory: the service account finds alice and her groups', async () => {
    const r = await sh.run(shellScript(readmeSection('Point an LDAP application at a directory')));
    ok(r, 'the LDAP application quick start');
    assert.match(r.stdout, /^dn: CN=Alice Liddell,CN=Users,DC=corp,DC=example,DC=com$/m);
    assert.match(r.stdout, /^memberOf: CN=Engineering,CN=Users,DC=corp,DC=example,DC=com$/m);
    assert.match(r.stdout, /^sAMAccountName: carol$/m, 'the in-chain search finds the direct members');
    assert.match(r.stdout, /^sAMAccountName: alice$/m, 'and the nested ones');
    assert.match(r.stdout, /^u:CORP\\alice$/m);
  });

  it('Get CLI credentials through the browser: idbroker login as alice, then the profile works', async (t) => {
    const missing = chromiumMissing();
    assert.equal(missing, undefined, missing);
    let approving: Promise<string> | undefined;
    const r = await sh.run(shellScript(readmeSection('Get CLI credentials through the browser')), {
      onOutput: (_chunk, all) => {
        const url = /Sign in at: (\S+)/.exec(all)?.[1];
        const code = /request code ([A-Z]{4}-[A-Z]{4})/.exec(all)?.[1];
        if (url && code && !approving) approving = approveCliLogin({ url, broker: 'http://127.0.0.1:8080', code, user: 'alice', password: DEMO.alice });
      },
    });
    t.diagnostic(r.stderr);
    ok(r, 'the idbroker login quick start');
    assert.ok(approving, 'idbroker login printed no URL and request code');
    assert.match(await approving, /Signed in\. You can close this tab/);
    assert.match(r.stdout + r.stderr, new RegExp(`Wrote profile "demo": arn:aws:sts::${ACCT}:assumed-role/DemoDevelopers/alice `));
    assert.match(r.stdout, new RegExp(`^arn:aws:sts::${ACCT}:assumed-role/DemoDevelopers/alice$`, 'm'));
  });

  it('Day 2: unlock a locked-out Administrator, reset a password, a new admin key', async () => {
    // lock the Administrator out first, as five mistyped passwords do
    for (let i = 0; i < 6; i++) {
      try {
        execFileSync('/usr/bin/ldapwhoami', ['-x', '-H', 'ldap://127.0.0.1:1389', '-D', 'CORP\\Administrator', '-w', `wrong-${i}`], { stdio: 'pipe' });
      } catch {
        /* 49 */
      }
    }
    const r = await sh.run(shellScript(readmeSection('Day 2')));
    ok(r, 'the day-2 quick start');
    const password = /^\s+CORP\\alice\s+(\S+)$/m.exec(r.stdout)?.[1];
    assert.ok(password, `reset-password printed no password:\n${r.stdout}`);
    execFileSync('/usr/bin/ldapwhoami', ['-x', '-H', 'ldap://127.0.0.1:1389', '-D', 'CORP\\alice', '-w', password]);
    assert.match(r.stdout, /export AWS_ACCESS_KEY_ID=AKIA/);
  });

  it('Put the AD Connector in front of your AD: config check, start, a bind through to slapd', async () => {
    assert.equal(slapdMissing(), undefined, slapdMissing());
    slapd = await startSlapd();
    const script = shellScript(readmeSection('Put the AD Connector in front of your AD'), { 'ldap://dc1.onprem.example.com:389': slapd.url });
    const r = await sh.run(script);
    ok(r, 'the AD Connector quick start');
    assert.match(r.stdout, /^u:ONPREM\\alice$/m);
    assert.match(r.stdout, new RegExp(`<Arn>arn:aws:sts::${ACCT}:assumed-role/OnPremStaff/alice</Arn>`));
  });

  it('Run two replicas on PostgreSQL: credentials from one replica are accepted by the other', async () => {
    execFileSync('/usr/bin/dropdb', ['-h', '127.0.0.1', '-U', 'postgres', '--if-exists', 'idbroker_quickstart']);
    const r = await sh.run(shellScript(readmeSection('Run two replicas on PostgreSQL')));
    ok(r, 'the two-replica quick start');
    assert.match(r.stdout, new RegExp(`^arn:aws:iam::${ACCT}:user/admin$`, 'm'));
  });
});
