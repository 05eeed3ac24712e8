// What escapes the routes behind the guard (the /cli/* JSON endpoints leave their failures to it) is answered
// through toWireError in the route's own form: RFC 6749 JSON for POST /cli/*, the portal's error page otherwise.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { AwsError, StoreUnavailableError } from '../../../server/contracts/errors.ts';
import { browserGuard } from '../../../server/http/browser-guard.ts';

let server: ReturnType<Koa['listen']>;
let url: string;
const thrown: { error?: unknown } = {};
const logged: unknown[] = [];

before(async () => {
  const app = new Koa();
  app.use(async (ctx, next) => {
    await next();
    if (ctx.state.error) logged.push(ctx.state.error);
  });
  app.use(browserGuard({}));
  app.use(() => {
    throw thrown.error;
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

const cli = () => fetch(`${url}/cli/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'grant_type=x' });

it('an unreachable store: 503 with Retry-After, temporarily_unavailable JSON for the command line, a page for the browser', async () => {
  thrown.error = new StoreUnavailableError('The PostgreSQL store could not be reached', { cause: new Error('connect ECONNREFUSED') });
  const j = await cli();
  assert.equal(j.status, 503);
  assert.equal(j.headers.get('retry-after'), '5');
  assert.deepEqual(await j.json(), { error: 'temporarily_unavailable', error_description: 'The broker cannot reach its store right now. Try again in a moment.' });
  const page = await fetch(`${url}/roles`);
  assert.equal(page.status, 503);
  assert.match(await page.text(), /ServiceUnavailable[\s\S]*cannot reach its store right now/);
});

it('an unknown failure: 500, server_error JSON or an InternalFailure page, no Retry-After, nothing from below, logged', async () => {
  logged.length = 0;
  thrown.error = new Error('row 7 of sessions is corrupt');
  const j = await cli();
  assert.equal(j.status, 500);
  assert.equal(j.headers.get('retry-after'), null);
  assert.deepEqual(await j.json(), { error: 'server_error', error_description: 'The broker could not complete the request. Try again; if it persists, tell an administrator.' });
  const page = await fetch(`${url}/roles`);
  assert.equal(page.status, 500);
  const text = await page.text();
  assert.match(text, /InternalFailure/);
  assert.doesNotMatch(text, /corrupt/);
  assert.equal(logged.length, 2);
});

it("a broker error keeps its code and status in either form (the command line's is invalid_request)", async () => {
  thrown.error = new AwsError('AccessDenied', 'Not for you.');
  const j = await cli();
  assert.equal(j.status, 403);
  assert.deepEqual(await j.json(), { error: 'invalid_request', error_description: 'Not for you.' });
  const page = await fetch(`${url}/roles`);
  assert.equal(page.status, 403);
  assert.match(await page.text(), /AccessDenied[\s\S]*Not for you\./);
});
