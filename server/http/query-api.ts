// The AWS Query protocol endpoint (POST / or GET /?Action=…): IAM (2010-05-08) and STS (2011-06-15), as named
// steps over one typed request state (./query-pipeline/); each step does one job, in this order:
import type { Context } from 'koa';
import { sigv4Authentication } from './authenticate.ts';
import { wantsJson } from './json-response.ts';
import { compose, type Step } from './pipeline.ts';
import { auditGate, limitPrincipal, limitSource } from './admission.ts';
import { recordAudit } from './query-pipeline/audit-record.ts';
import { authorizeAction, runAction } from './query-pipeline/authorize-action.ts';
import { readRequest } from './query-pipeline/read-request.ts';
import { renderErrors, renderResult } from './query-pipeline/render.ts';
import { requireKnownAction, requiresSignature, routeAction } from './query-pipeline/route.ts';
import { sessionScope } from './query-pipeline/session-scope.ts';
import type { QueryApiDeps, QueryState } from './query-pipeline/state.ts';

export type { QueryApiDeps, QueryService, QueryState } from './query-pipeline/state.ts';

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

/** The Query API's steps, outermost first (exported for the tests that check their order). */
export function queryPipeline(deps: QueryApiDeps): Step<QueryState>[] {
  const clock = deps.clock ?? (() => new Date());
  return [
    recordAudit(deps.audit, deps.actionServices.region), // the CloudTrail record once answered (wraps the rest)
    renderErrors, // any error below → toWireError → AWS's ErrorResponse (wraps the rest)
    auditGate(deps), // 503 while the audit trail is behind
    limitSource(deps), // Throttling per source address
    readRequest(deps, clock), // body within the limit, form-encoded; the signed bytes; parameters; now
    routeAction(deps.services), // service (Version or credential scope), Action
    sigv4Authentication(deps, (s) => (requiresSignature(s) ? { service: s.service.name, explainMismatch: true } : undefined)),
    requireKnownAction, // Version present, Action known in it
    sessionScope, // what GetSessionToken / GetFederationToken sessions may call
    limitPrincipal(deps), // Throttling per principal
    authorizeAction(deps), // parameters parsed; the caller's policies
    runAction(deps), // the action; caches told of writes
    renderResult, // AWS's XML (or JSON) result
  ];
}

export function queryApi(deps: QueryApiDeps) {
  const iam = deps.services.find((s) => s.name === 'iam') ?? deps.services[0];
  const clock = deps.clock ?? (() => new Date());
  const run = compose(queryPipeline(deps));
  return function handleQuery(ctx: Context): Promise<void> {
    return run(ctx, { requestId: ctx.state.requestId as string, json: wantsJson(ctx.get('accept')), started: clock(), service: iam });
  };
}
