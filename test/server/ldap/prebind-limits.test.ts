// Resource exhaustion before authentication: an LDAP client that has not bound may only send small messages
// (maxUnauthenticatedMessageBytes, 8 KiB by default). Many connections that each start a large message are cut
// off when the message's length is read (a Notice of Disconnection with protocolError, then close) instead of
// each making the broker buffer up to 10 MiB; once bound, the 10 MiB limit (AD's MaxReceiveBuffer) applies.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { octets, tlv } from '../../../server/ber/ber.ts';
import { DEFAULT_LIMITS } from '../../../server/ldap/options.ts';
import { bindReq, BASE, eqFilter, RawClient, searchReq, startLdap } from './harness.ts';

const NOTICE_OF_DISCONNECTION = '1.3.6.1.4.1.1466.20036';

/** The first bytes of an LDAPMessage (SEQUENCE) that declares `length` bytes, followed by `sent` bytes of it. */
function partialMessage(length: number, sent: number): Buffer {
  const header = Buffer.from([0x30, 0x84, 0, 0, 0, 0]);
  header.writeUInt32BE(length, 2);
  return Buffer.concat([header, Buffer.from([0x02, 0x01, 0x01]), Buffer.alloc(sent - 3, 0x41)]);
}

/** Reads until the server closes; returns what it sent (a Notice of Disconnection is expected). */
async function disconnectedWith(c: RawClient): Promise<{ resultCode?: number; diagnostic?: string; noticeOfDisconnection: boolean }> {
  const m = await c.next();
  assert.ok(m, 'the server answers before it closes');
  assert.equal(await c.next(), undefined, 'then the server closes the connection');
  return { resultCode: m.resultCode, diagnostic: m.diagnostic, noticeOfDisconnection: m.id === 0 && m.frame.includes(Buffer.from(NOTICE_OF_DISCONNECTION)) };
}

describe('LDAP before a bind: only small messages', () => {
  it('has safe defaults: 8 KiB per message before a bind, 1000 connections per source address', () => {
    assert.equal(DEFAULT_LIMITS.maxUnauthenticatedMessageBytes, 8 * 1024);
    assert.equal(DEFAULT_LIMITS.maxMessageBytes, 10 * 1024 * 1024);
    assert.equal(DEFAULT_LIMITS.maxConnectionsPerSource, 1000);
  });

  it('60 unbound connections each starting a 10 MiB message are each disconnected at the message length', { timeout: 30_000 }, async () => {
    const h = await startLdap();
    try {
      const clients = await Promise.all(Array.from({ length: 60 }, () => RawClient.connect(h.port)));
      // each declares 10 MiB - 1 (under the bound limit) and sends 4 KiB of it, then waits for the rest to be asked for
      for (const c of clients) {
        c.socket.on('error', () => {}); // a reset after the notice is fine
        c.send(partialMessage(10 * 1024 * 1024 - 1, 4 * 1024));
      }
      const outcomes = await Promise.all(clients.map((c) => disconnectedWith(c)));
      for (const o of outcomes) {
        assert.ok(o.noticeOfDisconnection, 'a Notice of Disconnection (RFC 4511 §4.4.1)');
        assert.equal(o.resultCode, 2, 'protocolError');
        assert.match(o.diagnostic ?? '', /message of 10485759 bytes exceeds the limit of 8192 bytes before a successful bind/);
      }
      // the listener keeps serving
      const c = h.client();
      await c.bind('CORP\\alice', 'Alice!pass1');
    } finally {
      await h.close();
    }
  });

  it('a message just under the limit is served before a bind; one byte over is not', { timeout: 30_000 }, async () => {
    const h = await startLdap({ limits: { maxUnauthenticatedMessageBytes: 1024 } });
    try {
      const under = await RawClient.connect(h.port);
      const padded = (size: number) => {
        // a bind whose password pads the LDAPMessage's content (what its length field counts) to exactly `size` bytes
        for (let pw = size; pw > 0; pw--) {
          const m = bindReq(1, 'CORP\\alice', 'x'.repeat(pw));
          if (m.length - (m[1] < 0x80 ? 2 : 2 + (m[1] & 0x7f)) === size) return m;
        }
        throw new Error('no padding found');
      };
      under.send(padded(1024));
      assert.equal((await under.next())?.resultCode, 49, 'a bind of 1024 bytes is read and answered (invalidCredentials)');
      under.end();
      const over = await RawClient.connect(h.port);
      over.send(padded(1025));
      const o = await disconnectedWith(over);
      assert.ok(o.noticeOfDisconnection);
      assert.match(o.diagnostic ?? '', /1025 bytes exceeds the limit of 1024 bytes before a successful bind/);
    } finally {
      await h.close();
    }
  });

  it('once bound, a large message (a 64 KiB filter) is accepted', async () => {
    const h = await startLdap({ limits: { maxUnauthenticatedMessageBytes: 1024 } });
    try {
      const c = await RawClient.connect(h.port);
      const big = searchReq(2, BASE, 2, eqFilter('description', 'z'.repeat(64 * 1024)), ['cn']);
      c.send(bindReq(1, 'CORP\\alice', 'Alice!pass1'));
      assert.equal((await c.next())?.resultCode, 0);
      c.send(big);
      const done = await c.next();
      assert.equal(done?.id, 2);
      assert.equal(done?.tag, 0x65, 'SearchResultDone: no entry has that description');
      assert.equal(done?.resultCode, 0);
      c.end();
    } finally {
      await h.close();
    }
  });

  it('StartTLS and a RootDSE search fit before a bind', async () => {
    const h = await startLdap();
    try {
      const c = await RawClient.connect(h.port);
      c.send(searchReq(1, '', 0, Buffer.concat([Buffer.from([0x87, 11]), Buffer.from('objectClass')]), ['supportedExtension']));
      let m = await c.next();
      if (m?.tag === 0x64) m = await c.next();
      assert.equal(m?.resultCode, 0);
      c.send(tlv(0x30, [Buffer.from([0x02, 0x01, 0x02]), tlv(0x77, [octets('1.3.6.1.4.1.1466.20037', 0x80)])]));
      assert.equal((await c.next())?.resultCode, 2, 'StartTLS is read (not offered on this listener: protocolError)');
      c.end();
    } finally {
      await h.close();
    }
  });
});
