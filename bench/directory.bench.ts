// simple-ad against a real OpenLDAP slapd loaded with the same 10,000 users, same run, 16 connections each,
// each server in its own process (the broker in a child process, like slapd), one load generator:
// equality searches on the account name (sAMAccountName vs uid, both indexed) and binds. Both servers hold
// the same password hash — crypt scrypt `{CRYPT}$7$` at the broker's default cost (N=2^15, r=8, p=1), which
// slapd verifies through libxcrypt and simple-ad natively — so binds compare equal hash costs. Also groupsOf
// and an in-chain search for a user in 500 groups nested 10 deep. Skips when slapd is not installed.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { cryptScryptHash } from '../adapters/directory/simple-ad/crypt-scrypt.ts';
import { DEFAULT_COST } from '../adapters/directory/simple-ad/passwords.ts';
import { slapdMissing, startSlapd } from '../test/helpers/slapd.ts';
import { startDirectoryServer } from './support/directory-child.ts';
import { CONNECTIONS, rate } from './support/ldap-load.ts';

const USERS = Number(process.env.BENCH_DIRECTORY_USERS ?? 10_000);
const SECONDS = 3;
const BIND_USERS = 64;
const PASSWORD = 'Bench-Passw0rd!';

export default async function run(): Promise<void> {
  const missing = slapdMissing();
  if (missing) {
    console.log(`directory: skipped (${missing})`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'idbroker-bench-dir-'));
  const hash = await cryptScryptHash(PASSWORD, DEFAULT_COST);
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
  writeFileSync(
    join(dir, 'broker.yaml'),
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
  );
  const broker = await startDirectoryServer(join(dir, 'broker.yaml'), join(dir, 'bench.db'));
  const loadMs = broker.loadMs;
  const ours = `ldap://127.0.0.1:${broker.port}`;
  try {
    const admin = { dn: 'Administrator@corp.example.com', password: 'Bench-Adm1n-Passw0rd' };
    const root = { dn: slapd.rootDn, password: slapd.rootPassword };
    const searchOurs = await rate(ours, admin, SECONDS, async (c, i) => {
      await c.search('DC=corp,DC=example,DC=com', { scope: 'sub', filter: `(sAMAccountName=user${i % USERS})`, attributes: ['cn'] });
    });
    const searchSlapd = await rate(slapd.url, root, SECONDS, async (c, i) => {
      await c.search(base, { scope: 'sub', filter: `(uid=user${i % USERS})`, attributes: ['cn'] });
    });
    const bindOurs = await rate(ours, admin, SECONDS, async (c, i) => {
      await c.bind(`CORP\\user${i % BIND_USERS}`, PASSWORD);
    });
    const bindSlapd = await rate(slapd.url, root, SECONDS, async (c, i) => {
      await c.bind(`uid=user${i % BIND_USERS},ou=People,${base}`, PASSWORD);
    });
    // nested groups: groupsOf and the in-chain rule for user0 (500 groups, 10 deep)
    const g = await broker.ask<{ groupsOfMs: number; groups: number; dn: string }>({ op: 'groupsOf', name: 'CORP\\user0', password: PASSWORD });
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
    let inChainCount = 0;
    const inChainMs = await times(async () => {
      const r = await c.search('DC=corp,DC=example,DC=com', { scope: 'sub', filter: `(member:1.2.840.113556.1.4.1941:=${g.dn})`, attributes: ['cn'] });
      inChainCount = r.searchEntries.length;
    });
    await c.unbind();
    console.log(`directory: ${USERS} users (simple-ad loaded from the store in ${loadMs} ms), ${CONNECTIONS} connections, ${SECONDS} s per measure`);
    console.log(`  equality search   simple-ad ${searchOurs.toFixed(0).padStart(6)}/s   slapd ${searchSlapd.toFixed(0).padStart(6)}/s   ratio ${(searchOurs / searchSlapd).toFixed(2)} (goal ≥ 0.5)`);
    console.log(`  bind              simple-ad ${bindOurs.toFixed(0).padStart(6)}/s   slapd ${bindSlapd.toFixed(0).padStart(6)}/s   ratio ${(bindOurs / bindSlapd).toFixed(2)} (both {CRYPT}$7$ scrypt N=2^15 r=8 p=1)`);
    console.log(`  user in ${g.groups} groups nested 10 deep: groupsOf ${g.groupsOfMs.toFixed(2)} ms, in-chain search over LDAP ${inChainMs.toFixed(2)} ms, ${inChainCount} entries (median of 20; goal < 20 ms)`);
  } finally {
    await broker.close();
    await slapd.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
