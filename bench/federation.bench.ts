// Federation through the full path: AssumeRoleWithWebIdentity (an ID token minted by a real oidc-provider on
// loopback, RS256, JWKS discovered and fetched by the broker over HTTP; and an ES256 token from a second issuer
// whose JWKS is served over HTTP) and AssumeRoleWithSAML (samlify-signed responses, RSA-SHA256, each one distinct
// since an assertion is accepted once), against a bare Koa handler on the same machine, same client, same bodies.
//
// Share of the time in signature verification, measured two ways in this process (the load client runs in it
// too, so both shares are of broker + client):
//   - CPU: the verification step alone (jose compactVerify; the broker's verifySignedElement on xml-crypto) is
//     run on the same tokens / responses, its CPU time per call (process.cpuUsage, all threads: WebCrypto
//     verifies on the libuv pool) × requests ÷ the process's CPU time during the load;
//   - profile: a node:inspector CPU profile over a separate load run, samples under those functions ÷ busy samples
//     (main thread only, so it misses WebCrypto's pool work for JWTs).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Session } from 'node:inspector/promises';
import Koa from 'koa';
import { compactVerify, createRemoteJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { startTestBroker } from '../test/helpers/broker.ts';
import { startTestOp } from '../test/fixtures/oidc/test-op.ts';
import { idpMetadata, samlResponse } from '../test/server/sts/saml/test-idp.ts';
import { parseSamlMetadata } from '../server/iam/saml-metadata.ts';
import { NS, onlyChild, parseXml } from '../server/sts/saml/dom.ts';
import { verifySignedElement } from '../server/sts/saml/verify-signature.ts';
import { ALGORITHMS } from '../server/sts/web-identity/verify-token.ts';
import { fmt, load, type LoadResult } from './http-load.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = 8;
const WARM = 200;
const PROFILED = 500;
const ACCT = '111122223333';
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** A second issuer with an ES256 key: discovery document and JWKS over HTTP. */
async function es256Issuer(): Promise<{ url: string; server: Server; sign: (claims: Record<string, unknown>) => Promise<string> }> {
  const { privateKey, publicKey } = await generateKeyPair('ES256');
  const jwk = { ...(await exportJWK(publicKey)), kid: 'es-1', alg: 'ES256', use: 'sig' };
  const s = await listen((req, res) => {
    res.setHeader('content-type', 'application/json');
    if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer: s.url, jwks_uri: `${s.url}/jwks` }));
    else res.end(JSON.stringify({ keys: [jwk] }));
  });
  return { ...s, sign: (claims) => new SignJWT(claims).setProtectedHeader({ alg: 'ES256', kid: 'es-1', typ: 'JWT' }).sign(privateKey) };
}

