// Which service and action a request calls. The service comes from Version, else from the signature's
// credential scope (so that errors before the Version check still answer in the right namespace); the checks
// that the request names a known action of that version come after authentication, as on AWS.
import { AwsError } from '../../contracts/errors.ts';
import type { Step } from '../pipeline.ts';
import type { QueryService, QueryState } from './state.ts';

const SCOPE_SERVICE = /Credential=[^/,&]+%2F[^%,&]+%2F[^%,&]+%2F([a-z]+)|Credential=[^/,]+\/[^/,]+\/[^/,]+\/([a-z]+)/;

export function routeAction(services: readonly QueryService[]): Step<QueryState> {
  const byVersion = new Map(services.map((s) => [s.version, s]));
  const byName = new Map(services.map((s) => [s.name, s]));
  return async function routeAction(ctx, state, next) {
    const params = state.params!;
    const version = params.get('Version');
    const scoped = SCOPE_SERVICE.exec(`${ctx.get('authorization')}&${ctx.querystring}`);
    const scopeService = (scoped?.[1] ?? scoped?.[2]) as 'iam' | 'sts' | undefined;
    state.service = (version !== undefined ? byVersion.get(version) : undefined) ?? (scopeService ? byName.get(scopeService) : undefined) ?? state.service;
    state.version = version;
    const actionName = params.get('Action');
    state.actionName = actionName;
    if (actionName === undefined || actionName === '') throw new AwsError('MissingAction', 'Missing Action');
    ctx.state.action = `${state.service.name}:${actionName}`;
    state.action = version === state.service.version ? state.service.actions.get(actionName) : undefined;
    return next();
  };
}

/** Unknown actions are signed calls like any other: their errors come once the signature has been checked. */
export const requiresSignature = (state: QueryState): boolean => !state.action || !state.service.unsigned?.has(state.actionName!);

export const requireKnownAction: Step<QueryState> = async function requireKnownAction(_ctx, state, next) {
  if (state.version === undefined) throw new AwsError('MissingParameter', 'The request must contain the parameter Version.');
  if (!state.action) throw new AwsError('InvalidAction', `Could not find operation ${state.actionName} for version ${state.version}`);
  return next();
};
