// Pending `idbroker login` requests in the Store, with a clock: expiry of the sign-in and of the code,
// device polling (pending, slow_down, access_denied, expired_token, once), one completion only, and a
// loopback request approved in one browser only (the id alone completes nothing).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openSqliteStore } from '../../../../adapters/store/sqlite/index.ts';
import { challengeOf, CliLogins, CODE_TTL_MS, REQUEST_TTL_MS } from '../../../../server/http/cli-login/requests.ts';
import { KeyRing, newKey } from '../../../../server/keys/keyring.ts';

const CREDS = { AccessKeyId: 'ASIAEXAMPLE000000001', SecretAccessKey: 's'.repeat(40), SessionToken: 't', Expiration: '2026-11-28T20:00:00.000Z', RoleArn: 'arn:aws:iam::111122223333:role/R', AssumedRoleArn: 'arn:aws:sts::111122223333:assumed-role/R/x', Region: 'us-east-1', Endpoint: 'http://127.0.0.1:1', Identity: { Source: 'directory' as const, Provider: 'd-1000000001', Subject: 'CN=x', DisplayName: 'x' } };
const VERIFIER = 'a'.repeat(43);
const REDIRECT = 'http://127.0.0.1:5000/callback';

async function setup() {
  let t = Date.parse('2026-11-28T12:00:00Z');
  const store = await openSqliteStore(':memory:', { clock: () => new Date(t) });
  const logins = new CliLogins(store, new KeyRing([newKey()]), () => new Date(t));
  return { logins, store, advance: (ms: number) => (t += ms) };
}

/** A pushed loopback request, approved in one browser: that browser's handle. */
async function approved(logins: CliLogins): Promise<string> {
  const { requestId } = await logins.startLoopback({ redirectUri: REDIRECT, state: 's'.repeat(16), challenge: challengeOf(VERIFIER) });
  const r = await logins.approve(requestId, undefined);
  assert.ok(r && 'handle' in r);
  return r.handle;
}

