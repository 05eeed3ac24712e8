// LDAP limits that answer busy (51), over real sockets: connections per listener and per source address (a
// Notice of Disconnection with busy and the reason, then close — not a silently dropped socket), operations in
// flight per connection and the operation rate per source address (the operation's own response with busy;
// the connection stays usable). Requests are pipelined in one write, so what is over a limit does not depend on
// the machine's speed.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { SourceLimits } from '../../../server/ldap/limits.ts';
import { startTestBroker } from '../../helpers/broker.ts';
import { type Harness, RawClient, type RawResponse, bindReq, msg, searchReq, startLdap } from './harness.ts';

const NOTICE_OF_DISCONNECTION = '1.3.6.1.4.1.1466.20036';
const rootDse = (id: number) => searchReq(id, '', 0, Buffer.concat([Buffer.from([0x87, 11]), Buffer.from('objectClass')]), ['1.1']);

async function noticeOf(c: RawClient): Promise<RawResponse> {
  const m = await c.next();
  assert.ok(m, 'an LDAP message before the close');
  assert.equal(m.id, 0);
  assert.equal(m.tag, 0x78);
  assert.ok(m.frame.includes(Buffer.from(NOTICE_OF_DISCONNECTION)));
  assert.equal(await c.next(), undefined, 'then the server closes');
  return m;
}

/** The final responses (not search entries) to ids, in arrival order. */
async function results(c: RawClient, count: number): Promise<RawResponse[]> {
  const out: RawResponse[] = [];
  while (out.length < count) {
    const m = await c.next();
    assert.ok(m, `${count - out.length} more responses expected`);
    if (m.tag !== 0x64) out.push(m);
  }
  return out;
}

async function withLdap(limits: Parameters<typeof startLdap>[0], fn: (h: Harness) => Promise<void>): Promise<void> {
  const h = await startLdap(limits);
  try {
    await fn(h);
  } finally {
    await h.close();
  }
}

