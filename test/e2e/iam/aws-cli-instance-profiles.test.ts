// `aws iam … instance-profile …` (Debian's AWS CLI v2, unchanged) against the broker: the whole life of an
// instance profile and AWS's errors as the CLI prints them.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { awsCli, awsCliOk, type CliTarget } from '../../helpers/aws-cli.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';

const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

interface Profile {
  InstanceProfileName: string;
  InstanceProfileId: string;
  Arn: string;
  Path: string;
  Roles: Array<{ RoleName: string; AssumeRolePolicyDocument: unknown }>;
  Tags?: Array<{ Key: string; Value: string }>;
}

describe('aws iam instance profiles against the broker', () => {
  const home = mkdtempSync(join(tmpdir(), 'idbroker-ip-home-'));
  let b: TestBroker;
  let t: CliTarget;

  before(async () => {
    b = await startTestBroker();
    t = { endpoint: b.httpUrl, home, credentials: ADMIN_KEY };
    await awsCliOk(t, 'iam', 'create-role', '--role-name', 'Ec2Role', '--assume-role-policy-document', TRUST);
    await awsCliOk(t, 'iam', 'create-role', '--role-name', 'Second', '--assume-role-policy-document', TRUST);
  });
  after(async () => {
    await b.destroy();
    rmSync(home, { recursive: true, force: true });
  });

  it('create, add-role, get, list, list-for-role, tags, remove-role, delete', async () => {
    const { InstanceProfile: created } = await awsCliOk<{ InstanceProfile: Profile }>(t, 'iam', 'create-instance-profile', '--instance-profile-name', 'Web', '--path', '/hosts/', '--tags', 'Key=env,Value=prod');
    assert.equal(created.Arn, 'arn:aws:iam::111122223333:instance-profile/hosts/Web');
    assert.match(created.InstanceProfileId, /^AIPA[A-Z2-7]{17}$/);
    assert.deepEqual(created.Roles, []);
    assert.equal(await awsCliOk(t, 'iam', 'add-role-to-instance-profile', '--instance-profile-name', 'Web', '--role-name', 'Ec2Role'), undefined);
    const { InstanceProfile: got } = await awsCliOk<{ InstanceProfile: Profile }>(t, 'iam', 'get-instance-profile', '--instance-profile-name', 'Web');
    assert.deepEqual([got.Roles.map((r) => r.RoleName), got.Roles[0].AssumeRolePolicyDocument, got.Tags], [['Ec2Role'], JSON.parse(TRUST), [{ Key: 'env', Value: 'prod' }]]);
    const listed = await awsCliOk<{ InstanceProfiles: Profile[] }>(t, 'iam', 'list-instance-profiles', '--path-prefix', '/hosts/');
    assert.deepEqual(listed.InstanceProfiles.map((p) => p.InstanceProfileName), ['Web']);
    const forRole = await awsCliOk<{ InstanceProfiles: Profile[] }>(t, 'iam', 'list-instance-profiles-for-role', '--role-name', 'Ec2Role');
    assert.deepEqual(forRole.InstanceProfiles.map((p) => p.Arn), [created.Arn]);
    await awsCliOk(t, 'iam', 'tag-instance-profile', '--instance-profile-name', 'Web', '--tags', 'Key=team,Value=web');
    await awsCliOk(t, 'iam', 'untag-instance-profile', '--instance-profile-name', 'Web', '--tag-keys', 'env');
    assert.deepEqual((await awsCliOk<{ Tags: unknown[] }>(t, 'iam', 'list-instance-profile-tags', '--instance-profile-name', 'Web')).Tags, [{ Key: 'team', Value: 'web' }]);

    assert.deepEqual(await awsCli(t, 'iam', 'add-role-to-instance-profile', '--instance-profile-name', 'Web', '--role-name', 'Second'), {
      ok: false,
      code: 'LimitExceeded',
      message: 'Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1',
      stderr: '\nAn error occurred (LimitExceeded) when calling the AddRoleToInstanceProfile operation: Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1\n',
    });
    const conflict = 'Cannot delete entity, must remove roles from instance profile first.';
    assert.deepEqual(pick(await awsCli(t, 'iam', 'delete-role', '--role-name', 'Ec2Role')), ['DeleteConflict', conflict]);
    assert.deepEqual(pick(await awsCli(t, 'iam', 'delete-instance-profile', '--instance-profile-name', 'Web')), ['DeleteConflict', conflict]);
    assert.deepEqual(pick(await awsCli(t, 'iam', 'create-instance-profile', '--instance-profile-name', 'web')), ['EntityAlreadyExists', 'Instance Profile web already exists.']);
    await awsCliOk(t, 'iam', 'remove-role-from-instance-profile', '--instance-profile-name', 'Web', '--role-name', 'Ec2Role');
    await awsCliOk(t, 'iam', 'delete-instance-profile', '--instance-profile-name', 'Web');
    await awsCliOk(t, 'iam', 'delete-role', '--role-name', 'Ec2Role');
    assert.deepEqual(pick(await awsCli(t, 'iam', 'get-instance-profile', '--instance-profile-name', 'Web')), ['NoSuchEntity', 'Instance Profile Web cannot be found.']);
  });
});

function pick(r: Awaited<ReturnType<typeof awsCli>>): [string, string] | undefined {
  return r.ok ? undefined : [r.code, r.message];
}
