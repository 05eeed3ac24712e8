// Account B must not read account A's role tags through POST /authorize: iam:PassRole (and the IAM actions on a
// role) name a role of the caller's own account only — AWS never lets a principal pass another account's role — so
// the broker adds no aws:/iam:ResourceTag of another account's role to the context. Before, B's own policy
// conditioned on aws:ResourceTag/level answered allow or deny by A's tag: an oracle for every tag of every role.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { DecodeAuthorizationMessageCommand, STSClient } from '@aws-sdk/client-sts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { postAuthorize } from '../../helpers/authorize.ts';
import { signRequest } from '../../../server/sts/sigv4/index.ts';

const A = '111122223333';
const B = '444455556666';
const MALLORY = { accessKeyId: 'AKIAMALLORYMALLORY03', secretAccessKey: 'mallorySecretKeyForTestsOnly000000000003' };
const trust = (acct: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${acct}:root` }, Action: 'sts:AssumeRole' }] });

const YAML = `
users:
  - name: mallory
    account: "${B}"
    accessKeys: [{ id: ${MALLORY.accessKeyId}, secret: ${MALLORY.secretAccessKey} }]
    inlinePolicies:
      probe:
        Version: "2012-10-17"
        Statement:
          - { Effect: Allow, Action: "iam:PassRole", Resource: "*", Condition: { StringEquals: { "aws:ResourceTag/level": "top" } } }
          - { Effect: Allow, Action: ["iam:CreateRole", "iam:TagRole", "sts:DecodeAuthorizationMessage"], Resource: "*" }
`;

describe("another account's role tags never reach the context of POST /authorize", () => {
  let b: TestBroker;
  let adminA: IAMClient;

  async function authorize(action: string, resource: string): Promise<{ allowed: boolean; error?: { message: string } }> {
    const url = new URL('http://ecs.internal.example/');
    const headers = signRequest({ method: 'GET', url, headers: {}, body: '' }, MALLORY, { region: 'us-east-1', service: 'ecs', now: new Date() });
    const res = await postAuthorize(b.httpUrl, {
      expect: { service: 'ecs', host: url.host },
      request: { method: 'GET', path: url.pathname, query: '', headers: { ...headers, host: url.host }, body: '' },
      action,
      resource,
      context: { 'iam:PassedToService': 'ecs.amazonaws.com' },
    });
    assert.equal(res.status, 200);
    return (await res.json()) as { allowed: boolean; error?: { message: string } };
  }

  before(async () => {
    b = await startTestBroker({ accounts: `[{ id: "${A}", alias: main }, { id: "${B}", alias: other }]`, yaml: YAML });
    adminA = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
    await adminA.send(new CreateRoleCommand({ RoleName: 'Secret', AssumeRolePolicyDocument: trust(A), Tags: [{ Key: 'level', Value: 'top' }] }));
  });
  after(async () => {
    adminA.destroy();
    await b.destroy();
  });

  it("iam:PassRole on account A's role: B's tag condition sees no tag (denied whatever A's tag is)", async () => {
    const r = await authorize('iam:PassRole', `arn:aws:iam::${A}:role/Secret`);
    assert.equal(r.allowed, false);
    // nor through the denial's encoded message, which B may decode (its own principal was denied)
    const encoded = /Encoded authorization failure message: (\S+)/.exec(r.error?.message ?? '')?.[1];
    assert.ok(encoded, r.error?.message);
    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: MALLORY, maxAttempts: 1 });
    try {
      const decoded = (await sts.send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }))).DecodedMessage ?? '';
      assert.match(decoded, /iam:PassRole/);
      assert.doesNotMatch(decoded, /level/);
    } finally {
      sts.destroy();
    }
  });

  it("B's own role tagged level=top is still matched (the condition works on B's roles)", async () => {
    const mallory = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: MALLORY, maxAttempts: 1 });
    try {
      await mallory.send(new CreateRoleCommand({ RoleName: 'Mine', AssumeRolePolicyDocument: trust(B), Tags: [{ Key: 'level', Value: 'top' }] }));
    } finally {
      mallory.destroy();
    }
    assert.equal((await authorize('iam:PassRole', `arn:aws:iam::${B}:role/Mine`)).allowed, true);
  });
});
