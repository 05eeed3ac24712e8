// Response shapes as the AWS CLI v2 (Debian's, unchanged) prints them from the broker: create-policy's Tags,
// list-users/list-roles without PermissionsBoundary, delete-open-id-connect-provider of a missing provider.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { awsCliOk, type CliTarget } from '../../helpers/aws-cli.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';

const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

describe('aws iam response shapes against the broker', () => {
  const home = mkdtempSync(join(tmpdir(), 'idbroker-shapes-home-'));
  let b: TestBroker;
  let t: CliTarget;

  before(async () => {
    b = await startTestBroker();
    t = { endpoint: b.httpUrl, home, credentials: ADMIN_KEY };
  });
  after(async () => {
    await b.destroy();
    rmSync(home, { recursive: true, force: true });
  });

  it('create-policy prints its Tags; list-users and list-roles leave the boundary out; deleting a missing OIDC provider succeeds', async () => {
    const { Policy } = await awsCliOk<{ Policy: { Arn: string; Tags?: unknown } }>(t, 'iam', 'create-policy', '--policy-name', 'Bound', '--policy-document', POLICY, '--tags', 'Key=team,Value=sec');
    assert.deepEqual(Policy.Tags, [{ Key: 'team', Value: 'sec' }]);
    await awsCliOk(t, 'iam', 'create-user', '--user-name', 'b1', '--path', '/cli/', '--permissions-boundary', Policy.Arn);
    await awsCliOk(t, 'iam', 'create-role', '--role-name', 'r1', '--path', '/cli/', '--assume-role-policy-document', TRUST, '--permissions-boundary', Policy.Arn);
    const user = await awsCliOk<{ User: Record<string, unknown> }>(t, 'iam', 'get-user', '--user-name', 'b1');
    assert.equal((user.User.PermissionsBoundary as { PermissionsBoundaryArn: string }).PermissionsBoundaryArn, Policy.Arn);
    const users = await awsCliOk<{ Users: Array<Record<string, unknown>> }>(t, 'iam', 'list-users', '--path-prefix', '/cli/');
    assert.deepEqual([users.Users.length, 'PermissionsBoundary' in users.Users[0]], [1, false]);
    const roles = await awsCliOk<{ Roles: Array<Record<string, unknown>> }>(t, 'iam', 'list-roles', '--path-prefix', '/cli/');
    assert.deepEqual([roles.Roles.length, 'PermissionsBoundary' in roles.Roles[0]], [1, false]);
    assert.equal(await awsCliOk(t, 'iam', 'delete-open-id-connect-provider', '--open-id-connect-provider-arn', 'arn:aws:iam::111122223333:oidc-provider/never.example.com'), undefined);
  });
});
