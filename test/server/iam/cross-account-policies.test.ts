// Account B must learn nothing of account A's customer-managed policies and authorization messages: the
// attacks of issue #14 item 11 replayed with the official clients against a real two-account broker.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  CreateRoleCommand,
  CreateUserCommand,
  IAMClient,
  PutRolePermissionsBoundaryCommand,
  PutUserPermissionsBoundaryCommand,
  SimulatePrincipalPolicyCommand,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, DecodeAuthorizationMessageCommand, GetCallerIdentityCommand, GetFederationTokenCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { postAuthorize } from '../../helpers/authorize.ts';
import { rejectsWith } from '../../contracts/iam-api.ts';
import { IamModel, type PrincipalData } from '../../../server/iam/model.ts';
import { sealSession } from '../../../server/sessions/session-token.ts';
import { signRequest } from '../../../server/sts/sigv4/index.ts';

const A = '111122223333';
const B = '444455556666';
const SECRET = `arn:aws:iam::${A}:policy/Secret`; // A's policy: what it allows is what B wants to learn
const OWN = `arn:aws:iam::${B}:policy/Own`;
const AWS_READONLY = 'arn:aws:iam::aws:policy/ReadOnlyAccess';
const BOB = { accessKeyId: 'AKIABOBBOBBOBBOBBOB2', secretAccessKey: 'bobSecretKeyForTestsOnly0000000000000000' };
const MALLORY = { accessKeyId: 'AKIAMALLORYMALLORY02', secretAccessKey: 'mallorySecretKeyForTestsOnly000000000000' };
const LEGACY = { accessKeyId: 'AKIALEGACYLEGACYLE02', secretAccessKey: 'legacySecretKeyForTestsOnly0000000000000' };
const TREASURE = 'arn:aws:vault:::treasure/42';

const YAML = `
policies:
  - name: Secret
    document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "vault:Open", Resource: "${TREASURE}" }] }
  - name: Own
    account: "${B}"
    document: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "vault:List", Resource: "*" }] }
users:
  - name: bob
    accessKeys: [{ id: ${BOB.accessKeyId}, secret: ${BOB.secretAccessKey} }]
    inlinePolicies:
      decode: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "sts:DecodeAuthorizationMessage", Resource: "*" }] }
  - name: mallory
    account: "${B}"
    accessKeys: [{ id: ${MALLORY.accessKeyId}, secret: ${MALLORY.secretAccessKey} }]
    inlinePolicies:
      everything: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }
  - name: pawn
    account: "${B}"
  - name: legacy
    account: "${B}"
    accessKeys: [{ id: ${LEGACY.accessKeyId}, secret: ${LEGACY.secretAccessKey} }]
    inlinePolicies:
      everything: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }
roles:
  - name: Tool
    account: "${B}"
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::${B}:root" }, Action: "sts:AssumeRole" }] }
    inlinePolicies:
      everything: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "*", Resource: "*" }] }
`;

