// The bind pool's own connection (BindConnection) against fake DCs: success, the DC's refusal relayed as an
// LDAP answer (ldapts' ResultCodeError, code and diagnostic unchanged), and every transport failure — garbage,
// a close mid-response, silence (bounded by the timeout), a notice of disconnection, a wrong message id —
// as a plain error with the connection dropped.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { ResultCodeError } from 'ldapts';
import { BindConnection } from '../../../../adapters/directory/ad-connector/bind-connection.ts';
import { encodeBindResponse, encodeNoticeOfDisconnection } from '../../../../server/ldap/encode-response.ts';
import { answering, closesMidResponse, type FakeDc, garbage, silent, startFakeDc } from './fake-dc.ts';

const OPTS = { timeoutMs: 300, tls: {}, startTls: false };

describe('BindConnection', () => {
  const dcs: FakeDc[] = [];
  after(async () => {
    for (const d of dcs) await d.close();
  });
  const dc = async (b: Parameters<typeof startFakeDc>[0]) => {
    const d = await startFakeDc(b);
    dcs.push(d);
    return d;
  };

  it('binds, and relays a refusal as the DC sent it; the connection stays usable', async () => {
    const d = await dc(answering({ 'uid=bad': { resultCode: 49, diagnostic: '80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 52e, v4563' } }));
    const c = await BindConnection.open(d.url, OPTS);
    await c.bind('uid=good', 'pw');
    await assert.rejects(c.bind('uid=bad', 'pw'), (e: unknown) => e instanceof ResultCodeError && e.code === 49 && e.message.startsWith('80090308: LdapErr') && e.message.includes('data 52e'));
    assert.equal(c.isConnected, true);
    await c.bind('uid=good', 'pw');
    await c.unbind();
    assert.equal(c.isConnected, false);
  });

  for (const [name, behaviour, why] of [
    ['garbage', garbage, /./],
    ['a close in the middle of the response', closesMidResponse, /closed/],
    ['silence', silent, /timed out/],
    ['a notice of disconnection', ((_m, s) => s.write(encodeNoticeOfDisconnection(52, 'going down'))) as Parameters<typeof startFakeDc>[0], /notice of disconnection/],
    ['a wrong message id', ((m, s) => s.write(encodeBindResponse(m.id + 7, { resultCode: 0 }))) as Parameters<typeof startFakeDc>[0], /Unexpected message id/],
  ] as const) {
    it(`treats ${name} as a transport failure and drops the connection`, async () => {
      const d = await dc(behaviour);
      const c = await BindConnection.open(d.url, OPTS);
      await assert.rejects(c.bind('uid=x', 'pw'), (e: unknown) => !(e instanceof ResultCodeError) && why.test((e as Error).message));
      assert.equal(c.isConnected, false);
      await assert.rejects(c.bind('uid=x', 'pw'), /Connection closed/);
    });
  }

  it('fails to open within the timeout when nothing listens', async () => {
    await assert.rejects(BindConnection.open('ldap://127.0.0.1:9', OPTS), /ECONNREFUSED|timed out/);
  });
});
