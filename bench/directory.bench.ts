// simple-ad against a real OpenLDAP slapd loaded with the same 10,000 users, same run, 16 connections each:
// equality searches on the account name (sAMAccountName vs uid, both indexed) and binds (both stored as
// {SSHA}; simple-ad rehashes to scrypt on the first good bind, so its binds pay a memory-hard hash that
// slapd's do not — reported as measured). Also groupsOf and an in-chain search for a user in 500 groups
// nested 10 deep. Skips with a message when slapd is not installed.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { openSimpleAd } from '../adapters/directory/simple-ad/index.ts';
import { openSqliteStore } from '../adapters/store/sqlite/index.ts';
import { parseConfig } from '../config/load.ts';
import { createLdapListener } from '../server/ldap/index.ts';
import { slapdMissing, startSlapd } from '../test/helpers/slapd.ts';

const USERS = Number(process.env.BENCH_DIRECTORY_USERS ?? 10_000);
const CONNECTIONS = 16;
const SECONDS = 2;
const BIND_USERS = 64;
const PASSWORD = 'Bench-Passw0rd!';

function ssha(password: string): string {
  const salt = randomBytes(8);
  return '{SSHA}' + Buffer.concat([createHash('sha1').update(password).update(salt).digest(), salt]).toString('base64');
}

async function rate(url: string, login: { dn: string; password: string }, op: (c: Client, i: number) => Promise<void>): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const c = new Client({ url });
      await c.bind(login.dn, login.password);
      return c;
    }),
  );
  let n = 0;
  const until = Date.now() + SECONDS * 1000;
  await Promise.all(
    clients.map(async (c, k) => {
      for (let i = k; Date.now() < until; i += CONNECTIONS) {
        await op(c, i);
        n++;
      }
    }),
  );
  await Promise.all(clients.map((c) => c.unbind().catch(() => {})));
  return n / SECONDS;
}

export default async function run(): Promise<void> {
  const missing = slapdMissing();
  if (missing) {
    console.log(`directory: skipped (${missing})`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'idbroker-bench-dir-'));
  const hash = ssha(PASSWORD);
  // slapd: the same users as inetOrgPerson entries
  const base = 'dc=corp,dc=example,dc=com';
  const ldif = [`dn: ${base}\nobjectClass: dcObject\nobjectClass: organization\no: corp\ndc: corp\n`, `dn: ou=People,${base}\nobjectClass: organizationalUnit\nou: People\n`];
  for (let i = 0; i < USERS; i++) ldif.push(`dn: uid=user${i},ou=People,${base}\nobjectClass: inetOrgPerson\nuid: user${i}\ncn: user${i}\nsn: user${i}\nuserPassword: ${hash}\n`);
  writeFileSync(join(dir, 'bench.ldif'), ldif.join('\n'));
  const slapd = await startSlapd({ ldif: join(dir, 'bench.ldif'), suffix: base });

  // simple-ad: the same users (imported {SSHA}), plus 500 groups in 50 chains nested 10 deep around one user
  const users = Array.from({ length: USERS }, (_, i) => `        - { username: user${i}, passwordHash: "${hash}" }`).join('\n');
  const groups: string[] = [];
  for (let chain = 0; chain < 50; chain++) {
    for (let depth = 0; depth < 10; depth++) {
      const members = depth === 0 ? '[user0]' : `[g${chain}-${depth - 1}]`;
      groups.push(`        - { name: g${chain}-${depth}, members: ${members} }`);
    }
  }
  const config = parseConfig(
    `accounts: [{ id: "111122223333" }]
directories:
  - id: d-1000000001
    type: simple-ad
    dnsName: corp.example.com
    netbiosName: CORP
    size: large
    adminPassword: "Bench-Adm1n-Passw0rd"
    seed:
      groups:
${groups.join('\n')}
      users:
${users}
`,
    {},
    'bench',
  );
  const store = await openSqliteStore(join(dir, 'bench.db'));
  const t0 = Date.now();
  const { backend } = await openSimpleAd({ store, config: config.directories[0] });
  const loadMs = Date.now() - t0;
  const listener = await createLdapListener({ backend, host: '127.0.0.1', port: 0 });
  const ours = `ldap://127.0.0.1:${listener.address().port}`;
  try {
    const admin = { dn: 'Administrator@corp.example.com', password: 'Bench-Adm1n-Passw0rd' };
    const root = { dn: slapd.rootDn, password: slapd.rootPassword };
    const searchOurs = await rate(ours, admin, async (c, i) => {
      await c.search('DC=corp,DC=example,DC=com', { scope: 'sub', filter: `(sAMAccountName=user${i % USERS})`, attributes: ['cn'] });
    });
    const searchSlapd = await rate(slapd.url, root, async (c, i) => {
      await c.search(base, { scope: 'sub', filter: `(uid=user${i % USERS})`, attributes: ['cn'] });
    });
    // binds: warm the first BIND_USERS (simple-ad rehashes {SSHA} to scrypt on the first good bind)
    for (let i = 0; i < BIND_USERS; i++) await backend.bind(`CORP\\user${i}`, PASSWORD);
    const bindOurs = await rate(ours, admin, async (c, i) => {
      await c.bind(`CORP\\user${i % BIND_USERS}`, PASSWORD);
    });
    const bindSlapd = await rate(slapd.url, root, async (c, i) => {
      await c.bind(`uid=user${i % BIND_USERS},ou=People,${base}`, PASSWORD);
    });
    // nested groups: groupsOf and the in-chain rule for user0 (500 groups, 10 deep)
    const principal = { dn: '', name: 'CORP\\user0' };
    const bound = await backend.bind('CORP\\user0', PASSWORD);
    if (bound.ok) principal.dn = bound.principal.dn;
    const c = new Client({ url: ours });
    await c.bind(admin.dn, admin.password);
    const times = async (fn: () => Promise<unknown>) => {
      const t: number[] = [];
      for (let i = 0; i < 20; i++) {
        const s = process.hrtime.bigint();
        await fn();
        t.push(Number(process.hrtime.bigint() - s) / 1e6);
      }
      return t.sort((a, b) => a - b)[10];
    };
    let groupCount = 0;
    const groupsOfMs = await times(async () => (groupCount = (await backend.groupsOf(principal)).length));
    const inChainMs = await times(() => c.search('DC=corp,DC=example,DC=com', { scope: 'sub', filter: `(member:1.2.840.113556.1.4.1941:=${principal.dn})`, attributes: ['cn'] }));
    await c.unbind();
    console.log(`directory: ${USERS} users (simple-ad loaded from the store in ${loadMs} ms), ${CONNECTIONS} connections, ${SECONDS} s per measure`);
    console.log(`  equality search   simple-ad ${searchOurs.toFixed(0).padStart(6)}/s   slapd ${searchSlapd.toFixed(0).padStart(6)}/s   ratio ${(searchOurs / searchSlapd).toFixed(2)} (goal ≥ 0.5)`);
    console.log(`  bind              simple-ad ${bindOurs.toFixed(0).padStart(6)}/s   slapd ${bindSlapd.toFixed(0).padStart(6)}/s   ratio ${(bindOurs / bindSlapd).toFixed(2)} (scrypt N=2^15 vs salted SHA-1)`);
    console.log(`  user in ${groupCount} groups nested 10 deep: groupsOf ${groupsOfMs.toFixed(2)} ms, in-chain search ${inChainMs.toFixed(2)} ms (median of 20; goal < 20 ms)`);
  } finally {
    await listener.close();
    await store.close();
    await slapd.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
