// POST /authorize with the resource's own policy, evaluated as AWS evaluates a resource-based policy, each rule over a
// real SigV4 request: same account → union (a policy naming the role or the session grants by itself, naming the
// account needs the identity side); cross-account → both; an explicit deny anywhere wins; a session policy limits a
// grant to the role but not one to the session itself. Also the policy registered per ARN prefix (config) and
// resources whose policy must grant (a service declared so, KMS keys).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { forwardedRequest, postAuthorize } from '../../helpers/authorize.ts';
import { signRequest, type SigningCredentials } from '../../../server/sts/sigv4/index.ts';

const A = '111122223333';
const B = '444455556666';
const key = (n: string) => ({ accessKeyId: `AKIA${n.toUpperCase().padEnd(16, 'X')}`, secretAccessKey: `${n}SecretKeyForTestsOnly`.padEnd(40, '0') });
const ALICE = key('alice'); // no identity policy
const CAROL = key('carol'); // identity: files:*, vault:*
const MALLORY = key('mallory'); // account B, identity: files:*
const PAWN = key('pawn'); // account B, no identity policy
const OBJ = 'arn:aws:files:::bucket/report.txt';
const HOST = 'files.internal.example';
const ALL_FILES = '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "files:*", Resource: "*" }] }';
const ALL_VAULT = '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "vault:*", Resource: "*" }] }';

const YAML = `
users:
  - { name: alice, accessKeys: [{ id: ${ALICE.accessKeyId}, secret: ${ALICE.secretAccessKey} }] }
  - { name: carol, accessKeys: [{ id: ${CAROL.accessKeyId}, secret: ${CAROL.secretAccessKey} }], inlinePolicies: { files: ${ALL_FILES}, vault: ${ALL_VAULT} } }
  - { name: mallory, account: "${B}", accessKeys: [{ id: ${MALLORY.accessKeyId}, secret: ${MALLORY.secretAccessKey} }], inlinePolicies: { files: ${ALL_FILES} } }
  - { name: pawn, account: "${B}", accessKeys: [{ id: ${PAWN.accessKeyId}, secret: ${PAWN.secretAccessKey} }] }
roles:
  - name: Dev
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::${A}:user/alice" }, Action: "sts:AssumeRole" }] }
relyingServices:
  resourcePolicyRequired: [vault]
  resourcePolicies:
    - prefix: "arn:aws:files:::registered/"
      policy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::${A}:user/alice" }, Action: "files:GetObject", Resource: "*" }] }
`;

const policy = (...statements: object[]) => ({ Version: '2012-10-17', Statement: statements });
const allowTo = (principal: string, action = 'files:GetObject') => ({ Effect: 'Allow', Principal: { AWS: principal }, Action: action, Resource: '*' });

