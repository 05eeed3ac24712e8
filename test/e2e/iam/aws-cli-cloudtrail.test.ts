// `aws cloudtrail lookup-events --endpoint-url …` (Debian's AWS CLI 2.9, unchanged; credentials from the
// environment) against the broker: the events of a scripted session, filtered by user name and by event name.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { bobSession } from '../../server/audit/cloudtrail-session.ts';

const AWS = '/usr/bin/aws';
const run = promisify(execFile);

interface CliEvent {
  EventId: string;
  EventName: string;
  Username?: string;
  EventTime: string;
  EventSource: string;
  ReadOnly: string;
  AccessKeyId?: string;
  Resources: { ResourceType: string; ResourceName: string }[];
  CloudTrailEvent: string;
}

describe('aws cloudtrail lookup-events against the broker', () => {
  const home = mkdtempSync(join(tmpdir(), 'idbroker-ct-home-'));
  let b: TestBroker;
  let bobKeyId: string;

  before(async () => {
    b = await startTestBroker();
    bobKeyId = (await bobSession(b)).accessKeyId;
  });
  after(async () => {
    await b.destroy();
    rmSync(home, { recursive: true, force: true });
  });

  async function lookupEvents(...args: string[]): Promise<CliEvent[]> {
    const { stdout } = await run(AWS, ['cloudtrail', 'lookup-events', '--endpoint-url', b.httpUrl, '--output', 'json', ...args], {
      env: { PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: ADMIN_KEY.accessKeyId, AWS_SECRET_ACCESS_KEY: ADMIN_KEY.secretAccessKey, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' },
      encoding: 'utf8',
    });
    return (JSON.parse(stdout) as { Events: CliEvent[] }).Events;
  }

  it('the AWS CLI is Debian\'s 2.9 (JSON 1.1 protocol, botocore target prefix)', async () => {
    const { stdout } = await run(AWS, ['--version'], { encoding: 'utf8' });
    assert.match(stdout, /^aws-cli\/2\./);
  });

  it("--lookup-attributes AttributeKey=Username,AttributeValue=bob: bob's calls, in AWS's event shape", async () => {
    const events = await lookupEvents('--lookup-attributes', 'AttributeKey=Username,AttributeValue=bob');
    assert.deepEqual(events.map((e) => e.EventName).sort(), ['CreateRole', 'GetRole', 'GetUser', 'ListUsers']);
    for (const e of events) {
      assert.equal(e.Username, 'bob');
      assert.equal(e.AccessKeyId, bobKeyId);
      assert.equal(e.EventSource, 'iam.amazonaws.com');
      assert.ok(!Number.isNaN(Date.parse(e.EventTime)), e.EventTime);
      assert.equal((JSON.parse(e.CloudTrailEvent) as { eventID: string }).eventID, e.EventId);
    }
    const created = events.find((e) => e.EventName === 'CreateRole')!;
    assert.deepEqual(created.Resources, [{ ResourceType: 'AWS::IAM::Role', ResourceName: 'BobRole' }]);
    assert.equal(created.ReadOnly, 'false');
  });

  it('--lookup-attributes AttributeKey=EventName: only that event, whoever made it', async () => {
    const created = await lookupEvents('--lookup-attributes', 'AttributeKey=EventName,AttributeValue=CreateUser');
    assert.deepEqual(created.map((e) => [e.EventName, e.Username]), [['CreateUser', 'admin']]);
    const denied = await lookupEvents('--lookup-attributes', 'AttributeKey=EventName,AttributeValue=GetRole');
    assert.equal(denied.length, 1);
    assert.equal((JSON.parse(denied[0].CloudTrailEvent) as { errorCode: string }).errorCode, 'AccessDenied');
  });

  it('pages through NextToken (--page-size 2) to the same events as one call', async () => {
    const iam = ['--lookup-attributes', 'AttributeKey=EventSource,AttributeValue=iam.amazonaws.com']; // not the lookups themselves
    const all = await lookupEvents(...iam);
    const paged = await lookupEvents(...iam, '--page-size', '2');
    assert.ok(all.length >= 7);
    assert.deepEqual(paged.map((e) => e.EventId), all.map((e) => e.EventId));
  });

  it('refuses two lookup attributes with CloudTrail\'s error', async () => {
    await assert.rejects(
      lookupEvents('--lookup-attributes', 'AttributeKey=Username,AttributeValue=bob', 'AttributeKey=EventName,AttributeValue=GetUser'),
      (e: Error & { stderr?: string }) => /InvalidLookupAttributesException/.test(e.stderr ?? '') || assert.fail(e.stderr),
    );
  });
});
