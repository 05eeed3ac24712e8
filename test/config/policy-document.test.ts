import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimal, parse, problemsOf } from './helpers.ts';

/** Problems of a managed policy document (identity) and of a role trust policy. */
const identity = (doc: string) => problemsOf(minimal(`policies: [{ name: p, document: ${doc} }]`)).map((p) => p.replace(/^policies\[0\]\.document\.?/, ''));
const trust = (doc: string) => problemsOf(minimal(`roles: [{ name: r, trustPolicy: ${doc} }]`)).map((p) => p.replace(/^roles\[0\]\.trustPolicy\.?/, ''));

test('Version must be one of IAM\'s two', () => {
  assert.deepEqual(identity('{ Version: "2012-10-18", Statement: { Effect: Allow, Action: "*", Resource: "*" } }'), [
    'Version: expected "2012-10-17" or "2008-10-17"',
  ]);
});

test('Statement: an object or a non-empty list of objects', () => {
  assert.deepEqual(identity('{ Version: "2012-10-17" }'), ['Statement: required']);
  assert.deepEqual(identity('{ Statement: [] }'), ['Statement: expected at least one item']);
  assert.deepEqual(identity('{ Statement: "Allow" }'), ['Statement: expected a statement or a list of statements']);
  assert.deepEqual(identity('{ Statement: { Effect: Allow, Resource: "*" } }'), ['Statement: expected Action or NotAction']);
});

test('Effect, Action, Resource and Sid', () => {
  assert.deepEqual(
    identity(`{ Statement: [
      { Action: "s3:GetObject", Resource: "*" },
      { Effect: allow, Action: "s3 GetObject", Resource: "*" },
      { Effect: Allow, Action: ["s3:Get*", 7], Resource: 5 },
      { Effect: Allow, Action: "*", NotAction: "s3:*", Resource: "*", NotResource: "x" },
      { Sid: "no spaces", Effect: Deny, Action: [], Resource: "*", Extra: 1 } ] }`),
    [
      'Statement[0].Effect: required',
      'Statement[1].Action: expected an action like "s3:GetObject", "s3:Get*" or "*"',
      'Statement[1].Effect: expected "Allow" or "Deny"',
      'Statement[2].Action[1]: expected a string',
      'Statement[2].Resource: expected a string or a list of strings',
      'Statement[3].NotAction: expected only one of Action or NotAction',
      'Statement[3].NotResource: expected only one of Resource or NotResource',
      'Statement[4].Action: expected at least one item',
      'Statement[4].Extra: unknown key',
      'Statement[4].Sid: expected letters and digits only',
    ],
  );
});

test('Principal belongs in trust policies only; Resource in identity policies only', () => {
  assert.deepEqual(identity('{ Statement: { Effect: Allow, Principal: "*", Action: "*", Resource: "*" } }'), [
    'Statement.Principal: not allowed in an identity policy',
  ]);
  assert.deepEqual(trust('{ Statement: { Effect: Allow, Principal: "*", Action: "sts:AssumeRole", Resource: "*" } }'), [
    'Statement.Resource: not allowed in a trust policy',
  ]);
  assert.deepEqual(trust('{ Statement: { Effect: Allow, Action: "sts:AssumeRole" } }'), ['Statement: expected Principal or NotPrincipal']);
  assert.deepEqual(trust('{ Statement: { Effect: Allow, Principal: { Aws: x }, Action: "sts:AssumeRole" } }'), ['Statement.Principal.Aws: unknown key']);
  assert.deepEqual(trust('{ Statement: { Effect: Allow, Principal: everyone, Action: "sts:AssumeRole" } }'), [
    'Statement.Principal: expected "*" or a mapping with AWS, Service, Federated or CanonicalUser',
  ]);
});

test('Condition: operators map keys to scalars or lists', () => {
  assert.deepEqual(identity('{ Statement: { Effect: Allow, Action: "*", Resource: "*", Condition: { StringEquals: "x" } } }'), [
    'Statement.Condition.StringEquals: expected a mapping of condition keys to values',
  ]);
  assert.deepEqual(identity('{ Statement: { Effect: Allow, Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": { a: 1 } } } } }'), [
    'Statement.Condition.Bool["aws:SecureTransport"]: expected a string, number, boolean or a list of them',
  ]);
  const c = parse(minimal('policies: [{ name: p, document: { Statement: { Effect: Allow, Action: "*", Resource: "*", Condition: { Bool: { "aws:SecureTransport": false }, NumericLessThan: { "s3:max-keys": [10, "20"] } } } } }]'));
  assert.deepEqual(c.policies[0].document, {
    Statement: { Effect: 'Allow', Action: '*', Resource: '*', Condition: { Bool: { 'aws:SecureTransport': false }, NumericLessThan: { 's3:max-keys': [10, '20'] } } },
  });
});

test('JSON text: parsed, or an invalid-JSON problem', () => {
  assert.match(identity(`'{"Statement": '`)[0], /^: expected a policy document: invalid JSON \(.+\)$/);
  assert.deepEqual(identity(`'{"Statement": {"Effect": "Maybe", "Action": "*", "Resource": "*"}}'`), ['Statement.Effect: expected "Allow" or "Deny"']);
  assert.deepEqual(identity('[1]'), [': expected a policy document (a mapping, or JSON text)']);
});

test('inline policies: names validated, documents are identity policies', () => {
  assert.deepEqual(
    problemsOf(minimal('users: [{ name: u, inlinePolicies: { "no spaces": { Statement: { Effect: Allow, Action: "*", Resource: "*" } }, ok: { Statement: { Effect: Allow, Action: "*" } } } }]')),
    [
      'users[0].inlinePolicies["no spaces"]: expected 1 to 128 letters, digits or + = , . @ _ -',
      'users[0].inlinePolicies.ok.Statement: expected Resource or NotResource',
    ],
  );
});
