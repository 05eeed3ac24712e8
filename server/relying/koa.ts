// Koa middleware: accept broker credentials with one app.use(). The question (action, resource, keys, policy) comes
// from the request; allowed → ctx.state.principal and on; refused → 403.
import type { Context, Next } from 'koa';
import { authorizeWithBroker, refusal, type AuthorizeQuestion, type RelyingServiceOptions } from './client.ts';
import { readRawBody } from './raw-body.ts';

export function koaAuthorize(opts: RelyingServiceOptions, question: (ctx: Context) => AuthorizeQuestion | Promise<AuthorizeQuestion>) {
  return async function brokerAuthorize(ctx: Context, next: Next): Promise<void> {
    const body = await readRawBody(ctx.req);
    ctx.state.rawBody = body;
    const answer = await authorizeWithBroker(opts, { method: ctx.method, path: ctx.path, query: ctx.querystring, headers: ctx.req.headers, body }, await question(ctx));
    if (!answer.allowed) {
      const r = refusal(answer);
      ctx.status = r.status;
      ctx.body = r.body;
      return;
    }
    ctx.state.principal = answer.principal;
    await next();
  };
}
