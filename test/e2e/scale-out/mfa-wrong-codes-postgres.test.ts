// Issue #14 item 5 on PostgreSQL: the wrong-code limit of an IAM MFA device is shared by two broker replicas on one
// database. Wrong TokenCodes alternate between the replicas; after the limit's worth the right code is refused on both.
import { after, before, describe, it } from 'node:test';
import { GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';
import { rejectsWith } from '../../contracts/iam-api.ts';
import { BAD, enroll, keyOf, LIMIT, limits, YAML } from '../../helpers/iam-mfa.ts';

describe('the MFA wrong-code limit across two PostgreSQL replicas', () => {
  let b1: TestBroker;
  let b2: TestBroker;
  let drop: () => Promise<void>;
  const clients: STSClient[] = [];
  before(async () => {
    const db = await createTestDatabase('idbroker_mfa_limit');
    drop = db.drop;
    b1 = await startTestBroker({ yaml: YAML, limits: limits(300), postgres: db.url });
    b2 = await startTestBroker({ yaml: YAML, limits: limits(300), postgres: db.url, dataDir: b1.dataDir }); // one key ring
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await b2?.destroy();
    await b1?.destroy();
    await drop?.();
  });

  it(`${LIMIT} wrong codes spread over both replicas reach the limit: the right code is refused on both`, async () => {
    const { serial, code, wrong } = await enroll(b1, 'bob');
    const sts = [b1, b2].map((b) => {
      const c = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: keyOf('bob'), maxAttempts: 1 });
      clients.push(c);
      return c;
    });
    for (let i = 0; i < LIMIT; i++) await rejectsWith(sts[i % 2].send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: wrong(i) })), 'AccessDenied', 403, BAD);
    for (const c of sts) await rejectsWith(c.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code() })), 'AccessDenied', 403, BAD);
  });
});
