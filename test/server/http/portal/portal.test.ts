// The browser portal over real HTTP: directory sign-in, the role list filtered by trust policies,
// credentials that work with the AWS SDK, CSRF, sign-out, sessions shared by replicas, security headers.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../../helpers/broker.ts';
import { Browser, credentialsOf, csrfOf, decode, PORTAL_YAML, signIn, startPortal, type Portal } from './portal-helpers.ts';

describe('portal: directory sign-in to credentials', () => {
  let b: TestBroker;
  let portal: Portal;
  before(async () => {
    b = await startTestBroker({ yaml: PORTAL_YAML });
    portal = await startPortal(b);
  });
  after(async () => {
    await portal.close();
    await b.destroy();
  });

  it('shows the sign-in options with security headers and a login CSRF cookie', async () => {
    const br = new Browser();
    const page = await br.get(`${portal.url}/`);
    assert.equal(page.status, 200);
    assert.match(page.text, /action="\/login\/directory\/d-1000000001"/);
    assert.match(page.text, /autocomplete="current-password"/);
    const csp = page.headers.get('content-security-policy')!;
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.match(csp, /script-src 'self' 'nonce-[\w+/=]+'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    assert.equal(page.headers.get('x-frame-options'), 'DENY');
    assert.equal(page.headers.get('referrer-policy'), 'no-referrer');
    assert.equal(page.headers.get('cache-control'), 'no-store');
    assert.equal(page.headers.get('x-content-type-options'), 'nosniff');
    assert.doesNotMatch(page.text, /<script>|<script [^>]*>[^<]/, 'no inline script');
    const cookie = page.headers.getSetCookie().find((c) => c.startsWith('idbroker-login='))!;
    assert.match(cookie, /HttpOnly/);
    assert.match(cookie, /SameSite=Lax/);
    assert.match(cookie, /Path=\//);
    assert.doesNotMatch(cookie, /Secure/, 'plain-HTTP public URL: no Secure flag');
    const js = await br.get(`${portal.url}/portal/static/portal.js`);
    assert.equal(js.status, 200);
    assert.match(js.headers.get('content-type')!, /javascript/);
  });

  it('refuses a wrong password with an AccessDenied page and no session', async () => {
    const br = new Browser();
    const page = await signIn(br, portal.url, 'alice', 'wrong-password');
    assert.equal(page.status, 403);
    assert.match(page.text, /AccessDenied/);
    assert.match(page.text, /user name or password is not valid/);
    assert.match(page.text, /Request id: <code>[0-9a-f-]{36}<\/code>/);
    assert.doesNotMatch(page.text, /wrong-password|at \w+ \(|\.ts:\d+/, 'no password, no stack trace');
    assert.ok(!br.cookies.has('idbroker'));
    const roles = await br.get(`${portal.url}/roles`);
    assert.equal(roles.status, 302);
    assert.equal(roles.location, '/');
  });

  it('lists exactly the roles whose trust policies allow the user, and issues working credentials', async () => {
    const alice = new Browser();
    const page = await signIn(alice, portal.url, 'alice', 'Al1ce-Passw0rd!');
    assert.equal(page.status, 200, page.text);
    const session = alice.cookies.get('idbroker');
    assert.ok(session && session.length >= 43);
    const listed = [...page.text.matchAll(/name="roleArn" value="([^"]+)"/g)].map((m) => m[1]);
    assert.deepEqual(listed, ['arn:aws:iam::111122223333:role/Everyone', 'arn:aws:iam::111122223333:role/Platform']);
    assert.match(page.text, /main <span class="muted">111122223333<\/span>/);
    assert.match(page.text, /<option value="7200">2 h<\/option>/, 'durations up to the role maximum');
    assert.doesNotMatch(page.text, /value="14400"/);

    const bob = await signIn(new Browser(), portal.url, 'CORP\\bob', 'B0b-Passw0rd!!');
    assert.deepEqual([...bob.text.matchAll(/name="roleArn" value="([^"]+)"/g)].map((m) => m[1]), ['arn:aws:iam::111122223333:role/Auditor', 'arn:aws:iam::111122223333:role/Everyone']);

    const creds = await alice.post(`${portal.url}/credentials`, { csrf: csrfOf(page.text)!, roleArn: 'arn:aws:iam::111122223333:role/Platform', duration: '1800' });
    assert.equal(creds.status, 200, creds.text);
    assert.equal(creds.headers.get('cache-control'), 'no-store');
    const c = credentialsOf(creds.text);
    assert.match(c.accessKeyId, /^ASIA[A-Z0-9]{16}$/);
    assert.equal(c.secretAccessKey.length, 40);
    const text = decode(creds.text);
    assert.ok(text.includes(`export AWS_SECRET_ACCESS_KEY='${c.secretAccessKey}'\nexport AWS_SESSION_TOKEN='${c.sessionToken}'`));
    assert.ok(text.includes(`$Env:AWS_ACCESS_KEY_ID="${c.accessKeyId}"`));
    assert.ok(text.includes(`[main-Platform]\naws_access_key_id = ${c.accessKeyId}\naws_secret_access_key = ${c.secretAccessKey}\naws_session_token = ${c.sessionToken}\n`));
    const processJson = JSON.parse(decode(/<code id="snippet-process">([^<]+)<\/code>/.exec(creds.text)![1]));
    assert.deepEqual(Object.keys(processJson), ['Version', 'AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']);
    assert.equal(processJson.SessionToken, c.sessionToken);
    assert.match(creds.text, /data-expires="[\d-]+T[\d:.]+Z"/);
    assert.match(creds.text, /Valid for 30 min/);
    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: c, maxAttempts: 1 });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    sts.destroy();

    // the audit trail has the sign-in and the issue, without the password or the secret
    await b.audit.flush();
    const events = await b.store.audit.query({ limit: 50 });
    const issued = events.find((e) => e.eventName === 'GetRoleCredentials' && !e.errorCode)!;
    assert.equal((issued.data as any).eventSource, 'portal.idbroker');
    assert.equal((issued.data as any).responseElements.credentials.accessKeyId, c.accessKeyId);
    assert.ok(events.some((e) => e.eventName === 'Authenticate' && !e.denied));
    assert.ok(events.some((e) => e.eventName === 'Authenticate' && e.denied && e.errorCode === 'AccessDenied'), 'the failed sign-in too');
    const all = JSON.stringify(events);
    for (const secret of ['Al1ce-Passw0rd!', 'wrong-password', c.secretAccessKey, c.sessionToken]) assert.ok(!all.includes(secret));
  });

  it('refuses a role the trust policy does not allow, and a duration above the maximum', async () => {
    const alice = new Browser();
    const page = await signIn(alice, portal.url, 'alice', 'Al1ce-Passw0rd!');
    const csrf = csrfOf(page.text)!;
    for (const roleArn of ['arn:aws:iam::111122223333:role/Auditor', 'arn:aws:iam::111122223333:role/CiOnly', 'arn:aws:iam::111122223333:role/Nope', 'arn:aws:iam::999999999999:role/Platform']) {
      const r = await alice.post(`${portal.url}/credentials`, { csrf, roleArn, duration: '900' });
      assert.equal(r.status, 403, roleArn);
      assert.match(r.text, /AccessDenied/);
      assert.doesNotMatch(r.text, /ASIA/);
    }
    const long = await alice.post(`${portal.url}/credentials`, { csrf, roleArn: 'arn:aws:iam::111122223333:role/Platform', duration: '7201' });
    assert.equal(long.status, 400);
    assert.match(long.text, /ValidationError/);
  });

  it('refuses forms without the right CSRF token (403), issuing nothing', async () => {
    const fresh = new Browser();
    await fresh.get(`${portal.url}/`);
    for (const csrf of [undefined, 'v1.bogus', 'x'.repeat(40)]) {
      const r = await fresh.post(`${portal.url}/login/directory/d-1000000001`, { ...(csrf ? { csrf } : {}), username: 'alice', password: 'Al1ce-Passw0rd!' });
      assert.equal(r.status, 403);
      assert.match(r.text, /CSRF/);
      assert.ok(!fresh.cookies.has('idbroker'));
    }
    // a login token from another browser (another login cookie) is refused too
    const other = new Browser();
    const otherCsrf = csrfOf((await other.get(`${portal.url}/`)).text)!;
    assert.equal((await fresh.post(`${portal.url}/login/directory/d-1000000001`, { csrf: otherCsrf, username: 'alice', password: 'Al1ce-Passw0rd!' })).status, 403);

    const alice = new Browser();
    const page = await signIn(alice, portal.url, 'alice', 'Al1ce-Passw0rd!');
    const form = { roleArn: 'arn:aws:iam::111122223333:role/Platform', duration: '900' };
    for (const extra of [{}, { csrf: 'wrong' }, { csrf: otherCsrf }] as Array<Record<string, string>>) {
      const r = await alice.post(`${portal.url}/credentials`, { ...form, ...extra });
      assert.equal(r.status, 403);
      assert.match(r.text, /AccessDenied/);
      assert.doesNotMatch(r.text, /ASIA/);
    }
    assert.equal((await alice.post(`${portal.url}/logout`, {})).status, 403, 'sign-out needs the token too');
    assert.equal((await alice.get(`${portal.url}/roles`)).status, 200, 'still signed in');
    assert.ok(csrfOf(page.text));
  });

  it('sign-out deletes the session: the old cookie no longer works', async () => {
    const alice = new Browser();
    const page = await signIn(alice, portal.url, 'alice', 'Al1ce-Passw0rd!');
    const csrf = csrfOf(page.text)!;
    const stolen = alice.cookies.get('idbroker')!;
    const out = await alice.post(`${portal.url}/logout`, { csrf });
    assert.equal(out.status, 303);
    assert.equal(out.location, '/');
    assert.ok(!alice.cookies.has('idbroker'), 'cookie cleared');
    const replay = new Browser();
    replay.cookies.set('idbroker', stolen);
    assert.equal((await replay.get(`${portal.url}/roles`)).status, 302);
    const r = await replay.post(`${portal.url}/credentials`, { csrf, roleArn: 'arn:aws:iam::111122223333:role/Platform', duration: '900' });
    assert.equal(r.status, 403);
    assert.match(r.text, /ExpiredToken/);
  });
});
