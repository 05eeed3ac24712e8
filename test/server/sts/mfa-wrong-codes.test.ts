// Issue #14 item 5: wrong MFA codes for an IAM user's device are limited (limits.mfaWrongCodesPerDevice per
// limits.mfaWrongCodesWindowSeconds). With the unmodified AWS SDK against a real broker: after the limit's wrong
// TokenCodes the right code is refused too, with AWS's invalid-code error, for GetSessionToken and AssumeRole alike;
// every refusal is a denied event in the audit trail; a right code does not count; the window's end lifts the limit.
// (Before the fix the right code still worked after any number of wrong ones.)
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AssumeRoleCommand, GetSessionTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { testClock } from '../../helpers/clock.ts';
import { rejectsWith } from '../../contracts/iam-api.ts';
import { BAD, enroll, keyOf, LIMIT, limits, YAML } from '../../helpers/iam-mfa.ts';

const A = '111122223333';

describe('wrong MFA codes for IAM users are limited per device', () => {
  let b: TestBroker;
  const clients: STSClient[] = [];
  const sts = (user: string) => {
    const c = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: keyOf(user), maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  before(async () => {
    b = await startTestBroker({ yaml: YAML, limits: limits(300) });
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await b.destroy();
  });

  it(`after ${LIMIT} wrong codes the right code is refused (GetSessionToken and AssumeRole), and the audit trail has every failure`, async () => {
    const { serial, code, wrong } = await enroll(b, 'bob');
    for (let i = 0; i < LIMIT; i++) await rejectsWith(sts('bob').send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: wrong(i) })), 'AccessDenied', 403, BAD);
    await rejectsWith(sts('bob').send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code() })), 'AccessDenied', 403, BAD);
    const role = { RoleArn: `arn:aws:iam::${A}:role/NeedsMfa`, RoleSessionName: 'bob' };
    await rejectsWith(sts('bob').send(new AssumeRoleCommand({ ...role, SerialNumber: serial, TokenCode: code() })), 'AccessDenied', 403, BAD);
    // another user's device is not affected
    const carol = await enroll(b, 'carol');
    assert.ok((await sts('carol').send(new GetSessionTokenCommand({ SerialNumber: carol.serial, TokenCode: carol.code() }))).Credentials?.SessionToken);

    await b.audit.flush();
    const denied = (await b.store.audit.query({ limit: 100, denied: true, principalArn: `arn:aws:iam::${A}:user/bob` })).filter((e) => e.eventName === 'GetSessionToken');
    assert.equal(denied.length, LIMIT + 1, 'each wrong code and the refused right one');
    for (const e of denied) {
      const ev = e.data as { errorCode: string; errorMessage: string; requestParameters: Record<string, string> };
      assert.equal(ev.errorCode, 'AccessDenied');
      assert.match(ev.errorMessage, BAD);
      assert.equal(ev.requestParameters.serialNumber, serial);
      assert.equal(ev.requestParameters.tokenCode, 'HIDDEN_DUE_TO_SECURITY_REASONS');
    }
  });

  it('concurrent wrong codes cannot all be checked: the limit holds, and the right code is refused after them', async () => {
    const { serial, code, wrong } = await enroll(b, 'dave');
    const answers = await Promise.allSettled(Array.from({ length: 40 }, (_, i) => sts('dave').send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: wrong(i) }))));
    assert.ok(answers.every((a) => a.status === 'rejected'));
    await rejectsWith(sts('dave').send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code() })), 'AccessDenied', 403, BAD);
  });

  it('a right code is not counted against the device', async () => {
    const { serial, code, wrong } = await enroll(b, 'erin');
    for (let i = 0; i < LIMIT - 1; i++) await rejectsWith(sts('erin').send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: wrong(i) })), 'AccessDenied', 403, BAD);
    assert.ok((await sts('erin').send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code(0) }))).Credentials);
    // the sixth code in the window: accepted, for only four were wrong
    assert.ok((await sts('erin').send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code(1) }))).Credentials, `${LIMIT} wrong codes, not ${LIMIT} attempts, reach the limit`);
    // and the fifth wrong one reaches it
    await rejectsWith(sts('erin').send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: wrong(100) })), 'AccessDenied', 403, BAD);
  });
});

describe('the wrong-code limit ends with its window', () => {
  let b: TestBroker;
  const clock = testClock();
  before(async () => {
    b = await startTestBroker({ yaml: YAML, limits: limits(1), clock: clock.now });
  });
  after(async () => b.destroy());

  it('refuses the right code inside the window and accepts it once the window has passed', async () => {
    const { serial, code, wrong } = await enroll(b, 'bob');
    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: keyOf('bob'), maxAttempts: 1 });
    try {
      await Promise.allSettled(Array.from({ length: LIMIT }, (_, i) => sts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: wrong(i) }))));
      await rejectsWith(sts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code() })), 'AccessDenied', 403, BAD);
      clock.advance(1_000); // the 1-second window is over
      assert.ok((await sts.send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code() }))).Credentials);
    } finally {
      sts.destroy();
    }
  });
});
