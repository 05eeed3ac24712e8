// Malformed documents: each gives PolicyParseError (MalformedPolicyDocument) with AWS's message and the path of the
// fault; none crashes the engine (fuzzed with fast-check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compilePolicy, evaluate, PolicyParseError, type PolicyKind } from '../../../server/policy/index.ts';
import { alice } from '../../fixtures/policy/case.ts';

const S = (s: object) => ({ Version: '2012-10-17', Statement: [s] });
const ok = { Effect: 'Allow', Action: 's3:GetObject', Resource: '*' };

const cases: Array<{ what: string; doc: string | object; kind?: PolicyKind; message: string | RegExp; path?: string }> = [
  { what: 'not JSON', doc: '{"Version": "2012-10-17", "Statement": [', message: 'Syntax errors in policy.' },
  { what: 'JSON but not an object', doc: '["Version"]', message: 'Syntax errors in policy.' },
  { what: 'a JSON string', doc: '"policy"', message: 'Syntax errors in policy.' },
  { what: 'wrong Version', doc: { Version: '2012-10-18', Statement: [ok] }, message: 'The policy failed legacy parsing', path: 'Version' },
  { what: 'Version of the wrong type', doc: { Version: 2012, Statement: [ok] }, message: 'The policy failed legacy parsing', path: 'Version' },
  { what: 'unknown top-level element', doc: { Version: '2012-10-17', Statement: [ok], Foo: 1 }, message: 'Unknown field Foo', path: 'Foo' },
  { what: 'lower-case statement element', doc: { Version: '2012-10-17', statement: [ok] }, message: 'Unknown field statement', path: 'statement' },
  { what: 'unknown statement element', doc: S({ ...ok, Actions: 's3:*' }), message: 'Unknown field Actions', path: 'Statement[0].Actions' },
  { what: 'missing Statement', doc: { Version: '2012-10-17' }, message: 'Missing required field Statement', path: 'Statement' },
  { what: 'Statement of the wrong type', doc: { Version: '2012-10-17', Statement: 'Allow' }, message: 'Syntax errors in policy.', path: 'Statement' },
  { what: 'a statement that is not an object', doc: { Version: '2012-10-17', Statement: [42] }, message: 'Syntax errors in policy.', path: 'Statement[0]' },
  { what: 'unknown condition operator', doc: S({ ...ok, Condition: { StringEqualsX: { 'aws:username': 'a' } } }), message: 'Invalid Condition type : StringEqualsX', path: 'Statement[0].Condition.StringEqualsX' },
  { what: 'Null with IfExists', doc: S({ ...ok, Condition: { NullIfExists: { 'aws:username': 'true' } } }), message: 'Invalid Condition type : NullIfExists' },
  { what: 'an unknown set qualifier', doc: S({ ...ok, Condition: { 'ForSomeValues:StringEquals': { 'aws:TagKeys': 'a' } } }), message: 'Invalid Condition type : ForSomeValues:StringEquals' },
  { what: 'a condition key without a vendor', doc: S({ ...ok, Condition: { StringEquals: { username: 'a' } } }), message: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.' },
  { what: 'a condition value that is an object', doc: S({ ...ok, Condition: { StringEquals: { 'aws:username': { a: 1 } } } }), message: 'Syntax errors in policy.', path: 'Statement[0].Condition.StringEquals.aws:username' },
  { what: 'a condition value that is null', doc: S({ ...ok, Condition: { StringEquals: { 'aws:username': [null] } } }), message: 'Syntax errors in policy.', path: 'Statement[0].Condition.StringEquals.aws:username[0]' },
  { what: 'a Condition that is an array', doc: S({ ...ok, Condition: [] }), message: 'Syntax errors in policy.', path: 'Statement[0].Condition' },
  { what: 'empty Action', doc: S({ ...ok, Action: [] }), message: 'Policy statement must contain actions.', path: 'Statement[0].Action' },
  { what: 'missing Action', doc: S({ Effect: 'Allow', Resource: '*' }), message: 'Policy statement must contain actions.' },
  { what: 'both Action and NotAction', doc: S({ ...ok, NotAction: 'iam:*' }), message: 'Statement can not have both Action and NotAction' },
  { what: 'an Action of the wrong type', doc: S({ ...ok, Action: 42 }), message: 'Syntax errors in policy.', path: 'Statement[0].Action' },
  { what: 'an Action list holding an object', doc: S({ ...ok, Action: ['s3:GetObject', { Ref: 'X' }] }), message: 'Syntax errors in policy.', path: 'Statement[0].Action[1]' },
  { what: 'an action without a vendor', doc: S({ ...ok, Action: 'GetObject' }), message: 'Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.', path: 'Statement[0].Action[0]' },
  { what: 'an action with two colons', doc: S({ ...ok, Action: 's3:Get:Object' }), message: 'Actions/Condition can contain only one colon.' },
  { what: 'a wildcard in the vendor', doc: S({ ...ok, Action: 's*:GetObject' }), message: 'Vendor s* is not valid' },
  { what: 'empty Resource', doc: S({ ...ok, Resource: [] }), message: 'Policy statement must contain resources.' },
  { what: 'missing Resource in an identity policy', doc: S({ Effect: 'Allow', Action: 's3:*' }), message: 'Policy statement must contain resources.' },
  { what: 'a Resource that is not an ARN', doc: S({ ...ok, Resource: 'bucket/key' }), message: 'Resource bucket/key must be in ARN format or "*".' },
  { what: 'a wildcard in the service segment', doc: S({ ...ok, Resource: 'arn:aws:s*:::bucket' }), message: 'Resource arn:aws:s*:::bucket can not contain a wildcard in the service segment.' },
  { what: 'a Resource of the wrong type', doc: S({ ...ok, Resource: true }), message: 'Syntax errors in policy.', path: 'Statement[0].Resource' },
  { what: 'missing Effect', doc: S({ Action: 's3:*', Resource: '*' }), message: 'Missing required field Effect' },
  { what: 'a lower-case Effect', doc: S({ ...ok, Effect: 'allow' }), message: 'Invalid effect: allow', path: 'Statement[0].Effect' },
  { what: 'an Effect of the wrong type', doc: S({ ...ok, Effect: true }), message: 'Invalid effect: true' },
  { what: 'a Principal in an identity policy', doc: S({ ...ok, Principal: '*' }), message: 'Policy document should not specify a principal.', path: 'Statement[0].Principal' },
  { what: 'a NotPrincipal in a boundary', doc: S({ ...ok, Effect: 'Deny', NotPrincipal: { AWS: '111122223333' } }), kind: 'boundary', message: 'Policy document should not specify a principal.' },
  { what: 'a Principal in a session policy', doc: S({ ...ok, Principal: { AWS: '111122223333' } }), kind: 'session', message: 'Policy document should not specify a principal.' },
  { what: 'no Principal in a trust policy', doc: S({ Effect: 'Allow', Action: 'sts:AssumeRole' }), kind: 'trust', message: 'Missing required field Principal' },
  { what: 'no Principal in a resource policy', doc: S(ok), kind: 'resource', message: 'Missing required field Principal' },
  { what: 'a Resource in a trust policy', doc: S({ ...ok, Principal: '*', Action: 'sts:AssumeRole' }), kind: 'trust', message: 'Has prohibited field Resource' },
  { what: 'NotPrincipal in a trust policy', doc: S({ Effect: 'Deny', NotPrincipal: { AWS: '111122223333' }, Action: 'sts:AssumeRole' }), kind: 'trust', message: 'Has prohibited field NotPrincipal' },
  { what: 'NotPrincipal with Allow', doc: S({ ...ok, NotPrincipal: { AWS: '111122223333' } }), kind: 'resource', message: 'NotPrincipal is supported only with "Effect": "Deny".' },
  { what: 'a partial wildcard in a principal', doc: S({ ...ok, Principal: { AWS: 'arn:aws:iam::111122223333:user/a*' } }), kind: 'resource', message: 'Invalid principal in policy: "AWS":"arn:aws:iam::111122223333:user/a*"' },
  { what: 'a principal that is not an ARN', doc: S({ ...ok, Principal: { AWS: 'alice' } }), kind: 'resource', message: 'Invalid principal in policy: "AWS":"alice"' },
  { what: 'an unknown principal type', doc: S({ ...ok, Principal: { User: 'alice' } }), kind: 'resource', message: 'Invalid principal in policy: "User":"alice"' },
  { what: 'an empty Principal object', doc: S({ ...ok, Principal: {} }), kind: 'resource', message: 'Syntax errors in policy.' },
  { what: 'a Sid with punctuation', doc: S({ ...ok, Sid: 'my-sid' }), message: 'Statement IDs (SID) must be alpha-numeric. Check that your input satisfies the regular expression [0-9A-Za-z]*' },
  { what: 'duplicate Sids', doc: { Version: '2012-10-17', Statement: [{ ...ok, Sid: 'A' }, { ...ok, Sid: 'A' }] }, message: 'Statement IDs (SID) in a single policy must be unique.', path: 'Statement[1].Sid' },
  { what: 'a Sid of the wrong type', doc: S({ ...ok, Sid: 7 }), message: 'Syntax errors in policy.' },
  { what: 'Id in an identity policy', doc: { Version: '2012-10-17', Id: 'x', Statement: [ok] }, message: 'Has prohibited field Id' },
  { what: 'a repeated key (two Effects)', doc: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Effect":"Deny","Action":"s3:*","Resource":"*"}]}', message: 'Syntax errors in policy.', path: 'Statement[0].Effect' },
  { what: 'a repeated condition operator', doc: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:*","Resource":"*","Condition":{"StringEquals":{"a:b":"1"},"StringEquals":{"a:c":"2"}}}}', message: 'Syntax errors in policy.', path: 'Statement.Condition.StringEquals' },
  { what: 'over the size limit', doc: S({ ...ok, Resource: Array.from({ length: 5000 }, (_, i) => `arn:aws:s3:::bucket-${i}/*`) }), message: 'Cannot exceed quota for PolicySize: 131072' },
];

for (const c of cases) {
  test(`malformed: ${c.what}`, () => {
    assert.throws(
      () => compilePolicy(c.doc, c.kind ?? 'identity'),
      (err: unknown) => {
        assert.ok(err instanceof PolicyParseError, String(err));
        if (typeof c.message === 'string') assert.equal(err.message, c.message);
        else assert.match(err.message, c.message);
        if (c.path !== undefined) assert.equal(err.path, c.path);
        return true;
      },
    );
  });
}

test('the size limit can be given as a parameter, and whitespace does not count', () => {
  const doc = JSON.stringify(S(ok), null, 8);
  const size = doc.replace(/\s/g, '').length;
  assert.doesNotThrow(() => compilePolicy(doc, 'identity', undefined, { maxSize: size }));
  assert.throws(() => compilePolicy(doc, 'identity', undefined, { maxSize: size - 1 }), { message: `Cannot exceed quota for PolicySize: ${size - 1}` });
});

test('valid documents of every kind compile', () => {
  assert.equal(compilePolicy(S(ok), 'identity').statements.length, 1);
  assert.equal(compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] }, 'trust').kind, 'trust');
  assert.equal(compilePolicy({ Version: '2008-10-17', Id: 'b', Statement: { Sid: 'x 1', ...ok, Principal: '*' } }, 'resource').version, '2008-10-17');
  assert.equal(compilePolicy({ Statement: [] }, 'boundary').explicitVersion, false);
});

