// AWS's decision: explicit deny wins; then identity ∪ resource-based in one account, both sides across accounts,
// boundaries and session policies intersect (D:reference_policies_evaluation-logic_policy-eval-denyallow.html).
import { RequestContext } from './context.ts';
import { splitArn } from './glob.ts';
import { scan, type Request, type ScanResult } from './scan.ts';
import type { Decision, EvaluationInput, MatchedStatement } from './types.ts';

const describe = (m: MatchedStatement): string => `statement ${m.sid ? `"${m.sid}"` : `#${m.index}`} of the ${m.policyKind} policy${m.policyId ? ` ${m.policyId}` : ''}`;

/** The account that owns the resource: given, else the ARN's account field, else the caller's. */
function resourceAccountOf(input: EvaluationInput): string {
  if (input.resourceAccount) return input.resourceAccount;
  if (input.resource.startsWith('arn:')) {
    const acct = splitArn(input.resource)[4];
    if (acct && /^\d{12}$/.test(acct)) return acct;
  }
  return input.principal.account;
}

const NO_IDENTITY_SIDE = new Set(['WebIdentity', 'SAMLUser', 'Service', 'Anonymous']);

export function evaluate(input: EvaluationInput): Decision {
  const ctx = new RequestContext(input);
  const p = input.principal;
  const req: Request = { lowerAction: input.action.toLowerCase(), resource: input.resource, principal: p, hasBoundary: input.permissionsBoundary !== undefined, ctx };
  const identity = scan(input.identityPolicies, req);
  const boundary: ScanResult = input.permissionsBoundary ? scan([input.permissionsBoundary], req) : { allows: [], denies: [] };
  const session: ScanResult = input.sessionPolicies ? scan(input.sessionPolicies, req) : { allows: [], denies: [] };
  const rbp: ScanResult = input.resourcePolicy ? scan([input.resourcePolicy], req) : { allows: [], denies: [] };
  const missingContextValues = ctx.missing ? [...ctx.missing].sort() : [];

  const denies = [...identity.denies, ...boundary.denies, ...session.denies, ...rbp.denies];
  if (denies.length) return { decision: 'explicitDeny', matchedStatements: denies, missingContextValues, reason: `Explicitly denied by ${describe(denies[0])}.` };

  const allowed = (matched: MatchedStatement[], reason: string): Decision => ({ decision: 'allowed', matchedStatements: matched, missingContextValues, reason });
  const denied = (reason: string): Decision => ({ decision: 'implicitDeny', matchedStatements: [], missingContextValues, reason });

  if (NO_IDENTITY_SIDE.has(p.type)) {
    if (rbp.via === 'direct') return allowed(rbp.allows, `Allowed by ${describe(rbp.allows[0])}, which names the caller.`);
    return denied(input.resourcePolicy ? 'No resource-based policy statement allows this principal.' : 'This principal has no identity-based permissions and no resource-based policy applies.');
  }

  const root = p.type === 'Root';
  const boundaryOk = root || !input.permissionsBoundary || boundary.allows.length > 0;
  const sessionOk = root || (input.sessionPolicies ? session.allows.length > 0 : !input.isFederationTokenSession);
  const identityAllows = root || identity.allows.length > 0;
  const identityOk = identityAllows && boundaryOk && sessionOk;
  const identityMatched = [...identity.allows, ...boundary.allows, ...session.allows];
  const sameAccount = resourceAccountOf(input) === p.account;
  const isTrust = input.resourcePolicy?.kind === 'trust' || input.resourcePolicyRequired === true;
  const via = rbp.via;

  if (sameAccount) {
    if (via === 'direct') return allowed(rbp.allows, `Allowed by ${describe(rbp.allows[0])}, which names the caller directly.`);
    if (via === 'entity' && boundaryOk && sessionOk) return allowed([...rbp.allows, ...boundary.allows, ...session.allows], `Allowed by ${describe(rbp.allows[0])}, which names the caller's role.`);
    if (!isTrust || via === 'account') {
      if (identityOk) {
        const both = via === 'account' ? [...identityMatched, ...rbp.allows] : identityMatched;
        return allowed(both, root ? 'The account root user has full access.' : `Allowed by ${describe(identity.allows[0])}.`);
      }
    }
  } else if (via !== undefined && identityOk) {
    return allowed([...identityMatched, ...rbp.allows], `Cross-account: allowed by ${describe(rbp.allows[0])} and by ${root ? 'the root user' : describe(identity.allows[0])}.`);
  }

  // Why not.
  if (!sameAccount && via === undefined) return denied('Cross-account request: no resource-based policy in the resource account allows the caller.');
  if (isTrust && sameAccount && via === undefined) {
    return denied(input.resourcePolicy?.kind === 'trust' ? 'The role trust policy does not allow the caller.' : input.resourcePolicy ? 'The resource-based policy, which must grant for this resource, does not allow the caller.' : 'This resource needs a resource-based policy that allows the caller, and none was given.');
  }
  if (!identityAllows) return denied(input.isFederationTokenSession && !input.sessionPolicies ? 'A GetFederationToken session without a session policy has no permissions.' : 'No identity-based policy allows the action.');
  if (!boundaryOk) return denied('The permissions boundary does not allow the action.');
  if (!sessionOk) return denied(input.sessionPolicies ? 'No session policy allows the action.' : 'A GetFederationToken session without a session policy has no permissions.');
  return denied('No policy allows the action.');
}
