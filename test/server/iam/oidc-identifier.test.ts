// Issuer URLs of OIDC providers: https, or http to a loopback name (localhost, *.localhost, 127.x, [::1]).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { oidcIdentifier } from '../../../server/iam/actions/oidc-providers.ts';

it('accepts https issuers and http to loopback names, *.localhost included (the compose demo Keycloak)', () => {
  assert.deepEqual(oidcIdentifier('http://keycloak.localhost:8180/realms/idbroker'), { url: 'http://keycloak.localhost:8180/realms/idbroker', id: 'keycloak.localhost:8180/realms/idbroker' });
  for (const url of ['https://idp.example.com/', 'http://localhost:9000', 'http://127.0.0.1:5556/dex', 'http://[::1]:8080/x', 'http://A.B.LOCALHOST/realm'])
    assert.doesNotThrow(() => oidcIdentifier(url), url);
});

it('refuses plain http to other hosts, including names that only contain "localhost"', () => {
  for (const url of ['http://idp.example.com', 'http://localhost.example.com', 'http://evil-localhost', 'http://localhost.', 'http://10.0.0.1.localhost.example'])
    assert.throws(() => oidcIdentifier(url), /must begin with https:\/\//, url);
});