async function bareKoa(): Promise<{ url: string; server: Server }> {
  const app = new Koa();
  app.use((ctx) => {
    ctx.body = '<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult/></AssumeRoleWithWebIdentityResponse>\n';
    ctx.set('Content-Type', 'text/xml');
  });
  const server = createServer(app.callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`, server };
}

const cpuMicros = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return d.user + d.system;
};

/** CPU µs per call of `fn` over `items` (sequential). */
async function cpuPerCall<T>(items: T[], fn: (x: T) => unknown): Promise<number> {
  for (const x of items.slice(0, 20)) await fn(x); // warm
  const c0 = process.cpuUsage();
  for (const x of items) await fn(x);
  return cpuMicros(c0) / items.length;
}

/** Share of busy samples (not idle) under a function whose name is in `names`, over `run`. */
async function profiledShare(names: string[], run: () => Promise<unknown>): Promise<number> {
  const s = new Session();
  s.connect();
  await s.post('Profiler.enable');
  await s.post('Profiler.setSamplingInterval', { interval: 250 });
  await s.post('Profiler.start');
  await run();
  const { profile } = await s.post('Profiler.stop');
  s.disconnect();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const under = new Set<number>();
  const mark = (id: number, inside: boolean) => {
    const n = byId.get(id)!;
    const now = inside || names.includes(n.callFrame.functionName);
    if (now) under.add(id);
    for (const c of n.children ?? []) mark(c, now);
  };
  mark(profile.nodes[0].id, false);
  let busy = 0;
  let hit = 0;
  for (const id of profile.samples ?? []) {
    if (byId.get(id)!.callFrame.functionName === '(idle)') continue;
    busy++;
    if (under.has(id)) hit++;
  }
  return busy ? hit / busy : 0;
}

export default async function run(): Promise<void> {
  const op = await startTestOp();
  const es = await es256Issuer();
  const samlArn = `arn:aws:iam::${ACCT}:saml-provider/BenchIdP`;
  const opArn = `arn:aws:iam::${ACCT}:oidc-provider/${op.hostId}`;
  const esArn = `arn:aws:iam::${ACCT}:oidc-provider/${es.url.slice('http://'.length)}`;
  const trust = (principal: string, action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: principal }, Action: action }] });
  const broker = await startTestBroker({
    yaml: `
identityProviders:
  saml: [{ name: BenchIdP, metadata: ${JSON.stringify(idpMetadata())} }]
  oidc:
    - { url: ${op.issuer}, clientIds: [idbroker] }
    - { url: ${es.url}, clientIds: [idbroker] }
roles:
  - { name: BenchSaml, trustPolicy: ${trust(samlArn, 'sts:AssumeRoleWithSAML')} }
  - { name: BenchWeb, trustPolicy: ${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: [opArn, esArn] }, Action: 'sts:AssumeRoleWithWebIdentity' }] })} }
