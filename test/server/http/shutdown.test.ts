// Stopping the broker (SIGTERM → broker.close()) is not held up by clients that never finish a request: a
// connection still sending its headers is closed after the shutdown grace period, not after headersTimeoutMs.
// The timeouts below are made absurdly long, so without the grace period close() would not resolve before the
// test's own timeout; nothing here measures speed.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { startTestBroker } from '../../helpers/broker.ts';

it('close() ends connections that are still sending their headers, and requests in flight answered first', { timeout: 120_000 }, async () => {
  const b = await startTestBroker({ http: 'headersTimeoutMs: 3000000, requestTimeoutMs: 3000000, keepAliveTimeoutMs: 3000000' });
  const { hostname, port } = new URL(b.httpUrl);
  const slow = connect(Number(port), hostname);
  await new Promise<void>((resolve) => slow.once('connect', () => resolve()));
  slow.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'); // never ends its headers
  const closed = new Promise<void>((resolve) => slow.once('close', () => resolve()));
  const healthy = await fetch(`${b.httpUrl}/healthz`);
  assert.equal(healthy.status, 200);
  await b.destroy();
  await closed;
  assert.equal(slow.destroyed, true);
});
