// The store unreachable (PostgreSQL down or restarting: the adapter raises StoreUnavailableError) → the Query API
// answers ServiceUnavailable (503), which the AWS SDKs retry, not InternalFailure (500); served again once the
// store is back. The real outage is test/e2e/faults/postgres-restart.test.ts; here the store's entity reads fail.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { StoreUnavailableError } from '../../../server/contracts/errors.ts';
import type { EntityRepo } from '../../../server/contracts/store.ts';
import { isUnavailable } from '../../../adapters/store/postgres/unavailable.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';

let b: TestBroker;
before(async () => {
  b = await startTestBroker();
});
after(async () => b.destroy());

it('IAM calls get ServiceUnavailable (503) while the store is unreachable, and succeed afterwards', async () => {
  const entities = b.store.entities as EntityRepo & Record<string, unknown>;
  const original = { get: entities.get, list: entities.list, find: entities.find };
  const down = () => Promise.reject(new StoreUnavailableError('The PostgreSQL store could not be reached', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
  Object.assign(entities, { get: down, list: down, find: down });
  try {
    for (const [body, service] of [['Action=ListRoles&Version=2010-05-08', 'iam'], ['Action=GetRole&Version=2010-05-08&RoleName=nope', 'iam']] as const) {
      const r = await sendQuery(b.httpUrl, body, ADMIN_KEY, { service });
      assert.equal(r.status, 503, r.text);
      assert.match(r.text, /<Code>ServiceUnavailable<\/Code>/);
      assert.doesNotMatch(r.text, /ECONNREFUSED|PostgreSQL/, 'nothing from below leaks out');
    }
  } finally {
    Object.assign(entities, original);
  }
  assert.equal((await sendQuery(b.httpUrl, 'Action=ListRoles&Version=2010-05-08', ADMIN_KEY, { service: 'iam' })).status, 200);
});

it('which pg errors mean "unreachable"', () => {
  for (const code of ['ECONNREFUSED', 'ECONNRESET', '57P01', '57P03', '08006', '53300']) assert.equal(isUnavailable(Object.assign(new Error('x'), { code })), true, code);
  assert.equal(isUnavailable(new Error('Connection terminated unexpectedly')), true);
  assert.equal(isUnavailable(new Error('timeout exceeded when trying to connect')), true);
  for (const code of ['23505', '42P01', '22P02']) assert.equal(isUnavailable(Object.assign(new Error('x'), { code })), false, code);
});

it('the portal and /cli/* answer 503 in their own form while the store is unreachable, and serve afterwards', async () => {
  const entities = b.store.entities as EntityRepo & Record<string, unknown>;
  const original = { get: entities.get, list: entities.list, find: entities.find, insert: entities.insert, update: entities.update };
  const down = () => Promise.reject(new StoreUnavailableError('The PostgreSQL store could not be reached', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) }));
  Object.assign(entities, { get: down, list: down, find: down, insert: down, update: down });
  try {
    const page = await fetch(`${b.httpUrl}/`);
    const text = await page.text();
    assert.equal(page.status, 503, text);
    assert.match(text, /ServiceUnavailable[\s\S]*cannot reach its store right now/);
    assert.doesNotMatch(text, /ECONNREFUSED|PostgreSQL/);
    const cli = await fetch(`${b.httpUrl}/cli/device`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
    assert.equal(cli.status, 503);
    assert.equal(cli.headers.get('retry-after'), '5');
    assert.deepEqual(await cli.json(), { error: 'temporarily_unavailable', error_description: 'The broker cannot reach its store right now. Try again in a moment.' });
  } finally {
    Object.assign(entities, original);
  }
  assert.equal((await fetch(`${b.httpUrl}/`)).status, 200);
  const ok = await fetch(`${b.httpUrl}/cli/device`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: '' });
  assert.equal(ok.status, 200, await ok.clone().text());
  assert.ok(((await ok.json()) as { device_code?: string }).device_code);
});
