// Issue #14 items 1 and 2, replayed as an attacker would with the AWS SDK against a running broker: each
// escalation must end in AWS's AccessDenied (403), while the same caller's legitimate calls still succeed.
// 1. A path-scoped Deny (user/admins/*) must apply to the entity's real ARN: no access key for /admins/boss.
// 2. iam:PolicyARN: no AdministratorAccess attachment under a Deny on that policy ARN.
// 3. AWS's documented boundary guard (iam:PermissionsBoundary): a delegated admin cannot drop or swap its own
//    boundary, nor create users without it.
// 4. ABAC on aws:ResourceTag: a role tagged protected=true cannot be taken over (trust, policies, AssumeRole).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import {
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreatePolicyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteUserPermissionsBoundaryCommand,
  IAMClient,
  PutUserPermissionsBoundaryCommand,
  PutUserPolicyCommand,
  UpdateAssumeRolePolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { rejectsWith } from '../../contracts/iam-api.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';

const ACCT = '111122223333';
const ADMIN_ACCESS = 'arn:aws:iam::aws:policy/AdministratorAccess';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const trustAccount = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:root` }, Action: 'sts:AssumeRole' });

describe('IAM authorization: resource ARNs with real paths and the condition keys AWS documents (attack replays)', () => {
  let b: TestBroker;
  let admin: IAMClient;
  const clients: Array<{ destroy(): void }> = [];
  const cfg = (credentials: { accessKeyId: string; secretAccessKey: string }) => ({ endpoint: b.httpUrl, region: 'us-east-1', credentials, maxAttempts: 1 });

  /** A user with the given inline policy (and boundary), and IAM/STS clients signed with its new key. */
  async function principal(name: string, policy: string, opts: { path?: string; boundary?: string } = {}): Promise<{ iam: IAMClient; sts: STSClient }> {
    await admin.send(new CreateUserCommand({ UserName: name, Path: opts.path, PermissionsBoundary: opts.boundary }));
    await admin.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'p', PolicyDocument: policy }));
    const key = (await admin.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
    const credentials = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const iam = new IAMClient(cfg(credentials));
    const sts = new STSClient(cfg(credentials));
    clients.push(iam, sts);
    return { iam, sts };
  }

  before(async () => {
    b = await startTestBroker();
    admin = new IAMClient(cfg(ADMIN_KEY));
    clients.push(admin);
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await b.destroy();
  });

  it('a Deny on user/admins/* applies to /admins/boss: no access key, no user created there', async () => {
    await admin.send(new CreateUserCommand({ UserName: 'boss', Path: '/admins/' }));
    await admin.send(new CreateUserCommand({ UserName: 'alice', Path: '/staff/' }));
    const { iam } = await principal(
      'helpdesk',
      doc({ Effect: 'Allow', Action: 'iam:*', Resource: `arn:aws:iam::${ACCT}:user/*` }, { Effect: 'Deny', Action: 'iam:*', Resource: `arn:aws:iam::${ACCT}:user/admins/*` }),
    );
    await rejectsWith(iam.send(new CreateAccessKeyCommand({ UserName: 'boss' })), 'AccessDenied', 403, new RegExp(`on resource: arn:aws:iam::${ACCT}:user/admins/boss with an explicit deny`));
    await rejectsWith(iam.send(new AttachUserPolicyCommand({ UserName: 'boss', PolicyArn: ADMIN_ACCESS })), 'AccessDenied', 403);
    await rejectsWith(iam.send(new CreateUserCommand({ UserName: 'boss2', Path: '/admins/' })), 'AccessDenied', 403, /user\/admins\/boss2/);
    // what the policy does allow still works
    const k = await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }));
    assert.equal(k.AccessKey?.UserName, 'alice');
  });

  it('a Deny on iam:PolicyARN stops attaching AdministratorAccess', async () => {
    const { iam } = await principal(
      'attacher',
      doc(
        { Effect: 'Allow', Action: ['iam:AttachUserPolicy', 'iam:AttachRolePolicy'], Resource: '*' },
        { Effect: 'Deny', Action: ['iam:AttachUserPolicy', 'iam:AttachRolePolicy'], Resource: '*', Condition: { ArnEquals: { 'iam:PolicyARN': ADMIN_ACCESS } } },
      ),
    );
    await rejectsWith(iam.send(new AttachUserPolicyCommand({ UserName: 'attacher', PolicyArn: ADMIN_ACCESS })), 'AccessDenied', 403, /explicit deny/);
    await iam.send(new AttachUserPolicyCommand({ UserName: 'attacher', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }));
  });

  it("AWS's permissions-boundary guard holds: a delegated admin cannot remove, swap or skip the boundary", async () => {
    const boundaryArn = (await admin.send(new CreatePolicyCommand({ PolicyName: 'XCompanyBoundaries', PolicyDocument: doc({ Effect: 'Allow', Action: ['iam:*', 'sts:*'], Resource: '*' }) }))).Policy!.Arn!;
    // the delegated-admin policy of the IAM User Guide ("Delegating responsibility to others using permissions boundaries")
    const delegated = doc(
      { Sid: 'IAMAdmin', Effect: 'Allow', Action: 'iam:*', Resource: '*' },
      { Sid: 'DenyPermBoundaryIAMPolicyAlteration', Effect: 'Deny', Action: ['iam:DeletePolicy', 'iam:DeletePolicyVersion', 'iam:CreatePolicyVersion', 'iam:SetDefaultPolicyVersion'], Resource: boundaryArn },
      {
        Sid: 'DenyRemovalOfPermBoundaryFromAnyUserOrRole',
        Effect: 'Deny',
        Action: ['iam:DeleteUserPermissionsBoundary', 'iam:DeleteRolePermissionsBoundary'],
        Resource: [`arn:aws:iam::${ACCT}:user/*`, `arn:aws:iam::${ACCT}:role/*`],
        Condition: { StringEquals: { 'iam:PermissionsBoundary': boundaryArn } },
      },
      {
        Sid: 'DenyAccessIfRequiredPermBoundaryIsNotBeingApplied',
        Effect: 'Deny',
        Action: ['iam:PutUserPermissionsBoundary', 'iam:PutRolePermissionsBoundary'],
        Resource: [`arn:aws:iam::${ACCT}:user/*`, `arn:aws:iam::${ACCT}:role/*`],
        Condition: { StringNotEquals: { 'iam:PermissionsBoundary': boundaryArn } },
      },
      {
        Sid: 'DenyUserAndRoleCreationWithOutPermBoundary',
        Effect: 'Deny',
        Action: ['iam:CreateUser', 'iam:CreateRole'],
        Resource: [`arn:aws:iam::${ACCT}:user/*`, `arn:aws:iam::${ACCT}:role/*`],
        Condition: { StringNotEquals: { 'iam:PermissionsBoundary': boundaryArn } },
      },
    );
    const { iam } = await principal('delegate', delegated, { boundary: boundaryArn });
    await rejectsWith(iam.send(new DeleteUserPermissionsBoundaryCommand({ UserName: 'delegate' })), 'AccessDenied', 403, /DeleteUserPermissionsBoundary.*explicit deny/);
    await rejectsWith(iam.send(new PutUserPermissionsBoundaryCommand({ UserName: 'delegate', PermissionsBoundary: ADMIN_ACCESS })), 'AccessDenied', 403, /explicit deny/);
    await rejectsWith(iam.send(new CreateUserCommand({ UserName: 'unbounded' })), 'AccessDenied', 403, /explicit deny/);
    await rejectsWith(iam.send(new CreateRoleCommand({ RoleName: 'unbounded', AssumeRolePolicyDocument: trustAccount })), 'AccessDenied', 403, /explicit deny/);
    // with the boundary, delegation works
    const u = await iam.send(new CreateUserCommand({ UserName: 'bounded', PermissionsBoundary: boundaryArn }));
    assert.equal(u.User?.PermissionsBoundary?.PermissionsBoundaryArn, boundaryArn);
  });

  it('an ABAC Deny on aws:ResourceTag/protected keeps a protected role out of reach', async () => {
    await admin.send(new CreateRoleCommand({ RoleName: 'Crown', Path: '/core/', AssumeRolePolicyDocument: trustAccount, Tags: [{ Key: 'protected', Value: 'true' }] }));
    await admin.send(new CreateRoleCommand({ RoleName: 'Sandbox', AssumeRolePolicyDocument: trustAccount }));
    const { iam, sts } = await principal(
      'operator',
      doc(
        { Effect: 'Allow', Action: ['iam:*', 'sts:AssumeRole'], Resource: '*' },
        { Effect: 'Deny', Action: ['iam:*', 'sts:*'], Resource: '*', Condition: { StringEquals: { 'aws:ResourceTag/protected': 'true' } } },
      ),
    );
    const takeover = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${ACCT}:user/operator` }, Action: 'sts:AssumeRole' });
    await rejectsWith(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Crown', PolicyDocument: takeover })), 'AccessDenied', 403, new RegExp(`role/core/Crown with an explicit deny`));
    await rejectsWith(iam.send(new AttachRolePolicyCommand({ RoleName: 'Crown', PolicyArn: ADMIN_ACCESS })), 'AccessDenied', 403, /explicit deny/);
    await rejectsWith(sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCT}:role/core/Crown`, RoleSessionName: 'op' })), 'AccessDenied', 403, /explicit deny/);
    // the untagged role is still the operator's to manage and assume
    await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Sandbox', PolicyDocument: trustAccount }));
    const s = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${ACCT}:role/Sandbox`, RoleSessionName: 'op' }));
    assert.match(s.AssumedRoleUser?.Arn ?? '', /assumed-role\/Sandbox\/op$/);
  });
});
