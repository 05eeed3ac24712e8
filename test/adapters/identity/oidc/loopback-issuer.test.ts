// Plain-http discovery is allowed for loopback (and private-network) issuers only, *.localhost names included (the docker compose demo's
// Keycloak is http://keycloak.localhost:8180): a stub OP on 127.0.0.1 reached as op.localhost (name resolution
// pointed at loopback for this test, as browsers and the compose network alias do).
import assert from 'node:assert/strict';
import dns from 'node:dns';
import { createServer, type Server } from 'node:http';
import { after, before, it } from 'node:test';
import { createOidcIdentityProvider } from '../../../../adapters/identity/oidc/oidc-identity-provider.ts';
import { memoryLoginStates } from '../../../../adapters/identity/oidc/login-states.ts';

let server: Server;
let port = 0;
const realLookup = dns.lookup;
before(async () => {
  server = createServer((req, res) => {
    const issuer = `http://${req.headers.host}`;
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ issuer, authorization_endpoint: `${issuer}/auth`, token_endpoint: `${issuer}/token`, jwks_uri: `${issuer}/jwks`, response_types_supported: ['code'], subject_types_supported: ['public'], id_token_signing_alg_values_supported: ['RS256'], code_challenge_methods_supported: ['S256'] }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as { port: number }).port;
  (dns as { lookup: unknown }).lookup = (host: string, ...rest: unknown[]) => (realLookup as (...a: unknown[]) => void).call(dns, /localhost/.test(host) ? '127.0.0.1' : host, ...rest);
});
after(() => {
  (dns as { lookup: unknown }).lookup = realLookup;
  server.close();
});

const start = (issuer: string) => createOidcIdentityProvider({ name: 'op', issuer, clientId: 'idbroker', redirectUri: 'http://127.0.0.1:8080/oidc/callback', timeoutSeconds: 2 }, memoryLoginStates()).start({});

it('discovers an http://*.localhost issuer and redirects to its authorization endpoint', async () => {
  const s = await start(`http://op.localhost:${port}`);
  assert.equal(s.kind, 'redirect');
  assert.match((s as { url: string }).url, new RegExp(`^http://op\\.localhost:${port}/auth\\?`));
});

it('still refuses plain http to a host that is not a loopback name', async () => {
  await assert.rejects(start(`http://op.localhost.example:${port}`), /HTTPS/i); // resolves to the same stub: refused for the scheme, not the name
});
