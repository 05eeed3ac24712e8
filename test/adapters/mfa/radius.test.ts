// The RADIUS PAP client (adapters/mfa/radius): packet encoding against RFC 2865's own example, and the client
// against a tiny in-test UDP responder — accept, reject, challenge, retransmission, timeout, wrong shared
// secret, forged or stray answers, Message-Authenticator both ways.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { createSocket } from 'node:dgram';
import { RadiusClient } from '../../../adapters/mfa/radius/index.ts';
import { ATTR, CODE, decodeResponse, encodeAccessRequest, encodeResponse, hidePassword, parsePacket, RadiusPacketError, revealPassword } from '../../../adapters/mfa/radius/packet.ts';
import { MfaUnavailableError } from '../../../server/contracts/mfa.ts';
import { startResponder, type Responder } from './radius-responder.ts';

const hex = (s: string) => Buffer.from(s.replace(/\s+/g, ''), 'hex');

describe('RADIUS packets', () => {
  // RFC 2865 §7.1: user nemo, password "arctangent", secret "xyzzy5461"
  const requestAuthenticator = hex('0f403f9473978057bd83d5cb98f4227a');

  it('hides User-Password as RFC 2865 §5.2 does (the RFC example), and reveals it back', () => {
    const hidden = hidePassword('arctangent', 'xyzzy5461', requestAuthenticator);
    assert.deepEqual(hidden, hex('0dbe708d93d413ce3196e43f782a0aee'));
    assert.equal(revealPassword(hidden, 'xyzzy5461', requestAuthenticator), 'arctangent');
    // longer than 16 bytes: chained blocks
    const long = 'a-passcode-longer-than-sixteen-bytes';
    const h = hidePassword(long, 's', requestAuthenticator);
    assert.equal(h.length, 48);
    assert.equal(revealPassword(h, 's', requestAuthenticator), long);
    assert.throws(() => hidePassword('x'.repeat(129), 's', requestAuthenticator), RangeError);
  });

  it('verifies the Response Authenticator of the RFC example Access-Accept, and refuses it under another secret', () => {
    const accept = hex('02 00 00 26 86 fe 22 0e 76 24 ba 2a 10 05 f6 bf 9b 55 e0 b2 06 06 00 00 00 01 0f 06 00 00 00 00 0e 06 c0 a8 01 03');
    assert.equal(decodeResponse(accept, 'xyzzy5461', requestAuthenticator).code, 'Access-Accept');
    assert.throws(() => decodeResponse(accept, 'another', requestAuthenticator), (e: unknown) => e instanceof RadiusPacketError && e.kind === 'authenticator');
    const tampered = Buffer.from(accept);
    tampered[tampered.length - 1] ^= 1;
    assert.throws(() => decodeResponse(tampered, 'xyzzy5461', requestAuthenticator), /Response Authenticator does not verify/);
  });

  it('an Access-Request has Message-Authenticator first, then User-Name, hidden User-Password and NAS-Identifier', () => {
    const ra = Buffer.alloc(16, 7);
    const p = encodeAccessRequest({ identifier: 42, authenticator: ra, userName: 'alice', password: '123456', nasIdentifier: 'idbroker' }, 'sekret');
    const d = parsePacket(p);
    assert.equal(d.code, CODE.AccessRequest);
    assert.equal(d.identifier, 42);
    assert.equal(p.readUInt16BE(2), p.length);
    assert.deepEqual(d.attributes.map((a) => a.type), [ATTR.MessageAuthenticator, ATTR.UserName, ATTR.UserPassword, ATTR.NasIdentifier]);
    assert.ok(!p.includes(Buffer.from('123456')), 'the code is not in clear');
    assert.equal(revealPassword(d.attributes[2].value, 'sekret', ra), '123456');
  });

  it('refuses malformed answers with a clear error', () => {
    const ra = Buffer.alloc(16);
    assert.throws(() => decodeResponse(Buffer.alloc(10), 's', ra), /20 to 4096 bytes/);
    const bad = Buffer.alloc(24);
    bad[0] = 2;
    bad.writeUInt16BE(24, 2);
    bad[20] = 18;
    bad[21] = 9; // attribute longer than the packet
    assert.throws(() => decodeResponse(bad, 's', ra), /bad length/);
    const lying = Buffer.alloc(20);
    lying[0] = 2;
    lying.writeUInt16BE(300, 2);
    assert.throws(() => decodeResponse(lying, 's', ra), /does not fit/);
    const request = Buffer.alloc(20);
    request[0] = 1;
    request.writeUInt16BE(20, 2);
    assert.throws(() => decodeResponse(request, 's', ra), /unexpected RADIUS code 1/);
  });
});

