// The connector remembers which upstream user a bind name means (names only): a repeated bind costs the DC one
// operation; a user moved upstream is found again after one refused bind; a wrong password is tried once per
// user, so the DC's lockout counts one attempt; with nameCacheSeconds 0 every bind looks the name up.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { Client } from 'ldapts';
import { encodeBindResponse, encodeResult, encodeSearchEntry } from '../../../../server/ldap/encode-response.ts';
import { type Behaviour, type FakeDc, startFakeDc } from './fake-dc.ts';
import { connectorConfig, type Served, serveConnector } from './connector-harness.ts';

const BASE = 'dc=onprem,dc=example,dc=com';

/** A DC with one user, alice, at `where.dn` with password `where.password`; counts binds and searches. */
function dcWith(where: { dn: string; password: string }, counts: { binds: string[]; searches: number }): Behaviour {
  return (msg, socket) => {
    const r = msg.request;
    if (r.op === 'bind') {
      const pw = r.auth.kind === 'simple' ? r.auth.password.toString() : '';
      if (r.name !== '' && !r.name.startsWith('cn=svc')) counts.binds.push(r.name);
      const ok = r.name === '' || r.name.startsWith('cn=svc') || (r.name.toLowerCase() === where.dn.toLowerCase() && pw === where.password);
      socket.write(encodeBindResponse(msg.id, ok ? { resultCode: 0 } : { resultCode: 49, diagnostic: '' }));
    } else if (r.op === 'search') {
      counts.searches++;
      const text = JSON.stringify(r.filter, (_k, v: unknown) => (v && typeof v === 'object' && (v as { type?: string }).type === 'Buffer' ? Buffer.from((v as { data: number[] }).data).toString() : v));
      const wanted = text.includes('"alice"') || r.base.toLowerCase() === where.dn.toLowerCase();
      if (wanted) socket.write(encodeSearchEntry(msg.id, where.dn, [['uid', ['alice']], ['objectClass', ['inetOrgPerson']]], false));
      socket.write(encodeResult(msg.id, 0x65, { resultCode: 0 }));
    }
  };
}

describe('ad-connector name cache', () => {
  const open: Array<FakeDc | Served> = [];
  after(async () => {
    for (const x of open.reverse()) await x.close();
  });
  const setup = async (nameCacheSeconds: number) => {
    const where = { dn: `uid=alice,ou=People,${BASE}`, password: 'Alice-Pass-1' };
    const counts = { binds: [] as string[], searches: 0 };
    const dc = await startFakeDc(dcWith(where, counts));
    const served = await serveConnector(connectorConfig([dc.url], {}, { nameCacheSeconds }));
    open.push(dc, served);
    const bind = async (name: string, password: string) => {
      const c = new Client({ url: served.url });
      try {
        await c.bind(name, password);
        return 0;
      } catch (e) {
        return (e as { code: number }).code;
      } finally {
        await c.unbind().catch(() => {});
      }
    };
    return { where, counts, bind };
  };

  it('a repeated bind by name costs the DC the bind only', async () => {
    const { counts, bind } = await setup(60);
    assert.equal(await bind('ONPREM\\alice', 'Alice-Pass-1'), 0);
    const looked = counts.searches;
    assert.equal(looked, 1);
    for (let i = 0; i < 3; i++) assert.equal(await bind('ONPREM\\alice', 'Alice-Pass-1'), 0);
    assert.equal(counts.searches, looked, 'no more look-ups');
    assert.equal(counts.binds.length, 4, 'every bind still goes to the DC as the user');
  });

  it('finds a user moved upstream after one refused bind; a wrong password is tried once', async () => {
    const { where, counts, bind } = await setup(60);
    assert.equal(await bind('alice@onprem.example.com', 'Alice-Pass-1'), 0);
    where.dn = `uid=alice,ou=Moved,${BASE}`;
    counts.binds.length = 0;
    assert.equal(await bind('alice@onprem.example.com', 'Alice-Pass-1'), 0, 'bound at the new DN');
    assert.deepEqual(counts.binds, [`uid=alice,ou=People,${BASE}`, `uid=alice,ou=Moved,${BASE}`]);
    counts.binds.length = 0;
    assert.equal(await bind('alice@onprem.example.com', 'wrong'), 49);
    assert.deepEqual(counts.binds, [`uid=alice,ou=Moved,${BASE}`], 'one attempt at the DC for one wrong password');
    where.password = 'Changed-Pass-2';
    assert.equal(await bind('alice@onprem.example.com', 'Alice-Pass-1'), 49, 'a password changed upstream applies at once');
    assert.equal(await bind('alice@onprem.example.com', 'Changed-Pass-2'), 0);
  });

  it('with nameCacheSeconds 0, every bind looks the name up', async () => {
    const { counts, bind } = await setup(0);
    for (let i = 0; i < 3; i++) assert.equal(await bind('ONPREM\\alice', 'Alice-Pass-1'), 0);
    assert.equal(counts.searches, 3);
  });
});