describe('CLI login requests', () => {
  it('a sign-in not completed within 10 minutes expires: nothing can be issued for it', async () => {
    const { logins, advance } = await setup();
    const handle = await approved(logins);
    assert.ok(await logins.pending(handle));
    advance(REQUEST_TTL_MS + 1);
    assert.equal(await logins.pending(handle), undefined);
    assert.equal(await logins.complete(handle, CREDS), undefined);
  });

  it('a code must be exchanged within 2 minutes, and once', async () => {
    const { logins, advance } = await setup();
    const code = async () => {
      const handle = await approved(logins);
      const done = await logins.complete(handle, CREDS);
      assert.ok(done && 'redirect' in done);
      assert.equal(await logins.complete(handle, CREDS), undefined, 'completed once');
      return new URL(done.redirect).searchParams.get('code')!;
    };
    const late = await code();
    advance(CODE_TTL_MS + 1);
    assert.deepEqual(await logins.exchangeCode(late, VERIFIER, REDIRECT), { ok: false, error: 'invalid_grant', description: 'The code has expired. Run idbroker login again.' });
    const fresh = await code();
    const r = await logins.exchangeCode(fresh, VERIFIER, REDIRECT);
    assert.ok(r.ok);
    assert.deepEqual(r.credentials, CREDS);
    assert.equal((await logins.exchangeCode(fresh, VERIFIER, REDIRECT)).ok, false);
  });

  it('loopback: the request id alone completes nothing; one browser approves; a second browser cancels it', async () => {
    const { logins } = await setup();
    const { requestId, requestCode } = await logins.startLoopback({ redirectUri: REDIRECT, state: 's'.repeat(16), challenge: challengeOf(VERIFIER), clientHost: 'build-01' });
    assert.match(requestCode, /^[BCDFGHJKLMNPQRSTVWXZ]{4}-[BCDFGHJKLMNPQRSTVWXZ]{4}$/);
    assert.deepEqual(await logins.describe(requestId), { requestCode, redirectOrigin: 'http://127.0.0.1:5000', clientHost: 'build-01' });
    for (const guess of [`l.${requestId}`, `l.${requestId}.`, `l.${requestId}.${'x'.repeat(43)}`]) {
      assert.equal(await logins.pending(guess), undefined, guess);
      assert.equal(await logins.complete(guess, CREDS), undefined, guess);
    }
    const first = await logins.approve(requestId, undefined);
    assert.ok(first && 'handle' in first);
    assert.equal((await logins.pending(first.handle))?.requestCode, requestCode);
    assert.deepEqual(await logins.approve(requestId, first.handle), first, 'the same browser again: the same handle');
    const contested = await logins.approve(requestId, undefined);
    assert.ok(contested && 'contested' in contested, 'another browser');
    assert.match(contested.redirect, /^http:\/\/127\.0\.0\.1:5000\/callback\?error=access_denied&error_description=This\+sign-in\+was\+approved\+in\+another\+browser.+&state=s{16}$/);
    assert.equal(await logins.pending(first.handle), undefined, 'cancelled for both');
    assert.equal(await logins.describe(requestId), undefined);
  });

  it('loopback: denied in the browser → back to the command with error=access_denied and its state; then gone', async () => {
    const { logins } = await setup();
    const { requestId } = await logins.startLoopback({ redirectUri: REDIRECT, state: 's'.repeat(16), challenge: challengeOf(VERIFIER) });
    const denied = await logins.denyLoopback(requestId);
    assert.equal(denied?.redirect, `${REDIRECT}?error=access_denied&error_description=The+sign-in+was+refused+in+the+browser.&state=${'s'.repeat(16)}`);
    assert.equal(await logins.approve(requestId, undefined), undefined);
    assert.equal(await logins.denyLoopback(requestId), undefined);
  });

  it('device codes: pending, slow_down for eager polls, the credentials once, then unknown', async () => {
    const { logins, advance } = await setup();
    const { deviceCode, userCode } = await logins.startDevice({});
    assert.equal((await logins.pollDevice(deviceCode)).ok, false);
    assert.deepEqual(await logins.pollDevice(deviceCode), { ok: false, error: 'slow_down', description: 'Poll at most every 5 seconds.' });
    advance(5000);
    assert.equal(((await logins.pollDevice(deviceCode)) as { error: string }).error, 'authorization_pending');
    const handle = await logins.handleForUserCode(userCode.toLowerCase());
    assert.ok(handle);
    assert.deepEqual(await logins.complete(handle, CREDS), { device: true });
    const r = await logins.pollDevice(deviceCode);
    assert.ok(r.ok);
    assert.deepEqual(r.credentials, CREDS);
    assert.equal(((await logins.pollDevice(deviceCode)) as { error: string }).error, 'invalid_grant');
    assert.equal(await logins.handleForUserCode(userCode), undefined, 'the user code is gone too');
  });

  it('device codes: refused in the browser → access_denied; unused → expired_token', async () => {
    const { logins, advance } = await setup();
    const a = await logins.startDevice({});
    await logins.deny((await logins.handleForUserCode(a.userCode))!);
    assert.equal(((await logins.pollDevice(a.deviceCode)) as { error: string }).error, 'access_denied');
    const b = await logins.startDevice({});
    advance(REQUEST_TTL_MS + 1);
    assert.equal(((await logins.pollDevice(b.deviceCode)) as { error: string }).error, 'expired_token');
    assert.equal(await logins.handleForUserCode(b.userCode), undefined);
    assert.equal(await logins.prune(), 0, 'kept one TTL past the deadline, so a late poll is told expired_token');
    advance(REQUEST_TTL_MS);
    assert.equal(await logins.prune(), 4, 'then both device requests and their user codes expire in the Store and are purged');
    assert.equal(((await logins.pollDevice(b.deviceCode)) as { error: string }).error, 'invalid_grant');
  });
});
