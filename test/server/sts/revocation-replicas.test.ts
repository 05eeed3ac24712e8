// Two broker replicas sharing one store and key ring: credentials from one work on the other (stateless
// tokens), and a revocation made on one is honoured by the other within the refresh bound (2 s).
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { testClock } from '../../helpers/clock.ts';

const yaml = `
roles:
  - name: Worker
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] }
`;

const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-replicas-'));
let a: TestBroker;
let b: TestBroker;
const clockB = testClock();
before(async () => {
  a = await startTestBroker({ dataDir, yaml });
  b = await startTestBroker({ dataDir, yaml, clock: clockB.now });
});
after(async () => {
  await a.close();
  await b.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const sts = (url: string, creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) => new STSClient({ endpoint: url, region: 'us-east-1', credentials: creds, maxAttempts: 1 });

it('a session issued by one replica is accepted by the other, and revoked on both', async () => {
  const issuer = sts(a.httpUrl, ADMIN_KEY);
  const r = await issuer.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/Worker', RoleSessionName: 'job-1' }));
  const creds = { accessKeyId: r.Credentials!.AccessKeyId!, secretAccessKey: r.Credentials!.SecretAccessKey!, sessionToken: r.Credentials!.SessionToken! };
  const onB = sts(b.httpUrl, creds);
  assert.equal((await onB.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Worker/job-1');

  const revoked = await sendQuery(a.httpUrl, 'Action=RevokeSessions&Version=2010-05-08&PrincipalArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FWorker', ADMIN_KEY);
  assert.equal(revoked.status, 200, revoked.text);
  // replica A refuses at once; replica B once its refresh interval (2 s, on its clock) has passed
  await assert.rejects(sts(a.httpUrl, creds).send(new GetCallerIdentityCommand({})), (e: Error) => e.name === 'InvalidClientTokenId');
  clockB.advance(2000);
  await assert.rejects(onB.send(new GetCallerIdentityCommand({})), (e: Error) => e.name === 'InvalidClientTokenId', 'replica B still accepted the revoked session');
  // a session issued after the revocation works
  const fresh = await issuer.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/Worker', RoleSessionName: 'job-2' }));
  const freshOnB = sts(b.httpUrl, { accessKeyId: fresh.Credentials!.AccessKeyId!, secretAccessKey: fresh.Credentials!.SecretAccessKey!, sessionToken: fresh.Credentials!.SessionToken! });
  assert.equal((await freshOnB.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Worker/job-2');
  freshOnB.destroy();
  issuer.destroy();
  onB.destroy();
});
