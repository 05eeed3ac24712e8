// `idbroker login` against a real broker over loopback HTTP: the loopback flow (pushed request, approval
// page, PKCE, state, binding cookie, one-time code) and the device flow, driven by a cookie-keeping browser
// stand-in through the portal's directory sign-in; the profile it writes is read by the AWS SDK's
// shared-credentials loader, and credential_process works through the SDK too. Bad input: forged state,
// reused code, wrong verifier, CSRF missing, a non-loopback redirect, an old-style link — each refused,
// nothing issued. (Attacks on the flow itself: login-substitution.test.ts.)
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { Browser, csrfOf, PORTAL_YAML, signIn } from '../http/portal/portal-helpers.ts';
import { login, LoginError } from '../../../server/login-command/login.ts';
import { openAndApprove, roleForm, sendRole } from './cli-browser.ts';
import { credentialProcess } from '../../../server/login-command/credential-process.ts';
import { challengeOf } from '../../../server/http/cli-login/requests.ts';

const BIN = fileURLToPath(new URL('../../../bin/idbroker.js', import.meta.url));
const PLATFORM = 'arn:aws:iam::111122223333:role/Platform';

describe('idbroker login', () => {
  let b: TestBroker;
  let dir: string;
  let paths: { credentials: string; config: string };
  const env = { ...process.env };
  before(async () => {
    b = await startTestBroker({ yaml: PORTAL_YAML });
    dir = mkdtempSync(join(tmpdir(), 'idbroker-login-'));
    paths = { credentials: join(dir, 'credentials'), config: join(dir, 'config') };
    process.env.AWS_SHARED_CREDENTIALS_FILE = paths.credentials;
    process.env.AWS_CONFIG_FILE = paths.config;
  });
  after(async () => {
    process.env = env;
    await b.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A person at the browser: signs in as alice, picks `role`, and lets the broker send them back. */
  type Seen = { banner?: string; location?: string; requestCode?: string; host?: string };
  const person = (br: Browser, role = PLATFORM, seen: Seen = {}) => async (url: string) => {
    const a = await openAndApprove(br, url);
    Object.assign(seen, { requestCode: a.requestCode, host: a.host });
    assert.equal(a.approved.status, 303);
    assert.equal(a.approved.location, '/', 'not signed in yet: the sign-in page');
    const roles = await signIn(br, b.publicUrl, 'alice', 'Al1ce-Passw0rd!');
    seen.banner = /<h2 id="cli-h">(.*?)<\/h2>/.exec(roles.text)?.[1];
    assert.match(roles.headers.get('content-security-policy')!, /form-action 'self' http:\/\/127\.0\.0\.1:\d+/);
    const { sent, back } = await sendRole(br, b.publicUrl, roles.text, role);
    seen.location = sent.location;
    assert.equal(back.status, 200);
    return true;
  };

  it('loopback: signs in through the browser and writes a profile the AWS SDK uses, leaving other profiles alone', async () => {
    writeFileSync(paths.credentials, '# my keys\n[other]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = keep-me\n');
    // (viaprocess is for the credential_process test: the SDK caches the files it has read once)
    writeFileSync(paths.config, `[profile other]\nregion = eu-west-1 # mine\n\n[profile viaprocess]\ncredential_process = ${process.execPath} ${BIN} credential-process --profile dev\n`);
    const seen: Seen = {};
    const lines: string[] = [];
    const creds = await login({ url: b.publicUrl, profile: 'dev', role: PLATFORM, duration: 7200, clientHost: 'workstation-7.corp', open: person(new Browser(), PLATFORM, seen), say: (l) => lines.push(l), paths });
    assert.match(seen.requestCode!, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    assert.equal(seen.banner, `Signing in the idbroker command line (code <code>${seen.requestCode}</code>) on <code>workstation-7.corp</code>`);
    assert.equal(seen.host, 'workstation-7.corp', 'the approval page names the machine the command runs on');
    assert.match(seen.location!, /^http:\/\/127\.0\.0\.1:\d+\/callback\?code=[\w-]{43}&state=[\w-]+$/);
    // the browser's URL is the command's own listener: nothing of the request (id, state, challenge) is in it
    assert.match(lines[0], /^Sign in at: http:\/\/127\.0\.0\.1:\d+\/$/);
    assert.equal(lines[1], `The browser shows request code ${seen.requestCode}: approve only if it matches.`);
    assert.equal(lines.at(-2), 'Signed in as CORP\\alice (d-1000000001).');
    assert.equal(lines.at(-1), `Wrote profile "dev": arn:aws:sts::111122223333:assumed-role/Platform/alice (expires ${creds.Expiration}).`);
    assert.ok(!lines.join('\n').includes(creds.SecretAccessKey), 'no secret on the terminal');
    assert.ok(Date.parse(creds.Expiration) - Date.now() > 7000_000, 'the duration the command asked for');
    const cfile = readFileSync(paths.credentials, 'utf8');
    assert.match(cfile, /^# my keys\n\[other\]\naws_access_key_id = AKIAOTHER\naws_secret_access_key = keep-me\n\n\[dev\]\naws_access_key_id = ASIA/);
    const config = readFileSync(paths.config, 'utf8');
    assert.match(config, /^\[profile other\]\nregion = eu-west-1 # mine\n\n\[profile viaprocess\]\ncredential_process = .+\n\n\[profile dev\]\nregion = us-east-1\noutput = json\nidbroker_url = http:\/\/127\.0\.0\.1:\d+\nidbroker_role = arn:aws:iam::111122223333:role\/Platform\nidbroker_identity = d-1000000001 \S+\nidbroker_duration = 7200\n$/);
    const sts = new STSClient({ region: 'us-east-1', endpoint: b.publicUrl, profile: 'dev' });
    const me = await sts.send(new GetCallerIdentityCommand({}));
    assert.equal(me.Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    // a second login replaces the profile's keys in place
    await login({ url: b.publicUrl, profile: 'dev', open: person(new Browser()), say: () => {}, paths });
    assert.equal(readFileSync(paths.credentials, 'utf8').match(/\[dev\]/g)!.length, 1);
  });

  it('credential_process: the SDK runs idbroker credential-process, which reuses the cached credentials', async () => {
    const out = JSON.parse(await credentialProcess({ profile: 'dev', paths, open: () => assert.fail('no browser while the cache is fresh'), say: () => {} }));
    assert.equal(out.Version, 1);
    assert.match(out.AccessKeyId, /^ASIA/);
    const sts = new STSClient({ region: 'us-east-1', endpoint: b.publicUrl, profile: 'viaprocess' });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    // an hour from now the cache is too old: it signs in again (with the profile's stored settings)
    const later = Date.now() + 2 * 3600_000 + 10 * 60_000;
    let opened = 0;
    const again = JSON.parse(await credentialProcess({ profile: 'dev', paths, now: later, open: async (u) => (opened++, person(new Browser())(u)), say: () => {} }));
    assert.equal(opened, 1);
    assert.notEqual(again.AccessKeyId, out.AccessKeyId);
  });

  it('device flow (--no-browser): a code approved in any browser', async () => {
    const br = new Browser();
    let userCode = '';
    let approved: Promise<void> | undefined;
    const say = (line: string) => {
      const m = /enter the code ([A-Z]{4}-[A-Z]{4})/.exec(line);
      if (!m) return;
      userCode = m[1];
      approved = (async () => {
        const form = await br.get(`${b.publicUrl}/device?user_code=${userCode}`);
        assert.equal(form.status, 200);
        assert.match(form.text, new RegExp(`value="${userCode}"`));
        const next = await br.post(`${b.publicUrl}/device`, { csrf: csrfOf(form.text)!, user_code: userCode.toLowerCase().replace('-', '') });
        assert.equal(next.status, 303);
        const roles = await signIn(br, b.publicUrl, 'alice', 'Al1ce-Passw0rd!');
        assert.match(roles.text, new RegExp(`code <code>${userCode}</code>`));
        const done = await br.post(`${b.publicUrl}/credentials`, roleForm(roles.text, PLATFORM));
        assert.equal(done.status, 200);
        assert.match(done.text, /return to your terminal/);
        assert.doesNotMatch(done.text, /ASIA/, 'the credentials go to the terminal, not the page');
      })();
    };
    const creds = await login({ url: b.publicUrl, profile: 'remote', noBrowser: true, open: () => assert.fail('no browser'), say, paths });
    await approved;
    assert.match(userCode, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    const sts = new STSClient({ region: 'us-east-1', endpoint: b.publicUrl, credentials: { accessKeyId: creds.AccessKeyId, secretAccessKey: creds.SecretAccessKey, sessionToken: creds.SessionToken } });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    const reuse = await fetch(`${b.publicUrl}/device?user_code=${userCode}`).then((r) => r.status);
    assert.equal(reuse, 200, 'the page still renders');
    const br2 = new Browser();
    const form = await br2.get(`${b.publicUrl}/device`);
    const spent = await br2.post(`${b.publicUrl}/device`, { csrf: csrfOf(form.text)!, user_code: userCode });
    assert.equal(spent.status, 400);
    assert.match(spent.text, /unknown or has expired/);
  });

  describe('bad input', () => {
    const verifier = 'v'.repeat(43);
    /** Starts a loopback login by hand and completes it in the browser; returns the code the broker sent back. */
    const par = (params: Record<string, string>) =>
      fetch(`${b.publicUrl}/cli/par`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, string> }));
    /** Pushes a loopback request by hand and approves it in `br`. */
    const approveBy = async (br: Browser, v = verifier, redirect = 'http://127.0.0.1:9/callback') => {
      const p = await par({ redirect_uri: redirect, state: 'state-0123456789abcdef', code_challenge: challengeOf(v), code_challenge_method: 'S256' });
      assert.equal(p.status, 201, JSON.stringify(p.body));
      const page = await br.get(p.body.authorization_uri);
      assert.equal(page.status, 200);
      const ok = await br.post(`${b.publicUrl}/cli/login`, { csrf: csrfOf(page.text)!, request_uri: p.body.request_uri, decision: 'approve' });
      assert.equal(ok.status, 303);
    };
    const codeFor = async (v = verifier, redirect = 'http://127.0.0.1:9/callback') => {
      const br = new Browser();
      await approveBy(br, v, redirect);
      const roles = await signIn(br, b.publicUrl, 'alice', 'Al1ce-Passw0rd!');
      const sent = await br.post(`${b.publicUrl}/credentials`, roleForm(roles.text, PLATFORM));
      assert.equal(sent.status, 303);
      const u = new URL(sent.location!);
      assert.equal(u.searchParams.get('state'), 'state-0123456789abcdef');
      return { code: u.searchParams.get('code')!, br, roles };
    };
    const token = (params: Record<string, string>) =>
      fetch(`${b.publicUrl}/cli/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) }).then(async (r) => ({ status: r.status, body: (await r.json()) as Record<string, string>, cache: r.headers.get('cache-control') }));
    const exchange = (code: string, v = verifier, redirect = 'http://127.0.0.1:9/callback') => token({ grant_type: 'authorization_code', code, code_verifier: v, redirect_uri: redirect });

    it('a code is exchanged once, only with the right verifier and redirect_uri', async () => {
      const { code } = await codeFor();
      const ok = await exchange(code);
      assert.equal(ok.status, 200);
      assert.equal(ok.cache, 'no-store');
      assert.match(ok.body.AccessKeyId, /^ASIA/);
      const again = await exchange(code);
      assert.deepEqual([again.status, again.body.error], [400, 'invalid_grant'], 'reused code');
      const wrong = await codeFor();
      const bad = await exchange(wrong.code, 'w'.repeat(43));
      assert.deepEqual([bad.status, bad.body.error], [400, 'invalid_grant']);
      assert.match(bad.body.error_description, /code_verifier does not match/);
      assert.equal((await exchange(wrong.code)).body.error, 'invalid_grant', 'a failed attempt spends the code');
      const other = await codeFor();
      assert.match((await exchange(other.code, verifier, 'http://127.0.0.1:10/callback')).body.error_description, /redirect_uri does not match/);
      assert.equal((await token({ grant_type: 'password', username: 'x' })).body.error, 'unsupported_grant_type');
      assert.equal((await token({ grant_type: 'authorization_code', code: 'forged', code_verifier: verifier, redirect_uri: 'http://127.0.0.1:9/callback' })).body.error, 'invalid_grant');
    });

    it('a redirect without the browser binding or with a forged state is refused by the CLI, which keeps waiting for the real one', async () => {
      const forged: number[] = [];
      const lines: string[] = [];
      const creds = await login({
        url: b.publicUrl,
        profile: 'forged',
        paths,
        say: (l) => lines.push(l),
        open: async (url) => {
          forged.push((await fetch(`${url}callback?code=${'x'.repeat(43)}&state=forged-state-123456`)).status);
          const br = new Browser();
          await openAndApprove(br, url);
          forged.push((await br.get(`${url}callback?code=${'x'.repeat(43)}&state=forged-state-123456`)).status);
          const roles = await signIn(br, b.publicUrl, 'alice', 'Al1ce-Passw0rd!');
          assert.equal((await sendRole(br, b.publicUrl, roles.text, PLATFORM)).back.status, 200);
          return true;
        },
      });
      assert.deepEqual(forged, [400, 400]);
      assert.ok(lines.some((l) => /ignored a sign-in answer from a browser that did not open this login's link/.test(l)));
      assert.ok(lines.some((l) => /wrong state/.test(l)));
      assert.match(creds.AccessKeyId, /^ASIA/);
    });

    it('refuses a non-loopback redirect_uri, a missing PKCE challenge, an old-style link, and a role form without its CSRF token', async () => {
      const br = new Browser();
      const evil = await par({ redirect_uri: 'https://evil.example/cb', state: 'state-0123456789abcdef', code_challenge: challengeOf(verifier), code_challenge_method: 'S256' });
      assert.deepEqual([evil.status, evil.body.error], [400, 'invalid_request']);
      assert.match(evil.body.error_description, /loopback/);
      const plain = await par({ redirect_uri: 'http://127.0.0.1:9/cb', state: 'state-0123456789abcdef', code_challenge: 'abc', code_challenge_method: 'plain' });
      assert.match(plain.body.error_description, /PKCE code_challenge with code_challenge_method=S256 is required/);
      const host = await par({ redirect_uri: 'http://127.0.0.1:9/cb', state: 'state-0123456789abcdef', code_challenge: challengeOf(verifier), code_challenge_method: 'S256', client_host: '<b>x</b>' });
      assert.match(host.body.error_description, /client_host must be a host name/);
      // the link an older idbroker login opens: refused, nothing attached to the browser
      const old = new URLSearchParams({ redirect_uri: 'http://127.0.0.1:9/callback', state: 'state-0123456789abcdef', code_challenge: challengeOf(verifier), code_challenge_method: 'S256' });
      const r1 = await br.get(`${b.publicUrl}/cli/login?${old}`);
      assert.equal(r1.status, 400);
      assert.match(r1.text, /older idbroker login/);
      assert.equal(r1.headers.getSetCookie().length, 0);
      await approveBy(br);
      const roles = await signIn(br, b.publicUrl, 'alice', 'Al1ce-Passw0rd!');
      const form = roleForm(roles.text, PLATFORM);
      delete form.csrf;
      const refused = await br.post(`${b.publicUrl}/credentials`, form);
      assert.equal(refused.status, 403);
      assert.match(refused.text, /CSRF token/);
      assert.doesNotMatch(refused.text, /ASIA/);
      // the pending login is still there: with the token, it completes
      const ok = await br.post(`${b.publicUrl}/credentials`, roleForm(roles.text, PLATFORM));
      assert.equal(ok.status, 303);
      // and the same form again, once completed, is refused: nothing issued twice
      const twice = await br.post(`${b.publicUrl}/credentials`, roleForm(roles.text, PLATFORM));
      assert.equal(twice.status, 403);
      assert.match(twice.text, /ExpiredToken[\s\S]*Run idbroker login again/);
    });

    it('the CLI reports a refused exchange and an unreachable broker clearly', async () => {
      await assert.rejects(login({ url: 'http://127.0.0.1:9', profile: 'x', noBrowser: true, open: async () => false, say: () => {}, paths }), (e: Error) => e instanceof LoginError && /cannot reach the broker/.test(e.message));
      await assert.rejects(login({ url: b.publicUrl, profile: 'bad name!', open: async () => false, say: () => {}, paths }), /--profile must be a plain name/);
    });
  });
});
