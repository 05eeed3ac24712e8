// Differential test against @cloud-copilot/iam-simulate (an independent implementation, used as a black box): random
// identity policies, boundaries and resource policies for an IAM user in one account, on features where the documentation and
// iam-simulate agree. Where iam-simulate refuses the request (an action/resource-type mismatch it validates) or answers
// per wildcard, the sample is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { compilePolicy, evaluate } from '../../../server/policy/index.ts';
import { alice } from '../../fixtures/policy/case.ts';
import { scenario } from './arbitraries.ts';

const NAMES: Record<string, string> = { Allowed: 'allowed', ExplicitlyDenied: 'explicitDeny', ImplicitlyDenied: 'implicitDeny' };

test('our decisions agree with iam-simulate on random identity, boundary and resource policies', async () => {
  let compared = 0;
  for (const s of fc.sample(scenario, { numRuns: 500, seed: 3 })) {
    const context: Record<string, string | string[]> = { 'aws:username': 'alice', 'aws:PrincipalArn': alice.arn, 'aws:PrincipalAccount': alice.account, 'aws:PrincipalType': 'User', 'aws:userid': alice.id! };
    for (const [k, v] of Object.entries(s.context)) if (!(Array.isArray(v) && v.length === 0)) context[k] = Array.isArray(v) ? v.map(String) : String(v);
    const r = await runSimulation(
      {
        request: { principal: alice.arn, action: s.action, resource: { resource: s.resource, accountId: alice.account }, contextVariables: context },
        identityPolicies: s.identity.map((policy, i) => ({ name: `p${i}`, policy })),
        serviceControlPolicies: [],
        resourceControlPolicies: [],
        ...(s.boundary ? { permissionBoundaryPolicies: [{ name: 'b', policy: s.boundary }] } : {}), ...(s.resourcePolicy ? { resourcePolicy: s.resourcePolicy } : {}),
      },
      {},
    );
    if (r.resultType !== 'single') continue;
    if (s.resourcePolicy && s.action === 'sts:AssumeRole') continue; // iam-simulate reads a policy on a role as a trust policy
    const ours = evaluate({
      action: s.action,
      resource: s.resource,
      principal: alice,
      context: s.context,
      identityPolicies: s.identity.map((d) => compilePolicy(d, 'identity')),
      permissionsBoundary: s.boundary && compilePolicy(s.boundary, 'boundary'), resourcePolicy: s.resourcePolicy && compilePolicy(s.resourcePolicy, 'resource'),
    });
    assert.equal(ours.decision, NAMES[r.overallResult], JSON.stringify(s));
    compared++;
  }
  assert.ok(compared >= 80, `only ${compared} samples compared`);
});
