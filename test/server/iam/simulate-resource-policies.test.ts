// The simulators as AWS's: a role's trust policy and a KMS key policy must grant (an identity policy alone does not),
// SimulateCustomPolicy's CallerArn is an IAM user's ARN only, and SimulatePrincipalPolicy on a role evaluates as a
// session of that role (a resource policy naming the role grants).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SimulateCustomPolicyCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { client, rejectsWith } from '../../contracts/iam-api.ts';

const A = '111122223333';
const ROLE = `arn:aws:iam::${A}:role/Deploy`;
const KEY = `arn:aws:kms:us-east-1:${A}:key/1234abcd-12ab-34cd-56ef-1234567890ab`;
const ALL = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
const naming = (principal: string, action: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: action, Resource: '*' }] });
const BOB = `arn:aws:iam::${A}:user/bob`;
const ALICE = `arn:aws:iam::${A}:user/alice`;

describe('simulators and resource policies that must grant', () => {
  let b: TestBroker;
  before(async () => {
    b = await startTestBroker({
      yaml: `
roles:
  - name: Reader
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "${A}" }, Action: "sts:AssumeRole" }] }
`,
    });
  });
  after(async () => b.destroy());

  async function custom(action: string, resource: string, resourcePolicy: string | undefined, identity = ALL): Promise<string | undefined> {
    const iam = client(b);
    try {
      const r = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [identity], ActionNames: [action], ResourceArns: [resource], ResourcePolicy: resourcePolicy, CallerArn: ALICE }));
      return r.EvaluationResults?.[0].EvalDecision;
    } finally {
      iam.destroy();
    }
  }

  for (const [action, resource] of [['sts:AssumeRole', ROLE], ['kms:Decrypt', KEY]]) {
    it(`${action}: a resource policy naming only another user denies, whatever the identity policy`, async () => {
      assert.equal(await custom(action, resource, naming(BOB, action)), 'implicitDeny');
      assert.equal(await custom(action, resource, naming(ALICE, action)), 'allowed');
      assert.equal(await custom(action, resource, naming(A, action)), 'allowed'); // the account: IAM decides
      assert.equal(await custom(action, resource, naming(A, action), JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })), 'implicitDeny');
    });
  }

  it('SimulateCustomPolicy: CallerArn must be an IAM user (InvalidInput for a session, a role, a federated user)', async () => {
    const iam = client(b);
    for (const arn of [`arn:aws:sts::${A}:assumed-role/Deploy/s`, ROLE, `arn:aws:sts::${A}:federated-user/f`]) {
      await rejectsWith(iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [ALL], ActionNames: ['s3:GetObject'], CallerArn: arn })), 'InvalidInput', 400);
    }
    iam.destroy();
  });

  it('SimulatePrincipalPolicy on a role: evaluated as its session, so a resource policy naming the role grants', async () => {
    const iam = client(b);
    const rp = naming(`arn:aws:iam::${A}:role/Reader`, 'files:GetObject');
    const r = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${A}:role/Reader`, ActionNames: ['files:GetObject'], ResourceArns: ['arn:aws:files:::b/k'], ResourcePolicy: rp }));
    assert.equal(r.EvaluationResults?.[0].EvalDecision, 'allowed');
    const other = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: `arn:aws:iam::${A}:role/Reader`, ActionNames: ['files:GetObject'], ResourceArns: ['arn:aws:files:::b/k'], ResourcePolicy: naming(BOB, 'files:GetObject') }));
    assert.equal(other.EvaluationResults?.[0].EvalDecision, 'implicitDeny');
    iam.destroy();
  });
});
