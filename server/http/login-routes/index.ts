// The federated sign-in routes, mounted in the broker's Koa app next to the portal:
//   GET /saml/login/:provider, POST /saml/acs, GET /oidc/login/:provider, GET /oidc/callback
// Success ends in the portal (portalSignIn: session, 303 → /roles or a same-origin RelayState); every failure is
// the portal's error page with AWS's error code and a 4xx status, and nothing is issued.
import { randomUUID } from 'node:crypto';
import type { Context, Next } from 'koa';
import { AwsError } from '../../contracts/errors.ts';
import { IdentityRejectedError } from '../../contracts/identity.ts';
import { answerWithErrorPage, pageWording } from '../portal/error-answer.ts';
import { securityHeaders } from '../portal/security.ts';
import type { LoginRouteDeps } from './deps.ts';
import { oidcRoutes } from './oidc.ts';
import { samlRoutes } from './saml.ts';

export type { LoginRouteDeps } from './deps.ts';

function nameIn(path: string, prefix: string): string | undefined {
  if (!path.startsWith(prefix)) return undefined;
  const raw = path.slice(prefix.length);
  if (!raw || raw.includes('/') || raw.length > 512) return undefined;
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}

const WORDING = pageWording('The sign-in could not be completed. Try again; if it persists, give the request id to an administrator.');

export function loginRoutes(d: LoginRouteDeps): (ctx: Context, next: Next) => Promise<void> {
  const saml = samlRoutes(d);
  const oidc = oidcRoutes(d);

  const route = (ctx: Context): { handler: () => Promise<void>; protocol: 'saml' | 'oidc'; finish: boolean } | undefined => {
    const { method, path } = ctx;
    if (method === 'POST' && path === '/saml/acs') return { handler: () => saml.acs(ctx), protocol: 'saml', finish: true };
    if (method === 'GET' && path === '/oidc/callback') return { handler: () => oidc.callback(ctx), protocol: 'oidc', finish: true };
    const s = method === 'GET' ? nameIn(path, '/saml/login/') : undefined;
    if (s !== undefined) return { handler: () => saml.login(ctx, s), protocol: 'saml', finish: false };
    const o = method === 'GET' ? nameIn(path, '/oidc/login/') : undefined;
    if (o !== undefined) return { handler: () => oidc.login(ctx, o), protocol: 'oidc', finish: false };
    return undefined;
  };

  return async function federatedLogin(ctx, next) {
    const r = route(ctx);
    if (!r) return next();
    const requestId = (ctx.state.requestId as string | undefined) ?? randomUUID();
    ctx.state.requestId = requestId;
    ctx.set('x-amzn-RequestId', requestId);
    ctx.state.cspNonce = securityHeaders(ctx);
    try {
      await r.handler();
    } catch (err) {
      ctx.remove('Location');
      ctx.state.cspNonce = securityHeaders(ctx); // the POST-binding page may have replaced the CSP
      const e = answerWithErrorPage(ctx, err, WORDING, requestId);
      // The audit trail gets the adapter's reason too (IdentityRejectedError reasons are safe to log); the page does not.
      const reason = err instanceof AwsError && err.cause instanceof IdentityRejectedError ? ` (${err.cause.reason})` : '';
      if (r.finish) d.audit?.(ctx, { name: 'Authenticate', params: { protocol: r.protocol }, errorCode: e.code, errorMessage: `${e.message}${reason}` });
    }
  };
}