`,
  });
  const bare = await bareKoa();
  try {
    const url = broker.httpUrl + '/';
    const sp = { spEntityId: `${broker.publicUrl}/saml/metadata`, acsUrl: `${broker.publicUrl}/saml/acs` };
    const role = (n: string) => encodeURIComponent(`arn:aws:iam::${ACCT}:role/${n}`);

    // Web identity: a real ID token from oidc-provider (authorization code + PKCE), and an ES256 one.
    const rsToken = await op.idToken('alice');
    const now = Math.floor(Date.now() / 1000);
    const esToken = await es.sign({ iss: es.url, sub: 'alice', aud: 'idbroker', iat: now, exp: now + 3600 });
    const webBody = (t: string) => `Action=AssumeRoleWithWebIdentity&Version=2011-06-15&RoleArn=${role('BenchWeb')}&RoleSessionName=bench&WebIdentityToken=${t}`;

    // SAML: distinct signed responses (single use), generated before the clock starts.
    const t0 = Date.now();
    const samlB64: string[] = [];
    const A = 'https://aws.amazon.com/SAML/Attributes/';
    const attributes = { [`${A}Role`]: [`arn:aws:iam::${ACCT}:role/BenchSaml,${samlArn}`], [`${A}RoleSessionName`]: ['bench'] };
    for (let i = 0; i < WARM + TOTAL + PROFILED; i++) samlB64.push(await samlResponse({ ...sp, attributes }));
    const samlBodies = samlB64.map((b) => `Action=AssumeRoleWithSAML&Version=2011-06-15&RoleArn=${role('BenchSaml')}&PrincipalArn=${encodeURIComponent(samlArn)}&SAMLAssertion=${encodeURIComponent(b)}`);
    console.log(`  (${samlB64.length} samlify-signed responses of ~${Math.round(samlB64[0].length / 1024)} KiB generated in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    const opts = (body: string | ((i: number) => string), total = TOTAL) => ({ method: 'POST', headers: FORM, body, total, concurrency: CONCURRENCY });
    const samlAt = (offset: number) => (i: number) => samlBodies[offset + i];
    // Warm-up (JWKS fetched and cached, code paths compiled); every response must be 200.
    for (const [u, o] of [[bare.url, opts(webBody(rsToken), WARM)], [url, opts(webBody(rsToken), WARM)], [url, opts(webBody(esToken), WARM)], [url, opts(samlAt(0), WARM)]] as const) {
      const r = await load(u, o);
      if (r.errors) throw new Error(`warm-up: ${r.errors} requests failed against ${u}`);
    }

    const measured = async (u: string, o: ReturnType<typeof opts>) => {
      const c0 = process.cpuUsage();
      const r = await load(u, o);
      return { r, cpuPerRequest: cpuMicros(c0) / o.total };
    };
    const baseWeb = await measured(bare.url, opts(webBody(rsToken)));
    const rs = await measured(url, opts(webBody(rsToken)));
    const esr = await measured(url, opts(webBody(esToken)));
    const baseSaml = await measured(bare.url, opts(samlAt(WARM)));
    const saml = await measured(url, opts(samlAt(WARM)));
    for (const [n, x] of [['RS256', rs], ['ES256', esr], ['SAML', saml]] as const) if (x.r.errors) throw new Error(`${n}: ${x.r.errors} requests failed`);

    // The verification step alone, on the same tokens and responses.
    const jwks = createRemoteJWKSet(new URL(`${op.issuer}/jwks`));
    const esJwks = createRemoteJWKSet(new URL(`${es.url}/jwks`));
    const rsVerify = await cpuPerCall(Array(1000).fill(rsToken), (t) => compactVerify(t, jwks, { algorithms: ALGORITHMS }));
    const esVerify = await cpuPerCall(Array(1000).fill(esToken), (t) => compactVerify(t, esJwks, { algorithms: ALGORITHMS }));
    const certs = parseSamlMetadata(idpMetadata()).signingCertificates;
    const parsed = samlB64.slice(0, 1000).map((b) => {
      const xml = Buffer.from(b, 'base64').toString('utf8');
      const assertion = onlyChild(parseXml(xml).documentElement!, NS.assertion, 'Assertion')!;
      return { xml, assertion, signature: onlyChild(assertion, NS.dsig, 'Signature')! };
    });
    const samlVerify = await cpuPerCall(parsed, (p) => verifySignedElement(p.assertion, p.signature, certs));

    const rsProfile = await profiledShare(['compactVerify', 'flattenedVerify'], () => load(url, opts(webBody(rsToken), PROFILED)));
    const samlProfile = await profiledShare(['verifySignedElement'], () => load(url, opts(samlAt(WARM + TOTAL), PROFILED)));

    console.log(`Federation through HTTP (SQLite store, ${CONCURRENCY} connections, ${TOTAL} requests each), vs a bare Koa handler with the same client and bodies`);
    const line = (name: string, x: { r: LoadResult; cpuPerRequest: number }, base?: LoadResult) =>
      console.log(`  ${name.padEnd(34)} ${fmt(x.r)}  CPU ${x.cpuPerRequest.toFixed(0).padStart(5)} µs/req${base ? `  ratio ${(x.r.rps / base.rps).toFixed(3)}` : ''}`);
    line('bare Koa handler (web identity body)', baseWeb);
    line('AssumeRoleWithWebIdentity RS256', rs, baseWeb.r);
    line('AssumeRoleWithWebIdentity ES256', esr, baseWeb.r);
    line('bare Koa handler (SAML bodies)', baseSaml);
    line('AssumeRoleWithSAML', saml, baseSaml.r);
    const share = (verify: number, x: { cpuPerRequest: number }) => `${((100 * verify) / x.cpuPerRequest).toFixed(0)} %`;
    console.log('Signature verification alone, same tokens/responses, CPU per call; share of the process CPU per request during the load');
    console.log(`  JWT RS256 (jose compactVerify)        ${rsVerify.toFixed(0).padStart(5)} µs  ${share(rsVerify, rs)}  (CPU profile, main thread: ${(100 * rsProfile).toFixed(0)} %)`);
    console.log(`  JWT ES256 (jose compactVerify)        ${esVerify.toFixed(0).padStart(5)} µs  ${share(esVerify, esr)}`);
    console.log(`  SAML RSA-SHA256 (verifySignedElement) ${samlVerify.toFixed(0).padStart(5)} µs  ${share(samlVerify, saml)}  (CPU profile, main thread: ${(100 * samlProfile).toFixed(0)} %)`);
  } finally {
    bare.server.close();
    await broker.destroy();
    await op.close();
    es.server.closeAllConnections();
    es.server.close();
  }
}
