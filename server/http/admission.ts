// Whether the broker takes an API request at all (the Query API's and CloudTrail's steps): the audit trail
// keeping up, and the per-source and per-principal request rates (AWS's Throttling, "Rate exceeded").
import { AwsError } from '../contracts/errors.ts';
import type { RateLimiter } from '../contracts/store.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import type { Caller } from '../iam/caller.ts';
import type { Step } from './pipeline.ts';

export interface AdmissionDeps {
  audit?: AuditLog;
  /** Per-source and per-principal request limits; absent: none. */
  limits?: { perSource?: RateLimiter; perPrincipal?: RateLimiter };
}

/** Refuses every call (503, retryable) while the audit trail is behind: nothing happens that is not recorded. */
export function auditGate(deps: AdmissionDeps): Step<unknown> {
  return async function auditGate(_ctx, _state, next) {
    if (deps.audit && !deps.audit.accepting) throw new AwsError('ServiceUnavailable', 'The audit trail is behind; try again shortly.');
    return next();
  };
}

/** Per source address, before anything is read or verified. */
export function limitSource(deps: AdmissionDeps): Step<unknown> {
  return async function limitSource(ctx, _state, next) {
    const limiter = deps.limits?.perSource;
    if (limiter && !(await limiter.consume(ctx.ip)).allowed) throw new AwsError('Throttling');
    return next();
  };
}

/** Per authenticated principal (unsigned calls have none), once the signature names it. */
export function limitPrincipal(deps: AdmissionDeps): Step<{ caller?: Caller }> {
  return async function limitPrincipal(_ctx, state, next) {
    const limiter = deps.limits?.perPrincipal;
    if (state.caller && limiter && !(await limiter.consume(state.caller.arn)).allowed) throw new AwsError('Throttling');
    return next();
  };
}
