// Differential test against @cloud-copilot/iam-simulate (an independent implementation, used as a black box): random
// identity policies, boundaries and resource policies; callers: an IAM user, a role session (no session policy) and a user of
// another account. These are features where the documentation and
// iam-simulate agree. Where iam-simulate refuses the request (an action/resource-type mismatch it validates) or answers
// per wildcard, the sample is skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { runSimulation } from '@cloud-copilot/iam-simulate';
import { compilePolicy, evaluate } from '../../../server/policy/index.ts';
import { alice, otherUser, session } from '../../fixtures/policy/case.ts';
import { scenario } from './arbitraries.ts';

const NAMES: Record<string, string> = { Allowed: 'allowed', ExplicitlyDenied: 'explicitDeny', ImplicitlyDenied: 'implicitDeny' };

test('our decisions agree with iam-simulate on random identity, boundary and resource policies, same and cross account', async () => {
  let compared = 0;
  const callers = fc.constantFrom(alice, session, otherUser);
  for (const [s, p] of fc.sample(fc.tuple(scenario, callers), { numRuns: 600, seed: 3 })) {
    const context: Record<string, string | string[]> = { 'aws:PrincipalArn': p.roleArn ?? p.arn, 'aws:PrincipalAccount': p.account, 'aws:PrincipalType': p.type, 'aws:userid': p.id! };
    if (p.type === 'User') context['aws:username'] = p.arn.slice(p.arn.lastIndexOf('/') + 1);
    for (const [k, v] of Object.entries(s.context)) if (!(Array.isArray(v) && v.length === 0)) context[k] = Array.isArray(v) ? v.map(String) : String(v);
    const r = await runSimulation(
      {
        request: { principal: p.arn, action: s.action, resource: { resource: s.resource, accountId: alice.account }, contextVariables: context },
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
      principal: p,
      resourceAccount: alice.account,
      context: s.context,
      identityPolicies: s.identity.map((d) => compilePolicy(d, 'identity')),
      permissionsBoundary: s.boundary && compilePolicy(s.boundary, 'boundary'), resourcePolicy: s.resourcePolicy && compilePolicy(s.resourcePolicy, 'resource'),
    });
    assert.equal(ours.decision, NAMES[r.overallResult], JSON.stringify({ p: p.arn, action: s.action, resource: s.resource, context: s.context, rp: s.resourcePolicy, b: s.boundary }));
    compared++;
  }
  assert.ok(compared >= 80, `only ${compared} samples compared`);
});
