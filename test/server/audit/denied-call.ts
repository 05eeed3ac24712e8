// The audit suites' scenario: the admin creates role Audited and user mallory with an access key; mallory's
// GetRole is refused (AccessDenied) — a denied call for the trail to record.
import { CreateAccessKeyCommand, CreateRoleCommand, CreateUserCommand, GetRoleCommand } from '@aws-sdk/client-iam';
import { client, rejectsWith, TRUST } from '../../contracts/iam-api.ts';
import type { TestBroker } from '../../helpers/broker.ts';

/** Runs the scenario; returns mallory's access key. */
export async function deniedGetRole(b: TestBroker): Promise<{ AccessKeyId?: string; SecretAccessKey?: string }> {
  const iam = client(b);
  await iam.send(new CreateRoleCommand({ RoleName: 'Audited', AssumeRolePolicyDocument: TRUST }));
  await iam.send(new CreateUserCommand({ UserName: 'mallory' }));
  const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'mallory' }))).AccessKey!;
  const mallory = client(b, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
  await rejectsWith(mallory.send(new GetRoleCommand({ RoleName: 'Audited' })), 'AccessDenied', 403);
  iam.destroy();
  mallory.destroy();
  return key;
}
