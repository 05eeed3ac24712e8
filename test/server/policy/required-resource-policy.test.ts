// Resources whose own policy must grant (role trust policies, KMS key policies, services declared so): an identity
// policy alone does not allow; a resource policy naming the account delegates to the identity side.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePolicy, evaluate, resourcePolicyRequired, type EvaluationInput } from '../../../server/policy/index.ts';
import { alice } from '../../fixtures/policy/case.ts';

const KEY = 'arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab';
const ROLE = 'arn:aws:iam::111122223333:role/Deploy';
const ALL = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }, 'identity', 'all');
const naming = (principal: string, action: string) => compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: principal }, Action: action, Resource: '*' }] }, 'resource', 'rp');
const input = (action: string, resource: string, over: Partial<EvaluationInput> = {}): EvaluationInput => ({
  action,
  resource,
  principal: alice,
  context: {},
  identityPolicies: [ALL],
  resourcePolicyRequired: resourcePolicyRequired(action, resource, ['vault']),
  ...over,
});

test('the table: AssumeRole* and session tagging on a role, every kms action on a key, declared services', () => {
  assert.equal(resourcePolicyRequired('sts:AssumeRole', ROLE), true);
  assert.equal(resourcePolicyRequired('STS:AssumeRoleWithSAML', ROLE), true);
  assert.equal(resourcePolicyRequired('sts:TagSession', ROLE), true);
  assert.equal(resourcePolicyRequired('kms:Decrypt', KEY), true);
  assert.equal(resourcePolicyRequired('iam:GetRole', ROLE), false);
  assert.equal(resourcePolicyRequired('kms:ListKeys', '*'), false);
  assert.equal(resourcePolicyRequired('s3:GetObject', 'arn:aws:s3:::b/k'), false);
  assert.equal(resourcePolicyRequired('vault:Open', 'arn:aws:vault:::box/1', ['vault']), true);
  assert.equal(resourcePolicyRequired('vault:Open', 'arn:aws:vault:::box/1'), false);
});

for (const [action, resource] of [['sts:AssumeRole', ROLE], ['kms:Decrypt', KEY], ['vault:Open', 'arn:aws:vault:::box/1']]) {
  test(`${action}: identity policies alone do not allow; the resource policy must name the caller or its account`, () => {
    assert.equal(evaluate(input(action, resource)).decision, 'implicitDeny');
    assert.match(evaluate(input(action, resource)).reason, /needs a resource-based policy/);
    const other = evaluate(input(action, resource, { resourcePolicy: naming('arn:aws:iam::111122223333:user/bob', action) }));
    assert.equal(other.decision, 'implicitDeny');
    assert.match(other.reason, /must grant for this resource/);
    assert.equal(evaluate(input(action, resource, { resourcePolicy: naming(alice.arn, action), identityPolicies: [] })).decision, 'allowed');
    // naming the account delegates to IAM: the identity side must allow too
    assert.equal(evaluate(input(action, resource, { resourcePolicy: naming('111122223333', action) })).decision, 'allowed');
    assert.equal(evaluate(input(action, resource, { resourcePolicy: naming('111122223333', action), identityPolicies: [] })).decision, 'implicitDeny');
  });
}
