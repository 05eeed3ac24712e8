// fast-check generators of policy sets and requests over small alphabets, so that statements often match.
import fc from 'fast-check';
import type { ContextValue, PrincipalInfo } from '../../../server/policy/index.ts';
import { alice, fedUser, otherUser, root, session, ACCT } from '../../fixtures/policy/case.ts';

export const ACTIONS = ['s3:GetObject', 's3:PutObject', 'sqs:SendMessage', 'iam:GetRole', 'sts:AssumeRole'];
const ACTION_PATTERNS = [...ACTIONS, 's3:*', 's3:Get*', 'iam:*', '*', 'SQS:send*', 's3:?utObject'];
export const RESOURCES = ['*', 'arn:aws:s3:::bucket/a/x', 'arn:aws:s3:::bucket/b/y', `arn:aws:sqs:us-east-1:${ACCT}:q`, `arn:aws:iam::${ACCT}:role/Dev`];
const RESOURCE_PATTERNS = ['*', 'arn:aws:s3:::bucket/*', 'arn:aws:s3:::bucket/a/*', 'arn:aws:s3:::bucket/${aws:username}/*', `arn:aws:sqs:*:${ACCT}:*`, `arn:aws:iam::${ACCT}:role/*`];
export const PRINCIPALS: PrincipalInfo[] = [alice, session, root, otherUser, fedUser];

const condition = fc.oneof(
  fc.constant(undefined),
  fc.record({ StringEquals: fc.record({ 'aws:PrincipalTag/team': fc.constantFrom('blue', 'red') }) }),
  fc.record({ Bool: fc.record({ 'aws:SecureTransport': fc.constantFrom('true', 'false') }) }),
  fc.record({ IpAddress: fc.record({ 'aws:SourceIp': fc.constantFrom('10.0.0.0/8', '192.0.2.0/24') }) }),
  fc.record({ 'ForAllValues:StringEquals': fc.record({ 'aws:TagKeys': fc.constantFrom(['a'], ['a', 'b']) }) }),
  fc.record({ StringNotEqualsIfExists: fc.record({ 'aws:PrincipalTag/team': fc.constant('red') }) }),
  fc.record({ Null: fc.record({ 'aws:PrincipalTag/team': fc.constantFrom('true', 'false') }) }),
);

export interface StatementBody {
  Effect: string;
  actions: string[];
  notAction: boolean;
  resources: string[];
  condition: object | undefined;
}
export interface PolicyDoc {
  Version: string;
  Statement: Record<string, unknown>[];
}
export interface Scenario {
  identity: PolicyDoc[];
  boundary?: PolicyDoc;
  session?: PolicyDoc[];
  federationToken: boolean;
  resourcePolicy?: PolicyDoc;
  action: string;
  resource: string;
  principal: PrincipalInfo;
  context: Record<string, ContextValue>;
}

const stmtBody: fc.Arbitrary<StatementBody> = fc.record({
  Effect: fc.constantFrom('Allow', 'Allow', 'Deny'),
  actions: fc.uniqueArray(fc.constantFrom(...ACTION_PATTERNS), { minLength: 1, maxLength: 3 }),
  notAction: fc.boolean(),
  resources: fc.uniqueArray(fc.constantFrom(...RESOURCE_PATTERNS), { minLength: 1, maxLength: 2 }),
  condition,
});

function statement(b: StatementBody, principal?: unknown): Record<string, unknown> {
  return {
    Effect: b.Effect,
    ...(principal !== undefined ? { Principal: principal } : {}),
    [b.notAction && b.Effect === 'Deny' ? 'NotAction' : 'Action']: b.actions,
    Resource: b.resources,
    ...(b.condition ? { Condition: b.condition } : {}),
  };
}

export const identityDoc: fc.Arbitrary<PolicyDoc> = fc.array(stmtBody, { maxLength: 4 }).map((ss) => ({ Version: '2012-10-17', Statement: ss.map((s) => statement(s)) }));
const principalValue = fc.constantFrom<unknown>('*', { AWS: alice.arn }, { AWS: ACCT }, { AWS: session.roleArn }, { AWS: session.arn }, { AWS: otherUser.arn });
export const resourceDoc: fc.Arbitrary<PolicyDoc> = fc
  .array(fc.tuple(stmtBody, principalValue), { minLength: 1, maxLength: 3 })
  .map((ss) => ({ Version: '2012-10-17', Statement: ss.map(([s, p]) => statement(s, p)) }));

const context = fc.record(
  {
    'aws:PrincipalTag/team': fc.constantFrom('blue', 'red'),
    'aws:SecureTransport': fc.boolean(),
    'aws:SourceIp': fc.constantFrom('10.1.2.3', '192.0.2.9', '2001:db8::1'),
    'aws:TagKeys': fc.constantFrom(['a'], ['a', 'b'], ['c'], []),
  },
  { requiredKeys: [] },
) as fc.Arbitrary<Record<string, ContextValue>>;

export const scenario: fc.Arbitrary<Scenario> = fc.record({
  identity: fc.array(identityDoc, { maxLength: 3 }),
  boundary: fc.option(identityDoc, { nil: undefined }),
  session: fc.option(fc.array(identityDoc, { minLength: 1, maxLength: 2 }), { nil: undefined }),
  federationToken: fc.boolean(),
  resourcePolicy: fc.option(resourceDoc, { nil: undefined }),
  action: fc.constantFrom(...ACTIONS),
  resource: fc.constantFrom(...RESOURCES),
  principal: fc.constantFrom(...PRINCIPALS),
  context,
});

export { stmtBody, statement };
