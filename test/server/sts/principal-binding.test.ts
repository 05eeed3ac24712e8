// A session dies with its role or user (issue #14 item 4): deleted and re-created under the same name, with
// another trust policy and more permissions, the new entity has another unique id and the old session is
// refused as a revoked one (InvalidClientTokenId) by STS, IAM and POST /authorize.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DeleteUserCommand,
  DeleteUserPolicyCommand,
  IAMClient,
  ListRolesCommand,
  PutRolePolicyCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, GetFederationTokenCommand, GetSessionTokenCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { postAuthorize } from '../../helpers/authorize.ts';
import { rejectsWith } from '../../contracts/iam-api.ts';
import { signRequest } from '../../../server/sts/sigv4/index.ts';

const A = '111122223333';
const BOB = { accessKeyId: 'AKIABOBBOBBOBBOBBOB2', secretAccessKey: 'bobSecretKeyForTestsOnly0000000000000000' };
const INVALID = /^The security token included in the request is invalid\.$/;
type Creds = { accessKeyId: string; secretAccessKey: string; sessionToken?: string };

const doc = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [statement] });
const trustBob = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:user/bob` }, Action: 'sts:AssumeRole' });
const trustAccount = doc({ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole' });

describe('sessions are bound to their principal’s unique id', () => {
  let b: TestBroker;
  const clients: Array<{ destroy(): void }> = [];
  const admin = () => iam(ADMIN_KEY);
  const iam = (creds: Creds) => {
    const c = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const sts = (creds: Creds) => {
    const c = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const asCreds = (c: Credentials | undefined): Creds => ({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });

  async function authorize(creds: Creds, action: string): Promise<{ allowed: boolean; authenticated: boolean; error?: { code: string; message: string } }> {
    const url = new URL('http://vault.internal.example/item');
    const headers = signRequest({ method: 'GET', url, headers: {}, body: '' }, creds, { region: 'us-east-1', service: 'vault', now: new Date() });
    const res = await postAuthorize(b.httpUrl, { expect: { service: 'vault', host: url.host }, request: { method: 'GET', path: url.pathname, query: '', headers: { ...headers, host: url.host }, body: '' }, action, resource: '*' });
    return (await res.json()) as { allowed: boolean; authenticated: boolean; error?: { code: string; message: string } };
  }

  /** Every way a session is used refuses it as a revoked one. */
  async function refusedEverywhere(creds: Creds): Promise<void> {
    await rejectsWith(sts(creds).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403, INVALID);
    await rejectsWith(iam(creds).send(new ListRolesCommand({})), 'InvalidClientTokenId', 403, INVALID);
    const r = await authorize(creds, 'vault:Read');
    assert.deepEqual([r.allowed, r.authenticated, r.error?.code], [false, false, 'InvalidClientTokenId']);
  }

  before(async () => {
    b = await startTestBroker({
      yaml: `
users:
  - name: bob
    accessKeys: [{ id: ${BOB.accessKeyId}, secret: ${BOB.secretAccessKey} }]
    inlinePolicies:
      assume: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: ["sts:AssumeRole", "sts:GetFederationToken"], Resource: "*" }] }
`,
    });
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await b.destroy();
  });

  it('a role session dies with its role, and does not gain the permissions of a role re-created under its name', async () => {
    await admin().send(new CreateRoleCommand({ RoleName: 'Dev', AssumeRolePolicyDocument: trustBob }));
    await admin().send(new PutRolePolicyCommand({ RoleName: 'Dev', PolicyName: 'read', PolicyDocument: doc({ Effect: 'Allow', Action: 'vault:Read', Resource: '*' }) }));
    const old = asCreds((await sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/Dev`, RoleSessionName: 'before' }))).Credentials);
    assert.equal((await sts(old).send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${A}:assumed-role/Dev/before`);
    assert.equal((await authorize(old, 'vault:Read')).allowed, true);
    assert.equal((await authorize(old, 'vault:Write')).allowed, false);

    // deleted, then re-created with another trust policy and every permission
    await admin().send(new DeleteRolePolicyCommand({ RoleName: 'Dev', PolicyName: 'read' }));
    await admin().send(new DeleteRoleCommand({ RoleName: 'Dev' }));
    await admin().send(new CreateRoleCommand({ RoleName: 'Dev', AssumeRolePolicyDocument: trustAccount }));
    await admin().send(new PutRolePolicyCommand({ RoleName: 'Dev', PolicyName: 'all', PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }));
    await refusedEverywhere(old);

    // the new role's own sessions work
    const fresh = asCreds((await sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/Dev`, RoleSessionName: 'after' }))).Credentials);
    assert.equal((await authorize(fresh, 'vault:Write')).allowed, true);
  });

  it('a GetSessionToken or GetFederationToken session dies with its user', async () => {
    await admin().send(new CreateUserCommand({ UserName: 'temp' }));
    await admin().send(new PutUserPolicyCommand({ UserName: 'temp', PolicyName: 'fed', PolicyDocument: doc({ Effect: 'Allow', Action: ['sts:GetFederationToken', 'vault:Read'], Resource: '*' }) }));
    const key = (await admin().send(new CreateAccessKeyCommand({ UserName: 'temp' }))).AccessKey!;
    const longTerm = { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! };
    const session = asCreds((await sts(longTerm).send(new GetSessionTokenCommand({}))).Credentials);
    const federated = asCreds((await sts(longTerm).send(new GetFederationTokenCommand({ Name: 'fed', Policy: doc({ Effect: 'Allow', Action: 'vault:*', Resource: '*' }) }))).Credentials);
    assert.equal((await authorize(session, 'vault:Read')).allowed, true);
    assert.equal((await authorize(federated, 'vault:Read')).allowed, true);

    await admin().send(new DeleteAccessKeyCommand({ UserName: 'temp', AccessKeyId: key.AccessKeyId }));
    await admin().send(new DeleteUserPolicyCommand({ UserName: 'temp', PolicyName: 'fed' }));
    await admin().send(new DeleteUserCommand({ UserName: 'temp' }));
    await admin().send(new CreateUserCommand({ UserName: 'temp' }));
    await admin().send(new PutUserPolicyCommand({ UserName: 'temp', PolicyName: 'all', PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }));
    for (const creds of [session, federated]) {
      await rejectsWith(sts(creds).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403, INVALID);
      const r = await authorize(creds, 'vault:Read');
      assert.deepEqual([r.allowed, r.authenticated, r.error?.code], [false, false, 'InvalidClientTokenId']);
    }
  });
});
