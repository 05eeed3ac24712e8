// Directory MFA against a real FreeRADIUS (Debian `freeradius`, started here on loopback with its own config):
// the RADIUS client accepted and rejected, a wrong shared secret (FreeRADIUS drops requests whose
// Message-Authenticator does not verify; answers that do not verify are covered by test/adapters/mfa), and the broker's AssumeRoleWithLDAPIdentity and portal sign-in with
// a managed-ad directory whose MFA is that server — accepted, rejected, and the server stopped.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { RadiusClient } from '../../../adapters/mfa/radius/index.ts';
import { MfaUnavailableError } from '../../../server/contracts/mfa.ts';
import { freeradiusMissing, startFreeradius, type Freeradius } from '../../helpers/freeradius.ts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { Browser, csrfOf } from '../../server/http/portal/portal-helpers.ts';

const SECRET = 'Radius-Shared-Secret-1';
const DIR = 'd-1000000003';
const ROLE = 'arn:aws:iam::111122223333:role/MfaOnly';

describe('RADIUS MFA with FreeRADIUS', { skip: freeradiusMissing() ?? false }, () => {
  let radius: Freeradius;
  before(async () => {
    radius = await startFreeradius({ secret: SECRET, users: { alice: '314159', bob: '271828' } });
  });
  after(async () => {
    await radius?.destroy();
  });
  const client = (o: { port?: number; secret?: string; timeoutMs?: number; retries?: number } = {}) =>
    new RadiusClient({ host: '127.0.0.1', port: o.port ?? radius.port, secret: o.secret ?? SECRET, timeoutMs: o.timeoutMs ?? 3000, retries: o.retries ?? 1 });

  it('Access-Accept for the right code, Access-Reject for a wrong code or an unknown user', async () => {
    assert.deepEqual(await client().verify('alice', '314159'), { ok: true });
    assert.deepEqual(await client().verify('alice', '000000'), { ok: false, reason: 'rejected' });
    assert.deepEqual(await client().verify('mallory', '314159'), { ok: false, reason: 'rejected' });
    assert.match(radius.log(), /Login OK: \[alice\]/);
    assert.doesNotMatch(radius.log(), /Invalid Message-Authenticator|invalid Message-Authenticator/);
  });

  it('a wrong shared secret: the server drops the requests (invalid Message-Authenticator) and the client says so in bounded time', async () => {
    const t0 = Date.now();
    await assert.rejects(client({ secret: 'not-the-secret', timeoutMs: 300, retries: 1 }).verify('alice', '314159'), (e: unknown) => {
      assert.ok(e instanceof MfaUnavailableError);
      assert.equal(e.reason, 'timeout');
      assert.match(e.message, /did not answer \(2 attempts of 300 ms\).*shared secret/);
      return true;
    });
    assert.ok(Date.now() - t0 < 5000);
    assert.match(radius.log(), /invalid Message-Authenticator/i);
  });

  describe('through the broker', () => {
    let b: TestBroker;
    before(async () => {
      b = await startTestBroker({
        yaml: `
directories:
  - id: ${DIR}
    type: managed-ad
    dnsName: cloud.example.com
    netbiosName: CLOUD
    adminPassword: "Adm1n-Passw0rd!"
    mfa: { radius: { host: 127.0.0.1, port: ${radius.port}, secret: "${SECRET}", timeoutMs: 1000, retries: 1 } }
    seed: { users: [{ username: alice, password: "Al1ce-Passw0rd!" }, { username: bob, password: "B0b-Passw0rd!!" }] }
roles:
  - name: MfaOnly
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - { Effect: Allow, Principal: { Federated: "arn:aws:ds:us-east-1:111122223333:directory/${DIR}" }, Action: sts:AssumeRoleWithLDAPIdentity, Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }
`,
      });
    });
    after(async () => b?.destroy());
    const assume = (user: string, password: string, code?: string) =>
      sendQuery(b.httpUrl, `Action=AssumeRoleWithLDAPIdentity&Version=2011-06-15&RoleArn=${encodeURIComponent(ROLE)}&LDAPUsername=${user}&LDAPPassword=${encodeURIComponent(password)}${code ? `&TokenCode=${code}` : ''}`, undefined);

    it('AssumeRoleWithLDAPIdentity: accepted code → credentials with MFA; rejected or missing code → AccessDenied', async () => {
      const ok = await assume('alice', 'Al1ce-Passw0rd!', '314159');
      assert.equal(ok.status, 200, ok.text);
      assert.match(ok.text, /<AccessKeyId>ASIA/);
      const rejected = await assume('alice', 'Al1ce-Passw0rd!', '999999');
      assert.equal(rejected.status, 403);
      assert.match(rejected.text, /the RADIUS server rejected the one-time code/);
      const missing = await assume('bob', 'B0b-Passw0rd!!');
      assert.equal(missing.status, 403);
      assert.match(missing.text, /requires a one-time MFA code/);
    });

    it('portal: directory sign-in with the RADIUS code', async () => {
      const browser = new Browser();
      const page = await browser.get(`${b.httpUrl}/`);
      assert.match(page.text, /name="code"/);
      const res = await browser.post(`${b.httpUrl}/login/directory/${DIR}`, { csrf: csrfOf(page.text)!, username: 'bob', password: 'B0b-Passw0rd!!', code: '271828' });
      assert.equal(res.status, 303, res.text);
      const roles = await browser.get(`${b.httpUrl}/roles`);
      assert.match(roles.text, /MfaOnly/);
    });

    it('the RADIUS server stopped: IDPCommunicationError in bounded time, nothing issued', async () => {
      await radius.destroy();
      const t0 = Date.now();
      const down = await assume('alice', 'Al1ce-Passw0rd!', '314159');
      assert.ok(Date.now() - t0 < 10_000);
      assert.equal(down.status, 400, down.text);
      assert.match(down.text, /<Code>IDPCommunicationError<\/Code>/);
      assert.doesNotMatch(down.text, /AccessKeyId/);
    });
  });
});
