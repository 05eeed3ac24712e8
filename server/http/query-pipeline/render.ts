// The Query API's answers: AWS's XML (or its JSON form for Accept: application/json) with x-amzn-RequestId, for
// the result and for any error a later step throws (mapped by the one toWireError every edge shares).
import type { Context } from 'koa';
import { toWireError } from '../../contracts/wire-error.ts';
import { jsonError, jsonSuccess } from '../json-response.ts';
import type { Step } from '../pipeline.ts';
import { errorResponse, successResponse } from '../../query-protocol/xml.ts';
import type { QueryState } from './state.ts';

function send(ctx: Context, status: number, body: string, state: QueryState): void {
  ctx.status = status;
  ctx.body = body;
  ctx.set('Content-Type', state.json ? 'application/json' : 'text/xml');
  ctx.set('x-amzn-RequestId', state.requestId);
}

/** Wraps the steps after it: whatever they throw becomes AWS's ErrorResponse in the answering service's namespace. */
export const renderErrors: Step<QueryState> = async function renderErrors(ctx, state, next) {
  try {
    await next();
  } catch (caught) {
    const e = toWireError(caught, { internal: state.service.internalError });
    if (e.unexpected) ctx.state.error = caught;
    ctx.state.errorCode = e.code;
    state.failure = e;
    send(ctx, e.status, state.json ? jsonError(state.requestId, e) : errorResponse(state.service.namespace, state.requestId, e), state);
  }
};

export const renderResult: Step<QueryState> = async function renderResult(ctx, state, next) {
  const name = state.action!.name;
  send(ctx, 200, state.json ? jsonSuccess(name, state.requestId, state.result) : successResponse(name, state.service.namespace, state.requestId, state.result), state);
  return next();
};