describe('LDAP limits answer busy (51)', () => {
  it('maxConnections: the connection over the limit gets a Notice of Disconnection with busy and the reason', () =>
    withLdap({ limits: { maxConnections: 2 } }, async (h) => {
      const a = await RawClient.connect(h.port);
      const b = await RawClient.connect(h.port);
      a.send(rootDse(1));
      b.send(rootDse(1));
      await results(a, 1);
      await results(b, 1);
      const c = await RawClient.connect(h.port);
      const n = await noticeOf(c);
      assert.equal(n.resultCode, 51);
      assert.match(n.diagnostic!, /maximum of 2 connections/);
      a.end();
      b.end();
    }));

  it('maxConnectionsPerSource: a third connection from 127.0.0.1 is refused with busy; a slot frees when one closes', () =>
    withLdap({ limits: { maxConnectionsPerSource: 2 } }, async (h) => {
      const a = await RawClient.connect(h.port);
      const b = await RawClient.connect(h.port);
      a.send(rootDse(1));
      b.send(rootDse(1));
      await results(a, 1);
      await results(b, 1);
      const n = await noticeOf(await RawClient.connect(h.port));
      assert.equal(n.resultCode, 51);
      assert.match(n.diagnostic!, /127\.0\.0\.1 has its maximum of 2 connections/);
      a.send(msg(2, Buffer.from([0x42, 0x00]))); // unbind
      await a.closed;
      while (h.listener.connections() > 1) await new Promise(setImmediate); // the server sees the close a moment after the client does
      const d = await RawClient.connect(h.port);
      d.send(rootDse(1));
      let m = await d.next();
      if (m?.tag === 0x64) m = await d.next(); // the RootDSE entry, then SearchResultDone
      assert.deepEqual([m?.tag, m?.resultCode], [0x65, 0], 'a slot frees when a connection closes');
      d.end();
      b.end();
    }));

  it('maxOutstandingOperations: pipelined requests beyond the limit get busy at once; the connection stays usable', () =>
    withLdap({ limits: { maxOutstandingOperations: 1 } }, async (h) => {
      const c = await RawClient.connect(h.port);
      c.send(Buffer.concat([bindReq(1, 'CORP\\alice', 'Alice!pass1'), rootDse(2), rootDse(3), rootDse(4)]));
      const got = await results(c, 4);
      const byId = new Map(got.map((m) => [m.id, m]));
      assert.equal(byId.get(1)?.resultCode, 0, 'the first operation runs');
      for (const id of [2, 3, 4]) {
        assert.equal(byId.get(id)?.tag, 0x65, 'busy in the operation’s own response type (SearchResultDone)');
        assert.equal(byId.get(id)?.resultCode, 51);
        assert.match(byId.get(id)!.diagnostic!, /1 operations are already in progress on this connection/);
      }
      c.send(rootDse(5));
      assert.equal((await results(c, 1))[0].resultCode, 0, 'one at a time is served');
      c.end();
    }));

  it('operationsPerSecondPerSource: a burst over the rate is answered busy, shared by the source’s connections; served again after a pause', () => {
    let ms = 0; // the listener's clock: stands still during the burst, moved for the pause
    return withLdap({ limits: { operationsPerSecondPerSource: 2 }, clock: () => ms }, async (h) => {
      const a = await RawClient.connect(h.port);
      const b = await RawClient.connect(h.port);
      a.send(Buffer.concat(Array.from({ length: 10 }, (_, i) => rootDse(i + 1))));
      const fromA = await results(a, 10);
      b.send(Buffer.concat(Array.from({ length: 10 }, (_, i) => rootDse(i + 1))));
      const fromB = await results(b, 10);
      const all = [...fromA, ...fromB];
      const served = all.filter((m) => m.resultCode === 0).length;
      const busy = all.filter((m) => m.resultCode === 51);
      assert.equal(served + busy.length, 20);
      assert.equal(served, 2, 'one second’s worth is served, the rest of the burst is busy');
      assert.match(busy[0].diagnostic!, /operation rate from 127\.0\.0\.1 exceeded \(2 per second\)/);
      ms += 1000; // the bucket refills
      a.send(rootDse(11));
      assert.equal((await results(a, 1))[0].resultCode, 0, 'the connection stayed open and is served again');
      a.end();
      b.end();
    });
  });

  it('SourceLimits: token bucket and connection counts, with a clock', () => {
    let now = 0;
    const s = new SourceLimits({ maxConnectionsPerSource: 1, operationsPerSecondPerSource: 3 }, () => now);
    assert.deepEqual([s.operation('a'), s.operation('a'), s.operation('a'), s.operation('a')], [true, true, true, false]);
    assert.equal(s.operation('b'), true, 'per source');
    now = 500;
    assert.deepEqual([s.operation('a'), s.operation('a')], [true, false], 'refills at the rate');
    assert.equal(s.connect('a'), true);
    assert.equal(s.connect('a'), false);
    s.disconnect('a');
    assert.equal(s.connect('a'), true);
    s.disconnect('a');
    now = 5000;
    s.sweep();
    assert.equal(s.size, 0, 'idle sources are forgotten');
  });

  it('a directory’s ldapLimits (config) reach its LDAP listener', async () => {
    const b = await startTestBroker({
      yaml: `
directories:
  - id: d-1000000001
    type: simple-ad
    dnsName: corp.example.com
    netbiosName: CORP
    ldap: { host: 127.0.0.1, port: 0 }
    adminPassword: "Adm1n-Passw0rd!"
    ldapLimits: { maxConnectionsPerSource: 1, operationsPerSecondPerSource: 100 }
`,
    });
    try {
      const port = Number(/LDAP d-1000000001 .*:(\d+)$/m.exec(b.lines.join('\n'))![1]);
      const a = await RawClient.connect(port);
      a.send(rootDse(1));
      assert.equal((await results(a, 1))[0].resultCode, 0);
      const n = await noticeOf(await RawClient.connect(port));
      assert.equal(n.resultCode, 51);
      assert.match(n.diagnostic!, /maximum of 1 connections/);
      a.end();
    } finally {
      await b.destroy();
    }
  });
});
