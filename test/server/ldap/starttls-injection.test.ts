// StartTLS plaintext injection (CVE-2011-0411): a client (or a man in the middle) sends the StartTLS request and
// a cleartext operation in one TCP write. The injected operation must not be run and answered inside the TLS
// session the honest client then establishes.
import assert from 'node:assert/strict';
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { describe, it } from 'node:test';
import { frameLength, octets, tlv } from '../../../server/ber/ber.ts';
import { bindReq, msg, RawClient, searchReq, startLdap, TLS } from './harness.ts';

const startTlsReq = (id: number): Buffer => msg(id, tlv(0x77, [octets('1.3.6.1.4.1.1466.20037', 0x80)]));
const rootDse = (id: number) => searchReq(id, '', 0, Buffer.concat([Buffer.from([0x87, 11]), Buffer.from('objectClass')]), ['1.1']);

/** Reads exactly one LDAPMessage from the plain socket, leaving nothing consumed beyond it. */
function readOneMessage(socket: Socket): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let buf = Buffer.alloc(0);
    const onData = (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      const len = buf.length > 1 ? frameLength(buf, 1 << 20) : -1;
      if (len > 0 && buf.length >= len) {
        socket.off('data', onData);
        socket.pause();
        assert.equal(buf.length, len, 'nothing but the StartTLS response before the handshake');
        resolve(buf);
      }
    };
    socket.on('data', onData);
    socket.once('close', () => reject(new Error('closed before the StartTLS response')));
  });
}

describe('StartTLS plaintext injection', () => {
  it('drops a cleartext operation sent in the same write as StartTLS: it is not answered inside TLS', async () => {
    const h = await startLdap({ tls: TLS, startTls: true });
    try {
      const socket = connect(h.port, '127.0.0.1');
      await new Promise((r, j) => socket.once('connect', r).once('error', j));
      // StartTLS (id 1) and an injected RootDSE search (id 2) in one segment
      socket.write(Buffer.concat([startTlsReq(1), rootDse(2)]));
      const response = await readOneMessage(socket);
      assert.ok(response.includes(Buffer.from('1.3.6.1.4.1.1466.20037')), 'the StartTLS response');
      const secure = tlsConnect({ socket, ca: [TLS.cert], servername: 'dc1.corp.example.com' });
      await new Promise((r, j) => secure.once('secureConnect', r).once('error', j));
      const c = new RawClient(secure);
      c.send(bindReq(3, 'CORP\\alice', 'Alice!pass1'));
      const first = await c.next();
      assert.ok(first, 'the TLS session answers');
      assert.equal(first.id, 3, `the first answer inside TLS is to the bind sent over TLS, not to the injected message id ${first.id}`);
      assert.equal(first.resultCode, 0);
      c.send(rootDse(4));
      const next = await c.next();
      assert.equal(next?.id, 4, 'the injected search is never answered later either');
      c.end();
    } finally {
      await h.close();
    }
  });
});
