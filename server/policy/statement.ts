// The compiled form of a statement and how it matches a request.
import type { Condition } from './conditions.ts';
import type { RequestContext } from './context.ts';
import { matchAction, matchResource, type ActionMatcher, type ResourceMatcher } from './matchers.ts';
import { matchPrincipal, notPrincipalApplies, type CompiledPrincipal, type Via } from './principal.ts';
import type { MatchedStatement, PrincipalInfo } from './types.ts';

export interface Statement {
  readonly index: number;
  readonly sid?: string;
  readonly effect: 'Allow' | 'Deny';
  readonly actions: ActionMatcher;
  readonly notAction: boolean;
  /** undefined: no Resource element (resource-based and trust policies: the resource the policy is attached to). */
  readonly resources?: ResourceMatcher;
  readonly notResource: boolean;
  readonly principal?: CompiledPrincipal;
  readonly notPrincipal: boolean;
  readonly conditions: readonly Condition[];
  /** The MatchedStatement reported when it applies. */
  readonly report: MatchedStatement;
}

export function actionApplies(s: Statement, lowerAction: string): boolean {
  return matchAction(s.actions, lowerAction) !== s.notAction;
}

export function resourceApplies(s: Statement, resource: string, ctx: RequestContext): boolean {
  if (!s.resources) return true;
  return matchResource(s.resources, resource, ctx) !== s.notResource;
}

/** How the statement's Principal names the caller (policies without a Principal: 'direct'); undefined if it does not. */
export function principalApplies(s: Statement, p: PrincipalInfo, hasBoundary: boolean): Via | undefined {
  if (!s.principal) return 'direct';
  if (s.notPrincipal) return notPrincipalApplies(s.principal, p, hasBoundary) ? 'direct' : undefined;
  return matchPrincipal(s.principal, p);
}

export function conditionsHold(s: Statement, ctx: RequestContext): boolean {
  for (const c of s.conditions) if (!c(ctx)) return false;
  return true;
}
