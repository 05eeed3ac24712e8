// Properties of the decision that hold for every policy set (fast-check).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { compilePolicy, evaluate, type EvaluationInput } from '../../../server/policy/index.ts';
import { scenario, statement, stmtBody, type Scenario } from './arbitraries.ts';

function input(s: Scenario): EvaluationInput {
  return {
    action: s.action,
    resource: s.resource,
    principal: s.principal,
    context: s.context,
    identityPolicies: s.identity.map((d, i) => compilePolicy(d, 'identity', `p${i}`)),
    permissionsBoundary: s.boundary && compilePolicy(s.boundary, 'boundary'),
    sessionPolicies: s.session?.map((d) => compilePolicy(d, 'session')),
    isFederationTokenSession: s.principal.type === 'FederatedUser' && s.federationToken,
    resourcePolicy: s.resourcePolicy && compilePolicy(s.resourcePolicy, 'resource'),
  };
}

const RUNS = { numRuns: 300, seed: 20261128 };

test('a matching Deny always wins, wherever it is', () => {
  const where = fc.constantFrom('identity', 'boundary', 'session', 'resource');
  fc.assert(
    fc.property(scenario, where, (s, w) => {
      const d = { Effect: 'Deny', Action: s.action.toUpperCase(), Resource: '*' };
      const t: Scenario = structuredClone(s);
      if (w === 'boundary' && t.boundary) t.boundary.Statement.push(d);
      else if (w === 'session' && t.session) t.session[0].Statement.push(d);
      else if (w === 'resource' && t.resourcePolicy) t.resourcePolicy.Statement.push({ ...d, Principal: '*' });
      else t.identity.push({ Version: '2012-10-17', Statement: [d] });
      const r = evaluate(input(t));
      assert.equal(r.decision, 'explicitDeny');
      assert.ok(r.matchedStatements.some((m) => m.effect === 'Deny'));
    }),
    RUNS,
  );
});

test('adding an Allow never turns an allowed request into a denied one', () => {
  fc.assert(
    fc.property(scenario, stmtBody, fc.constantFrom('identity', 'boundary', 'session', 'resource'), (s, body, w) => {
      const before = evaluate(input(s)).decision;
      const allow = statement({ ...body, Effect: 'Allow', notAction: false });
      const t: Scenario = structuredClone(s);
      if (w === 'boundary' && t.boundary) t.boundary.Statement.push(allow);
      else if (w === 'session' && t.session) t.session[0].Statement.push(allow);
      else if (w === 'resource' && t.resourcePolicy) t.resourcePolicy.Statement.push({ ...allow, Principal: '*' });
      else if (t.identity.length) t.identity[0].Statement.push(allow);
      else t.identity.push({ Version: '2012-10-17', Statement: [allow] });
      const after = evaluate(input(t)).decision;
      if (before === 'allowed') assert.equal(after, 'allowed');
      if (before === 'explicitDeny') assert.equal(after, 'explicitDeny');
    }),
    RUNS,
  );
});

test('evaluation is deterministic: same input, same decision, whatever ran in between', () => {
  fc.assert(
    fc.property(scenario, scenario, (a, b) => {
      const ia = input(a);
      const first = evaluate(ia);
      evaluate(input(b)); // warms the caches with another request
      assert.deepEqual(evaluate(ia), first);
      assert.deepEqual(evaluate(input(a)), first); // freshly compiled
    }),
    RUNS,
  );
});

test('a request with no policies at all is never allowed unless the caller is root', () => {
  fc.assert(
    fc.property(scenario, (s) => {
      const r = evaluate({ ...input(s), identityPolicies: [], resourcePolicy: undefined, sessionPolicies: undefined, permissionsBoundary: undefined });
      const sameAccountRoot = s.principal.type === 'Root';
      if (!sameAccountRoot) assert.equal(r.decision, 'implicitDeny');
    }),
    RUNS,
  );
});
