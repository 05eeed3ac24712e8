// Connection limits of the HTTP listener, over real sockets: connections per source address (503 and close),
// connections per listener (the ones over it are closed unanswered, and LDAP keeps binding meanwhile), and a
// client that sends its headers slowly is answered 408 and closed after http.headersTimeoutMs.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect, TLSSocket } from 'node:tls';
import { after, before, describe, it } from 'node:test';
import { Client } from 'ldapts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';

const DIRECTORY = `
directories:
  - { id: d-1000000001, type: simple-ad, dnsName: corp.example.com, netbiosName: CORP, adminPassword: "Adm1n-Passw0rd!", ldap: { port: 0 } }
`;

interface Conn {
  socket: Socket;
  /** Everything received so far. */
  received: () => string;
  closed: Promise<void>;
}

async function open(url: string): Promise<Conn> {
  const u = new URL(url);
  const socket = connect(Number(u.port), u.hostname);
  let data = '';
  socket.on('data', (d: Buffer) => (data += d.toString('latin1')));
  socket.on('error', () => {});
  const closed = new Promise<void>((r) => socket.once('close', () => r()));
  await new Promise<void>((resolve, reject) => socket.once('connect', resolve).once('error', reject));
  return { socket, received: () => data, closed };
}

/** One keep-alive GET /healthz on the connection; resolves with the status line once the response arrived. */
async function healthz(c: Conn): Promise<string> {
  const before = c.received().length;
  c.socket.write('GET /healthz HTTP/1.1\r\nHost: broker\r\n\r\n');
  for (;;) {
    const text = c.received().slice(before);
    if (/\r\n\r\n[\s\S]*"status"/.test(text)) return text.split('\r\n')[0];
    if (c.socket.destroyed) return text.split('\r\n')[0];
    await new Promise((r) => c.socket.once('data', r).once('close', r));
  }
}

async function ldapBind(b: TestBroker): Promise<void> {
  const client = new Client({ url: b.directories.running[0].ldapUrl!, timeout: 10_000, connectTimeout: 10_000 });
  try {
    await client.bind('CORP\\Administrator', 'Adm1n-Passw0rd!');
  } finally {
    await client.unbind().catch(() => {});
  }
}

describe('HTTP connections per source address', () => {
  let b: TestBroker;
  before(async () => {
    b = await startTestBroker({ http: 'maxConnectionsPerSource: 3' });
  });
  after(() => b.destroy());

  it('a fourth connection from 127.0.0.1 is answered 503 with the reason and closed; a slot frees when one closes', { timeout: 30_000 }, async () => {
    const held = await Promise.all([1, 2, 3].map(() => open(b.httpUrl)));
    for (const c of held) assert.equal(await healthz(c), 'HTTP/1.1 200 OK');
    const fourth = await open(b.httpUrl);
    await fourth.closed;
    assert.match(fourth.received(), /^HTTP\/1\.1 503 Service Unavailable\r\n/);
    assert.match(fourth.received(), /127\.0\.0\.1 has its maximum of 3 connections/);
    held[0].socket.destroy();
    await held[0].closed;
    for (;;) {
      // the server sees the close a moment after the client does
      const c = await open(b.httpUrl);
      const status = await healthz(c);
      c.socket.destroy();
      if (status === 'HTTP/1.1 200 OK') break;
      assert.match(status, /503/);
      await new Promise((r) => setImmediate(r));
    }
    for (const c of held) c.socket.destroy();
  });
});

describe('HTTP connections per listener', () => {
  let b: TestBroker;
  before(async () => {
    b = await startTestBroker({ http: 'maxConnections: 5, maxConnectionsPerSource: 0', yaml: DIRECTORY });
  });
  after(() => b.destroy());

  it('a flood beyond http.maxConnections is closed unanswered, and LDAP binds keep working meanwhile', { timeout: 30_000 }, async () => {
    const held = await Promise.all([1, 2, 3, 4, 5].map(() => open(b.httpUrl)));
    for (const c of held) assert.equal(await healthz(c), 'HTTP/1.1 200 OK', 'the first five are served');
    const flood = await Promise.all(Array.from({ length: 50 }, () => open(b.httpUrl)));
    for (const c of flood) c.socket.write('GET /healthz HTTP/1.1\r\nHost: broker\r\n\r\n');
    await Promise.all(flood.map((c) => c.closed));
    for (const c of flood) assert.equal(c.received(), '', 'closed without an answer');
    await ldapBind(b);
    assert.equal(await healthz(held[0]), 'HTTP/1.1 200 OK', 'the connections within the limit still serve');
    for (const c of held) c.socket.destroy();
  });
});

describe('HTTP header timeout', () => {
  let b: TestBroker;
  before(async () => {
    b = await startTestBroker({ http: 'headersTimeoutMs: 300, requestTimeoutMs: 600' });
  });
  after(() => b.destroy());

  it('a client sending its headers slowly is answered 408 and closed', { timeout: 30_000 }, async () => {
    const c = await open(b.httpUrl);
    c.socket.write('GET /healthz HTTP/1.1\r\nHost: broker\r\nX-Slow: a');
    let stop = false;
    void (async () => {
      // one more header byte now and then, never the end of the headers
      while (!stop && !c.socket.destroyed) {
        c.socket.write('a');
        await new Promise((r) => setTimeout(r, 100));
      }
    })();
    await c.closed;
    stop = true;
    assert.match(c.received(), /^HTTP\/1\.1 408 Request Timeout/);
  });

  it('an idle connection that never sends a request is closed too', { timeout: 30_000 }, async () => {
    const c = await open(b.httpUrl);
    await c.closed;
    assert.ok(c.socket.destroyed);
  });
});

describe('HTTPS connections per source address', () => {
  let b: TestBroker;
  before(async () => {
    b = await startTestBroker({ https: true, http: 'maxConnectionsPerSource: 1' });
  });
  after(() => b.destroy());

  it('the connection over the limit is closed before the handshake; the one within it is served', { timeout: 30_000 }, async () => {
    const u = new URL(b.httpUrl);
    const handshake = () =>
      new Promise<TLSSocket | Error>((resolve) => {
        const s = tlsConnect({ host: u.hostname, port: Number(u.port), rejectUnauthorized: false });
        s.once('secureConnect', () => resolve(s));
        s.once('error', (e) => resolve(e));
        s.once('close', () => resolve(new Error('closed')));
      });
    const first = await handshake();
    assert.ok(first instanceof TLSSocket, 'the first connection completes its handshake');
    const second = await handshake();
    assert.ok(second instanceof Error, 'the second is closed before its handshake');
    first.write('GET /healthz HTTP/1.1\r\nHost: broker\r\nConnection: close\r\n\r\n');
    let text = '';
    first.on('data', (d: Buffer) => (text += d.toString()));
    await new Promise((r) => first.once('close', r));
    assert.match(text, /^HTTP\/1\.1 200 OK/);
  });
});
