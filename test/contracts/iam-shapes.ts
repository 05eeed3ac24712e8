// Response shapes exactly as AWS's, through the unmodified @aws-sdk/client-iam against a real broker on SQLite
// (npm test) and PostgreSQL (npm run test:e2e): CreatePolicy and GetPolicy return Tags; ListUsers, ListRoles and
// GetGroup's users leave out PermissionsBoundary and Tags (GetUser, GetRole include them); deleting a missing
// OIDC provider succeeds (AWS documents it idempotent).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AddUserToGroupCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteOpenIDConnectProviderCommand,
  GetGroupCommand,
  GetOpenIDConnectProviderCommand,
  GetPolicyCommand,
  GetRoleCommand,
  GetUserCommand,
  ListRolesCommand,
  ListUsersCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { startTestBroker, type TestBroker, type TestBrokerOptions } from '../helpers/broker.ts';
import { client, rejectsWith, TRUST } from './iam-api.ts';

const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

export function shapesSuite(name: string, options: () => Promise<TestBrokerOptions>): void {
  describe(`IAM response shapes (${name})`, () => {
    let b: TestBroker;
    let iam: IAMClient;
    before(async () => {
      b = await startTestBroker(await options());
      iam = client(b);
    });
    after(async () => {
      iam?.destroy();
      await b?.destroy();
    });

    it('CreatePolicy returns the Tags it was given, and GetPolicy returns them', async () => {
      const tags = [{ Key: 'team', Value: 'sec' }, { Key: 'env', Value: 'prod' }];
      const created = (await iam.send(new CreatePolicyCommand({ PolicyName: 'Tagged', PolicyDocument: POLICY, Tags: tags }))).Policy!;
      assert.deepEqual(created.Tags, tags);
      assert.deepEqual((await iam.send(new GetPolicyCommand({ PolicyArn: created.Arn }))).Policy!.Tags, tags);
      const untagged = (await iam.send(new CreatePolicyCommand({ PolicyName: 'Untagged', PolicyDocument: POLICY }))).Policy!;
      assert.equal(untagged.Tags, undefined);
    });

    it('lists leave out PermissionsBoundary and Tags; GetUser and GetRole include them', async () => {
      const bound = (await iam.send(new CreatePolicyCommand({ PolicyName: 'Bound', PolicyDocument: POLICY }))).Policy!.Arn!;
      const tags = [{ Key: 'k', Value: 'v' }];
      await iam.send(new CreateUserCommand({ UserName: 'bounded', Path: '/shape/', PermissionsBoundary: bound, Tags: tags }));
      await iam.send(new CreateRoleCommand({ RoleName: 'bounded', Path: '/shape/', AssumeRolePolicyDocument: TRUST, PermissionsBoundary: bound, Tags: tags }));
      await iam.send(new CreateGroupCommand({ GroupName: 'shape' }));
      await iam.send(new AddUserToGroupCommand({ GroupName: 'shape', UserName: 'bounded' }));
      const boundary = { PermissionsBoundaryType: 'Policy', PermissionsBoundaryArn: bound };
      const user = (await iam.send(new GetUserCommand({ UserName: 'bounded' }))).User!;
      assert.deepEqual([user.PermissionsBoundary, user.Tags], [boundary, tags]);
      const role = (await iam.send(new GetRoleCommand({ RoleName: 'bounded' }))).Role!;
      assert.deepEqual([role.PermissionsBoundary, role.Tags], [boundary, tags]);
      const listedUser = (await iam.send(new ListUsersCommand({ PathPrefix: '/shape/' }))).Users!;
      assert.deepEqual([listedUser.length, listedUser[0].PermissionsBoundary, listedUser[0].Tags], [1, undefined, undefined]);
      const listedRole = (await iam.send(new ListRolesCommand({ PathPrefix: '/shape/' }))).Roles!;
      assert.deepEqual([listedRole.length, listedRole[0].PermissionsBoundary, listedRole[0].Tags], [1, undefined, undefined]);
      const member = (await iam.send(new GetGroupCommand({ GroupName: 'shape' }))).Users!;
      assert.deepEqual([member.length, member[0].PermissionsBoundary], [1, undefined]);
    });

    it('DeleteOpenIDConnectProvider of a missing provider succeeds', async () => {
      const arn = 'arn:aws:iam::111122223333:oidc-provider/never.example.com';
      await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
      await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
      await rejectsWith(iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn })), 'NoSuchEntity', 404);
    });
  });
}
