// OIDC browser sign-in over real HTTP against a real OpenID provider (oidc-provider on loopback): the broker's
// authorization request (code + PKCE S256 + state + nonce), the OP's own login and consent pages, the callback, the
// portal's role list from trust policies with `<host:port>:aud|sub|oaud` keys, credentials that GetCallerIdentity
// accepts. Forged, replayed, cross-browser and expired states, IdP error answers and an unreachable OP are refused
// with an error page carrying AWS's code, a 4xx status and no session.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { CreateOpenIDConnectProviderCommand, CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { OIDC_PROVIDER, type OidcProviderData } from '../../../../server/iam/actions/oidc-providers.ts';
import { startTestOp, type TestOp } from '../../../fixtures/oidc/test-op.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../../helpers/broker.ts';
import { Browser, type Page } from '../portal/portal-helpers.ts';
import { callerArn, credentialsFor, errorCode, follow, roleNames, sessionSet } from './login-helpers.ts';

const ACCT = '111122223333';
const role = (n: string) => `arn:aws:iam::${ACCT}:role/${n}`;
const OIDC_LOGIN = 'oidc-login-state';

describe('OIDC browser sign-in (/oidc/login, /oidc/callback)', () => {
  let b: TestBroker;
  let op: TestOp;
  let publicOp: TestOp;
  let iam: IAMClient;
  let callback: string;

  const refused = (p: Page, status: number, code: string) => {
    assert.equal(p.status, status, p.text.slice(0, 400));
    assert.equal(errorCode(p.text), code);
    assert.ok(!sessionSet(p), 'no portal session');
    assert.doesNotMatch(p.text, /\bat .*\.ts:\d+/, 'no stack trace');
  };
  /** Runs the login up to the OP's redirect back to the broker (not followed); returns that callback URL. */
  const upToCallback = async (br: Browser, login = 'alice') => new URL((await follow(br, `${b.publicUrl}/oidc/login/testop`, { opOrigin: op.issuer, login, stopAt: (u) => u.startsWith(callback) })).url);
  const register = async (url: string, name: string, clientId: string, secret?: string) => {
    const arn = `arn:aws:iam::${ACCT}:oidc-provider/${url.slice('http://'.length)}`;
    const data: OidcProviderData = { arn, url, clientIds: [clientId], thumbprints: [], createDate: new Date().toISOString(), tags: [], settings: { name, ...(secret ? { sealedClientSecret: b.keys.seal(secret, arn) } : {}) } };
    // What identityProviders.oidc in the config stores (the issuer's port is only known once the OP runs).
    await b.store.entities.upsert({ account: ACCT, kind: OIDC_PROVIDER, key: arn, data });
    return arn;
  };
  const createRole = async (name: string, provider: string, condition: object) =>
    iam.send(new CreateRoleCommand({ RoleName: name, AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: condition }] }) }));

  before(async () => {
    b = await startTestBroker();
    callback = `${b.publicUrl}/oidc/callback`;
    op = await startTestOp({ redirectUri: callback });
    publicOp = await startTestOp({ redirectUri: callback, clientId: 'idbroker-public', publicClient: true });
    iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
    const confidential = await register(op.issuer, 'testop', op.clientId, op.clientSecret);
    const h = op.hostId;
    await createRole('WebAlice', confidential, { StringEquals: { [`${h}:aud`]: op.clientId, [`${h}:sub`]: 'alice' } });
    await createRole('WebAnyUser', confidential, { StringEquals: { [`${h}:oaud`]: op.clientId } });
    await createRole('WebBob', confidential, { StringEquals: { [`${h}:sub`]: 'bob' } });
    await createRole('WebOtherClient', confidential, { StringEquals: { [`${h}:aud`]: 'some-other-client' } });
    // A provider registered through the IAM API: no client secret, so a public client with PKCE.
    const created = await iam.send(new CreateOpenIDConnectProviderCommand({ Url: publicOp.issuer, ClientIDList: ['idbroker-public'] }));
    await createRole('WebPublic', created.OpenIDConnectProviderArn!, { StringEquals: { [`${publicOp.hostId}:aud`]: 'idbroker-public' } });
  });
  after(async () => {
    await b?.destroy();
    await op?.close();
    await publicOp?.close();
  });

  it('the sign-in page links to each OIDC provider', async () => {
    const page = await new Browser().get(`${b.publicUrl}/`);
    assert.match(page.text, /href="\/oidc\/login\/testop"/);
    assert.ok(page.text.includes(`href="/oidc/login/${encodeURIComponent(publicOp.hostId)}"`));
  });

  it('sends an authorization request with PKCE S256, state and nonce, bound to this browser by a cookie', async () => {
    const br = new Browser();
    const res = await br.get(`${b.publicUrl}/oidc/login/testop`);
    assert.equal(res.status, 302);
    const auth = new URL(res.location!);
    assert.equal(auth.origin, op.issuer);
    assert.equal(auth.searchParams.get('code_challenge_method'), 'S256');
    assert.equal(auth.searchParams.get('redirect_uri'), callback);
    for (const p of ['state', 'nonce', 'code_challenge']) assert.ok((auth.searchParams.get(p) ?? '').length >= 32, p);
    assert.ok(br.cookies.get('idbroker-oidc'));
  });

  it("signs in on the OP's own pages; the portal lists exactly the roles whose trust allows alice; credentials work", async () => {
    const br = new Browser();
    const landing = await follow(br, `${b.publicUrl}/oidc/login/testop`, { opOrigin: op.issuer, login: 'alice' });
    assert.equal(landing.url, `${b.publicUrl}/roles`);
    assert.deepEqual(roleNames(landing.text), ['WebAlice', 'WebAnyUser']);
    assert.match(landing.text, /alice@example\.test/);
    const creds = await credentialsFor(br, b.publicUrl, role('WebAlice'));
    assert.equal(await callerArn(b.httpUrl, creds), `arn:aws:sts::${ACCT}:assumed-role/WebAlice/alice@example.test`);
  });

  it('another user sees only their roles', async () => {
    const landing = await follow(new Browser(), `${b.publicUrl}/oidc/login/testop`, { opOrigin: op.issuer, login: 'bob' });
    assert.deepEqual(roleNames(landing.text), ['WebAnyUser', 'WebBob']);
  });

  it('a provider registered through the IAM API signs in as a public client (PKCE, no secret)', async () => {
    const br = new Browser();
    const landing = await follow(br, `${b.publicUrl}/oidc/login/${encodeURIComponent(publicOp.hostId)}`, { opOrigin: publicOp.issuer, login: 'carol' });
    assert.deepEqual(roleNames(landing.text), ['WebPublic']);
    const creds = await credentialsFor(br, b.publicUrl, role('WebPublic'));
    assert.equal(await callerArn(b.httpUrl, creds), `arn:aws:sts::${ACCT}:assumed-role/WebPublic/carol@example.test`);
  });

  it('a login started in one browser cannot be finished in another (login CSRF), and a state is used once', async () => {
    const alice = new Browser();
    const cb = await upToCallback(alice);
    refused(await new Browser().get(cb.href), 403, 'AccessDenied');
    const ok = await alice.get(cb.href);
    assert.equal(ok.status, 303);
    assert.equal(ok.location, '/roles');
    refused(await alice.get(cb.href), 403, 'AccessDenied');
  });

  it('forged state; no state', async () => {
    refused(await new Browser().get(`${callback}?code=abc&state=forged-state-value`), 403, 'AccessDenied');
    refused(await new Browser().get(`${callback}?code=abc`), 403, 'AccessDenied');
  });

  it('expired login (more than 10 minutes between start and callback)', async () => {
    const br = new Browser();
    const cb = await upToCallback(br);
    const state = cb.searchParams.get('state')!;
    const rec = (await b.store.entities.get<{ createdAt: number }>('', OIDC_LOGIN, state))!;
    await b.store.entities.update({ ...rec, data: { ...rec.data, createdAt: rec.data.createdAt - 11 * 60_000 } });
    refused(await br.get(cb.href), 400, 'ExpiredTokenException');
    refused(await br.get(cb.href), 403, 'AccessDenied'); // and it is gone
  });

  it("the OP's error answer (?error=access_denied) ends the login", async () => {
    const br = new Browser();
    const cb = await upToCallback(br);
    const state = cb.searchParams.get('state')!;
    const denied = await br.get(`${callback}?error=access_denied&error_description=${encodeURIComponent('The user <b>denied</b> the request')}&state=${state}`);
    refused(denied, 403, 'IDPRejectedClaim');
    assert.match(denied.text, /access_denied: The user &lt;b&gt;denied&lt;\/b&gt; the request/);
    refused(await br.get(cb.href), 403, 'AccessDenied');
  });

  it('an unreachable OP; an unknown provider name', async () => {
    const dead = createServer();
    await new Promise<void>((r) => dead.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(dead.address() as AddressInfo).port}`;
    await new Promise<void>((r) => dead.close(() => r()));
    await register(url, 'dead', 'idbroker');
    refused(await new Browser().get(`${b.publicUrl}/oidc/login/dead`), 400, 'IDPCommunicationError');
    refused(await new Browser().get(`${b.publicUrl}/oidc/login/nosuch`), 404, 'NoSuchEntity');
  });
});
