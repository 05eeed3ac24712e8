// Whether the broker takes the request at all: the audit trail keeping up, and the per-source and per-principal
// request rates (AWS's Throttling, "Rate exceeded").
import { AwsError } from '../../contracts/errors.ts';
import type { Step } from '../pipeline.ts';
import type { QueryApiDeps, QueryState } from './state.ts';

/** Refuses every call (503, retryable) while the audit trail is behind: nothing happens that is not recorded. */
export function auditGate(deps: Pick<QueryApiDeps, 'audit'>): Step<QueryState> {
  return async function auditGate(_ctx, _state, next) {
    if (deps.audit && !deps.audit.accepting) throw new AwsError('ServiceUnavailable', 'The audit trail is behind; try again shortly.');
    return next();
  };
}

/** Per source address, before anything is read or verified. */
export function limitSource(deps: Pick<QueryApiDeps, 'limits'>): Step<QueryState> {
  return async function limitSource(ctx, _state, next) {
    const limiter = deps.limits?.perSource;
    if (limiter && !(await limiter.consume(ctx.ip)).allowed) throw new AwsError('Throttling');
    return next();
  };
}

/** Per authenticated principal (unsigned calls have none), once the signature names it. */
export function limitPrincipal(deps: Pick<QueryApiDeps, 'limits'>): Step<QueryState> {
  return async function limitPrincipal(_ctx, state, next) {
    const limiter = deps.limits?.perPrincipal;
    if (state.caller && limiter && !(await limiter.consume(state.caller.arn)).allowed) throw new AwsError('Throttling');
    return next();
  };
}
