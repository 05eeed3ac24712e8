// ad-connector to a slapd DC over LDAPS and StartTLS verified with `caFile` (and refused without
// it), plus the optional group cache (groupCacheSeconds). Skips when slapd is not installed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, ResultCodeError } from 'ldapts';
import { ONPREM_BASE, ONPREM_PASSWORDS, type Slapd, slapdMissing, startSlapd, userDn } from '../../helpers/slapd.ts';
import { connectorConfig, serveConnector } from '../../adapters/directory/ad-connector/connector-harness.ts';

async function bindVia(url: string, name: string, password: string): Promise<number> {
  const c = new Client({ url, strictDN: false, timeout: 10_000 });
  try {
    await c.bind(name, password);
    return 0;
  } catch (e) {
    if (e instanceof ResultCodeError) return e.code;
    throw e;
  } finally {
    await c.unbind().catch(() => {});
  }
}

describe('ad-connector over TLS, and its group cache', { skip: slapdMissing() ?? false }, () => {
  let dc: Slapd;
  before(async () => {
    dc = await startSlapd({ tls: true });
  });
  after(() => dc?.destroy());

  for (const [mode, upstream] of [
    ['ldaps://', () => ({ urls: [dc.ldapsUrl!], caFile: dc.caFile })],
    ['StartTLS', () => ({ urls: [dc.url], startTls: true, caFile: dc.caFile })],
  ] as const) {
    it(`${mode} verified with caFile: binds and wrong passwords as over plain LDAP`, async () => {
      const s = await serveConnector(connectorConfig([], upstream()));
      try {
        assert.equal(await bindVia(s.url, 'ONPREM\\alice', ONPREM_PASSWORDS.alice), 0);
        assert.equal(await bindVia(s.url, 'ONPREM\\alice', 'wrong'), 49);
      } finally {
        await s.close();
      }
    });

    it(`${mode} to a certificate outside caFile: unavailable (52), not a downgrade`, async () => {
      const { caFile: _ignored, ...noCa } = upstream();
      const s = await serveConnector(connectorConfig([], noCa));
      try {
        assert.equal(await bindVia(s.url, 'ONPREM\\alice', ONPREM_PASSWORDS.alice), 52);
        assert.match(s.connector.health()[0].lastError ?? '', /certificate/i);
      } finally {
        await s.close();
      }
    });
  }

  it('groupCacheSeconds > 0 keeps groups for that long; 0 (default) reads them every time', async () => {
    const cached = await serveConnector(connectorConfig([dc.url], {}, { groupCacheSeconds: 60 }));
    const live = await serveConnector(connectorConfig([dc.url]));
    const bob = { dn: userDn('bob'), name: 'ONPREM\\bob' };
    const ops = `cn=ops,ou=Groups,${ONPREM_BASE}`;
    try {
      assert.ok((await cached.connector.backend.groupsOf(bob)).includes(ops));
      assert.ok((await live.connector.backend.groupsOf(bob)).includes(ops));
      await dc.modify(`dn: ${ops}\nchangetype: modify\nreplace: member\nmember: ${userDn('carol')}\n`);
      assert.ok((await cached.connector.backend.groupsOf(bob)).includes(ops), 'cached');
      assert.ok(!(await live.connector.backend.groupsOf(bob)).includes(ops), 'not cached');
    } finally {
      await cached.close();
      await live.close();
    }
  });
});
