// Hostile and unusual input over raw sockets: broken BER gets a Notice of Disconnection and a
// close (ldapjs crashed the process without an error listener), bad operations get protocolError
// and the session lives on, limits hold, TCP_NODELAY is set (ldapjs: ~44 ms Nagle stalls), and a
// bounded fuzz run leaves the server answering.
import assert from 'node:assert/strict';
import { Socket } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { integer, octets, tlv } from '../../../server/ber/ber.ts';
import { BASE, bindReq, collect, eqFilter, type Harness, msg, RawClient, type RawResponse, searchReq, startLdap } from './harness.ts';

const NOTICE = '1.3.6.1.4.1.1466.20036';

function assertNotice(r: RawResponse | undefined): void {
  assert.ok(r, 'a notice before the close');
  assert.equal(r.id, 0);
  assert.equal(r.tag, 0x78);
  assert.equal(r.resultCode, 2);
  r.body.enumerated();
  r.body.string();
  r.body.string();
  assert.equal(r.body.string(0x8a), NOTICE);
}

async function stillServing(h: Harness): Promise<void> {
  const c = await RawClient.connect(h.port);
  c.send(bindReq(1, 'CORP\\alice', 'Alice!pass1'));
  assert.equal((await c.next())?.resultCode, 0);
  c.end();
}

describe('LDAP protocol robustness', () => {
  let h: Harness;
  before(async () => {
    h = await startLdap({ limits: { maxMessageBytes: 4096, maxConnections: 20 } });
  });
  after(() => h.close());

  for (const [name, bytes] of [
    ['garbage', Buffer.from('GET / HTTP/1.1\r\nHost: x\r\n\r\n')],
    ['indefinite length', Buffer.from([0x30, 0x80, 0x02, 0x01, 0x01, 0x00, 0x00])],
    ['a messageID that is not an INTEGER', tlv(0x30, [octets('x'), tlv(0x42, [])])],
    ['an unknown protocolOp', tlv(0x30, [integer(1), tlv(0x7f & 0x5e, [])])],
    ['an element overrunning its container', Buffer.from([0x30, 0x05, 0x02, 0x09, 0x01, 0x42, 0x00])],
    ['a message over maxMessageBytes', Buffer.concat([Buffer.from([0x30, 0x83, 0x10, 0x00, 0x00]), Buffer.alloc(64)])],
  ] as const) {
    it(`answers ${name} with a Notice of Disconnection, closes, and keeps serving`, async () => {
      const c = await RawClient.connect(h.port);
      c.send(bytes);
      assertNotice(await c.next());
      assert.equal(await c.next(), undefined, 'closed');
      await stillServing(h);
    });
  }

  it('answers a bad filter or a bad request body with protocolError (2) and keeps the session', async () => {
    const c = await RawClient.connect(h.port);
    c.send(bindReq(1, 'CORP\\alice', 'Alice!pass1'));
    await c.next();
    c.send(searchReq(2, BASE, 2, tlv(0xaf, [octets('x')])));
    let r = await collect(c);
    assert.equal(r.done.id, 2);
    assert.equal(r.done.resultCode, 2);
    c.send(searchReq(3, BASE, 2, tlv(0xa4, [octets('cn'), tlv(0x30, [])])));
    assert.equal((await collect(c)).done.resultCode, 2, 'substrings with no component');
    c.send(msg(4, tlv(0x66, [octets(BASE), tlv(0x30, [tlv(0x30, [integer(9, 0x0a)])])])));
    const mod = await c.next();
    assert.equal(mod?.tag, 0x67);
    assert.equal(mod?.resultCode, 2);
    c.send(searchReq(5, BASE, 0, eqFilter('objectClass', 'domain'), ['1.1']));
    r = await collect(c);
    assert.equal(r.done.resultCode, 0);
    assert.equal(r.entries.length, 1);
    c.end();
  });

  it('rejects invalid DNs with invalidDNSyntax (34)', async () => {
    const c = await RawClient.connect(h.port);
    c.send(bindReq(1, 'CORP\\alice', 'Alice!pass1'));
    await c.next();
    c.send(searchReq(2, 'CN=oops,,DC=x', 2, eqFilter('cn', 'x')));
    assert.equal((await collect(c)).done.resultCode, 34);
    c.send(msg(3, tlv(0x4a, Buffer.from('no equals sign'))));
    assert.equal((await c.next())?.resultCode, 34);
    c.end();
  });

  it('answers an unknown extended operation with protocolError (2)', async () => {
    const c = await RawClient.connect(h.port);
    c.send(msg(1, tlv(0x77, [octets('1.2.3.4', 0x80)])));
    const r = await c.next();
    assert.equal(r?.tag, 0x78);
    assert.equal(r?.resultCode, 2);
    c.end();
  });

  it('handles pipelined requests, abandon and unbind', async () => {
    const c = await RawClient.connect(h.port);
    c.send(Buffer.concat([
      bindReq(1, 'CORP\\alice', 'Alice!pass1'),
      searchReq(2, BASE, 2, eqFilter('objectClass', 'user'), ['1.1']),
      msg(3, tlv(0x50, Buffer.from([2]))),
      searchReq(4, BASE, 0, eqFilter('objectClass', 'domain'), ['1.1']),
    ]));
    const ids = new Set<number>();
    for (;;) {
      const m = await c.next();
      assert.ok(m);
      if (m.tag === 0x61 || m.tag === 0x65) ids.add(m.id);
      if (m.id === 4 && m.tag === 0x65) break;
    }
    assert.ok(ids.has(1) && ids.has(4));
    c.send(msg(5, tlv(0x42, [])));
    assert.equal(await c.next(), undefined, 'unbind closes the connection');
  });

  it('sets TCP_NODELAY on every accepted socket', async () => {
    const seen: boolean[] = [];
    const original = Socket.prototype.setNoDelay;
    Socket.prototype.setNoDelay = function (this: Socket, noDelay?: boolean) {
      if (this.localPort === h.port) seen.push(noDelay ?? true);
      return original.call(this, noDelay);
    };
    try {
      const c = await RawClient.connect(h.port);
      c.send(bindReq(1, '', ''));
      await c.next();
      c.end();
    } finally {
      Socket.prototype.setNoDelay = original;
    }
    assert.deepEqual(seen, [true]);
  });

  it('answers every pipelined request with maxPendingOperations 1 (reading pauses, nothing is lost)', async () => {
    const one = await startLdap({ limits: { maxPendingOperations: 1 } });
    try {
      const c = await RawClient.connect(one.port);
      c.send(Buffer.concat([bindReq(1, 'CORP\\alice', 'Alice!pass1'), ...[2, 3, 4, 5, 6].map((id) => searchReq(id, BASE, 0, eqFilter('objectClass', 'domain'), ['1.1']))]));
      const done: number[] = [];
      while (done.length < 6) {
        const m = await c.next();
        assert.ok(m);
        if (m.tag === 0x61 || m.tag === 0x65) done.push(m.id);
      }
      assert.deepEqual(done, [1, 2, 3, 4, 5, 6]);
      c.end();
    } finally {
      await one.close();
    }
  });

  it('closes idle connections after idleTimeoutMs', async () => {
    const idle = await startLdap({ limits: { idleTimeoutMs: 100 } });
    try {
      const c = await RawClient.connect(idle.port);
      assert.equal(await c.next(), undefined);
    } finally {
      await idle.close();
    }
  });

  it('closes connections beyond maxConnections (after a Notice of Disconnection with busy, see limits.test.ts)', async () => {
    const small = await startLdap({ limits: { maxConnections: 2 } });
    try {
      const a = await RawClient.connect(small.port);
      const b = await RawClient.connect(small.port);
      a.send(bindReq(1, '', ''));
      b.send(bindReq(1, '', ''));
      await a.next();
      await b.next();
      const c = await RawClient.connect(small.port);
      c.send(bindReq(1, '', ''));
      assert.deepEqual(await c.next().then((m) => [m?.id, m?.resultCode]), [0, 51]);
      assert.equal(await c.next(), undefined);
      a.end();
      await a.closed;
      while (small.listener.connections() > 1) await new Promise(setImmediate); // the server has seen the close too
      const d = await RawClient.connect(small.port);
      d.send(bindReq(1, '', ''));
      assert.equal((await d.next())?.resultCode, 0, 'a slot frees when a connection closes');
      b.end();
      d.end();
    } finally {
      await small.close();
    }
  });
});

