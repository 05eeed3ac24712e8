// Request rate limits per principal and per source: AWS's Throttling (400, "Rate exceeded") on the Query API; the
// portal, sign-in and /cli/* routes answer 429 in their own form (server/http/browser-guard.ts).
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';

const BOB = { accessKeyId: 'AKIABOBBOBBOBBOBBOB2', secretAccessKey: 'bobSecretKeyForTestsOnly0000000000000000' };
let b: TestBroker;
before(async () => {
  b = await startTestBroker({ limits: 'limits: { requestsPerSecondPerSource: 0, requestsPerSecondPerPrincipal: 3 }', yaml: `users: [{ name: bob, accessKeys: [{ id: ${BOB.accessKeyId}, secret: ${BOB.secretAccessKey} }] }]` });
});
after(async () => b.destroy());

it('a principal over its rate gets Throttling; another principal is not affected', async () => {
  const results = await Promise.all(Array.from({ length: 8 }, () => sendQuery(b.httpUrl, 'Action=GetCallerIdentity&Version=2011-06-15', ADMIN_KEY, { service: 'sts' })));
  const throttled = results.filter((r) => r.status === 400);
  assert.ok(throttled.length >= 1, 'some requests throttled');
  assert.match(throttled[0].text, /<Code>Throttling<\/Code>/);
  assert.match(throttled[0].text, /<Message>Rate exceeded<\/Message>/);
  const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: BOB, maxAttempts: 1 });
  assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::111122223333:user/bob');
  sts.destroy();
});

it('the portal, the sign-in routes and /cli/* share the per-source limit: 429 pages, slow_down JSON, Retry-After', async () => {
  const limited = await startTestBroker({ limits: 'limits: { requestsPerSecondPerSource: 3, requestsPerSecondPerPrincipal: 0 }' });
  try {
    const pages = await Promise.all(Array.from({ length: 10 }, () => fetch(`${limited.httpUrl}/`)));
    const refused = pages.filter((r) => r.status === 429);
    assert.ok(refused.length >= 1 && refused.length < 10, `some pages refused (${refused.length})`);
    assert.match(refused[0].headers.get('content-type') ?? '', /^text\/html/);
    assert.ok(Number(refused[0].headers.get('retry-after')) >= 1);
    assert.match(await refused[0].text(), /TooManyRequests[\s\S]*Too many requests from this address/);
    const cli = await Promise.all(Array.from({ length: 10 }, () => fetch(`${limited.httpUrl}/cli/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=urn:ietf:params:oauth:grant-type:device_code&device_code=x' })));
    const slow = cli.filter((r) => r.status === 429);
    assert.ok(slow.length >= 1, 'some token polls refused');
    assert.deepEqual(await slow[0].json(), { error: 'slow_down', error_description: 'Rate exceeded: too many requests from this address.' });
    const saml = await Promise.all(Array.from({ length: 10 }, () => fetch(`${limited.httpUrl}/saml/login/nope`, { redirect: 'manual' })));
    assert.ok(saml.some((r) => r.status === 429), 'sign-in starts are limited too');
    for (const r of [...pages, ...cli, ...saml]) await r.body?.cancel().catch(() => {});
    // health checks are not limited (load balancers poll them)
    const health = await Promise.all(Array.from({ length: 10 }, () => fetch(`${limited.httpUrl}/healthz`)));
    assert.deepEqual([...new Set(health.map((r) => r.status))], [200]);
  } finally {
    await limited.destroy();
  }
});
