// What a decision carries besides its value: the statements that decided it, missing context keys, the reason.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compilePolicy, evaluate, type EvaluationInput } from '../../../server/policy/index.ts';
import { alice, fedUser, session, ROLE_ARN } from '../../fixtures/policy/case.ts';

const base = (over: Partial<EvaluationInput>): EvaluationInput => ({ action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: alice, context: {}, identityPolicies: [], ...over });
const id = (doc: object, name = 'p') => compilePolicy(doc, 'identity', name);

test('an Allow names its policy, kind, Sid, effect and index', () => {
  const p = id({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }, { Sid: 'Read', Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] }, 'arn:aws:iam::111122223333:policy/Read');
  const d = evaluate(base({ identityPolicies: [p] }));
  assert.equal(d.decision, 'allowed');
  assert.deepEqual(d.matchedStatements, [{ policyId: 'arn:aws:iam::111122223333:policy/Read', policyKind: 'identity', sid: 'Read', effect: 'Allow', index: 1 }]);
  assert.match(d.reason, /"Read".*policy\/Read/);
});

test('an explicit deny lists every matching Deny and none of the Allows', () => {
  const p = id({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }, { Effect: 'Deny', Action: 's3:*', Resource: '*' }] }, 'a');
  const b = compilePolicy({ Version: '2012-10-17', Statement: [{ Sid: 'B', Effect: 'Deny', Action: 's3:Get*', Resource: '*' }] }, 'boundary', 'bnd');
  const d = evaluate(base({ identityPolicies: [p], permissionsBoundary: b }));
  assert.equal(d.decision, 'explicitDeny');
  assert.deepEqual(d.matchedStatements.map((m) => `${m.policyKind}:${m.policyId}:${m.index}`), ['identity:a:1', 'boundary:bnd:0']);
  assert.match(d.reason, /^Explicitly denied by statement #1 of the identity policy a\./);
});

test('an implicit deny says why', () => {
  const all = id({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });
  const s3only = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] };
  assert.equal(evaluate(base({})).reason, 'No identity-based policy allows the action.');
  assert.equal(evaluate(base({ identityPolicies: [all], permissionsBoundary: compilePolicy(s3only, 'boundary') })).reason, 'The permissions boundary does not allow the action.');
  assert.equal(evaluate(base({ principal: session, identityPolicies: [all], sessionPolicies: [compilePolicy(s3only, 'session')] })).reason, 'No session policy allows the action.');
  assert.equal(evaluate(base({ principal: fedUser, identityPolicies: [all], isFederationTokenSession: true })).reason, 'A GetFederationToken session without a session policy has no permissions.');
  const trust = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/bob' }, Action: 'sts:AssumeRole' }] }, 'trust');
  assert.equal(evaluate(base({ action: 'sts:AssumeRole', resource: ROLE_ARN, identityPolicies: [all], resourcePolicy: trust })).reason, 'The role trust policy does not allow the caller.');
  assert.deepEqual(evaluate(base({})).matchedStatements, []);
});

test('missingContextValues lists the keys that conditions read and the context lacked', () => {
  const p = id({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': 'blue' } } },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: '*', Condition: { IpAddress: { 'aws:SourceIp': '10.0.0.0/8' } } },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': 'true' } } },
    ],
  });
  const d = evaluate(base({ identityPolicies: [p], context: { 'aws:SourceIp': '192.0.2.1' } }));
  assert.equal(d.decision, 'implicitDeny');
  assert.deepEqual(d.missingContextValues, ['aws:PrincipalTag/team']); // not aws:SecureTransport: that statement's action differs
});

test('context key names are case-insensitive and values may be numbers, booleans, Dates and arrays', () => {
  const p = id({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: 's3:GetObject',
        Resource: '*',
        Condition: {
          NumericLessThan: { 'aws:MultiFactorAuthAge': '600' },
          Bool: { 'aws:SecureTransport': 'true' },
          DateLessThan: { 'aws:CurrentTime': '2030-01-01T00:00:00Z' },
          'ForAllValues:StringLike': { 'aws:TagKeys': ['team*'] },
        },
      },
    ],
  });
  const context = { 'AWS:MULTIFACTORAUTHAGE': 30, 'aws:securetransport': true, 'aws:CurrentTime': new Date('2026-11-28T00:00:00Z'), 'aws:TagKeys': ['team', 'team-2'] };
  assert.equal(evaluate(base({ identityPolicies: [p], context })).decision, 'allowed');
  assert.equal(evaluate(base({ identityPolicies: [p], context: { ...context, 'aws:CurrentTime': new Date('2031-01-01T00:00:00Z') } })).decision, 'implicitDeny');
});

test('principal keys are derived from the principal unless the context gives them', () => {
  const p = id({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }] });
  assert.equal(evaluate(base({ identityPolicies: [p], resource: 'arn:aws:s3:::b/alice/x' })).decision, 'allowed');
  assert.equal(evaluate(base({ identityPolicies: [p], resource: 'arn:aws:s3:::b/alice/x', context: { 'aws:username': 'someone' } })).decision, 'implicitDeny');
});

test('evaluate does not change its input', () => {
  const input = base({ identityPolicies: [id({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] })], context: { 'aws:TagKeys': ['a'] } });
  const context = structuredClone(input.context);
  evaluate(input);
  assert.deepEqual(input.context, context);
});
