// lintPolicy: validation errors as findings, and the best-practice warnings of issue 3 item 8.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintPolicy } from '../../../server/policy/index.ts';

const S = (...Statement: object[]) => ({ Version: '2012-10-17', Statement });
const codes = (doc: object | string, kind: Parameters<typeof lintPolicy>[1] = 'identity') => lintPolicy(doc, kind).map((f) => f.code);

test('a clean least-privilege policy has no findings', () => {
  assert.deepEqual(lintPolicy(S({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' }), 'identity'), []);
});

test('a malformed document is one error finding with AWS message and path', () => {
  assert.deepEqual(lintPolicy('{', 'identity'), [{ severity: 'error', code: 'MalformedPolicyDocument', message: 'Syntax errors in policy.', path: '' }]);
  const [f] = lintPolicy(S({ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { Foo: { 'a:b': 'c' } } }), 'identity');
  assert.equal(f.severity, 'error');
  assert.equal(f.message, 'Invalid Condition type : Foo');
  assert.equal(f.path, 'Statement[0].Condition.Foo');
});

test('Action "*" on Resource "*" is flagged', () => {
  const [f] = lintPolicy(S({ Effect: 'Allow', Action: '*', Resource: '*' }), 'identity');
  assert.deepEqual([f.severity, f.code, f.path], ['warning', 'FullAccess', 'Statement[0].Action']);
});

test('service:* on Resource "*" is flagged, but not when the resource is narrowed or the effect is Deny', () => {
  assert.deepEqual(codes(S({ Effect: 'Allow', Action: 's3:*', Resource: '*' })), ['ServiceWideAccess']);
  assert.deepEqual(codes(S({ Effect: 'Allow', Action: 's3:*', Resource: 'arn:aws:s3:::b/*' })), []);
  assert.deepEqual(codes(S({ Effect: 'Deny', Action: 's3:*', Resource: '*' })), []);
});

test('NotAction with Allow is flagged; with Deny it is the usual guard', () => {
  assert.deepEqual(codes(S({ Effect: 'Allow', NotAction: 'iam:*', Resource: 'arn:aws:s3:::b/*' })), ['AllowWithNotAction']);
  assert.deepEqual(codes(S({ Effect: 'Deny', NotAction: 'iam:*', Resource: '*' })), []);
});

test('Principal "*" without a condition in a trust policy is flagged', () => {
  const open = S({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' });
  assert.deepEqual(codes(open, 'trust'), ['PublicTrust']);
  assert.deepEqual(codes(S({ Effect: 'Allow', Principal: { AWS: '*' }, Action: 'sts:AssumeRole' }), 'trust'), ['PublicTrust']);
  const guarded = S({ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalOrgID': 'o-1' } } });
  assert.deepEqual(codes(guarded, 'trust'), []);
});

test('iam:PassRole on "*" is flagged, including through wildcards', () => {
  assert.deepEqual(codes(S({ Effect: 'Allow', Action: 'iam:PassRole', Resource: '*' })), ['PassRoleOnAllResources']);
  assert.deepEqual(codes(S({ Effect: 'Allow', Action: 'iam:Pass*', Resource: '*' })), ['PassRoleOnAllResources']);
  assert.deepEqual(codes(S({ Effect: 'Allow', Action: 'iam:PassRole', Resource: 'arn:aws:iam::111122223333:role/app/*' })), []);
});

test('condition pitfalls from the docs are flagged', () => {
  assert.deepEqual(codes(S({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] } } })), ['ForAllValuesWithoutNullCheck']);
  assert.deepEqual(codes(S({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['a'] }, Null: { 'aws:TagKeys': 'false' } } })), []);
  assert.deepEqual(codes(S({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { StringEquals: { 'aws:TagKeys': 'a' } } })), ['MultivaluedKeyWithoutSetOperator']);
  assert.deepEqual(codes(S({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: 'arn:aws:ec2:*:*:instance/*', Condition: { 'ForAnyValue:StringEquals': { 'aws:RequestTag/team': 'a' } } })), ['SetOperatorOnSingleValuedKey']);
  assert.deepEqual(codes(S({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'false' } } })), ['MfaDenyMissesLongTermKeys']);
  assert.deepEqual(codes(S({ Effect: 'Deny', Action: '*', Resource: '*', Condition: { BoolIfExists: { 'aws:MultiFactorAuthPresent': 'false' } } })), []);
});

test('variables without Version 2012-10-17 are flagged', () => {
  assert.deepEqual(codes({ Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }] }), ['MissingVersion']);
  assert.deepEqual(codes({ Version: '2008-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/${aws:username}/*' }] }), ['VariablesNotResolved']);
});
