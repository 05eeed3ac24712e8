// The policy simulator through the IAM API, driven with @aws-sdk/client-iam.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { SimulateCustomPolicyCommand, SimulatePrincipalPolicyCommand } from '@aws-sdk/client-iam';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { client, rejectsWith } from '../../contracts/iam-api.ts';

const POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' },
    { Sid: 'NoSecrets', Effect: 'Deny', Action: 's3:*', Resource: 'arn:aws:s3:::bucket/secret/*' },
    { Sid: 'Office', Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
  ],
});

describe('IAM policy simulator', () => {
  let b: TestBroker;
  before(async () => {
    b = await startTestBroker({
      yaml: `
groups:
  - name: readers
    inlinePolicies:
      read: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "arn:aws:s3:::bucket/\${aws:username}/*" }] }
users:
  - name: dana
    groups: [readers]
`,
    });
  });
  after(async () => b.destroy());

  it('SimulateCustomPolicy: allowed, explicitDeny, implicitDeny, with matched statements', async () => {
    const iam = client(b);
    const r = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [POLICY], ActionNames: ['s3:GetObject', 's3:DeleteObject'], ResourceArns: ['arn:aws:s3:::bucket/a.txt', 'arn:aws:s3:::bucket/secret/k'] }));
    const byKey = Object.fromEntries(r.EvaluationResults!.map((e) => [`${e.EvalActionName} ${e.EvalResourceName}`, e]));
    assert.equal(byKey['s3:GetObject arn:aws:s3:::bucket/a.txt'].EvalDecision, 'allowed');
    assert.equal(byKey['s3:GetObject arn:aws:s3:::bucket/a.txt'].MatchedStatements?.[0].SourcePolicyId, 'PolicyInputList.1');
    assert.equal(byKey['s3:GetObject arn:aws:s3:::bucket/secret/k'].EvalDecision, 'explicitDeny');
    assert.equal(byKey['s3:DeleteObject arn:aws:s3:::bucket/a.txt'].EvalDecision, 'implicitDeny');
    iam.destroy();
  });

  it('SimulateCustomPolicy: context entries feed conditions, missing ones are reported', async () => {
    const iam = client(b);
    const inOffice = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [POLICY], ActionNames: ['s3:PutObject'], ContextEntries: [{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['10.1.2.3'], ContextKeyType: 'ip' }] }));
    assert.equal(inOffice.EvaluationResults?.[0].EvalDecision, 'allowed');
    const outside = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [POLICY], ActionNames: ['s3:PutObject'], ContextEntries: [{ ContextKeyName: 'aws:SourceIp', ContextKeyValues: ['192.0.2.1'], ContextKeyType: 'ip' }] }));
    assert.equal(outside.EvaluationResults?.[0].EvalDecision, 'implicitDeny');
    const unknown = await iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: [POLICY], ActionNames: ['s3:PutObject'] }));
    assert.equal(unknown.EvaluationResults?.[0].EvalDecision, 'implicitDeny');
    assert.deepEqual(unknown.EvaluationResults?.[0].MissingContextValues, ['aws:SourceIp']);
    await rejectsWith(iam.send(new SimulateCustomPolicyCommand({ PolicyInputList: ['{"Version":"2012-10-17","Statement":{"Effect":"Maybe","Action":"s3:*","Resource":"*"}}'], ActionNames: ['s3:GetObject'] })), 'MalformedPolicyDocument', 400);
    iam.destroy();
  });

  it('SimulatePrincipalPolicy: a user’s group policies with variables', async () => {
    const iam = client(b);
    const r = await iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::111122223333:user/dana', ActionNames: ['s3:GetObject'], ResourceArns: ['arn:aws:s3:::bucket/dana/x', 'arn:aws:s3:::bucket/erin/x'] }));
    assert.deepEqual(r.EvaluationResults?.map((e) => e.EvalDecision), ['allowed', 'implicitDeny']);
    assert.equal(r.EvaluationResults?.[0].MatchedStatements?.[0].SourcePolicyType, 'group');
    await rejectsWith(iam.send(new SimulatePrincipalPolicyCommand({ PolicySourceArn: 'arn:aws:iam::111122223333:user/nobody', ActionNames: ['s3:GetObject'] })), 'NoSuchEntity', 404);
    iam.destroy();
  });
});
