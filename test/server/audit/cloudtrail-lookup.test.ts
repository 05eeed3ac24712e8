// CloudTrail's LookupEvents over AWS JSON 1.1, called by @aws-sdk/client-cloudtrail unchanged: AWS's event
// shape, LookupAttributes, time range, NextToken paging, CloudTrail's errors, cloudtrail:LookupEvents.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { CloudTrailClient, LookupEventsCommand, type LookupEventsCommandInput } from '@aws-sdk/client-cloudtrail';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { bobSession } from './cloudtrail-session.ts';

describe('CloudTrail LookupEvents (AWS JSON 1.1)', () => {
  let b: TestBroker;
  let bobKey: { accessKeyId: string; secretAccessKey: string };
  let ct: CloudTrailClient;
  const lookup = (input: LookupEventsCommandInput, c = ct) => c.send(new LookupEventsCommand(input));
  before(async () => {
    b = await startTestBroker();
    bobKey = await bobSession(b);
    ct = new CloudTrailClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
  });
  after(async () => {
    ct.destroy();
    await b.destroy();
  });

  it("returns bob's events for Username=bob, newest first, in AWS's event shape", async () => {
    const r = await lookup({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'bob' }] });
    assert.deepEqual(r.Events!.map((e) => e.EventName).sort(), ['CreateRole', 'GetRole', 'GetUser', 'ListUsers']);
    const times = r.Events!.map((e) => e.EventTime!.getTime());
    assert.deepEqual(times, [...times].sort((x, y) => y - x), 'newest first (the trail keeps whole seconds)');
    assert.equal(r.NextToken, undefined);
    const byName = (n: string) => r.Events!.find((e) => e.EventName === n)!;
    const [getRole, createRole] = [byName('GetRole'), byName('CreateRole')];
    assert.equal(createRole.Username, 'bob');
    assert.equal(createRole.AccessKeyId, bobKey.accessKeyId);
    assert.equal(createRole.EventSource, 'iam.amazonaws.com');
    assert.equal(createRole.ReadOnly, 'false');
    assert.equal(getRole.ReadOnly, 'true');
    assert.ok(createRole.EventTime instanceof Date && Math.abs(createRole.EventTime.getTime() - Date.now()) < 3600_000);
    assert.deepEqual(createRole.Resources, [{ ResourceType: 'AWS::IAM::Role', ResourceName: 'BobRole' }]);
    const record = JSON.parse(createRole.CloudTrailEvent!) as Record<string, any>;
    assert.equal(record.eventID, createRole.EventId);
    assert.equal(record.eventName, 'CreateRole');
    assert.equal(record.userIdentity.userName, 'bob');
    assert.equal(JSON.parse(getRole.CloudTrailEvent!).errorCode, 'AccessDenied');
  });

  it('filters by event name, event id, resource name, access key and read-only', async () => {
    const created = await lookup({ LookupAttributes: [{ AttributeKey: 'EventName', AttributeValue: 'CreateUser' }] });
    assert.deepEqual(created.Events!.map((e) => [e.EventName, e.Username]), [['CreateUser', 'admin']]);
    assert.deepEqual(created.Events![0].Resources, [{ ResourceType: 'AWS::IAM::User', ResourceName: 'bob' }]);
    const byId = await lookup({ LookupAttributes: [{ AttributeKey: 'EventId', AttributeValue: created.Events![0].EventId }] });
    assert.deepEqual(byId.Events!.map((e) => e.EventId), [created.Events![0].EventId]);
    const role = await lookup({ LookupAttributes: [{ AttributeKey: 'ResourceName', AttributeValue: 'BobRole' }] });
    assert.deepEqual(role.Events!.map((e) => e.EventName).sort(), ['CreateRole', 'GetRole']);
    const key = await lookup({ LookupAttributes: [{ AttributeKey: 'ResourceType', AttributeValue: 'AWS::IAM::AccessKey' }] });
    assert.deepEqual(key.Events!.map((e) => [e.EventName, e.Resources!.find((r) => r.ResourceType === 'AWS::IAM::AccessKey')!.ResourceName]), [['CreateAccessKey', bobKey.accessKeyId]]);
    const signed = await lookup({ LookupAttributes: [{ AttributeKey: 'AccessKeyId', AttributeValue: bobKey.accessKeyId }] });
    assert.equal(signed.Events!.length, 4);
    const writes = await lookup({ LookupAttributes: [{ AttributeKey: 'ReadOnly', AttributeValue: 'false' }] });
    assert.deepEqual(writes.Events!.map((e) => e.EventName).sort(), ['CreateAccessKey', 'CreateRole', 'CreateUser', 'PutUserPolicy']);
    const source = await lookup({ LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'sts.amazonaws.com' }] });
    assert.deepEqual(source.Events, []);
  });

  it('pages with MaxResults and NextToken, each event once', async () => {
    // the IAM events of the scripted session: the lookups are audited too (cloudtrail.amazonaws.com) and reach the
    // store while the pages are read, so the whole trail grows between the first page and the comparison below
    const iam = [{ AttributeKey: 'EventSource' as const, AttributeValue: 'iam.amazonaws.com' }];
    const seen: string[] = [];
    let token: string | undefined;
    let pages = 0;
    do {
      const r = await lookup({ MaxResults: 3, NextToken: token, LookupAttributes: iam });
      assert.ok(r.Events!.length <= 3);
      seen.push(...r.Events!.map((e) => e.EventId!));
      token = r.NextToken;
      pages++;
    } while (token && pages < 20);
    assert.equal(token, undefined);
    assert.equal(new Set(seen).size, seen.length);
    assert.ok(pages >= 3, `${seen.length} IAM events in ${pages} pages`);
    const all = await lookup({ LookupAttributes: iam });
    assert.deepEqual(seen, all.Events!.map((e) => e.EventId));
  });

  it('keeps to StartTime and EndTime (inclusive, epoch seconds)', async () => {
    const all = (await lookup({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'bob' }] })).Events!;
    const oldest = all[all.length - 1].EventTime!;
    const inRange = await lookup({ StartTime: oldest, EndTime: oldest, LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'bob' }] });
    assert.ok(inRange.Events!.length >= 1);
    assert.ok(inRange.Events!.every((e) => e.EventTime!.getTime() === oldest.getTime()));
    const past = await lookup({ StartTime: new Date(Date.now() - 86400_000 * 2), EndTime: new Date(Date.now() - 86400_000) });
    assert.deepEqual(past.Events, []);
  });

  it("answers CloudTrail's errors", async () => {
    const fails = async (input: LookupEventsCommandInput, name: string, c = ct) => {
      await assert.rejects(lookup(input, c), (e: Error & { $metadata?: { httpStatusCode?: number } }) => {
        assert.equal(e.name, name, e.message);
        assert.ok(e.message.length > 0);
        return true;
      });
    };
    await fails({ LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'bob' }, { AttributeKey: 'EventName', AttributeValue: 'GetUser' }] }, 'InvalidLookupAttributesException');
    await fails({ LookupAttributes: [{ AttributeKey: 'Colour' as 'Username', AttributeValue: 'blue' }] }, 'InvalidLookupAttributesException');
    await fails({ StartTime: new Date(), EndTime: new Date(Date.now() - 60_000) }, 'InvalidTimeRangeException');
    await fails({ MaxResults: 51 }, 'InvalidMaxResultsException');
    await fails({ NextToken: 'bm90IGEgdG9rZW4' }, 'InvalidNextTokenException');
    const token = (await lookup({ MaxResults: 1 })).NextToken!;
    await fails({ MaxResults: 1, NextToken: token, LookupAttributes: [{ AttributeKey: 'Username', AttributeValue: 'bob' }] }, 'InvalidNextTokenException');
    const bob = new CloudTrailClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: bobKey, maxAttempts: 1 });
    await fails({}, 'AccessDeniedException', bob);
    bob.destroy();
    const wrong = new CloudTrailClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { ...ADMIN_KEY, secretAccessKey: 'x'.repeat(40) }, maxAttempts: 1 });
    await fails({}, 'InvalidSignatureException', wrong);
    wrong.destroy();
    const unknown = new CloudTrailClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: 'AKIAAAAAAAAAAAAAAAAA', secretAccessKey: 'x'.repeat(40) }, maxAttempts: 1 });
    await fails({}, 'UnrecognizedClientException', unknown);
    unknown.destroy();
  });

  it('records the lookup itself, and the Query form of LookupEvents still answers', async () => {
    await lookup({ MaxResults: 1 });
    await b.audit.flush();
    const r = await lookup({ LookupAttributes: [{ AttributeKey: 'EventSource', AttributeValue: 'cloudtrail.amazonaws.com' }], MaxResults: 50 });
    assert.ok(r.Events!.length >= 1);
    assert.ok(r.Events!.every((e) => e.EventName === 'LookupEvents'));
    const q = await sendQuery(b.httpUrl, 'Action=LookupEvents&Version=2010-05-08&EventName=CreateRole', ADMIN_KEY);
    assert.equal(q.status, 200, q.text);
    assert.match(q.text, /<EventName>CreateRole<\/EventName>/);
  });
});
