// The connector against misbehaving fake DCs (no slapd needed): silent, garbage, closing in the
// middle of a response, refusing; AD diagnostics passed through; the pool's busy answer.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { type AdConnector, openAdConnector, UpstreamLdapError } from '../../../../adapters/directory/ad-connector/index.ts';
import { DomainControllers } from '../../../../adapters/directory/ad-connector/domain-controllers.ts';
import { ServicePool } from '../../../../adapters/directory/ad-connector/service-pool.ts';
import { DEFAULT_BREAKER } from '../../../../adapters/directory/ad-connector/circuit-breaker.ts';
import { LdapError } from '../../../../server/contracts/directory.ts';
import { freePort } from '../../../helpers/process.ts';
import { connectorConfig } from './connector-harness.ts';
import { answering, bindsThen, closesMidResponse, type FakeDc, garbage, silent, startFakeDc } from './fake-dc.ts';

const quiet = { info() {}, warn() {}, error() {} };
const BASE = 'dc=onprem,dc=example,dc=com';
const ALICE = `CN=alice,CN=Users,${BASE}`;
const resultOf = async (p: Promise<unknown>) =>
  p.then(
    () => 0,
    (e) => (e instanceof LdapError ? e.resultCode : Promise.reject(e)),
  );
const drain = async (it: AsyncIterable<unknown>) => {
  const out = [];
  for await (const x of it) out.push(x);
  return out;
};
const ANY = { type: 'present', attribute: 'objectClass' } as const;
const searchOpts = { principal: { dn: ALICE, name: 'ONPREM\\alice' }, attributes: [], sizeLimit: 0 };

describe('ad-connector against misbehaving DCs', () => {
  const dcs: FakeDc[] = [];
  const connectors: AdConnector[] = [];
  const fake = async (b: Parameters<typeof startFakeDc>[0]) => {
    const d = await startFakeDc(b);
    dcs.push(d);
    return d;
  };
  const open = async (urls: string[], timeoutMs = 300) => {
    const c = await openAdConnector({ config: connectorConfig(urls, { timeoutMs }), logger: quiet, healthCheckIntervalMs: 0, breaker: { cooldownMs: 60_000 } });
    connectors.push(c);
    return c;
  };
  after(async () => {
    for (const c of connectors) await c.close();
    for (const d of dcs) await d.close();
  });

  it('passes an AD bind failure through byte for byte, with its data code', async () => {
    const diag = '80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563\u0000';
    const dc = await fake(answering({ [ALICE]: { resultCode: 49, diagnostic: diag } }));
    const c = await open([dc.url]);
    const err = await c.backend.bind(ALICE, 'pw').then(
      () => assert.fail('bound'),
      (e: unknown) => e,
    );
    assert.ok(err instanceof UpstreamLdapError);
    assert.deepEqual([err.resultCode, err.diagnostic, err.adCode], [49, diag, '775']);
  });

  it('a service account the DC refuses: unavailable (52) for searches, logged as an error without its password', async () => {
    const dc = await fake(answering({ 'cn=svc-idbroker,ou=Service,dc=onprem,dc=example,dc=com': { resultCode: 49, diagnostic: 'nope' } }));
    const logs: string[] = [];
    const log = (o: object, m?: string) => logs.push(`${m} ${JSON.stringify(o)}`);
    const c = await openAdConnector({ config: connectorConfig([dc.url]), logger: { info: log, warn: log, error: log }, healthCheckIntervalMs: 0 });
    connectors.push(c);
    assert.equal(await resultOf(drain(c.backend.search(BASE, 'sub', ANY, searchOpts))), 52);
    assert.equal(await resultOf(c.backend.bind('ONPREM\\alice', 'pw')), 52);
    assert.equal(c.health()[0].state, 'closed', 'the DC answered: it is up');
    assert.ok(logs.some((l) => l.includes('service account bind was refused')));
    assert.ok(!logs.join().includes('Svc-Pass-1'));
  });

  it('a silent DC: unavailable after the timeout, then skipped at once (circuit open)', async () => {
    const dc = await fake(silent);
    const c = await open([dc.url]);
    assert.equal(await resultOf(c.backend.bind('ONPREM\\alice', 'pw')), 52);
    assert.equal(c.health()[0].state, 'open');
    const seen = dc.connections;
    assert.equal(await resultOf(c.backend.bind('ONPREM\\alice', 'pw')), 52);
    assert.equal(await resultOf(drain(c.backend.search(BASE, 'sub', ANY, searchOpts))), 52);
    assert.equal(dc.connections, seen, 'no new connection to an open circuit');
  });

  it('garbage or a connection closed mid-response: unavailable, no crash; fails over when nothing was returned yet', async () => {
    const good = await fake(answering({}, [[`uid=bob,${BASE}`, { uid: ['bob'] }]]));
    for (const bad of [garbage, bindsThen(closesMidResponse), bindsThen(garbage)]) {
      const dc = await fake(bad);
      const alone = await open([dc.url]);
      assert.equal(await resultOf(drain(alone.backend.search(BASE, 'sub', ANY, searchOpts))), 52);
      const pair = await open([dc.url, good.url]);
      const entries = await drain(pair.backend.search(BASE, 'sub', ANY, searchOpts));
      assert.deepEqual(
        entries.map((e) => (e as { dn: string }).dn),
        [`uid=bob,${BASE}`],
      );
    }
  });

  it('a refused port: unavailable; once a DC listens there, the connector uses it after the cool-down', async () => {
    const port = await freePort();
    let ms = 0; // the breaker's clock
    const c = await openAdConnector({ config: connectorConfig([`ldap://127.0.0.1:${port}`]), logger: quiet, healthCheckIntervalMs: 0, breaker: { cooldownMs: 1000, now: () => ms } });
    connectors.push(c);
    assert.equal(await resultOf(c.backend.bind('ONPREM\\alice', 'pw')), 52);
    assert.equal(c.health()[0].lastError?.startsWith('ECONNREFUSED'), true);
    dcs.push(await startFakeDc(answering({}, [[ALICE, { sAMAccountName: ['alice'] }]]), port));
    assert.equal(c.health()[0].state, 'open', 'skipped during the cool-down');
    ms += 1000;
    const r = await c.backend.bind('alice@onprem.example.com', 'pw');
    assert.deepEqual(r, { ok: true, principal: { dn: ALICE, name: 'ONPREM\\alice' } });
    assert.equal(c.health()[0].state, 'closed');
  });

  it('the service pool answers busy (51) when every connection stays taken past the timeout', async () => {
    const dc = await fake(answering());
    const list = new DomainControllers({ urls: [dc.url], startTls: false, timeoutMs: 200 }, DEFAULT_BREAKER, quiet);
    const pool = new ServicePool(list, () => ({ username: 'cn=svc', password: 'pw' }), { max: 1, maxIdle: 1 }, quiet);
    try {
      const lease = await pool.acquire();
      assert.equal(await resultOf(pool.acquire()), 51);
      const waiting = pool.acquire();
      pool.release(lease);
      const again = await waiting;
      assert.equal(again.client, lease.client, 'the idle connection is reused');
      pool.release(again);
    } finally {
      await pool.close();
    }
  });
});
