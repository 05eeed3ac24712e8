// POST /authorize maps its failures with the one toWireError: a malformed body is InvalidRequest (400, a code of
// the error table), a refused signature or a denial an answer (200), and a failure of the broker an HTTP error in
// the same JSON form — 503 ServiceUnavailable when the store is unreachable, 500 InternalFailure otherwise.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { AwsError, StoreUnavailableError } from '../../../server/contracts/errors.ts';
import { authorizeEndpoint, type AuthorizeDeps } from '../../../server/http/authorize-endpoint.ts';
import { signRequest } from '../../../server/sts/sigv4/index.ts';
import { postAuthorize } from '../../helpers/authorize.ts';

const KEY = { accessKeyId: 'AKIABOBBOBBOBBOBBOB2', secretAccessKey: 'bobSecretKeyForTestsOnly0000000000000000' };
let server: ReturnType<Koa['listen']>;
let url: string;
const lookup: { fail?: unknown } = {};

before(async () => {
  const deps = {
    keys: {},
    revocations: {},
    bodyLimit: 65536,
    credentials: {
      async resolve() {
        if (lookup.fail) throw lookup.fail;
        return { secretAccessKey: KEY.secretAccessKey, caller: { arn: 'arn:aws:iam::111122223333:user/bob', account: '111122223333', userId: 'AIDABOB' } };
      },
    },
    authorizer: {
      async resourceContext() {
        return {};
      },
      async inputFor() {
        return { context: {} };
      },
      async authorize() {
        return { decision: 'allowed' }; // the relying service may ask
      },
      async decide() {
        return { decision: { decision: 'implicitDeny' }, context: {} };
      },
      async denied() {
        return new AwsError('AccessDenied', 'no');
      },
    },
  } as unknown as AuthorizeDeps;
  const handle = authorizeEndpoint(deps);
  const app = new Koa();
  app.use((ctx) => handle(ctx));
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
after(() => new Promise((resolve) => server.close(resolve)));

async function ask(): Promise<{ status: number; json: any }> {
  const target = new URL('http://files.internal.example/home/bob/notes.txt');
  const headers = signRequest({ method: 'GET', url: target, headers: {}, body: '' }, KEY, { region: 'us-east-1', service: 'files', now: new Date() });
  const body = { expect: { service: 'files', host: target.host }, request: { method: 'GET', path: target.pathname, headers: { ...headers, host: target.host } }, action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/notes.txt' };
  const res = await postAuthorize(url, body, KEY);
  return { status: res.status, json: await res.json() };
}

it('a denial is an answer: 200, authenticated, the error the policies gave', async () => {
  lookup.fail = undefined;
  const r = await ask();
  assert.equal(r.status, 200);
  assert.deepEqual(r.json, { allowed: false, authenticated: true, decision: 'denied', principal: { arn: 'arn:aws:iam::111122223333:user/bob', account: '111122223333', userId: 'AIDABOB' }, error: { code: 'AccessDenied', message: 'no' } });
});

it('the store unreachable during the key lookup: 503 ServiceUnavailable, nothing from below', async () => {
  lookup.fail = new StoreUnavailableError('The PostgreSQL store could not be reached', { cause: new Error('connect ECONNREFUSED') });
  const r = await ask();
  assert.equal(r.status, 503);
  assert.deepEqual(r.json, { error: 'ServiceUnavailable', message: 'The service is unavailable. Please try again shortly.' });
});

it('an unknown failure: 500 InternalFailure with the default message', async () => {
  lookup.fail = new Error('key cache corrupt');
  const r = await ask();
  assert.equal(r.status, 500);
  assert.deepEqual(r.json, { error: 'InternalFailure', message: 'The request processing has failed because of an unknown error, exception or failure.' });
});

it('a malformed body is InvalidRequest (400)', async () => {
  lookup.fail = undefined;
  const res = await postAuthorize(url, '{"action": 1}', KEY);
  assert.equal(res.status, 400);
  assert.equal(((await res.json()) as { error: string }).error, 'InvalidRequest');
});
