// The conformance suite: every case is a policy set, a request and the decision AWS's documentation gives (the page is in
// the case's name). Cases marked compare: 'iam-simulate' are where the documentation is silent: there the expected value
// is iam-simulate's, and this suite checks that iam-simulate still gives it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PolicyCase } from '../../fixtures/policy/case.ts';
import { conditionCases } from '../../fixtures/policy/cases/conditions.ts';
import { evaluationCases } from '../../fixtures/policy/cases/evaluation.ts';
import { globalKeyCases } from '../../fixtures/policy/cases/global-keys.ts';
import { matchingCases } from '../../fixtures/policy/cases/matching.ts';
import { variableCases } from '../../fixtures/policy/cases/variables.ts';
import { iamSimulateDecision, runCase } from '../../fixtures/policy/run-case.ts';

const cases: PolicyCase[] = [...matchingCases, ...conditionCases, ...variableCases, ...evaluationCases, ...globalKeyCases];

test('the suite has at least 150 cases, each named once and citing a documentation page', () => {
  assert.ok(cases.length >= 150, `only ${cases.length} cases`);
  const names = new Set<string>();
  for (const c of cases) {
    assert.match(c.name, /^D:[a-z0-9_-]+\.html(#[a-z_-]+)?: /i, c.name);
    assert.ok(!names.has(c.name), `duplicate case name: ${c.name}`);
    names.add(c.name);
  }
});

for (const c of cases) {
  test(c.name, async () => {
    const d = runCase(c);
    assert.equal(d.decision, c.expect, d.reason);
    if (d.decision === 'explicitDeny') assert.ok(d.matchedStatements.every((m) => m.effect === 'Deny'));
    if (d.decision === 'allowed') assert.ok(d.matchedStatements.every((m) => m.effect === 'Allow') && (d.matchedStatements.length > 0 || (c.principal?.type === 'Root')));
    if (c.compare === 'iam-simulate') assert.equal(await iamSimulateDecision(c), c.expect, 'iam-simulate gives another decision');
  });
}