describe('RADIUS client', () => {
  const SECRET = 'shared-Secret-1';
  let r: Responder;
  let mode: 'accept' | 'reject' | 'challenge' | 'silent' | 'wrong-secret' | 'stray-then-accept' | 'no-ma' | 'second-try' = 'accept';
  before(async () => {
    r = await startResponder(SECRET, (req) => {
      const ok = req.password === '123456' && req.userName === 'alice';
      switch (mode) {
        case 'silent':
          return 'silent';
        case 'wrong-secret':
          return { code: CODE.AccessAccept, secret: 'not-the-secret', messageAuthenticator: true };
        case 'stray-then-accept':
          return [{ code: CODE.AccessAccept, identifier: (req.identifier + 1) % 256 }, { code: CODE.AccessAccept, secret: 'forger' }, { code: CODE.AccessAccept, messageAuthenticator: true }];
        case 'challenge':
          return { code: CODE.AccessChallenge, attributes: [{ type: ATTR.ReplyMessage, value: Buffer.from('Enter the second code') }, { type: ATTR.State, value: Buffer.from('st') }], messageAuthenticator: true };
        case 'no-ma':
          return { code: CODE.AccessAccept };
        case 'second-try':
          return r.seen.length >= 2 ? { code: CODE.AccessAccept, messageAuthenticator: true } : 'silent';
        default:
          return { code: ok && mode === 'accept' ? CODE.AccessAccept : CODE.AccessReject, messageAuthenticator: true };
      }
    });
  });
  after(() => r.close());
  const client = (o: Partial<ConstructorParameters<typeof RadiusClient>[0]> = {}) => new RadiusClient({ host: '127.0.0.1', port: r.port, secret: SECRET, timeoutMs: 2000, retries: 0, ...o });

  it('Access-Accept for the right code; the server sees the user, the code, NAS-Identifier and a valid Message-Authenticator', async () => {
    mode = 'accept';
    r.seen.length = 0;
    assert.deepEqual(await client({ nasIdentifier: 'broker-1' }).verify('alice', '123456'), { ok: true });
    assert.equal(r.seen.length, 1);
    assert.equal(r.seen[0].userName, 'alice');
    assert.equal(r.seen[0].password, '123456');
    assert.equal(r.seen[0].nasIdentifier, 'broker-1');
    assert.ok(r.seen[0].messageAuthenticatorOk && r.seen[0].messageAuthenticatorFirst);
  });

  it('Access-Reject is a result, not an error', async () => {
    mode = 'accept';
    assert.deepEqual(await client().verify('alice', '654321'), { ok: false, reason: 'rejected' });
    mode = 'reject';
    assert.deepEqual(await client().verify('alice', '123456'), { ok: false, reason: 'rejected' });
  });

  it('Access-Challenge is a refusal carrying the Reply-Message', async () => {
    mode = 'challenge';
    assert.deepEqual(await client().verify('alice', '123456'), { ok: false, reason: 'challenge', message: 'Enter the second code' });
  });

  it('retransmits the same packet after each timeout and takes a late answer', async () => {
    mode = 'second-try';
    r.seen.length = 0;
    assert.deepEqual(await client({ timeoutMs: 150, retries: 2 }).verify('alice', '123456'), { ok: true });
    assert.equal(r.seen.length, 2);
    assert.deepEqual(r.seen[1].raw, r.seen[0].raw, 'a retransmission is byte-identical (same identifier and authenticator)');
  });

  it('a silent server: MfaUnavailableError after timeoutMs × (retries + 1), never a hang', async () => {
    mode = 'silent';
    r.seen.length = 0;
    const t0 = Date.now();
    await assert.rejects(client({ timeoutMs: 100, retries: 2 }).verify('alice', '123456'), (e: unknown) => {
      assert.ok(e instanceof MfaUnavailableError);
      assert.equal(e.reason, 'timeout');
      assert.match(e.message, /did not answer \(3 attempts of 100 ms\)/);
      assert.ok(!e.message.includes('123456') && !e.message.includes(SECRET));
      return true;
    });
    assert.ok(Date.now() - t0 >= 290);
    assert.equal(r.seen.length, 3);
  });

  it('answers signed with another shared secret are discarded; the error says the answers did not verify', async () => {
    mode = 'wrong-secret';
    await assert.rejects(client({ timeoutMs: 150, retries: 1 }).verify('alice', '123456'), (e: unknown) => {
      assert.ok(e instanceof MfaUnavailableError);
      assert.equal(e.reason, 'bad-response');
      assert.match(e.message, /no answer verified .*Response Authenticator does not verify \(wrong shared secret\?\)/);
      assert.ok(!e.message.includes(SECRET));
      return true;
    });
  });

  it('ignores stray identifiers and forged answers, and takes the genuine one that follows', async () => {
    mode = 'stray-then-accept';
    assert.deepEqual(await client().verify('alice', '123456'), { ok: true });
  });

  it('a genuine-looking answer from another port is ignored', async () => {
    mode = 'silent';
    r.seen.length = 0;
    const spoof = createSocket('udp4');
    await new Promise<void>((res) => spoof.bind(0, '127.0.0.1', res));
    try {
      const pending = client({ timeoutMs: 300 }).verify('alice', '123456');
      while (r.seen.length === 0) await new Promise((res) => setTimeout(res, 5));
      const req = r.seen[0];
      // correctly signed (the spoofer knows the secret) but not from the server's address and port
      spoof.send(encodeResponse({ code: CODE.AccessAccept, identifier: req.identifier, messageAuthenticator: true }, SECRET, req.authenticator), req.clientPort, '127.0.0.1');
      await assert.rejects(pending, (e: unknown) => e instanceof MfaUnavailableError && e.reason === 'timeout');
    } finally {
      spoof.close();
    }
  });

  it('requireMessageAuthenticator refuses answers without one', async () => {
    mode = 'no-ma';
    assert.deepEqual(await client().verify('alice', '123456'), { ok: true });
    await assert.rejects(client({ requireMessageAuthenticator: true, timeoutMs: 150 }).verify('alice', '123456'), /no Message-Authenticator, which this client requires/);
  });

  it('an unresolvable host name and a too-long code are clear errors', async () => {
    await assert.rejects(new RadiusClient({ host: 'no-such-host.invalid', port: 1812, secret: 's' }).verify('alice', '1'), (e: unknown) => e instanceof MfaUnavailableError && e.reason === 'network' && /cannot resolve/.test(e.message));
    await assert.rejects(client().verify('alice', 'x'.repeat(200)), /too long/);
  });
});
