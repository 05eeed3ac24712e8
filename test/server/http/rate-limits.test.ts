// Request rate limits per principal and per source: AWS's Throttling (400, "Rate exceeded").
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
