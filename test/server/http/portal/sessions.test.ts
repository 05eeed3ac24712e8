// Portal sessions: shared by replicas through the Store, ended by idle and absolute limits; cookies
// take the __Host- prefix and Secure behind an HTTPS public URL; unreachable directories and registered
// SAML/OIDC providers render as they should.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { portalRoutes, portalSignIn } from '../../../../server/http/portal/index.ts';
import type { DirectoryBackend } from '../../../../server/contracts/directory.ts';
import { PORTAL_SESSION, PortalSessions } from '../../../../server/http/portal/sessions.ts';
import { startTestBroker, type TestBroker } from '../../../helpers/broker.ts';
import { Browser, credentialsOf, csrfOf, PORTAL_YAML, signIn, startPortal, type Portal } from './portal-helpers.ts';

describe('portal sessions', () => {
  let a: TestBroker;
  let b: TestBroker;
  const portals: Portal[] = [];
  before(async () => {
    a = await startTestBroker({ yaml: PORTAL_YAML });
    b = await startTestBroker({ yaml: PORTAL_YAML, dataDir: a.dataDir });
  });
  after(async () => {
    for (const p of portals) await p.close();
    await b.close();
    await a.destroy();
  });

  it('a session started on replica A is used on replica B, and signing out on B ends it on A', async () => {
    const pa = await startPortal(a);
    const pb = await startPortal(b);
    portals.push(pa, pb);
    const br = new Browser();
    const login = await br.get(`${pa.url}/`);
    // the sign-in form from A is accepted by B (same key ring, no per-replica state)
    const res = await br.post(`${pb.url}/login/directory/d-1000000001`, { csrf: csrfOf(login.text)!, username: 'alice', password: 'Al1ce-Passw0rd!' });
    assert.equal(res.status, 303);
    const rolesOnA = await br.get(`${pa.url}/roles`);
    assert.equal(rolesOnA.status, 200);
    const creds = await br.post(`${pb.url}/credentials`, { csrf: csrfOf(rolesOnA.text)!, roleArn: 'arn:aws:iam::111122223333:role/Everyone', duration: '900' });
    assert.equal(creds.status, 200, creds.text);
    const sts = new STSClient({ endpoint: a.httpUrl, region: 'us-east-1', credentials: credentialsOf(creds.text), maxAttempts: 1 });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Everyone/alice');
    sts.destroy();
    assert.equal((await br.post(`${pb.url}/logout`, { csrf: csrfOf(rolesOnA.text)! })).status, 303);
    const stale = new Browser();
    stale.cookies.set('idbroker', 'x'.repeat(43));
    assert.equal((await stale.get(`${pa.url}/roles`)).status, 302);
    assert.equal((await br.get(`${pa.url}/roles`)).status, 302);
  });

  it('ends sessions after the idle limit and after the absolute limit', async () => {
    let now = Date.now(); // the Store judges expiry by the system clock: the test's clock starts there and moves on
    const p = await startPortal(a, { clock: () => new Date(now), sessionLimits: { idleSeconds: 600, absoluteSeconds: 1800 } });
    portals.push(p);
    const br = new Browser();
    assert.equal((await signIn(br, p.url, 'alice', 'Al1ce-Passw0rd!')).status, 200);
    const cookie = br.cookies.get('idbroker')!;
    now += 599_000;
    assert.equal((await br.get(`${p.url}/roles`)).status, 200, 'active within the idle limit');
    now += 599_000;
    assert.equal((await br.get(`${p.url}/roles`)).status, 200, 'each request restarts the idle clock');
    now += 601_000; // 1799 s after sign-in, but idle for 601 s
    assert.equal((await br.get(`${p.url}/roles`)).status, 302, 'idle too long');

    const br2 = new Browser();
    assert.equal((await signIn(br2, p.url, 'alice', 'Al1ce-Passw0rd!')).status, 200);
    assert.notEqual(br2.cookies.get('idbroker'), cookie);
    for (let i = 0; i < 3; i++) {
      now += 590_000;
      assert.equal((await br2.get(`${p.url}/roles`)).status, 200);
    }
    now += 100_000; // 1870 s after sign-in, never idle for long
    assert.equal((await br2.get(`${p.url}/roles`)).status, 302, 'absolute limit');
  });

  it('behind an HTTPS public URL the cookies are __Host- prefixed and Secure', async () => {
    const p = await startPortal(a, { services: { region: 'us-east-1', publicUrl: 'https://idbroker.example.com', accounts: [{ id: '111122223333' }], directories: new Map(a.directories.running.map((d) => [d.id, d.backend])) } });
    portals.push(p);
    const br = new Browser();
    const page = await br.get(`${p.url}/`);
    const login = page.headers.getSetCookie().find((c) => c.startsWith('__Host-idbroker-login='))!;
    assert.match(login, /; Secure/);
    assert.doesNotMatch(login, /Domain=/i);
    const res = await br.post(`${p.url}/login/directory/d-1000000001`, { csrf: csrfOf(page.text)!, username: 'alice', password: 'Al1ce-Passw0rd!' });
    assert.equal(res.status, 303);
    const session = res.headers.getSetCookie().find((c) => c.startsWith('__Host-idbroker='))!;
    assert.match(session, /^__Host-idbroker=[\w-]{43}; Path=\/; HttpOnly; SameSite=Lax; Max-Age=\d+; Secure$/);
  });

  it('shows a ServiceUnavailable page without details when the directory cannot answer', async () => {
    const real = a.directories.running[0].backend;
    const down: DirectoryBackend = { ...real, kind: real.kind, domain: real.domain, bind: async () => { throw new Error('connect ECONNREFUSED 10.0.0.1:389 secret-detail'); }, search: real.search.bind(real), groupsOf: real.groupsOf.bind(real) };
    const p = await startPortal(a, { services: { region: 'us-east-1', publicUrl: a.publicUrl, accounts: [{ id: '111122223333' }], directories: new Map([['d-1000000001', down]]) } });
    portals.push(p);
    const page = await signIn(new Browser(), p.url, 'alice', 'Al1ce-Passw0rd!');
    assert.equal(page.status, 503);
    assert.match(page.text, /ServiceUnavailable/);
    assert.doesNotMatch(page.text, /ECONNREFUSED|secret-detail|\.ts:\d+/);
  });

  it('lists registered SAML and OIDC providers as sign-in links', async () => {
    const p = await startPortal(a);
    portals.push(p);
    await a.store.entities.insert({ account: '111122223333', kind: 'saml-provider', key: 'arn:aws:iam::111122223333:saml-provider/okta', data: { name: 'okta', arn: 'arn:aws:iam::111122223333:saml-provider/okta' } });
    await a.store.entities.insert({ account: '111122223333', kind: 'oidc-provider', key: 'arn:aws:iam::111122223333:oidc-provider/kc.example.com/realms/corp', data: { url: 'https://kc.example.com/realms/corp', settings: { name: 'keycloak' } } });
    const page = await new Browser().get(`${p.url}/`);
    assert.match(page.text, /href="\/saml\/login\/okta">Sign in with okta</);
    assert.match(page.text, /href="\/oidc\/login\/keycloak">Sign in with keycloak</);
  });
});

