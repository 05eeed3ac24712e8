// ad-connector fail-over between two real slapd "DCs": the first stopped mid-test → binds and
// searches go to the second; both stopped → unavailable (52) within a bounded time, never a hang;
// one restarted → the connector recovers by itself. Skips when slapd is not installed.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Client, ResultCodeError } from 'ldapts';
import { ONPREM_BASE, ONPREM_PASSWORDS, ONPREM_SERVICE_DN, type Slapd, slapdMissing, startSlapd, userDn } from '../../helpers/slapd.ts';
import { connectorConfig, type Served, serveConnector } from '../../adapters/directory/ad-connector/connector-harness.ts';

async function attempt(url: string, fn: (c: Client) => Promise<unknown>): Promise<number> {
  const c = new Client({ url, strictDN: false, timeout: 30_000 });
  try {
    await fn(c);
    return 0;
  } catch (e) {
    if (e instanceof ResultCodeError) return e.code;
    throw e;
  } finally {
    await c.unbind().catch(() => {});
  }
}

const bindAlice = (c: Client) => c.bind('alice@onprem.example.com', ONPREM_PASSWORDS.alice);
const searchAsService = async (c: Client) => {
  await c.bind(ONPREM_SERVICE_DN, ONPREM_PASSWORDS['svc-idbroker']);
  const r = await c.search(ONPREM_BASE, { filter: '(uid=bob)', attributes: ['uid'] });
  assert.equal(r.searchEntries.length, 1);
};

for (const bindConnections of ['fresh', 'pooled'] as const) describe(`ad-connector fail-over between two slapd DCs (user binds: ${bindConnections} connections)`, { skip: slapdMissing() ?? false }, () => {
  let dc1: Slapd;
  let dc2: Slapd;
  let served: Served;
  before(async () => {
    [dc1, dc2] = await Promise.all([startSlapd(), startSlapd()]);
    served = await serveConnector(connectorConfig([dc1.url, dc2.url], { timeoutMs: 1000 }), { breaker: { cooldownMs: 200, maxCooldownMs: 400 }, bindConnections });
  });
  after(async () => {
    await served?.close().catch(() => {});
    await Promise.all([dc1?.destroy(), dc2?.destroy()]);
  });

  it('serves from the first DC while both are up', async () => {
    assert.equal(await attempt(served.url, bindAlice), 0);
    assert.equal(await attempt(served.url, searchAsService), 0);
    assert.deepEqual(served.connector.health().map((h) => h.state), ['closed', 'closed']);
  });

  it('first DC stopped: binds and searches still work, through the second', async () => {
    await dc1.stop();
    for (let i = 0; i < 3; i++) {
      assert.equal(await attempt(served.url, bindAlice), 0);
      assert.equal(await attempt(served.url, searchAsService), 0);
    }
    assert.equal(await attempt(served.url, (c) => c.bind('ONPREM\\alice', 'wrong')), 49, 'the second DC still checks passwords');
    assert.equal(served.connector.health()[0].state === 'closed', false);
    assert.ok(served.logs.some((l) => l.includes('unreachable') && l.includes(dc1.url)));
  });

  it('both DCs stopped: unavailable (52) within a bounded time, never a hang', async () => {
    await dc2.stop();
    for (const op of [bindAlice, searchAsService, (c: Client) => c.bind(userDn('bob'), ONPREM_PASSWORDS.bob)]) {
      const t0 = Date.now();
      assert.equal(await attempt(served.url, op), 52);
      assert.ok(Date.now() - t0 < 5_000, `answered in ${Date.now() - t0} ms`);
    }
    await assert.rejects(served.connector.backend.groupsOf({ dn: userDn('alice'), name: 'ONPREM\\alice' }), (e: { resultCode?: number }) => e.resultCode === 52);
  });

  it('a DC back: the connector recovers by itself', async () => {
    await dc2.start();
    let code = -1;
    for (let i = 0; i < 50 && code !== 0; i++) {
      code = await attempt(served.url, bindAlice);
      if (code !== 0) await new Promise((r) => setTimeout(r, 100));
    }
    assert.equal(code, 0);
    assert.equal(await attempt(served.url, searchAsService), 0);
    assert.equal(served.connector.health()[1].state, 'closed');
  });

  it('the first DC back: a health check closes its circuit; with the second stopped it serves alone', async () => {
    await dc1.start();
    await served.connector.checkHealth();
    assert.deepEqual(served.connector.health().map((h) => h.state), ['closed', 'closed']);
    await dc2.stop();
    assert.equal(await attempt(served.url, bindAlice), 0);
    assert.equal(await attempt(served.url, searchAsService), 0);
  });
});