describe('POST /authorize with resource-based policies', () => {
  let b: TestBroker;
  let sts: STSClient;
  before(async () => {
    b = await startTestBroker({ accounts: `[{ id: "${A}", alias: main }, { id: "${B}", alias: other }]`, yaml: YAML });
    sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ALICE, maxAttempts: 1 });
  });
  after(async () => {
    sts.destroy();
    await b.destroy();
  });

  async function allowed(creds: SigningCredentials, resourcePolicy?: object, extra: Record<string, unknown> = {}, action = 'files:GetObject', resource = OBJ): Promise<boolean> {
    const res = await postAuthorize(b.httpUrl, { expect: { service: 'files', host: HOST }, request: forwardedRequest(new URL(`http://${HOST}/bucket/report.txt`), creds, action.split(':')[0]), action, resource, ...(resourcePolicy ? { resourcePolicy } : {}), ...extra });
    const json = (await res.json()) as { allowed?: boolean; error?: unknown };
    assert.equal(res.status, 200, JSON.stringify(json));
    return json.allowed === true;
  }

  async function devSession(sessionPolicy?: object): Promise<SigningCredentials & { arn: string }> {
    const r = await sts.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/Dev`, RoleSessionName: 'work', Policy: sessionPolicy ? JSON.stringify(sessionPolicy) : undefined }));
    const c = r.Credentials!;
    return { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken!, arn: r.AssumedRoleUser!.Arn! };
  }

  it('same account: a policy naming the user grants without any identity policy', async () => {
    assert.equal(await allowed(ALICE), false);
    assert.equal(await allowed(ALICE, policy(allowTo(`arn:aws:iam::${A}:user/alice`))), true);
    assert.equal(await allowed(ALICE, policy(allowTo(`arn:aws:iam::${A}:user/carol`))), false);
  });

  it('same account: naming the role grants to its sessions; naming the session too', async () => {
    const s = await devSession();
    assert.equal(await allowed(s), false);
    assert.equal(await allowed(s, policy(allowTo(`arn:aws:iam::${A}:role/Dev`))), true);
    assert.equal(await allowed(s, policy(allowTo(s.arn))), true);
  });

  it('a session policy limits a grant to the role, not one to the session itself', async () => {
    const s = await devSession(policy({ Effect: 'Allow', Action: 'files:ListBucket', Resource: '*' }));
    assert.equal(await allowed(s, policy(allowTo(`arn:aws:iam::${A}:role/Dev`))), false);
    assert.equal(await allowed(s, policy(allowTo(s.arn))), true);
  });

  it('same account: a policy naming the account needs the identity side too', async () => {
    assert.equal(await allowed(ALICE, policy(allowTo(A))), false);
    assert.equal(await allowed(CAROL, policy(allowTo(A))), true);
    assert.equal(await allowed(CAROL, policy(allowTo(`arn:aws:iam::${A}:user/alice`))), true); // union: identity alone
  });

  it('cross-account: both the resource policy and the identity side must allow', async () => {
    const mallory = `arn:aws:iam::${B}:user/mallory`;
    assert.equal(await allowed(MALLORY, undefined, { resourceAccount: A }), false);
    assert.equal(await allowed(MALLORY, policy(allowTo(`arn:aws:iam::${A}:user/alice`)), { resourceAccount: A }), false);
    assert.equal(await allowed(MALLORY, policy(allowTo(mallory)), { resourceAccount: A }), true);
    assert.equal(await allowed(MALLORY, policy(allowTo(B)), { resourceAccount: A }), true);
    assert.equal(await allowed(PAWN, policy(allowTo(`arn:aws:iam::${B}:user/pawn`)), { resourceAccount: A }), false);
  });

  it('an explicit deny in the resource policy wins over any allow', async () => {
    const deny = { Effect: 'Deny', Principal: { AWS: `arn:aws:iam::${A}:user/carol` }, Action: 'files:*', Resource: '*' };
    assert.equal(await allowed(CAROL, policy(allowTo(`arn:aws:iam::${A}:user/carol`), deny)), false);
  });

  it('the policy registered for the resource ARN prefix applies when the request gives none', async () => {
    assert.equal(await allowed(ALICE, undefined, {}, 'files:GetObject', 'arn:aws:files:::registered/a.txt'), true);
    assert.equal(await allowed(ALICE, undefined, {}, 'files:PutObject', 'arn:aws:files:::registered/a.txt'), false);
  });

  it('a service declared so needs its resource policy to grant: identity alone is not enough', async () => {
    const vault = async (p?: object) => (await (await postAuthorize(b.httpUrl, { expect: { service: 'vault', host: HOST }, request: forwardedRequest(new URL(`http://${HOST}/box`), CAROL, 'vault'), action: 'vault:Open', resource: 'arn:aws:vault:::box/1', ...(p ? { resourcePolicy: p } : {}) }, undefined)).json()) as { allowed: boolean };
    assert.equal((await vault()).allowed, false); // carol's identity policy allows vault:*
    assert.equal((await vault(policy(allowTo(`arn:aws:iam::${A}:user/alice`, 'vault:Open')))).allowed, false);
    assert.equal((await vault(policy(allowTo(A, 'vault:Open')))).allowed, true); // the account: IAM decides
    assert.equal((await vault(policy(allowTo(`arn:aws:iam::${A}:user/carol`, 'vault:Open')))).allowed, true);
  });

  it('the JSON API registers a policy per prefix in the store (authorized: idbroker:PutResourcePolicy), which /authorize then applies', async () => {
    const api = async (method: string, body: unknown, creds: SigningCredentials | null = ADMIN_KEY) => {
      const url = new URL(`${b.httpUrl}/authorize/resource-policies`);
      const text = body === undefined ? '' : JSON.stringify(body);
      const headers: Record<string, string> = body === undefined ? {} : { 'content-type': 'application/json' };
      if (creds) Object.assign(headers, signRequest({ method, url, headers, body: text }, creds, { region: 'us-east-1', service: 'idbroker', now: new Date() }));
      const res = await fetch(url, { method, headers, body: body === undefined ? undefined : text });
      return { status: res.status, json: (await res.json()) as any };
    };
    const entry = { prefix: 'arn:aws:files:::api/', policy: policy(allowTo(`arn:aws:iam::${A}:user/alice`)) };
    assert.equal((await api('PUT', entry, null)).json.error, 'MissingAuthenticationToken');
    const denied = await api('PUT', entry, ALICE);
    assert.equal(denied.status, 403);
    assert.equal(denied.json.error, 'AccessDenied');
    assert.match(denied.json.message, /idbroker:PutResourcePolicy on resource: arn:aws:idbroker::111122223333:resource-policy\/arn:aws:files:::api\//);
    assert.equal((await api('PUT', { prefix: 'arn:aws:files:::bad/', policy: { Statement: 'x' } })).status, 400);
    assert.equal(await allowed(ALICE, undefined, {}, 'files:GetObject', 'arn:aws:files:::api/a.txt'), false);
    assert.deepEqual((await api('PUT', entry)).json, { prefix: entry.prefix });
    assert.equal(await allowed(ALICE, undefined, {}, 'files:GetObject', 'arn:aws:files:::api/a.txt'), true);
    assert.deepEqual((await api('GET', undefined)).json.resourcePolicies.map((p: { prefix: string }) => p.prefix), [entry.prefix]);
    assert.equal((await api('DELETE', { prefix: entry.prefix })).status, 200);
    assert.equal(await allowed(ALICE, undefined, {}, 'files:GetObject', 'arn:aws:files:::api/a.txt'), false);
    assert.equal((await api('DELETE', { prefix: entry.prefix })).json.error, 'NoSuchEntity');
  });

  it('a malformed resource policy is a 400', async () => {
    const res = await postAuthorize(b.httpUrl, { expect: { service: 'files', host: HOST }, request: forwardedRequest(new URL(`http://${HOST}/x`), CAROL, 'files'), action: 'files:GetObject', resource: OBJ, resourcePolicy: { Statement: 'nope' } });
    assert.equal(res.status, 400);
    assert.match(((await res.json()) as { message: string }).message, /^resourcePolicy: /);
  });
});
