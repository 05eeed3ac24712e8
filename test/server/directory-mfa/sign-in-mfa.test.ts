// Directory MFA in the login flows: AssumeRoleWithLDAPIdentity with TokenCode (TOTP; RADIUS through an in-test
// UDP responder) and the portal's directory sign-in with a one-time code. Sessions carry MFA, so trust and
// identity policies that require aws:MultiFactorAuthPresent work; every refusal issues nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { testClock } from '../../helpers/clock.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { Browser, csrfOf } from '../http/portal/portal-helpers.ts';
import { CODE } from '../../../adapters/mfa/radius/packet.ts';
import { startResponder, type Responder } from '../../adapters/mfa/radius-responder.ts';
import { enrollTotp } from '../../../server/directory-mfa/totp-enrollments.ts';
import { totpAt } from '../../../server/totp/totp.ts';
import { PORTAL_SESSION, type PortalSession } from '../../../server/http/portal/sessions.ts';

const ds = (id: string) => `arn:aws:ds:us-east-1:111122223333:directory/${id}`;
const TOTP_DIR = 'd-1000000003';
const RADIUS_DIR = 'd-1000000004';
const PLAIN_DIR = 'd-1000000001';
const SECRET = 'radius-Secret-9';

const seed = `
    seed:
      users:
        - { username: alice, password: "Al1ce-Passw0rd!" }
        - { username: bob, password: "B0b-Passw0rd!!" }`;

const yaml = (radiusPort: number) => `
sessions: { directoryRecheckSeconds: 1 }
directories:
  - { id: ${PLAIN_DIR}, type: simple-ad, dnsName: corp.example.com, netbiosName: CORP, adminPassword: "Adm1n-Passw0rd!",
      seed: { users: [{ username: alice, password: "Al1ce-Passw0rd!" }] } }
  - id: ${TOTP_DIR}
    type: managed-ad
    dnsName: cloud.example.com
    netbiosName: CLOUD
    adminPassword: "Adm1n-Passw0rd!"
    mfa: { totp: true }${seed}
  - id: ${RADIUS_DIR}
    type: managed-ad
    dnsName: radius.example.com
    netbiosName: RAD
    adminPassword: "Adm1n-Passw0rd!"
    mfa: { radius: { host: 127.0.0.1, port: ${radiusPort}, secret: "${SECRET}", timeoutMs: 2000, retries: 0 } }${seed}
roles:
  - name: MfaOnly
    inlinePolicies:
      list: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "iam:ListRoles", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }] }
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal: { Federated: ["${ds(TOTP_DIR)}", "${ds(RADIUS_DIR)}", "${ds(PLAIN_DIR)}"] }
          Action: sts:AssumeRoleWithLDAPIdentity
          Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" }, NumericLessThan: { "aws:MultiFactorAuthAge": "300" } }
`;

const ROLE = 'arn:aws:iam::111122223333:role/MfaOnly';

