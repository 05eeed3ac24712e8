// The broker's Koa app, assembled from small parts: request id + log + metrics, health, metrics, Query API.
import { randomUUID } from 'node:crypto';
import Koa, { type Context, type Middleware } from 'koa';
import type { Logger } from 'pino';
import type { Store } from '../contracts/store.ts';
import type { Metrics } from './metrics.ts';

export interface AppDeps {
  store: Store;
  logger: Logger;
  metrics: Metrics;
  queryApi: (ctx: Context) => Promise<void>;
  /** POST /authorize, and /authorize/resource-policies (the relying services' JSON API). */
  authorize: (ctx: Context) => Promise<void>;
  /** The browser portal's routes (/, /roles, /credentials, /logout, /login/…). */
  portal?: Middleware;
  /** SAML and OIDC browser sign-in (/saml/login/:provider, /saml/acs, /oidc/login/:provider, /oidc/callback). */
  federatedLogin?: Middleware;
  /** Details for GET /readyz beside `status` (directories and their trusts); never makes it unready. */
  readiness?: () => Record<string, unknown>;
  /** Before the sign-in routes and the portal (./browser-guard.ts): their rate limit and outage answers. */
  guard?: Middleware;
  /** GET /saml/metadata: the SP metadata XML. */
  samlMetadata?: () => Promise<string>;
  trustProxy?: boolean;
}

export function createApp(deps: AppDeps): Koa {
  const app = new Koa({ proxy: deps.trustProxy ?? false });
  app.silent = true;

  // request id, access log, metrics
  app.use(async (ctx, next) => {
    const requestId = randomUUID();
    ctx.state.requestId = requestId;
    const end = deps.metrics.duration.startTimer();
    try {
      await next();
    } finally {
      const route = ctx.state.action ? 'query' : ctx.path === '/healthz' || ctx.path === '/readyz' || ctx.path === '/metrics' ? ctx.path : 'other';
      end({ route });
      deps.metrics.requests.inc({ route, action: (ctx.state.action as string) ?? '', status: String(ctx.status) });
      const fields = { requestId, method: ctx.method, path: ctx.path, status: ctx.status, action: ctx.state.action, errorCode: ctx.state.errorCode, ip: ctx.ip };
      if (ctx.state.error) deps.logger.error({ ...fields, err: ctx.state.error }, 'request failed');
      else if (deps.logger.isLevelEnabled('debug')) deps.logger.debug(fields, 'request');
    }
  });

  app.use(async (ctx, next) => {
    if (ctx.path === '/healthz' && ctx.method === 'GET') {
      ctx.body = { status: 'ok' };
      return;
    }
    if (ctx.path === '/readyz' && ctx.method === 'GET') {
      try {
        await deps.store.ping();
        ctx.body = { status: 'ready', ...deps.readiness?.() };
      } catch (err) {
        deps.logger.warn({ err }, 'store not reachable');
        ctx.status = 503;
        ctx.body = { status: 'unavailable', reason: 'store not reachable' };
      }
      return;
    }
    if (ctx.path === '/metrics' && ctx.method === 'GET') {
      ctx.type = deps.metrics.registry.contentType;
      ctx.body = await deps.metrics.registry.metrics();
      return;
    }
    if (ctx.path === '/saml/metadata' && ctx.method === 'GET' && deps.samlMetadata) {
      ctx.body = await deps.samlMetadata();
      ctx.type = 'application/samlmetadata+xml';
      return;
    }
    if ((ctx.path === '/authorize' && ctx.method === 'POST') || ctx.path === '/authorize/resource-policies') {
      await deps.authorize(ctx);
      return;
    }
    if (ctx.path === '/' && (ctx.method === 'POST' || (ctx.method === 'GET' && ctx.querystring.includes('Action=')))) {
      await deps.queryApi(ctx);
      return;
    }
    await next();
  });

  if (deps.guard) app.use(deps.guard);
  if (deps.federatedLogin) app.use(deps.federatedLogin);
  if (deps.portal) app.use(deps.portal);

  app.use((ctx) => {
    ctx.status = 404;
    ctx.body = { error: 'NotFound', message: `No route for ${ctx.method} ${ctx.path}` };
  });

  app.on('error', (err) => deps.logger.error({ err }, 'unhandled error'));
  return app;
}
