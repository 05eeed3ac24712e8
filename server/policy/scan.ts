// Finds the statements of one policy that apply to a request.
import type { RequestContext } from './context.ts';
import type { Via } from './principal.ts';
import { actionApplies, conditionsHold, principalApplies, resourceApplies, type Statement } from './statement.ts';
import type { CompiledPolicy, MatchedStatement, PrincipalInfo } from './types.ts';

const CACHE_MAX = 512;
const byAction = new WeakMap<CompiledPolicy, Map<string, Statement[]>>();

/** The statements whose Action/NotAction covers the action: memoised per policy, as roles see the same actions often. */
function candidates(policy: CompiledPolicy, lowerAction: string): Statement[] {
  let m = byAction.get(policy);
  if (!m) byAction.set(policy, (m = new Map()));
  let list = m.get(lowerAction);
  if (!list) {
    list = (policy.statements as Statement[]).filter((s) => actionApplies(s, lowerAction));
    if (m.size >= CACHE_MAX) m.clear();
    m.set(lowerAction, list);
  }
  return list;
}

export interface Request {
  lowerAction: string;
  resource: string;
  principal: PrincipalInfo;
  hasBoundary: boolean;
  ctx: RequestContext;
}

export interface ScanResult {
  allows: MatchedStatement[];
  denies: MatchedStatement[];
  /** Resource-based policies: the strongest way an Allow named the caller. */
  via?: Via;
}

const RANK: Record<Via, number> = { account: 1, entity: 2, direct: 3 };

export function scan(policies: readonly (CompiledPolicy | undefined)[], req: Request, out: ScanResult = { allows: [], denies: [] }): ScanResult {
  for (const policy of policies) {
    if (!policy) continue;
    for (const s of candidates(policy, req.lowerAction)) {
      if (!resourceApplies(s, req.resource, req.ctx)) continue;
      const via = principalApplies(s, req.principal, req.hasBoundary);
      if (via === undefined) continue;
      if (!conditionsHold(s, req.ctx)) continue;
      if (s.effect === 'Deny') out.denies.push(s.report);
      else {
        out.allows.push(s.report);
        if (out.via === undefined || RANK[via] > RANK[out.via]) out.via = via;
      }
    }
  }
  return out;
}
