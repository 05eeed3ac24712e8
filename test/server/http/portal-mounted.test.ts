// The portal is served by the broker itself, next to the Query API on the same port.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestBroker, ADMIN_KEY, type TestBroker } from '../../helpers/broker.ts';
import { presignUrl } from '../../../server/sts/sigv4/index.ts';

let b: TestBroker;
before(async () => {
  b = await startTestBroker({
    yaml: `
directories:
  - { id: d-1000000001, type: simple-ad, dnsName: corp.example.com, netbiosName: CORP, ldap: { host: 127.0.0.1, port: 0 }, adminPassword: "Adm1n-Passw0rd!" }
`,
  });
});
after(async () => b.destroy());

it('GET / is the sign-in page with the directory form; GET /?Action=… is still the Query API', async () => {
  const page = await fetch(`${b.httpUrl}/`);
  assert.equal(page.status, 200);
  assert.match(page.headers.get('content-type') ?? '', /text\/html/);
  assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
  assert.match(await page.text(), /action="\/login\/directory\/d-1000000001"/);
  const url = presignUrl(new URL(`${b.httpUrl}/?Action=GetCallerIdentity&Version=2011-06-15`), ADMIN_KEY, { region: 'us-east-1', service: 'sts', now: new Date() });
  const api = await fetch(url);
  assert.equal(api.status, 200);
  assert.match(await api.text(), /<GetCallerIdentityResponse/);
  assert.equal((await fetch(`${b.httpUrl}/no-such-page`)).status, 404);
});
