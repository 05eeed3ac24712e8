// LDAP operations per second on one persistent connection (ldapts over loopback, sequential): our listener vs a
// stock ldapjs 3.0.7 server with an equivalent handler, and vs ldapjs with TCP_NODELAY turned on by hand, in the
// same run. Two workloads: base searches after one bind, and bind+search pairs (what an LDAP application does for
// each user sign-in: bind, then look the user up). Both sides answer from the same fixed entry with a trivial
// bind, so the difference is the protocol front end (docs/architecture.md records a run).
import type { AddressInfo } from 'node:net';
import ldapjs from 'ldapjs';
import { Client } from 'ldapts';
import { Entry, type DirectoryBackend } from '../server/contracts/directory.ts';
import { createLdapListener } from '../server/ldap/listener.ts';

const DN = 'cn=alice,cn=users,dc=corp,dc=example,dc=com';
const ATTRS = { objectclass: ['top', 'person', 'user'], cn: 'alice', mail: 'alice@corp.example.com', description: 'bench entry' };
const DURATION_MS = Number(process.env.BENCH_LDAP_MS ?? 1500);
const MAX_SEARCHES = Number(process.env.BENCH_LDAP_SEARCHES ?? 20000);

const backend: DirectoryBackend = {
  kind: 'simple-ad',
  domain: { dnsName: 'corp.example.com', netbiosName: 'CORP', baseDN: 'dc=corp,dc=example,dc=com' },
  bind: async () => ({ ok: true, principal: { dn: DN, name: 'CORP\\alice' } }),
  async *search() {
    yield new Entry(DN, ATTRS);
  },
  groupsOf: async () => [],
};

async function stockLdapjs(noDelay: boolean): Promise<{ url: string; close(): Promise<void> }> {
  const server = ldapjs.createServer();
  server.on('error', () => {});
  if (noDelay) (server as unknown as { server: import('node:net').Server }).server.on('connection', (s) => s.setNoDelay(true));
  server.bind('', (_req: unknown, res: { end(): void }, next: () => void) => {
    res.end();
    next();
  });
  server.search('', (_req: unknown, res: { send(e: object): void; end(): void }, next: () => void) => {
    res.send({ dn: DN, attributes: ATTRS });
    res.end();
    next();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  const port = ((server as unknown as { server: import('node:net').Server }).server.address() as AddressInfo).port;
  return { url: `ldap://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(() => r())) };
}

async function measure(url: string, bindEach: boolean): Promise<number> {
  const client = new Client({ url, timeout: 5000 });
  await client.bind(DN, 'secret');
  for (let i = 0; i < 20; i++) await client.search(DN, { scope: 'base' }); // warm-up
  const start = performance.now();
  let n = 0;
  while (n < MAX_SEARCHES && performance.now() - start < DURATION_MS) {
    if (bindEach) await client.bind(DN, 'secret');
    const r = await client.search(DN, { scope: 'base', attributes: ['cn', 'mail'] });
    if (r.searchEntries.length !== 1) throw new Error('bench: expected one entry');
    n++;
  }
  const rate = n / ((performance.now() - start) / 1000);
  await client.unbind();
  return rate;
}

async function compare(bindEach: boolean): Promise<void> {
  const ours = await createLdapListener({ backend, port: 0 });
  const oursRate = await measure(`ldap://127.0.0.1:${ours.address().port}`, bindEach);
  await ours.close();
  const stock = await stockLdapjs(false);
  const stockRate = await measure(stock.url, bindEach);
  await stock.close();
  const tuned = await stockLdapjs(true);
  const tunedRate = await measure(tuned.url, bindEach);
  await tuned.close();
  const f = (x: number): string => x.toFixed(0).padStart(8);
  const unit = bindEach ? 'bind+search/s' : 'searches/s';
  console.log(`LDAP ${bindEach ? 'bind + base search pairs' : 'base search after one bind'}, 1 connection, sequential (≤${DURATION_MS} ms each)`);
  console.log(`  idbroker listener          ${f(oursRate)} ${unit}`);
  console.log(`  ldapjs 3.0.7 stock         ${f(stockRate)} ${unit}   ratio ${(oursRate / stockRate).toFixed(1)}x`);
  console.log(`  ldapjs 3.0.7 + setNoDelay  ${f(tunedRate)} ${unit}   ratio ${(oursRate / tunedRate).toFixed(2)}x`);
}

export default async function run(): Promise<void> {
  await compare(false);
  await compare(true);
}
