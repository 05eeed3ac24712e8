// In front of everything beside the Query API — the portal's pages, the SAML and OIDC sign-in routes, the
// command line's /cli/token and /cli/device — the per-source request limit (the Query API applies its own,
// answering Throttling), and the answers when the store cannot be reached, each in the route's own form:
//   over the limit     → 429 Too Many Requests with Retry-After: an HTML page, or for POST /cli/* (but the
//                        browser's /cli/login approval form) RFC 8628's
//                        `slow_down` JSON (which `idbroker login` answers by polling less often)
//   store unreachable  → 503 with Retry-After: an HTML page, or RFC 6749's `temporarily_unavailable` JSON
//   anything else      → toWireError's status and code, in the same two forms (the /cli/* JSON endpoints
//                        leave their failures to this; the portal and sign-in routes catch their own)
// (this also catches the limiter's own store failures).
import { randomUUID } from 'node:crypto';
import type { Context, Middleware } from 'koa';
import { toWireError, type WireError } from '../contracts/wire-error.ts';
import type { RateLimiter } from '../contracts/store.ts';
import { pageWording } from './portal/error-answer.ts';
import { errorPage } from './portal/pages.ts';
import { securityHeaders } from './portal/security.ts';

const RETRY_AFTER_UNAVAILABLE_S = 5;
const WORDING = pageWording('The broker could not complete the request. Try again; if it persists, tell an administrator.');

/** RFC 6749 §5.2 / §4.1.2.1's error for what the command line is told. */
const oauthCode = (e: WireError) => (e.code === 'ServiceUnavailable' ? 'temporarily_unavailable' : e.status >= 500 ? 'server_error' : 'invalid_request');

function answer(ctx: Context, status: number, retryAfterS: number | undefined, json: { error: string; error_description: string }, page: { code: string; message: string }): void {
  ctx.remove('Set-Cookie');
  ctx.remove('Location');
  ctx.status = status;
  if (retryAfterS !== undefined) ctx.set('Retry-After', String(retryAfterS));
  ctx.set('Cache-Control', 'no-store');
  if (ctx.path.startsWith('/cli/') && ctx.path !== '/cli/login' && ctx.method === 'POST') {
    ctx.type = 'application/json';
    ctx.body = JSON.stringify(json);
    return;
  }
  const requestId = (ctx.state.requestId as string | undefined) ?? randomUUID();
  ctx.set('x-amzn-RequestId', requestId);
  ctx.state.cspNonce = securityHeaders(ctx);
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = errorPage({ status, code: page.code, message: page.message, requestId }).text;
}

export function browserGuard(deps: { perSource?: RateLimiter }): Middleware {
  return async function guard(ctx, next) {
    try {
      const limit = deps.perSource ? await deps.perSource.consume(ctx.ip) : undefined;
      if (limit && !limit.allowed) {
        ctx.state.errorCode = 'TooManyRequests';
        const retryAfterS = Math.max(1, Math.ceil(limit.retryAfterMs / 1000));
        answer(ctx, 429, retryAfterS, { error: 'slow_down', error_description: 'Rate exceeded: too many requests from this address.' }, { code: 'TooManyRequests', message: 'Too many requests from this address. Wait a moment and try again.' });
        return;
      }
      await next();
    } catch (err) {
      const e = toWireError(err, WORDING);
      if (e.unexpected || e.status >= 500) ctx.state.error = err;
      ctx.state.errorCode = e.code;
      answer(ctx, e.status, e.code === 'ServiceUnavailable' ? RETRY_AFTER_UNAVAILABLE_S : undefined, { error: oauthCode(e), error_description: e.message }, e);
    }
  };
}