describe('directory sign-ins with MFA', () => {
  let b: TestBroker;
  const clock = testClock();
  let radius: Responder;
  let radiusMode: 'answer' | 'silent' = 'answer';
  let aliceSeed: string;
  before(async () => {
    radius = await startResponder(SECRET, (req) => (radiusMode === 'silent' ? 'silent' : { code: req.password === '24680135' ? CODE.AccessAccept : CODE.AccessReject, messageAuthenticator: true }));
    b = await startTestBroker({ yaml: yaml(radius.port), clock: clock.now });
    aliceSeed = (await enrollTotp(b.store, b.keys, { directoryId: TOTP_DIR, userName: 'alice', now: new Date() })).seed;
  });
  after(async () => {
    await b.destroy();
    await radius.close();
  });

  const assume = (dir: string, user: string, password: string, extra = '') =>
    sendQuery(b.httpUrl, `Action=AssumeRoleWithLDAPIdentity&Version=2011-06-15&RoleArn=${encodeURIComponent(ROLE)}&DirectoryId=${dir}&LDAPUsername=${user}&LDAPPassword=${encodeURIComponent(password)}${extra}`, undefined);
  const creds = (text: string) => ({
    accessKeyId: /<AccessKeyId>(\w+)</.exec(text)![1],
    secretAccessKey: /<SecretAccessKey>([^<]+)</.exec(text)![1],
    sessionToken: /<SessionToken>([^<]+)</.exec(text)![1],
  });
  const refused = (r: { status: number; text: string }, message: RegExp) => {
    assert.equal(r.status, 403, r.text);
    assert.match(r.text, /<Code>AccessDenied<\/Code>/);
    assert.match(r.text, message);
    assert.doesNotMatch(r.text, /AccessKeyId/);
  };

  it('TOTP: no code, a wrong code, then the right code; the session has MFA and passes MFA conditions, also after the directory re-check', async () => {
    refused(await assume(TOTP_DIR, 'alice', 'Al1ce-Passw0rd!'), /requires a one-time MFA code\. Pass it as TokenCode\./);
    const code = totpAt(aliceSeed, new Date());
    const wrong = code === '000000' ? '111111' : '000000';
    refused(await assume(TOTP_DIR, 'alice', 'Al1ce-Passw0rd!', `&TokenCode=${wrong}`), /invalid MFA one time pass code/);
    refused(await assume(TOTP_DIR, 'alice', 'wrong-password', `&TokenCode=${code}`), /user name or password is not valid/);
    const ok = await assume(TOTP_DIR, 'alice', 'Al1ce-Passw0rd!', `&TokenCode=${code}`);
    assert.equal(ok.status, 200, ok.text);
    const c = creds(ok.text);
    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: c, maxAttempts: 1 });
    const iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: c, maxAttempts: 1 });
    try {
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/MfaOnly/alice');
      assert.ok((await iam.send(new ListRolesCommand({}))).Roles?.length, 'the identity policy requiring MFA allows the session');
      clock.advance(1200); // past sessions.directoryRecheckSeconds: the trust policy is re-evaluated
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/MfaOnly/alice');
    } finally {
      sts.destroy();
      iam.destroy();
    }
    // the same code again: refused as a replay
    refused(await assume(TOTP_DIR, 'alice', 'Al1ce-Passw0rd!', `&TokenCode=${code}`), /already used/);
  });

  it('TOTP: a user without an enrolled device is refused and told why', async () => {
    refused(await assume(TOTP_DIR, 'bob', 'B0b-Passw0rd!!', '&TokenCode=123456'), /no TOTP device is enrolled for this user/);
  });

  it('a directory without MFA: the session has no MFA, so a role requiring it refuses', async () => {
    refused(await assume(PLAIN_DIR, 'alice', 'Al1ce-Passw0rd!'), /Not authorized to perform sts:AssumeRoleWithLDAPIdentity/);
  });

  it('RADIUS: accepted and rejected codes; a silent server is IDPCommunicationError, nothing issued', async () => {
    radius.seen.length = 0;
    const ok = await assume(RADIUS_DIR, 'bob', 'B0b-Passw0rd!!', '&TokenCode=24680135');
    assert.equal(ok.status, 200, ok.text);
    assert.equal(radius.seen[0].userName, 'bob');
    refused(await assume(RADIUS_DIR, 'bob', 'B0b-Passw0rd!!', '&TokenCode=11111111'), /the RADIUS server rejected the one-time code/);
    refused(await assume(RADIUS_DIR, 'bob', 'B0b-Passw0rd!!'), /requires a one-time MFA code/);
    radiusMode = 'silent';
    try {
      const down = await assume(RADIUS_DIR, 'bob', 'B0b-Passw0rd!!', '&TokenCode=24680135');
      assert.equal(down.status, 400, down.text);
      assert.match(down.text, /<Code>IDPCommunicationError<\/Code>/);
      assert.match(down.text, /The MFA server of directory d-1000000004 did not answer in time/);
      assert.doesNotMatch(down.text, /127\.0\.0\.1|AccessKeyId/);
    } finally {
      radiusMode = 'answer';
    }
  });

  it('codes never reach the audit trail', async () => {
    await b.audit.flush();
    const events = await b.store.audit.query({ limit: 100, eventName: 'AssumeRoleWithLDAPIdentity' });
    assert.ok(events.length >= 5);
    const text = JSON.stringify(events);
    assert.doesNotMatch(text, /24680135|11111111/);
    assert.match(text, /"tokenCode":"HIDDEN_DUE_TO_SECURITY_REASONS"|"TokenCode":"HIDDEN_DUE_TO_SECURITY_REASONS"/);
  });

  it('portal: the MFA directory asks for a code; without it or with a replayed one, refused; with it, the session records MFA', async () => {
    const browser = new Browser();
    const page = await browser.get(`${b.httpUrl}/`);
    const form = (id: string) => page.text.slice(page.text.indexOf(`action="/login/directory/${id}"`)).split('</form>')[0];
    assert.match(form(TOTP_DIR), /name="code"[^>]*autocomplete="one-time-code"/);
    assert.doesNotMatch(form(PLAIN_DIR), /name="code"/);
    const csrf = csrfOf(page.text)!;
    const post = (fields: Record<string, string>) => browser.post(`${b.httpUrl}/login/directory/${TOTP_DIR}`, { csrf, username: 'alice', password: 'Al1ce-Passw0rd!', ...fields });

    const none = await post({});
    assert.equal(none.status, 403);
    assert.match(none.text, /AccessDenied/);
    assert.match(none.text, /Enter the code from your authenticator/);

    // a code from the next step (the one the STS test used is spent)
    const code = totpAt(aliceSeed, new Date(Date.now() + 30_000));
    const ok = await post({ code });
    assert.equal(ok.status, 303, ok.text);
    assert.equal(ok.location, '/roles');
    const roles = await browser.get(`${b.httpUrl}/roles`);
    assert.match(roles.text, /MfaOnly/, 'the role that requires MFA is offered');
    const sessions = await b.store.entities.list<PortalSession>('', PORTAL_SESSION);
    assert.ok(sessions.some((s) => s.data.identity.provider === TOTP_DIR && s.data.identity.mfa === true));
    const issued = await browser.post(`${b.httpUrl}/credentials`, { csrf: csrfOf(roles.text)!, roleArn: ROLE, duration: '900' });
    assert.equal(issued.status, 200, issued.text);
    assert.match(issued.text, /ASIA[A-Z2-7]{16}/);

    const other = new Browser();
    const first = await other.get(`${b.httpUrl}/`);
    const replay = await other.post(`${b.httpUrl}/login/directory/${TOTP_DIR}`, { csrf: csrfOf(first.text)!, username: 'alice', password: 'Al1ce-Passw0rd!', code });
    assert.equal(replay.status, 403);
    assert.match(replay.text, /already used/);
  });
});
