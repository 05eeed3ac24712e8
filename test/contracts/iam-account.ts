// Account-level reads and the account alias through the unmodified @aws-sdk/client-iam against a real broker, on
// SQLite (npm test) and PostgreSQL (npm run test:e2e): GetAccountSummary's keys are AWS's documented list and
// its counts follow the store; one alias per account, AWS's syntax, taken aliases refused.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  CreateAccountAliasCommand,
  CreateGroupCommand,
  CreateInstanceProfileCommand,
  CreateOpenIDConnectProviderCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  CreateVirtualMFADeviceCommand,
  DeleteAccountAliasCommand,
  GetAccountSummaryCommand,
  ListAccountAliasesCommand,
  type IAMClient,
} from '@aws-sdk/client-iam';
import { startTestBroker, type TestBroker, type TestBrokerOptions } from '../helpers/broker.ts';
import { client, rejectsWith, TRUST } from './iam-api.ts';

/** The SummaryMap keys the IAM API reference lists for GetAccountSummary ("Valid Keys", 34). */
export const AWS_SUMMARY_KEYS = [
  'AccessKeysPerUserQuota', 'AccountAccessKeysPresent', 'AccountMFAEnabled', 'AccountPasswordPresent', 'AccountSigningCertificatesPresent', 'AssumeRolePolicySizeQuota',
  'AttachedPoliciesPerGroupQuota', 'AttachedPoliciesPerRoleQuota', 'AttachedPoliciesPerUserQuota', 'GlobalEndpointTokenVersion', 'GroupPolicySizeQuota',
  'Groups', 'GroupsPerUserQuota', 'GroupsQuota', 'InstanceProfiles', 'InstanceProfilesQuota', 'MFADevices', 'MFADevicesInUse', 'Policies',
  'PoliciesQuota', 'PolicySizeQuota', 'PolicyVersionsInUse', 'PolicyVersionsInUseQuota', 'Providers', 'RolePolicySizeQuota', 'Roles', 'RolesQuota',
  'ServerCertificates', 'ServerCertificatesQuota', 'SigningCertificatesPerUserQuota', 'UserPolicySizeQuota', 'Users', 'UsersQuota', 'VersionsPerPolicyQuota',
];

const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' }] });

export function accountSuite(name: string, options: () => Promise<TestBrokerOptions>): void {
  describe(`IAM account summary and alias (${name})`, () => {
    let b: TestBroker;
    let iam: IAMClient;
    before(async () => {
      b = await startTestBroker({ ...(await options()), accounts: '[{ id: "111122223333", alias: main }, { id: "444455556666", alias: other-team }]' });
      iam = client(b);
    });
    after(async () => {
      iam?.destroy();
      await b?.destroy();
    });

    it("GetAccountSummary: AWS's keys, quotas, and counts that follow the store", async () => {
      const before = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap as Record<string, number>;
      assert.deepEqual(Object.keys(before).sort(), AWS_SUMMARY_KEYS);
      assert.deepEqual(
        [before.PolicySizeQuota, before.VersionsPerPolicyQuota, before.AssumeRolePolicySizeQuota, before.RolePolicySizeQuota, before.AccessKeysPerUserQuota, before.GlobalEndpointTokenVersion],
        [6144, 5, 2048, 10240, 2, 1],
      );
      await iam.send(new CreateUserCommand({ UserName: 'sum-user' }));
      await iam.send(new CreateGroupCommand({ GroupName: 'sum-group' }));
      await iam.send(new CreateRoleCommand({ RoleName: 'sum-role', AssumeRolePolicyDocument: TRUST }));
      const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'sum-policy', PolicyDocument: POLICY }))).Policy!.Arn!;
      await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: POLICY }));
      await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'sum-mfa' }));
      await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://sum.example.com', ThumbprintList: ['a'.repeat(40)], ClientIDList: ['c'] }));
      await iam.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'sum-profile' }));
      const now = (await iam.send(new GetAccountSummaryCommand({}))).SummaryMap as Record<string, number>;
      const delta = (k: string) => now[k] - before[k];
      assert.deepEqual(
        ['Users', 'Groups', 'Roles', 'Policies', 'PolicyVersionsInUse', 'MFADevices', 'MFADevicesInUse', 'Providers', 'InstanceProfiles'].map((k) => [k, delta(k)]),
        [['Users', 1], ['Groups', 1], ['Roles', 1], ['Policies', 1], ['PolicyVersionsInUse', 2], ['MFADevices', 1], ['MFADevicesInUse', 0], ['Providers', 1], ['InstanceProfiles', 1]],
      );
    });

    it('one alias per account: the config alias, replaced, deleted; syntax and taken aliases refused', async () => {
      const aliases = async () => (await iam.send(new ListAccountAliasesCommand({}))).AccountAliases;
      assert.deepEqual(await aliases(), ['main']);
      await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'main' })); // already ours: success
      await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'acme-prod' }));
      assert.deepEqual(await aliases(), ['acme-prod']);
      await rejectsWith(iam.send(new CreateAccountAliasCommand({ AccountAlias: 'other-team' })), 'EntityAlreadyExists', 409, /^The account alias other-team already exists\.$/);
      for (const bad of ['-lead', 'trail-', 'double--dash', 'Upper', 'ab']) {
        await rejectsWith(iam.send(new CreateAccountAliasCommand({ AccountAlias: bad })), 'ValidationError', 400, /accountAlias/);
      }
      await rejectsWith(iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'main' })), 'NoSuchEntity', 404, /^The account alias main cannot be found\.$/);
      await iam.send(new DeleteAccountAliasCommand({ AccountAlias: 'acme-prod' }));
      assert.deepEqual(await aliases(), []);
      // the old config alias is free again for this account (and 'acme-prod' for anyone)
      await iam.send(new CreateAccountAliasCommand({ AccountAlias: 'main' }));
      assert.deepEqual(await aliases(), ['main']);
    });
  });
}