const request = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', principal: alice, context: { 'aws:SourceIp': '10.0.0.1', 'aws:TagKeys': ['a'] } };

function mustNotCrash(doc: unknown, kind: PolicyKind): void {
  let compiled;
  try {
    compiled = compilePolicy(doc as object, kind);
  } catch (err) {
    assert.ok(err instanceof PolicyParseError, `${String(err)} for ${JSON.stringify(doc)}`);
    return;
  }
  const d = evaluate({ ...request, identityPolicies: kind === 'identity' ? [compiled] : [], resourcePolicy: kind === 'resource' ? compiled : undefined });
  assert.ok(['allowed', 'explicitDeny', 'implicitDeny'].includes(d.decision));
}

test('fuzz: arbitrary JSON values and strings never crash the engine', () => {
  const kind = fc.constantFrom<PolicyKind>('identity', 'resource', 'trust', 'boundary', 'session');
  fc.assert(fc.property(fc.jsonValue(), kind, (v, k) => mustNotCrash(v, k)), { numRuns: 300, seed: 7 });
  fc.assert(fc.property(fc.string(), kind, (v, k) => mustNotCrash(v, k)), { numRuns: 200, seed: 8 });
});

test('fuzz: statement-shaped documents with random fields never crash the engine', () => {
  const field = fc.oneof(fc.jsonValue(), fc.constantFrom('*', 's3:*', 'arn:aws:s3:::b/*', ['s3:GetObject'], { AWS: '*' }, { StringEquals: { 'aws:x': 'y' } }, { 'ForAnyValue:IpAddress': { 'aws:SourceIp': ['::/0', 'x'] } }));
  const stmt = fc.dictionary(fc.constantFrom('Sid', 'Effect', 'Action', 'NotAction', 'Resource', 'NotResource', 'Principal', 'NotPrincipal', 'Condition', 'Other'), field);
  const doc = fc.record({ Version: fc.constantFrom('2012-10-17', '2008-10-17', 'x'), Statement: fc.oneof(stmt, fc.array(stmt, { maxLength: 3 })) }, { requiredKeys: [] });
  fc.assert(fc.property(doc, fc.constantFrom<PolicyKind>('identity', 'resource'), (d, k) => mustNotCrash(d, k)), { numRuns: 500, seed: 9 });
});

test('a document is not changed by compiling it', () => {
  const doc = S({ ...ok, Condition: { StringLike: { 's3:prefix': ['a/*'] } } });
  const copy = structuredClone(doc);
  compilePolicy(doc, 'identity');
  assert.deepEqual(doc, copy);
});