describe('PortalSessions in the Store', () => {
  let a: TestBroker;
  before(async () => {
    a = await startTestBroker();
  });
  after(async () => a.destroy());

  it('keeps only a hash of the cookie value, and sweeps expired sessions on a later sign-in', async () => {
    let now = Date.now(); // the Store judges expiry by the system clock: the test's clock starts there and moves on
    const sessions = new PortalSessions(a.store, () => new Date(now), { idleSeconds: 60, absoluteSeconds: 3600 });
    const identity = { source: 'directory' as const, provider: 'd-1000000001', subject: 'CN=alice', displayName: 'CORP\\alice', sessionName: 'alice', claims: {}, authTime: 0 };
    const first = await sessions.create(identity);
    const rows = await a.store.entities.list('', PORTAL_SESSION);
    assert.equal(rows.length, 1);
    assert.notEqual(rows[0].key, first.id);
    assert.ok(!JSON.stringify(rows).includes(first.id));
    assert.ok(await sessions.get(first.id));
    now += 11 * 60_000; // idle past the limit, and past the sweep interval
    const second = await sessions.create(identity);
    assert.deepEqual((await a.store.entities.list('', PORTAL_SESSION)).length, 1, 'the expired one was swept');
    assert.equal(await sessions.get(first.id), undefined);
    assert.ok(await sessions.get(second.id));
    assert.equal(await sessions.get('x'.repeat(500)), undefined);
  });
});

describe('portalSignIn: the hand-off for SAML and OIDC logins', () => {
  let a: TestBroker;
  let server: Server;
  let url: string;
  before(async () => {
    a = await startTestBroker({ yaml: PORTAL_YAML });
    const deps = { store: a.store, keys: a.keys, audit: a.audit, services: { region: 'us-east-1', publicUrl: a.publicUrl, accounts: [{ id: '111122223333', alias: 'main' }] } };
    const signIn = portalSignIn(deps);
    const app = new Koa();
    // stands in for /saml/acs after the assertion was verified
    app.use(async (ctx, next) => {
      if (ctx.path !== '/test/saml-acs') return next();
      await signIn(ctx, { source: 'saml', provider: 'arn:aws:iam::111122223333:saml-provider/okta', subject: 'bob@example.com', displayName: 'bob@example.com', sessionName: 'bob@example.com', claims: { 'saml:aud': String(ctx.query.aud) }, authTime: 0 });
    });
    app.use(portalRoutes(deps));
    server = createServer(app.callback());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
    await a.destroy();
  });

  it('a verified SAML identity gets a session and the roles its trust policies allow', async () => {
    const br = new Browser();
    const done = await br.get(`${url}/test/saml-acs?aud=${encodeURIComponent('http://127.0.0.1/saml/acs')}`);
    assert.equal(done.status, 303);
    assert.equal(done.location, '/roles');
    const roles = await br.get(`${url}/roles`);
    assert.deepEqual([...roles.text.matchAll(/name="roleArn" value="([^"]+)"/g)].map((m) => m[1]), ['arn:aws:iam::111122223333:role/SamlReaders']);
    const creds = await br.post(`${url}/credentials`, { csrf: csrfOf(roles.text)!, roleArn: 'arn:aws:iam::111122223333:role/SamlReaders', duration: '900' });
    assert.equal(creds.status, 200, creds.text);
    const sts = new STSClient({ endpoint: a.httpUrl, region: 'us-east-1', credentials: credentialsOf(creds.text), maxAttempts: 1 });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/SamlReaders/bob@example.com');
    sts.destroy();

    const other = new Browser();
    await other.get(`${url}/test/saml-acs?aud=elsewhere`);
    assert.match((await other.get(`${url}/roles`)).text, /No role trusts your identity/);
  });
});
