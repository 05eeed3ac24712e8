// UpdateUser renames or moves a user: AWS authorizes it on both the source and the target user ARN ("the
// entity making the request must have permission on Bob and Robert"). A Deny scoped to the target path or name
// must stop a caller from moving itself (or anyone) into a privileged path such as user/admins/*, which other
// policies may trust by aws:PrincipalArn.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateAccessKeyCommand, CreateUserCommand, GetUserCommand, IAMClient, PutUserPolicyCommand, UpdateUserCommand } from '@aws-sdk/client-iam';
import { rejectsWith } from '../../contracts/iam-api.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';

const ACCT = '111122223333';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });

describe('UpdateUser is authorized on the source and the target user ARN', () => {
  let b: TestBroker;
  let admin: IAMClient;
  let helpdesk: IAMClient;
  const cfg = (credentials: { accessKeyId: string; secretAccessKey: string }) => ({ endpoint: b.httpUrl, region: 'us-east-1', credentials, maxAttempts: 1 });

  before(async () => {
    b = await startTestBroker();
    admin = new IAMClient(cfg(ADMIN_KEY));
    await admin.send(new CreateUserCommand({ UserName: 'helpdesk', Path: '/staff/' }));
    await admin.send(new CreateUserCommand({ UserName: 'alice', Path: '/staff/' }));
    await admin.send(
      new PutUserPolicyCommand({
        UserName: 'helpdesk',
        PolicyName: 'p',
        PolicyDocument: doc(
          { Effect: 'Allow', Action: 'iam:*', Resource: `arn:aws:iam::${ACCT}:user/*` },
          { Effect: 'Deny', Action: 'iam:*', Resource: [`arn:aws:iam::${ACCT}:user/admins/*`, `arn:aws:iam::${ACCT}:user/*/root-*`] },
        ),
      }),
    );
    const key = (await admin.send(new CreateAccessKeyCommand({ UserName: 'helpdesk' }))).AccessKey!;
    helpdesk = new IAMClient(cfg({ accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! }));
  });
  after(async () => {
    helpdesk.destroy();
    admin.destroy();
    await b.destroy();
  });

  it('moving a user (itself included) into a denied path is AccessDenied on the target ARN', async () => {
    await rejectsWith(helpdesk.send(new UpdateUserCommand({ UserName: 'helpdesk', NewPath: '/admins/' })), 'AccessDenied', 403, new RegExp(`on resource: arn:aws:iam::${ACCT}:user/admins/helpdesk with an explicit deny`));
    await rejectsWith(helpdesk.send(new UpdateUserCommand({ UserName: 'alice', NewPath: '/admins/' })), 'AccessDenied', 403, /user\/admins\/alice/);
    assert.equal((await admin.send(new GetUserCommand({ UserName: 'alice' }))).User?.Path, '/staff/');
  });

  it('renaming a user to a denied name is AccessDenied on the target ARN', async () => {
    await rejectsWith(helpdesk.send(new UpdateUserCommand({ UserName: 'alice', NewUserName: 'root-alice' })), 'AccessDenied', 403, /user\/staff\/root-alice/);
    assert.equal((await admin.send(new GetUserCommand({ UserName: 'alice' }))).User?.Arn, `arn:aws:iam::${ACCT}:user/staff/alice`);
  });

  it('what the policy allows still works: a rename and a move within allowed paths', async () => {
    await helpdesk.send(new UpdateUserCommand({ UserName: 'alice', NewUserName: 'alice2', NewPath: '/team/' }));
    assert.equal((await admin.send(new GetUserCommand({ UserName: 'alice2' }))).User?.Arn, `arn:aws:iam::${ACCT}:user/team/alice2`);
  });
});
