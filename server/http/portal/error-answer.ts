// How the browser's routes (portal pages, SAML and OIDC sign-in) answer a thrown error: toWireError (the one
// mapping every edge shares), then the portal's error page with the code, the status and no cookie set.
import type { Context } from 'koa';
import { STORE_UNAVAILABLE_MESSAGE } from '../../contracts/errors.ts';
import { toWireError, type WireError } from '../../contracts/wire-error.ts';
import { errorPage } from './pages.ts';

/** The pages' wording for the two codes the mapping raises itself: the store unreachable, and a failure of ours. */
export function pageWording(internalFailure: string) {
  return { messages: { ServiceUnavailable: STORE_UNAVAILABLE_MESSAGE, InternalFailure: internalFailure } };
}

export function answerWithErrorPage(ctx: Context, caught: unknown, wording: ReturnType<typeof pageWording>, requestId: string): WireError {
  const e = toWireError(caught, wording);
  if (e.unexpected || e.status >= 500) ctx.state.error = caught;
  ctx.state.errorCode = e.code;
  ctx.remove('Set-Cookie');
  ctx.status = e.status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = errorPage({ status: e.status, code: e.code, message: e.message, requestId }).text;
  return e;
}