describe('cross-account managed policies and authorization messages', () => {
  let b: TestBroker;
  const clients: Array<{ destroy(): void }> = [];
  const iam = (creds: typeof MALLORY) => {
    const c = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const sts = (creds: typeof MALLORY & { sessionToken?: string }) => {
    const c = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
    clients.push(c);
    return c;
  };

  /** POST /authorize for a request signed with `creds`. */
  async function authorize(creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }, action: string, resource: string): Promise<{ allowed: boolean; error?: { code: string; message: string } }> {
    const url = new URL('http://vault.internal.example/treasure/42');
    const headers = signRequest({ method: 'GET', url, headers: {}, body: '' }, creds, { region: 'us-east-1', service: 'vault', now: new Date() });
    const res = await postAuthorize(b.httpUrl, { expect: { service: 'vault', host: url.host }, request: { method: 'GET', path: url.pathname, query: '', headers: { ...headers, host: url.host }, body: '' }, action, resource });
    return (await res.json()) as { allowed: boolean; error?: { code: string; message: string } };
  }

  before(async () => {
    b = await startTestBroker({ accounts: `[{ id: "${A}", alias: main }, { id: "${B}", alias: other }]`, yaml: YAML });
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await b.destroy();
  });

  it('refuses another account’s policy as a permissions boundary (NoSuchEntity), and accepts its own and AWS’s', async () => {
    const m = iam(MALLORY);
    const absent = new RegExp(`^Scope ARN: ${SECRET} does not exist or is not attachable\\.$`);
    await rejectsWith(m.send(new CreateUserCommand({ UserName: 'probe', PermissionsBoundary: SECRET })), 'NoSuchEntity', 404, absent);
    await rejectsWith(m.send(new PutUserPermissionsBoundaryCommand({ UserName: 'pawn', PermissionsBoundary: SECRET })), 'NoSuchEntity', 404, absent);
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${B}:root` }, Action: 'sts:AssumeRole' }] });
    await rejectsWith(m.send(new CreateRoleCommand({ RoleName: 'probe', AssumeRolePolicyDocument: trust, PermissionsBoundary: SECRET })), 'NoSuchEntity', 404, absent);
    await rejectsWith(m.send(new PutRolePermissionsBoundaryCommand({ RoleName: 'Tool', PermissionsBoundary: SECRET })), 'NoSuchEntity', 404, absent);
    // the same answer as for a policy that does not exist at all: nothing tells A's policies apart
    await rejectsWith(m.send(new PutUserPermissionsBoundaryCommand({ UserName: 'pawn', PermissionsBoundary: `arn:aws:iam::${A}:policy/Nothing` })), 'NoSuchEntity', 404);
    assert.equal((await new IamModel(b.store).getPrincipal<PrincipalData>(B, 'user', 'pawn'))?.data.permissionsBoundary, undefined);
    await m.send(new PutUserPermissionsBoundaryCommand({ UserName: 'pawn', PermissionsBoundary: OWN }));
    await m.send(new PutUserPermissionsBoundaryCommand({ UserName: 'pawn', PermissionsBoundary: AWS_READONLY }));
    await m.send(new CreateUserCommand({ UserName: 'bounded', PermissionsBoundary: AWS_READONLY }));
  });

  it('never reads another account’s policy through a boundary stored before that was refused (simulator, /authorize)', async () => {
    // legacy's boundary is A's policy, as a store written by an older broker could hold it
    const model = new IamModel(b.store);
    const legacy = (await model.getPrincipal<PrincipalData>(B, 'user', 'legacy'))!.data;
    await model.updatePrincipal(B, 'user', { ...legacy, permissionsBoundary: SECRET });
    const r = await iam(MALLORY).send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: legacy.arn, ActionNames: ['vault:Open', 'vault:Close'], ResourceArns: [TREASURE] }));
    const decisions = Object.fromEntries(r.EvaluationResults!.map((e) => [e.EvalActionName, [e.EvalDecision, e.PermissionsBoundaryDecisionDetail?.AllowedByPermissionsBoundary]]));
    // A's Secret would allow vault:Open on the treasure and nothing else: both decisions alike tell nothing
    assert.deepEqual(decisions, { 'vault:Open': ['implicitDeny', false], 'vault:Close': ['implicitDeny', false] });
    assert.equal((await authorize(LEGACY, 'vault:Open', TREASURE)).allowed, false);
  });

  it('refuses another account’s policy as a session policy of GetFederationToken and AssumeRole (MalformedPolicyDocument)', async () => {
    const m = sts(MALLORY);
    const notAttachable = new RegExp(`^Policy ${SECRET} does not exist or is not attachable\\.$`);
    await rejectsWith(m.send(new GetFederationTokenCommand({ Name: 'probe', PolicyArns: [{ arn: SECRET }] })), 'MalformedPolicyDocument', 400, notAttachable);
    await rejectsWith(m.send(new GetFederationTokenCommand({ Name: 'probe', PolicyArns: [{ arn: OWN }, { arn: SECRET }] })), 'MalformedPolicyDocument', 400, notAttachable);
    await rejectsWith(m.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${B}:role/Tool`, RoleSessionName: 'probe', PolicyArns: [{ arn: SECRET }] })), 'MalformedPolicyDocument', 400, notAttachable);
    // the account's own policies and AWS-managed ones stay usable
    const fed = await m.send(new GetFederationTokenCommand({ Name: 'fine', PolicyArns: [{ arn: OWN }, { arn: AWS_READONLY }] }));
    const fedCreds = { accessKeyId: fed.Credentials!.AccessKeyId!, secretAccessKey: fed.Credentials!.SecretAccessKey!, sessionToken: fed.Credentials!.SessionToken! };
    assert.equal((await authorize(fedCreds, 'vault:List', '*')).allowed, true);
    const role = await m.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${B}:role/Tool`, RoleSessionName: 'fine', PolicyArns: [{ arn: OWN }] }));
    const roleCreds = { accessKeyId: role.Credentials!.AccessKeyId!, secretAccessKey: role.Credentials!.SecretAccessKey!, sessionToken: role.Credentials!.SessionToken! };
    assert.equal((await authorize(roleCreds, 'vault:List', '*')).allowed, true);
    assert.equal((await authorize(roleCreds, 'vault:Open', TREASURE)).allowed, false);
  });

  it('does not apply another account’s policy named by a session sealed before that was refused', async () => {
    const now = Math.floor(Date.now() / 1000);
    const session = {
      sid: 'pre-fix',
      accessKeyId: 'ASIAMALLORYPREFIX001',
      secretAccessKey: 'x'.repeat(40),
      account: B,
      type: 'FederatedUser' as const,
      arn: `arn:aws:sts::${B}:federated-user/old`,
      userId: `${B}:old`,
      principalArn: `arn:aws:iam::${B}:user/mallory`,
      userName: 'mallory',
      sessionName: 'old',
      issuedAt: now,
      expiresAt: now + 3600,
      policyArns: [SECRET],
    };
    const creds = { accessKeyId: session.accessKeyId, secretAccessKey: session.secretAccessKey, sessionToken: await sealSession(b.keys, session) };
    assert.equal((await sts(creds).send(new GetCallerIdentityCommand({}))).Arn, session.arn);
    const r = await authorize(creds, 'vault:Open', TREASURE);
    assert.equal(r.allowed, false);
  });

  it('lets only the denied principal’s account decode an authorization message (AccessDenied for another account)', async () => {
    const denied = await authorize(BOB, 'vault:Open', TREASURE);
    assert.equal(denied.allowed, false);
    const encoded = /Encoded authorization failure message: ([A-Za-z0-9_-]+)$/.exec(denied.error!.message)![1];
    await rejectsWith(sts(MALLORY).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded })), 'AccessDenied', 403, /not authorized to perform: sts:DecodeAuthorizationMessage/);
    const decoded = JSON.parse((await sts(BOB).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }))).DecodedMessage!);
    assert.equal(decoded.context.principal.arn, `arn:aws:iam::${A}:user/bob`);
    assert.equal(decoded.context.action, 'vault:Open');
  });
});
