// Issuer URLs of OIDC providers: https, or http to a loopback name (localhost, *.localhost, 127.x, [::1]) or a
// private address (10/8, 172.16/12, 192.168/16, fc00::/7) — where on-prem IdPs run. The config schema, IAM's
// CreateOpenIDConnectProvider and the relying party share the rule (server/contracts/plain-http.ts).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { oidcIdentifier } from '../../../server/iam/actions/oidc-providers.ts';
import { ADMIN_KEY, startTestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';

it('accepts https issuers and http to loopback names, *.localhost included (the compose demo Keycloak)', () => {
  assert.deepEqual(oidcIdentifier('http://keycloak.localhost:8180/realms/idbroker'), { url: 'http://keycloak.localhost:8180/realms/idbroker', id: 'keycloak.localhost:8180/realms/idbroker' });
  for (const url of ['https://idp.example.com/', 'http://localhost:9000', 'http://127.0.0.1:5556/dex', 'http://[::1]:8080/x', 'http://A.B.LOCALHOST/realm'])
    assert.doesNotThrow(() => oidcIdentifier(url), url);
});

it('accepts http to private addresses (on-prem IdPs)', () => {
  for (const url of ['http://10.0.0.12:5556/dex', 'http://172.16.0.1/x', 'http://172.31.255.254', 'http://192.168.1.5:5556/dex', 'http://[fd00::1]:8080/x'])
    assert.doesNotThrow(() => oidcIdentifier(url), url);
});

it('refuses plain http to other hosts, including names that only contain "localhost" and public addresses', () => {
  for (const url of ['http://idp.example.com', 'http://localhost.example.com', 'http://evil-localhost', 'http://localhost.', 'http://10.0.0.1.localhost.example', 'http://172.32.0.1', 'http://11.0.0.1', 'http://8.8.8.8/x', 'http://[2001:db8::1]/'])
    assert.throws(() => oidcIdentifier(url), /must begin with https:\/\//, url);
});

it('what the config admits, the broker applies: an http://10.x issuer in the config file starts, and IAM registers one', async () => {
  const b = await startTestBroker({ yaml: 'identityProviders: { oidc: [{ name: dex, url: "http://10.0.0.12:5556/dex", clientIds: [idbroker] }] }' });
  try {
    const list = await sendQuery(b.httpUrl, 'Action=ListOpenIDConnectProviders&Version=2010-05-08', ADMIN_KEY, { service: 'iam' });
    assert.match(list.text, /oidc-provider\/10\.0\.0\.12:5556\/dex/);
    const created = await sendQuery(b.httpUrl, `Action=CreateOpenIDConnectProvider&Version=2010-05-08&Url=${encodeURIComponent('http://192.168.7.7:8080/realms/corp')}&ClientIDList.member.1=app`, ADMIN_KEY, { service: 'iam' });
    assert.equal(created.status, 200, created.text);
    const refused = await sendQuery(b.httpUrl, `Action=CreateOpenIDConnectProvider&Version=2010-05-08&Url=${encodeURIComponent('http://idp.example.com')}&ClientIDList.member.1=app`, ADMIN_KEY, { service: 'iam' });
    assert.equal(refused.status, 400);
    assert.match(refused.text, /<Code>InvalidInput<\/Code>/);
  } finally {
    await b.destroy();
  }
});
