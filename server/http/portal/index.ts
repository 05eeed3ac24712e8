// The browser portal: sign in (directory now; SAML and OIDC link to their own login routes), list the
// roles whose trust policies allow the person, issue credentials. Mounted into the broker's Koa app:
//   app.use(portalRoutes({ store, keys, audit, services: actionServices }))
// It answers only its own routes and passes everything else on.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Context, Next } from 'koa';
import type { Store } from '../../contracts/store.ts';
import type { ActionServices } from '../../iam/action.ts';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { KeyRing } from '../../keys/keyring.ts';
import type { VerifiedIdentity } from '../../contracts/identity.ts';
import { portalAuditor } from './audit.ts';
import { portalHandlers } from './handlers.ts';
import { answerWithErrorPage, pageWording } from './error-answer.ts';
import { ASSET_PATH } from './pages.ts';
import { cookieNames, readCookie, securityHeaders } from './security.ts';
import { listProviders } from './providers.ts';
import { cliApi } from '../cli-login/api.ts';
import { cliBrowser } from '../cli-login/browser.ts';
import { CliLogins } from '../cli-login/requests.ts';
import { DEFAULT_LIMITS, PortalSessions, type SessionLimits } from './sessions.ts';

export interface PortalDeps {
  store: Store;
  keys: KeyRing;
  /** The broker's ActionServices: region, publicUrl, accounts (id and alias) and directories are read on each
   *  request, so main.ts may fill them after building the app. */
  services: ActionServices;
  /** Sign-ins, issued credentials and sign-outs go to the audit trail (eventSource portal.idbroker). */
  audit?: AuditLog;
  clock?: () => Date;
  /** Idle and absolute session lifetimes, in seconds (defaults: 30 minutes, 8 hours). */
  sessionLimits?: Partial<SessionLimits>;
}

const ASSETS: Record<string, { type: string; body: string }> = {
  [`${ASSET_PATH}/portal.js`]: { type: 'application/javascript; charset=utf-8', body: readFileSync(new URL('./static/portal.js', import.meta.url), 'utf8') },
  [`${ASSET_PATH}/portal.css`]: { type: 'text/css; charset=utf-8', body: readFileSync(new URL('./static/portal.css', import.meta.url), 'utf8') },
};

const WORDING = pageWording('The portal could not complete the request. Try again; if it persists, give the request id to an administrator.');

function handlersFor(deps: PortalDeps) {
  const clock = deps.clock ?? (() => new Date());
  const sessions = new PortalSessions(deps.store, clock, { ...DEFAULT_LIMITS, ...deps.sessionLimits });
  const names = (ctx: Context) => cookieNames(deps.services.publicUrl, ctx.secure);
  const logins = new CliLogins(deps.store, deps.keys, clock);
  const cli = cliBrowser({
    logins,
    keys: deps.keys,
    names,
    signedIn: async (ctx) => !!(await sessions.get(readCookie(ctx, names(ctx).session))),
    providerLoginPath: async (name) => {
      const { saml, oidc } = await listProviders(deps.store, deps.services.accounts ?? []);
      return [...saml, ...oidc].find((p) => p.name === name)?.href;
    },
  });
  const handlers = portalHandlers({ store: deps.store, keys: deps.keys, services: deps.services, sessions, clock, cli, audit: portalAuditor(deps.audit, deps.services.region, () => deps.services.accounts?.[0]?.id ?? '') });
  return { ...handlers, cli, cliApi: cliApi(logins, () => deps.services.publicUrl) };
}

/**
 * For the SAML and OIDC login routes: once their provider has vouched for the person, this starts the portal
 * session (a new id, the session cookie, an audit event) and answers 303 → /roles. Same deps as portalRoutes.
 */
export function portalSignIn(deps: PortalDeps): (ctx: Context, identity: VerifiedIdentity) => Promise<void> {
  const h = handlersFor(deps);
  return (ctx, identity) => h.completeSignIn(ctx, identity);
}

export function portalRoutes(deps: PortalDeps): (ctx: Context, next: Next) => Promise<void> {
  const h = handlersFor(deps);

  const route = (ctx: Context): (() => Promise<void>) | undefined => {
    const { method, path } = ctx;
    if (method === 'GET' && path === '/' && !ctx.querystring.includes('Action=')) return () => h.signInPage(ctx);
    if (method === 'GET' && path === '/roles') return () => h.roles(ctx);
    if (method === 'POST' && path === '/credentials') return () => h.credentials(ctx);
    if (method === 'POST' && path === '/logout') return () => h.signOut(ctx);
    // idbroker login: the browser's side (pages, errors as pages) …
    if (method === 'GET' && path === '/cli/login') return () => h.cli.approvalPage(ctx);
    if (method === 'POST' && path === '/cli/login') return () => h.cli.approvalSubmit(ctx);
    if (method === 'GET' && path === '/device') return () => h.cli.devicePage(ctx);
    if (method === 'POST' && path === '/device') return () => h.cli.deviceSubmit(ctx);
    const dir = /^\/login\/directory\/(d-[0-9a-f]{10})$/.exec(path);
    if (method === 'POST' && dir) return () => h.directorySignIn(ctx, dir[1]);
    return undefined;
  };

  return async function portal(ctx, next) {
    const asset = ctx.method === 'GET' ? ASSETS[ctx.path] : undefined;
    if (asset) {
      ctx.set('X-Content-Type-Options', 'nosniff');
      ctx.set('Cache-Control', 'public, max-age=300');
      ctx.type = asset.type;
      ctx.body = asset.body;
      return;
    }
    // … and the command line's (JSON, OAuth-style errors)
    if (ctx.method === 'POST' && ctx.path === '/cli/token') return h.cliApi.token(ctx);
    if (ctx.method === 'POST' && ctx.path === '/cli/device') return h.cliApi.device(ctx);
    if (ctx.method === 'POST' && ctx.path === '/cli/par') return h.cliApi.par(ctx);
    const handler = route(ctx);
    if (!handler) return next();
    const requestId = (ctx.state.requestId as string | undefined) ?? randomUUID();
    ctx.state.requestId = requestId;
    ctx.state.action = undefined;
    ctx.state.cspNonce = securityHeaders(ctx);
    ctx.set('x-amzn-RequestId', requestId);
    try {
      await handler();
    } catch (err) {
      answerWithErrorPage(ctx, err, WORDING, requestId);
    }
  };
}
