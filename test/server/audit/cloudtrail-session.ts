// The CloudTrail suites' scripted session: the admin creates user bob (allowed iam:ListUsers, iam:GetUser and
// iam:CreateRole) with an access key; bob lists users, reads himself, creates role BobRole and is refused
// GetRole. The SDK suite (./cloudtrail-lookup.test.ts) and the AWS CLI e2e look these events up.
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, GetRoleCommand, GetUserCommand, ListUsersCommand, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { client, rejectsWith, TRUST } from '../../contracts/iam-api.ts';
import type { TestBroker } from '../../helpers/broker.ts';

export const BOB_POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:ListUsers', 'iam:GetUser', 'iam:CreateRole'], Resource: '*' }] });

/** Runs the session and writes its events to the store; returns bob's access key. */
export async function bobSession(b: TestBroker): Promise<{ accessKeyId: string; secretAccessKey: string }> {
  const iam = client(b);
  await iam.send(new CreateUserCommand({ UserName: 'bob' }));
  await iam.send(new PutUserPolicyCommand({ UserName: 'bob', PolicyName: 'bob', PolicyDocument: BOB_POLICY }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'bob' }))).AccessKey!;
  const creds = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
  const bob = client(b, creds);
  await bob.send(new ListUsersCommand({}));
  await bob.send(new GetUserCommand({}));
  await bob.send(new CreateRoleCommand({ RoleName: 'BobRole', AssumeRolePolicyDocument: TRUST }));
  await rejectsWith(bob.send(new GetRoleCommand({ RoleName: 'BobRole' })), 'AccessDenied', 403);
  iam.destroy();
  bob.destroy();
  await b.audit.flush();
  return creds;
}
