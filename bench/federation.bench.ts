// Federation through the full path: AssumeRoleWithWebIdentity (an ID token minted by a real oidc-provider on
// loopback, RS256, JWKS discovered and fetched by the broker over HTTP; and an ES256 token from a second issuer
// whose JWKS is served over HTTP) and AssumeRoleWithSAML (samlify-signed responses, RSA-SHA256, each one distinct
// since an assertion is accepted once), against a bare Koa handler on the same machine, same client, same bodies.
// The broker and the bare handler each run in their own process (bench/support/broker-process.ts); beside each
// rate the bench prints that process's CPU time per request (process.cpuUsage in the child, user + system), the
// figure to compare across runs since the ratio of rates moves with the machine's load.
//
// Then the verification step alone, in this process, over many calls on the same tokens / responses: jose
// compactVerify for the JWTs; for SAML the broker's verifySignedElement (server/sts/saml/verify-signature.ts)
// beside its floor, the bare RSA-SHA256 verification of the same SignedInfo with node:crypto, and the one strict
// DOM parse each response gets (parseResponse). Each as CPU per call and as a share of the broker's CPU per request.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createPublicKey, verify as rsaVerify } from 'node:crypto';
import { compactVerify, createRemoteJWKSet, exportJWK, generateKeyPair, SignJWT } from 'jose';
import { ExclusiveCanonicalization } from 'xml-crypto';
import { startTestOp } from '../test/fixtures/oidc/test-op.ts';
import { idpMetadata, samlResponse } from '../test/server/sts/saml/test-idp.ts';
import { parseSamlMetadata } from '../server/iam/saml-metadata.ts';
import { NS, onlyChild, text } from '../server/sts/saml/dom.ts';
import { parseResponse } from '../server/sts/saml/open-response.ts';
import { certificatePem, verifySignedElement } from '../server/sts/saml/verify-signature.ts';
import { ALGORITHMS } from '../server/sts/web-identity/verify-token.ts';
import { fmt, load, type LoadResult } from './http-load.ts';
import { startBareProcess, startBrokerProcess, type ServerProcess } from './support/broker-process.ts';

const TOTAL = Number(process.env.BENCH_REQUESTS ?? 2000);
const CONCURRENCY = 8;
const WARM = 200;
const VERIFY_CALLS = 3000;
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

const cpuMicros = (since: NodeJS.CpuUsage) => {
  const d = process.cpuUsage(since);
  return d.user + d.system;
};

/** CPU µs per call of `fn` over `calls` calls cycling through `items` (sequential). */
async function cpuPerCall<T>(items: T[], fn: (x: T) => unknown, calls = items.length): Promise<number> {
  for (const x of items.slice(0, 50)) await fn(x); // warm
  const c0 = process.cpuUsage();
  for (let i = 0; i < calls; i++) await fn(items[i % items.length]);
  return cpuMicros(c0) / calls;
}

const BARE_BODY = '<AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/"><AssumeRoleWithWebIdentityResult/></AssumeRoleWithWebIdentityResponse>\n';

/** One measured load against `server`: the rate and the server process's CPU µs per request. */
async function measure(server: ServerProcess, o: Parameters<typeof load>[1]): Promise<{ r: LoadResult; cpuPerRequest: number }> {
  const mark = await server.cpuMark();
  const r = await load(server.url + '/', o);
  return { r, cpuPerRequest: (await server.cpuSince(mark)) / o.total };
}

