// The action's parameters read and validated, then the caller's policies asked: through the action's own check
// (AssumeRole: identity and trust policy) or its row of the authorization table (resource ARN, condition keys).
import type { ActionContext } from '../../iam/action.ts';
import { ParamReader } from '../../iam/params.ts';
import { requireRequestAuthorization } from '../../iam/request-authorization.ts';
import type { Step } from '../pipeline.ts';
import type { QueryApiDeps, QueryState } from './state.ts';

type Deps = Pick<QueryApiDeps, 'store' | 'keys' | 'authorizer' | 'actionServices' | 'onWrite'>;

export function authorizeAction(deps: Deps): Step<QueryState> {
  return async function authorizeAction(ctx, state, next) {
    const { caller, params, now } = state;
    const action = state.action!;
    const base: ActionContext = {
      store: deps.store,
      keys: deps.keys,
      caller: caller!, // absent only for the unsigned actions, which do not read it
      requestId: state.requestId,
      now: now!,
      account: caller?.account ?? '',
      authorizer: deps.authorizer,
      request: { sourceIp: ctx.ip, secureTransport: ctx.secure, region: deps.actionServices.region, userAgent: ctx.get('user-agent') || undefined },
      changed: deps.onWrite,
      services: deps.actionServices,
    };
    const reader = new ParamReader(params!);
    const parsed = action.parse(reader, base);
    reader.done();
    const authorization = await requireRequestAuthorization(`${state.service.name}:${action.name}`, params!, { store: deps.store, account: base.account, caller });
    const context: ActionContext = { ...base, authorization };
    if (action.authorize) await action.authorize(parsed, context);
    else if (caller) {
      await deps.authorizer.authorize(caller, authorization.action, authorization.resource, now!, {
        ...authorization.context,
        'aws:SourceIp': ctx.ip,
        'aws:SecureTransport': ctx.secure,
        'aws:RequestedRegion': deps.actionServices.region,
      });
    }
    state.parsed = parsed;
    state.context = context;
    return next();
  };
}

/** Carries the action out; a write tells the caches. */
export function runAction(deps: Pick<QueryApiDeps, 'onWrite'>): Step<QueryState> {
  return async function runAction(_ctx, state, next) {
    const action = state.action!;
    state.result = await action.run(state.parsed, state.context!);
    if (action.writes) deps.onWrite();
    return next();
  };
}