describe('LDAP fuzz (bounded)', () => {
  let h: Harness;
  before(async () => {
    h = await startLdap({ limits: { maxMessageBytes: 65536 } });
  });
  after(() => h.close());

  it('survives random and mutated messages and keeps answering', async () => {
    let seed = 0x5eed;
    const rand = (n: number): number => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const valid = [
      bindReq(1, 'CORP\\alice', 'Alice!pass1'),
      searchReq(2, BASE, 2, tlv(0xa0, [eqFilter('objectClass', 'user'), tlv(0xa4, [octets('cn'), tlv(0x30, [octets('a', 0x80), octets('e', 0x82)])])]), ['cn', '*']),
      msg(3, tlv(0x66, [octets(BASE), tlv(0x30, [tlv(0x30, [integer(2, 0x0a), tlv(0x30, [octets('description'), tlv(0x31, [octets('x')])])])])])),
      msg(4, tlv(0x77, [octets('1.3.6.1.4.1.4203.1.11.3', 0x80)])),
    ];
    let hung = 0;
    for (let round = 0; round < 300; round++) {
      const c = await RawClient.connect(h.port);
      const base = valid[rand(valid.length)];
      let bytes: Buffer;
      if (rand(4) === 0) bytes = Buffer.from(Array.from({ length: 1 + rand(64) }, () => rand(256)));
      else {
        bytes = Buffer.from(base);
        for (let k = 0, n = 1 + rand(4); k < n; k++) bytes[rand(bytes.length)] = rand(256);
        if (rand(3) === 0) bytes = bytes.subarray(0, rand(bytes.length));
      }
      c.send(Buffer.concat([valid[0], bytes]));
      c.socket.end(); // half-close: the server must answer what it can and close, never hang
      const deadline = setTimeout(() => {
        hung++;
        c.end();
      }, 2000);
      while (await c.next()) {
        /* responses or a notice */
      }
      clearTimeout(deadline);
    }
    assert.equal(hung, 0);
    await stillServing(h);
  });
});

describe('LDAP large messages', () => {
  it('reassembles a large message sent in small chunks', async () => {
    const h = await startLdap();
    try {
      const c = await RawClient.connect(h.port);
      c.send(bindReq(1, 'CORP\\alice', 'Alice!pass1'));
      await c.next();
      const big = searchReq(2, BASE, 0, tlv(0xa1, Array.from({ length: 1500 }, (_, i) => eqFilter('description', `value-${i}-${'x'.repeat(100)}`)).concat([eqFilter('objectClass', 'domain')])), ['1.1']);
      assert.ok(big.length > 150_000);
      for (let i = 0; i < big.length; i += 1000) {
        c.send(big.subarray(i, i + 1000));
        if (i % 50_000 === 0) await new Promise((r) => setImmediate(r));
      }
      const r = await collect(c);
      assert.equal(r.done.resultCode, 0);
      assert.equal(r.entries.length, 1);
      c.end();
    } finally {
      await h.close();
    }
  });
});