export default async function run(): Promise<void> {
  const op = await startTestOp();
  const es = await es256Issuer();
  const samlArn = `arn:aws:iam::${ACCT}:saml-provider/BenchIdP`;
  const opArn = `arn:aws:iam::${ACCT}:oidc-provider/${op.hostId}`;
  const esArn = `arn:aws:iam::${ACCT}:oidc-provider/${es.url.slice('http://'.length)}`;
  const trust = (principal: string, action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: principal }, Action: action }] });
  const broker = await startBrokerProcess({
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
  const bare = await startBareProcess(BARE_BODY);
  try {
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
    for (let i = 0; i < WARM + TOTAL; i++) samlB64.push(await samlResponse({ ...sp, attributes }));
    const samlBodies = samlB64.map((b) => `Action=AssumeRoleWithSAML&Version=2011-06-15&RoleArn=${role('BenchSaml')}&PrincipalArn=${encodeURIComponent(samlArn)}&SAMLAssertion=${encodeURIComponent(b)}`);
    console.log(`  (${samlB64.length} samlify-signed responses of ~${Math.round(samlB64[0].length / 1024)} KiB generated in ${((Date.now() - t0) / 1000).toFixed(1)} s)`);

    const opts = (body: string | ((i: number) => string), total = TOTAL) => ({ method: 'POST', headers: FORM, body, total, concurrency: CONCURRENCY });
    const samlAt = (offset: number) => (i: number) => samlBodies[offset + i];
    // Warm-up (JWKS fetched and cached, code paths compiled); every response must be 200.
    for (const [server, o] of [[bare, opts(webBody(rsToken), WARM)], [broker, opts(webBody(rsToken), WARM)], [broker, opts(webBody(esToken), WARM)], [bare, opts(samlAt(0), WARM)], [broker, opts(samlAt(0), WARM)]] as const) {
      const r = await load(server.url + '/', o);
      if (r.errors) throw new Error(`warm-up: ${r.errors} requests failed against ${server.url}`);
    }

    const baseWeb = await measure(bare, opts(webBody(rsToken)));
    const rs = await measure(broker, opts(webBody(rsToken)));
    const esr = await measure(broker, opts(webBody(esToken)));
    const baseSaml = await measure(bare, opts(samlAt(WARM)));
    const saml = await measure(broker, opts(samlAt(WARM)));
    for (const [n, x] of [['RS256', rs], ['ES256', esr], ['SAML', saml]] as const) if (x.r.errors) throw new Error(`${n}: ${x.r.errors} requests failed`);

    // The verification step alone, on the same tokens and responses.
    const jwks = createRemoteJWKSet(new URL(`${op.issuer}/jwks`));
    const esJwks = createRemoteJWKSet(new URL(`${es.url}/jwks`));
    const rsVerify = await cpuPerCall(Array(1000).fill(rsToken), (t) => compactVerify(t, jwks, { algorithms: ALGORITHMS }));
    const esVerify = await cpuPerCall(Array(1000).fill(esToken), (t) => compactVerify(t, esJwks, { algorithms: ALGORITHMS }));
    const certs = parseSamlMetadata(idpMetadata()).signingCertificates;
    const xmls = samlB64.slice(0, 1000).map((b) => Buffer.from(b, 'base64').toString('utf8'));
    const parsed = xmls.map((xml) => {
      const assertion = onlyChild(parseResponse(xml).documentElement!, NS.assertion, 'Assertion')!;
      return { assertion, signature: onlyChild(assertion, NS.dsig, 'Signature')! };
    });
    const samlVerify = await cpuPerCall(parsed, (p) => verifySignedElement(p.assertion, p.signature, certs), VERIFY_CALLS);
    const samlParse = await cpuPerCall(xmls, (x) => parseResponse(x), VERIFY_CALLS);
    // The floor: RSA-SHA256 over the same canonical SignedInfo bytes (xml-crypto's exclusive c14n, made once).
    const key = createPublicKey(certificatePem(certs[0]));
    const signed = parsed.map((p) => ({
      signedInfo: Buffer.from(new ExclusiveCanonicalization().process(onlyChild(p.signature, NS.dsig, 'SignedInfo')!.cloneNode(true) as Element, {}).toString()),
      value: Buffer.from(text(onlyChild(p.signature, NS.dsig, 'SignatureValue')) ?? '', 'base64'),
    }));
    if (!signed.every((x) => rsaVerify('RSA-SHA256', x.signedInfo, key, x.value))) throw new Error('RSA baseline: a SignedInfo did not verify');
    const rsaFloor = await cpuPerCall(signed, (x) => rsaVerify('RSA-SHA256', x.signedInfo, key, x.value), VERIFY_CALLS);

    console.log(`Federation through HTTP (SQLite store, ${CONCURRENCY} connections, ${TOTAL} requests each; broker and bare handler in their own processes), vs a bare Koa handler with the same client and bodies`);
    const line = (name: string, x: { r: LoadResult; cpuPerRequest: number }, base?: LoadResult) =>
      console.log(`  ${name.padEnd(38)} ${fmt(x.r)}  server CPU ${x.cpuPerRequest.toFixed(0).padStart(5)} µs/req${base ? `  ratio ${(x.r.rps / base.rps).toFixed(3)}` : ''}`);
    line('bare Koa handler (web identity body)', baseWeb);
    line('AssumeRoleWithWebIdentity RS256', rs, baseWeb.r);
    line('AssumeRoleWithWebIdentity ES256', esr, baseWeb.r);
    line('bare Koa handler (SAML bodies)', baseSaml);
    line('AssumeRoleWithSAML', saml, baseSaml.r);
    const share = (µs: number, x: { cpuPerRequest: number }) => `${((100 * µs) / x.cpuPerRequest).toFixed(0).padStart(3)} % of the broker's CPU per request`;
    console.log(`Verification alone, same tokens/responses, CPU per call (${VERIFY_CALLS} calls each)`);
    console.log(`  JWT RS256 (jose compactVerify)                  ${rsVerify.toFixed(0).padStart(5)} µs  ${share(rsVerify, rs)}`);
    console.log(`  JWT ES256 (jose compactVerify)                  ${esVerify.toFixed(0).padStart(5)} µs  ${share(esVerify, esr)}`);
    console.log(`  SAML signature verification per response        ${samlVerify.toFixed(0).padStart(5)} µs  ${share(samlVerify, saml)}  (verifySignedElement: find, c14n, digest, RSA)`);
    console.log(`    floor: RSA-SHA256 of the SignedInfo alone      ${rsaFloor.toFixed(0).padStart(5)} µs  (node:crypto verify, parsed key)`);
    console.log(`  SAML response parse (one strict DOM parse)      ${samlParse.toFixed(0).padStart(5)} µs  ${share(samlParse, saml)}`);
  } finally {
    await bare.close();
    await broker.close();
    await op.close();
    es.server.closeAllConnections();
    es.server.close();
  }
}
