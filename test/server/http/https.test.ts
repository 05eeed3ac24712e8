// HTTPS on the Query API endpoint with a generated certificate (or configured certFile/keyFile).
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Agent } from 'node:https';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IAMClient, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';

let b: TestBroker;
before(async () => {
  b = await startTestBroker({ https: true });
});
after(async () => b.destroy());

it('serves the Query API over HTTPS with a generated certificate the client can pin', async () => {
  assert.match(b.httpUrl, /^https:\/\/127\.0\.0\.1:\d+$/);
  assert.ok(b.lines.some((l) => /HTTPS certificate SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/.test(l)));
  const ca = readFileSync(join(b.dataDir, 'tls', 'https.crt'));
  const handler = new NodeHttpHandler({ httpsAgent: new Agent({ ca }) });
  const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, requestHandler: handler, maxAttempts: 1 });
  assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::111122223333:user/admin');
  sts.destroy();
  const untrusted = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
  await assert.rejects(untrusted.send(new GetCallerIdentityCommand({})), /self-signed|certificate/i);
  untrusted.destroy();
  const iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, requestHandler: handler, maxAttempts: 1 });
  const r = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::111122223333:user/admin', ActionNames: ['s3:GetObject'] }));
  assert.equal(r.EvaluationResults?.[0].EvalDecision, 'allowed');
  iam.destroy();
});

it('a second listener serves the same API over HTTPS beside plain HTTP, with the printed fingerprint', async () => {
  const both = await startTestBroker({ httpsListener: true });
  try {
    assert.match(both.httpUrl, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.match(both.httpsUrl ?? '', /^https:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(both.lines.includes(`  HTTPS (IAM and STS Query API): ${both.httpsUrl}`), both.lines.join('\n'));
    const pem = readFileSync(join(both.dataDir, 'tls', 'https.crt'));
    const printed = both.lines.map((l) => /HTTPS certificate SHA-256 fingerprint: (\S+)/.exec(l)?.[1]).find(Boolean);
    assert.equal(printed, new X509Certificate(pem).fingerprint256, 'the fingerprint printed is the served certificate’s');
    const handler = new NodeHttpHandler({ httpsAgent: new Agent({ ca: pem }) });
    for (const [endpoint, requestHandler] of [[both.httpsUrl!, handler], [both.httpUrl, undefined]] as const) {
      const sts = new STSClient({ endpoint, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1, ...(requestHandler ? { requestHandler } : {}) });
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:iam::111122223333:user/admin', endpoint);
      sts.destroy();
    }
  } finally {
    await both.destroy();
  }
});
