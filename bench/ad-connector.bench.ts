// ad-connector against the DC it proxies, same run: a real OpenLDAP slapd with 1,000 users, and the broker (its
// own process) serving an ad-connector directory in front of it. Binds per second with 16 connections straight
// to slapd and through the connector (by DN, and by down-level name, which costs the connector a look-up with
// its service account first), as ratios; and the latency one bind adds through the connector (median of
// sequential binds on one connection). Goal: ≥ 75 % of slapd's rate, p50 added < 1 ms. Skips without slapd.
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { slapdMissing, startSlapd } from '../test/helpers/slapd.ts';
import { startDirectoryServer } from './support/directory-child.ts';
import { CONNECTIONS, medianMs, rate } from './support/ldap-load.ts';

const USERS = 1000;
const SECONDS = 6;
const ROUNDS = 3;
const PASSWORD = 'Bench-Passw0rd!';
const BASE = 'dc=corp,dc=example,dc=com';
const dn = (i: number) => `uid=user${i},ou=People,${BASE}`;

function ssha(password: string): string {
  const salt = randomBytes(8);
  return '{SSHA}' + Buffer.concat([createHash('sha1').update(password).update(salt).digest(), salt]).toString('base64');
}

export default async function run(): Promise<void> {
  const missing = slapdMissing();
  if (missing) {
    console.log(`ad-connector: skipped (${missing})`);
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'idbroker-bench-connector-'));
  const hash = ssha(PASSWORD);
  const ldif = [`dn: ${BASE}\nobjectClass: dcObject\nobjectClass: organization\no: corp\ndc: corp\n`, `dn: ou=People,${BASE}\nobjectClass: organizationalUnit\nou: People\n`];
  for (let i = 0; i < USERS; i++) ldif.push(`dn: ${dn(i)}\nobjectClass: inetOrgPerson\nuid: user${i}\ncn: user${i}\nsn: user${i}\nuserPassword: ${hash}\n`);
  writeFileSync(join(dir, 'bench.ldif'), ldif.join('\n'));
  const slapd = await startSlapd({ ldif: join(dir, 'bench.ldif'), suffix: BASE });
  writeFileSync(
    join(dir, 'broker.yaml'),
    `accounts: [{ id: "111122223333" }]
directories:
  - id: d-2000000002
    type: ad-connector
    dnsName: corp.example.com
    netbiosName: CORP
    upstream:
      urls: [${slapd.url}]
      serviceAccount: { username: ${JSON.stringify(slapd.rootDn)}, password: ${JSON.stringify(slapd.rootPassword)} }
      bindConnections: pooled
      maxConnections: ${CONNECTIONS}
`,
  );
  const broker = await startDirectoryServer(join(dir, 'broker.yaml'), join(dir, 'bench.db'));
  const connector = `ldap://127.0.0.1:${broker.port}`;
  try {
    const login = { dn: dn(0), password: PASSWORD };
    // The three measures take turns, ROUNDS times SECONDS / ROUNDS each, so that a burst of other work on the
    // machine falls on all three alike; the connector's CPU time (its process, user + system) per bind beside.
    const cpu = async (fn: () => Promise<number>) => {
      const before = (await broker.ask<{ cpu: NodeJS.CpuUsage }>({ op: 'cpu' })).cpu;
      const perSecond = await fn();
      const after = (await broker.ask<{ cpu: NodeJS.CpuUsage }>({ op: 'cpu' })).cpu;
      return { perSecond, micros: after.user - before.user + (after.system - before.system) };
    };
    let direct = 0;
    const viaDnRun = { perSecond: 0, micros: 0 };
    const viaNameRun = { perSecond: 0, micros: 0 };
    const slice = SECONDS / ROUNDS;
    for (let r = 0; r < ROUNDS; r++) {
      direct += (await rate(slapd.url, login, slice, async (c, i) => c.bind(dn(i % USERS), PASSWORD))) / ROUNDS;
      for (const [acc, name] of [[viaDnRun, dn], [viaNameRun, (i: number) => `CORP\\user${i}`]] as const) {
        const x = await cpu(() => rate(connector, login, slice, async (c, i) => c.bind(name(i % USERS), PASSWORD)));
        acc.perSecond += x.perSecond / ROUNDS;
        acc.micros += x.micros;
      }
    }
    const viaDn = viaDnRun.perSecond;
    const viaName = viaNameRun.perSecond;
    const perBind = (x: { perSecond: number; micros: number }) => (x.micros / (x.perSecond * SECONDS)).toFixed(0);
    const latency = async (url: string, name: (i: number) => string) => {
      const c = new Client({ url });
      let i = 0;
      const ms = await medianMs(400, () => c.bind(name(i++ % USERS), PASSWORD));
      await c.unbind();
      return ms;
    };
    const pDirect = await latency(slapd.url, dn);
    const pDn = await latency(connector, dn);
    const pName = await latency(connector, (i) => `CORP\\user${i}`);
    console.log(`ad-connector: ${USERS} users in slapd, ${CONNECTIONS} connections, ${SECONDS} s per measure in ${ROUNDS} alternating slices; connector with pooled bind connections`);
    console.log(`  binds straight to slapd        ${direct.toFixed(0).padStart(6)}/s   p50 ${pDirect.toFixed(2)} ms`);
    console.log(`  binds through the connector, DN ${viaDn.toFixed(0).padStart(5)}/s   p50 ${pDn.toFixed(2)} ms   connector CPU ${perBind(viaDnRun)} µs/bind   ratio ${(viaDn / direct).toFixed(2)} (goal ≥ 0.75), added p50 ${(pDn - pDirect).toFixed(2)} ms (goal < 1 ms)`);
    console.log(`  through the connector, CORP\\user ${viaName.toFixed(0).padStart(4)}/s   p50 ${pName.toFixed(2)} ms   connector CPU ${perBind(viaNameRun)} µs/bind   ratio ${(viaName / direct).toFixed(2)} (a service look-up, then the bind)`);
  } finally {
    await broker.close();
    await slapd.destroy();
    rmSync(dir, { recursive: true, force: true });
  }
}
