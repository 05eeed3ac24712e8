// Express (or plain node:http) middleware: accept broker credentials with one app.use(). Allowed → req.principal and
// next(); refused → 403 JSON; the broker unreachable or refusing the service's own key → next(err).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { authorizeWithBroker, refusal, type AuthorizeAnswer, type AuthorizeQuestion, type RelyingServiceOptions } from './client.ts';
import { readRawBody } from './raw-body.ts';

type Req = IncomingMessage & { principal?: AuthorizeAnswer['principal']; rawBody?: Buffer };

export function expressAuthorize(opts: RelyingServiceOptions, question: (req: Req) => AuthorizeQuestion | Promise<AuthorizeQuestion>) {
  return function brokerAuthorize(req: Req, res: ServerResponse, next: (err?: unknown) => void): void {
    void (async () => {
      const body = (req.rawBody ??= await readRawBody(req));
      const url = new URL(req.url ?? '/', 'http://local');
      const answer = await authorizeWithBroker(opts, { method: req.method ?? 'GET', path: url.pathname, query: url.search.slice(1), headers: req.headers, body }, await question(req));
      if (!answer.allowed) {
        const r = refusal(answer);
        res.writeHead(r.status, { 'content-type': 'application/json' }).end(JSON.stringify(r.body));
        return;
      }
      req.principal = answer.principal;
      next();
    })().catch(next);
  };
}
