// StartTLS (ldapjs had none) and LDAPS, with the committed self-signed test certificate
// (test/fixtures/ldap/make-cert.sh).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bindReq, msg, RawClient, startLdap, TLS, tlsClient } from './harness.ts';
import { octets, tlv } from '../../../server/ber/ber.ts';

const startTlsReq = (id: number): Buffer => msg(id, tlv(0x77, [octets('1.3.6.1.4.1.1466.20037', 0x80)]));

describe('LDAP over TLS', () => {
  it('upgrades with StartTLS, then binds and answers Who am I? over TLS', async () => {
    const h = await startLdap({ tls: TLS, startTls: true });
    try {
      const c = h.client();
      await c.startTLS(tlsClient());
      await c.bind('CORP\\alice', 'Alice!pass1');
      assert.equal((await c.exop('1.3.6.1.4.1.4203.1.11.3')).value, 'u:CORP\\alice');
      const dse = await c.search('', { scope: 'base', attributes: ['supportedExtension'] });
      assert.ok((dse.searchEntries[0].supportedExtension as string[]).includes('1.3.6.1.4.1.1466.20037'));
    } finally {
      await h.close();
    }
  });

  it('refuses a second StartTLS (1) and StartTLS where not offered (2)', async () => {
    const h = await startLdap({ tls: TLS, startTls: true });
    const plain = await startLdap();
    try {
      const c = h.client();
      await c.startTLS(tlsClient());
      await assert.rejects(c.exop('1.3.6.1.4.1.1466.20037'), (e: unknown) => (e as { code: number }).code === 1);
      const raw = await RawClient.connect(plain.port);
      raw.send(startTlsReq(1));
      assert.equal((await raw.next())?.resultCode, 2);
      raw.send(bindReq(2, 'CORP\\alice', 'Alice!pass1'));
      assert.equal((await raw.next())?.resultCode, 0, 'the connection is still usable');
      raw.end();
    } finally {
      await h.close();
      await plain.close();
    }
  });

  it('serves LDAPS and survives a client that is not speaking TLS', async () => {
    const h = await startLdap({ tls: TLS });
    try {
      assert.ok(h.url.startsWith('ldaps://'));
      const raw = await RawClient.connect(h.port);
      raw.send(bindReq(1, 'CORP\\alice', 'Alice!pass1'));
      assert.equal(await raw.next(), undefined, 'plain LDAP on the LDAPS port is dropped');
      const c = h.client();
      await c.bind('alice@corp.example.com', 'Alice!pass1');
      const tlsRaw = await RawClient.connect(h.port, true);
      tlsRaw.send(bindReq(1, 'CORP\\alice', 'Alice!pass1'));
      assert.equal((await tlsRaw.next())?.resultCode, 0);
      tlsRaw.end();
    } finally {
      await h.close();
    }
  });
});
