// The Query API's named steps run in order, and a step that refuses stops the request there: a throttled request
// is never verified, a badly signed one never reaches its action, an over-limit principal's action never runs.
// The real steps (server/http/query-api.ts) over a real socket, with the broker's store and keys; what each
// dependency is asked is recorded.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import type { RateLimiter } from '../../../server/contracts/store.ts';
import { queryApi, queryPipeline, type QueryApiDeps } from '../../../server/http/query-api.ts';
import type { IamAction } from '../../../server/iam/action.ts';
import { Authorizer } from '../../../server/iam/authorizer.ts';
import { CredentialResolver } from '../../../server/iam/credentials.ts';
import { RevocationList } from '../../../server/sts/revocation.ts';
import { STS_NAMESPACE, stsActions } from '../../../server/sts/actions/index.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';

let b: TestBroker;
let server: ReturnType<Koa['listen']>;
let url: string;
const calls: string[] = [];
const allow = { source: true, principal: true };
const failing = { authorize: false };

const limiter = (name: 'source' | 'principal'): RateLimiter => ({
  async consume() {
    calls.push(`limit ${name}`);
    return { allowed: allow[name], retryAfterMs: 1000 };
  },
  async refund() {},
});

/** GetCallerIdentity with each of its phases recorded. */
function recorded(a: IamAction): IamAction {
  return {
    ...a,
    parse: (r, c) => (calls.push('parse'), a.parse(r, c)),
    authorize: async (p, c) => {
      calls.push('authorize');
      if (failing.authorize) throw new Error('the policy cache is corrupt');
      return a.authorize?.(p, c);
    },
    run: async (p, c) => (calls.push('run'), a.run(p, c)),
  };
}

let deps: QueryApiDeps;
before(async () => {
  b = await startTestBroker();
  const credentials = new CredentialResolver(b.store, b.keys);
  const resolve = credentials.resolve.bind(credentials);
  credentials.resolve = async (id, now) => (calls.push('resolve key'), resolve(id, now));
  const actions = new Map(stsActions());
  actions.set('GetCallerIdentity', recorded(actions.get('GetCallerIdentity')!));
  deps = {
    store: b.store,
    keys: b.keys,
    credentials,
    revocations: new RevocationList(b.store),
    authorizer: new Authorizer(b.store, b.keys),
    actionServices: { region: 'us-east-1', publicUrl: 'http://127.0.0.1' },
    bodyLimit: 65536,
    onWrite: () => {},
    limits: { perSource: limiter('source'), perPrincipal: limiter('principal') },
    services: [{ name: 'sts', version: '2011-06-15', namespace: STS_NAMESPACE, actions, internalError: 'InternalFailure' }],
  };
  const handle = queryApi(deps);
  const app = new Koa();
  app.use(async (ctx) => {
    ctx.state.requestId = 'req-1';
    await handle(ctx);
  });
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(async () => {
  await new Promise((resolve) => server.close(resolve));
  await b.destroy();
});

const call = async (creds = ADMIN_KEY) => {
  calls.length = 0;
  return sendQuery(url, 'Action=GetCallerIdentity&Version=2011-06-15', creds, { service: 'sts' });
};

it('the steps, outermost first', () => {
  assert.deepEqual(
    queryPipeline(deps).map((s) => s.name),
    ['recordAudit', 'renderErrors', 'auditGate', 'limitSource', 'readRequest', 'routeAction', 'authenticateSigV4', 'requireKnownAction', 'sessionScope', 'limitPrincipal', 'authorizeAction', 'runAction', 'renderResult'],
  );
});

it('a request that passes runs every step in order', async () => {
  Object.assign(allow, { source: true, principal: true });
  const r = await call();
  assert.equal(r.status, 200, r.text);
  assert.match(r.text, /<Arn>arn:aws:iam::111122223333:user\/admin<\/Arn>/);
  assert.deepEqual(calls, ['limit source', 'resolve key', 'limit principal', 'parse', 'authorize', 'run']);
});

it('a throttled source is refused before its signature is looked at', async () => {
  Object.assign(allow, { source: false, principal: true });
  const r = await call({ ...ADMIN_KEY, secretAccessKey: 'x'.repeat(40) });
  assert.equal(r.status, 400);
  assert.match(r.text, /<Code>Throttling<\/Code>[\s\S]*<Message>Rate exceeded<\/Message>/);
  assert.equal(r.headers.get('x-amzn-requestid'), 'req-1');
  assert.deepEqual(calls, ['limit source']);
});

it('a bad signature never reaches the principal limit or the action', async () => {
  Object.assign(allow, { source: true, principal: true });
  const r = await call({ ...ADMIN_KEY, secretAccessKey: 'x'.repeat(40) });
  assert.equal(r.status, 403);
  assert.match(r.text, /<Code>SignatureDoesNotMatch<\/Code>/);
  assert.deepEqual(calls, ['limit source', 'resolve key']);
});

it('an unknown access key stops at the key lookup', async () => {
  Object.assign(allow, { source: true, principal: true });
  const r = await call({ accessKeyId: 'AKIANOSUCHKEY0000000', secretAccessKey: 'x'.repeat(40) });
  assert.equal(r.status, 403);
  assert.match(r.text, /<Code>InvalidClientTokenId<\/Code>/);
  assert.deepEqual(calls, ['limit source', 'resolve key']);
});

it('a principal over its limit is authenticated but its action is neither parsed nor run', async () => {
  Object.assign(allow, { source: true, principal: false });
  const r = await call();
  assert.equal(r.status, 400);
  assert.match(r.text, /<Code>Throttling<\/Code>/);
  assert.deepEqual(calls, ['limit source', 'resolve key', 'limit principal']);
});

it('a failure the broker cannot explain is InternalFailure with the default message, and nothing after it runs', async () => {
  Object.assign(allow, { source: true, principal: true });
  failing.authorize = true;
  try {
    const r = await call();
    assert.equal(r.status, 500);
    assert.match(r.text, /<Code>InternalFailure<\/Code>[\s\S]*<Message>The request processing has failed because of an unknown error, exception or failure.<\/Message>/);
    assert.doesNotMatch(r.text, /corrupt/);
    assert.deepEqual(calls, ['limit source', 'resolve key', 'limit principal', 'parse', 'authorize']);
  } finally {
    failing.authorize = false;
  }
});
