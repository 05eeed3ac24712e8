// LDAP base searches per second on one persistent connection (bind once, then sequential base
// searches with ldapts over loopback): our listener vs a stock ldapjs 3.0.7 server with an
// equivalent handler, and vs ldapjs with TCP_NODELAY turned on by hand, in the same run.
// Both sides serve the same fixed entry, so the difference is the protocol front end.
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

async function measure(url: string): Promise<number> {
  const client = new Client({ url, timeout: 5000 });
  await client.bind(DN, 'secret');
  for (let i = 0; i < 20; i++) await client.search(DN, { scope: 'base' }); // warm-up
  const start = performance.now();
  let n = 0;
  while (n < MAX_SEARCHES && performance.now() - start < DURATION_MS) {
    const r = await client.search(DN, { scope: 'base', attributes: ['cn', 'mail'] });
    if (r.searchEntries.length !== 1) throw new Error('bench: expected one entry');
    n++;
  }
  const rate = n / ((performance.now() - start) / 1000);
  await client.unbind();
  return rate;
}

export default async function run(): Promise<void> {
  const ours = await createLdapListener({ backend, port: 0 });
  const oursRate = await measure(`ldap://127.0.0.1:${ours.address().port}`);
  await ours.close();
  const stock = await stockLdapjs(false);
  const stockRate = await measure(stock.url);
  await stock.close();
  const tuned = await stockLdapjs(true);
  const tunedRate = await measure(tuned.url);
  await tuned.close();
  const f = (x: number): string => x.toFixed(0).padStart(8);
  console.log(`LDAP base search, 1 connection, sequential (≤${DURATION_MS} ms each)`);
  console.log(`  idbroker listener          ${f(oursRate)} searches/s`);
  console.log(`  ldapjs 3.0.7 stock         ${f(stockRate)} searches/s   ratio ${(oursRate / stockRate).toFixed(1)}x`);
  console.log(`  ldapjs 3.0.7 + setNoDelay  ${f(tunedRate)} searches/s   ratio ${(oursRate / tunedRate).toFixed(2)}x`);
}
