// Instance profiles through the unmodified @aws-sdk/client-iam against a real broker, on SQLite (npm test) and
// PostgreSQL (npm run test:e2e): create, read, list and page, one role per profile, tags, and AWS's errors.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddRoleToInstanceProfileCommand,
  CreateInstanceProfileCommand,
  CreateRoleCommand,
  DeleteInstanceProfileCommand,
  DeleteRoleCommand,
  GetAccountAuthorizationDetailsCommand,
  GetInstanceProfileCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
  ListInstanceProfileTagsCommand,
  RemoveRoleFromInstanceProfileCommand,
  TagInstanceProfileCommand,
  UntagInstanceProfileCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { startTestBroker, type TestBroker, type TestBrokerOptions } from '../helpers/broker.ts';
import { client, rejectsWith, TRUST } from './iam-api.ts';

export function instanceProfileSuite(name: string, options: () => Promise<TestBrokerOptions>): void {
  describe(`IAM instance profiles (${name})`, () => {
    let b: TestBroker;
    let iam: IAMClient;
    before(async () => {
      b = await startTestBroker(await options());
      iam = client(b);
      await iam.send(new CreateRoleCommand({ RoleName: 'WebRole', Path: '/svc/', AssumeRolePolicyDocument: TRUST }));
      await iam.send(new CreateRoleCommand({ RoleName: 'OtherRole', AssumeRolePolicyDocument: TRUST }));
    });
    after(async () => {
      iam?.destroy();
      await b?.destroy();
    });

    it('creates a profile with an AIPA id and its ARN, gets it by any case of its name, refuses a second one', async () => {
      const created = (await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'Web', Path: '/hosts/', Tags: [{ Key: 'env', Value: 'prod' }] }))).InstanceProfile!;
      assert.equal(created.Arn, 'arn:aws:iam::111122223333:instance-profile/hosts/Web');
      assert.match(created.InstanceProfileId ?? '', /^AIPA[A-Z2-7]{17}$/);
      assert.deepEqual([created.Path, created.InstanceProfileName, created.Roles, created.Tags], ['/hosts/', 'Web', [], [{ Key: 'env', Value: 'prod' }]]);
      assert.ok(created.CreateDate instanceof Date);
      const got = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' }))).InstanceProfile!;
      assert.deepEqual([got.InstanceProfileId, got.Arn, got.Tags], [created.InstanceProfileId, created.Arn, created.Tags]);
      await rejectsWith(iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'WEB' })), 'EntityAlreadyExists', 409, /^Instance Profile WEB already exists\.$/);
      await rejectsWith(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'nope' })), 'NoSuchEntity', 404, /^Instance Profile nope cannot be found\.$/);
      await rejectsWith(iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'bad name' })), 'ValidationError', 400, /instanceProfileName/);
    });

    it('holds one role: LimitExceeded for a second, the role rendered in short form, listed truthfully for the role', async () => {
      await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'Web', RoleName: 'webrole' }));
      await rejectsWith(iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'Web', RoleName: 'OtherRole' })), 'LimitExceeded', 409, /^Cannot exceed quota for InstanceSessionsPerInstanceProfile: 1$/);
      await rejectsWith(iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'Web', RoleName: 'Ghost' })), 'NoSuchEntity', 404, /^The role with name Ghost cannot be found\.$/);
      await rejectsWith(iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'Nope', RoleName: 'WebRole' })), 'NoSuchEntity', 404, /^Instance Profile Nope cannot be found\.$/);
      const roles = (await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'Web' }))).InstanceProfile!.Roles!;
      assert.equal(roles.length, 1);
      assert.deepEqual(Object.keys(roles[0]).sort(), ['Arn', 'AssumeRolePolicyDocument', 'CreateDate', 'Path', 'RoleId', 'RoleName']);
      assert.deepEqual([roles[0].RoleName, roles[0].Arn, decodeURIComponent(roles[0].AssumeRolePolicyDocument!)], ['WebRole', 'arn:aws:iam::111122223333:role/svc/WebRole', TRUST]);
      const forRole = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'WebRole' }));
      assert.deepEqual([forRole.InstanceProfiles?.map((p) => p.InstanceProfileName), forRole.IsTruncated], [['Web'], false]);
      assert.deepEqual((await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'OtherRole' }))).InstanceProfiles, []);
      const details = await iam.send(new GetAccountAuthorizationDetailsCommand({ Filter: ['Role'] }));
      const web = details.RoleDetailList?.find((r) => r.RoleName === 'WebRole');
      assert.deepEqual(web?.InstanceProfileList?.map((p) => [p.InstanceProfileName, p.Roles?.map((r) => r.RoleName)]), [['Web', ['WebRole']]]);
    });

    it('refuses to delete a role in a profile, or a profile holding a role, until the role is removed', async () => {
      const conflict = /^Cannot delete entity, must remove roles from instance profile first\.$/;
      await rejectsWith(iam.send(new DeleteRoleCommand({ RoleName: 'WebRole' })), 'DeleteConflict', 409, conflict);
      await rejectsWith(iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'Web' })), 'DeleteConflict', 409, conflict);
      await rejectsWith(iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'Web', RoleName: 'OtherRole' })), 'NoSuchEntity', 404);
      await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'Web', RoleName: 'WebRole' }));
      assert.deepEqual((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'Web' }))).InstanceProfile!.Roles, []);
      assert.deepEqual((await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'WebRole' }))).InstanceProfiles, []);
      // the profile now takes another role
      await iam.send(new AddRoleToInstanceProfileCommand({ InstanceProfileName: 'Web', RoleName: 'OtherRole' }));
      await iam.send(new RemoveRoleFromInstanceProfileCommand({ InstanceProfileName: 'Web', RoleName: 'OtherRole' }));
      await iam.send(new DeleteRoleCommand({ RoleName: 'WebRole' }));
    });

    it('tags, untags and lists tags with the 50-tag limit', async () => {
      await iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'Web', Tags: [{ Key: 'ENV', Value: 'dev' }, { Key: 'team', Value: 'a' }] }));
      assert.deepEqual((await iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'Web' }))).Tags, [{ Key: 'ENV', Value: 'dev' }, { Key: 'team', Value: 'a' }]);
      await iam.send(new UntagInstanceProfileCommand({ InstanceProfileName: 'Web', TagKeys: ['team'] }));
      assert.deepEqual((await iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'Web' }))).InstanceProfile!.Tags, [{ Key: 'ENV', Value: 'dev' }]);
      const many = Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' }));
      await rejectsWith(iam.send(new TagInstanceProfileCommand({ InstanceProfileName: 'Web', Tags: many })), 'LimitExceeded', 409, /TagsPerEntity: 50/);
      await rejectsWith(iam.send(new ListInstanceProfileTagsCommand({ InstanceProfileName: 'Nope' })), 'NoSuchEntity', 404, /^Instance Profile Nope cannot be found\.$/);
    });

    it('lists with PathPrefix and pages with Marker and MaxItems (no tags in lists, as AWS)', async () => {
      for (const n of ['PageA', 'PageB', 'PageC']) await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: n, Path: '/paged/', Tags: [{ Key: 't', Value: 'v' }] }));
      const first = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/paged/', MaxItems: 2 }));
      assert.deepEqual([first.InstanceProfiles?.map((p) => p.InstanceProfileName), first.IsTruncated], [['PageA', 'PageB'], true]);
      assert.equal(first.InstanceProfiles?.[0].Tags, undefined);
      const rest = await iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: first.Marker }));
      assert.deepEqual([rest.InstanceProfiles?.map((p) => p.InstanceProfileName), rest.IsTruncated, rest.Marker], [['PageC'], false, undefined]);
      assert.deepEqual((await iam.send(new ListInstanceProfilesCommand({}))).InstanceProfiles?.map((p) => p.InstanceProfileName), ['PageA', 'PageB', 'PageC', 'Web']);
      await iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'pagec' }));
      await rejectsWith(iam.send(new DeleteInstanceProfileCommand({ InstanceProfileName: 'PageC' })), 'NoSuchEntity', 404, /^Instance Profile PageC cannot be found\.$/);
      assert.deepEqual((await iam.send(new ListInstanceProfilesCommand({ PathPrefix: '/paged/' }))).InstanceProfiles?.map((p) => p.InstanceProfileName), ['PageA', 'PageB']);
    });
  });
}
