// `npm run bench -- --soak`: a broker process (`idbroker start`, SQLite) on loopback under a steady, fixed-rate
// mix of signed STS calls (the official @aws-sdk/client-sts: GetCallerIdentity, AssumeRole), unsigned
// AssumeRoleWithLDAPIdentity and LDAP binds (ldapts, on long-lived and on fresh connections) for
// IDBROKER_SOAK_SECONDS (default 600). Open loop: requests start on schedule whether or not earlier ones have
// answered (at most MAX_IN_FLIGHT; a request that cannot start on time is counted as late). Reports throughput,
// p50/p99 latency per kind, errors, and the broker's VmRSS after warm-up and at the end (goal: ≤ 10 % growth).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Client } from 'ldapts';
import { freePort, runIdbroker } from '../test/helpers/process.ts';

const SECONDS = Number(process.env.IDBROKER_SOAK_SECONDS ?? 600);
const WARMUP_SECONDS = Number(process.env.IDBROKER_SOAK_WARMUP_SECONDS ?? Math.min(30, Math.max(5, Math.round(SECONDS / 10))));
const SCALE = Number(process.env.IDBROKER_SOAK_RATE_SCALE ?? 1);
const MAX_IN_FLIGHT = 200;
const ADMIN = { accessKeyId: 'AKIASOAKADMIN0000001', secretAccessKey: 'soakAdminSecretKey0000000000000000000000' };
const ACCOUNT = '111122223333';
const DS = `arn:aws:ds:us-east-1:${ACCOUNT}:directory/d-1000000001`;
const USERS = ['alice', 'bob', 'carol', 'dave'];
const password = (u: string) => `${u[0].toUpperCase()}${u.slice(1)}-Soak-Passw0rd!`;

function config(dataDir: string, httpPort: number, ldapPort: number): string {
  return `
http: { host: 127.0.0.1, port: ${httpPort} }
dataDir: ${JSON.stringify(dataDir)}
store: {}
region: us-east-1
accounts: [{ id: "${ACCOUNT}", alias: main }]
admin: { accessKeyId: ${ADMIN.accessKeyId}, secretAccessKey: ${ADMIN.secretAccessKey} }
logLevel: warn
limits: { requestsPerSecondPerSource: 0, requestsPerSecondPerPrincipal: 0 }
directories:
  - id: d-1000000001
    type: simple-ad
    dnsName: corp.example.com
    netbiosName: CORP
    ldap: { host: 127.0.0.1, port: ${ldapPort} }
    adminPassword: "Soak-Adm1n-Passw0rd!"
    seed:
      groups: [{ name: engineers, members: [${USERS.join(', ')}] }]
      users:
${USERS.map((u) => `        - { username: ${u}, password: ${JSON.stringify(password(u))} }`).join('\n')}
roles:
  - name: SoakRole
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::${ACCOUNT}:root" }, Action: sts:AssumeRole }] }
    inlinePolicies: { read: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:GetObject", Resource: "*" }] } }
  - name: LdapRole
    trustPolicy:
      Version: "2012-10-17"
      Statement: [{ Effect: Allow, Principal: { Federated: "${DS}" }, Action: sts:AssumeRoleWithLDAPIdentity, Condition: { "ForAnyValue:StringEquals": { "ds:Groups": engineers } } }]
`;
}

interface Kind {
  name: string;
  perSecond: number;
  run: (i: number) => Promise<void>;
}

interface Stats {
  times: number[];
  /** [start offset s, latency ms] of the slowest requests, to tell a stall from a trend */
  slow: Array<[number, number]>;
  errors: number;
  late: number;
  firstError?: string;
}

function vmRssKiB(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}

const pct = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs every kind at its rate for `seconds`; a scheduler turn every 5 ms starts whatever is due. */
async function steady(kinds: Kind[], seconds: number, stats: Map<string, Stats>): Promise<void> {
  let inFlight = 0;
  const started = kinds.map(() => 0);
  const t0 = performance.now();
  const end = t0 + seconds * 1000;
  const running = new Set<Promise<void>>();
  while (performance.now() < end) {
    const elapsed = (performance.now() - t0) / 1000;
    kinds.forEach((k, n) => {
      const s = stats.get(k.name)!;
      const due = Math.floor(elapsed * k.perSecond);
      while (started[n] < due) {
        const i = started[n]++;
        if (inFlight >= MAX_IN_FLIGHT) {
          s.late++;
          continue;
        }
        inFlight++;
        const begin = performance.now();
        const p = k
          .run(i)
          .then(
            () => {
              const ms = performance.now() - begin;
              s.times.push(ms);
              if (ms > 1000) s.slow.push([(begin - t0) / 1000, ms]);
            },
            (e: unknown) => {
              s.errors++;
              s.firstError ??= `${(e as Error)?.name}: ${(e as Error)?.message}`;
            },
          )
          .finally(() => {
            inFlight--;
            running.delete(p);
          });
        running.add(p);
      }
    });
    await sleep(5);
  }
  await Promise.all(running);
}

export default async function soak(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-soak-'));
  const [httpPort, ldapPort] = [await freePort(), await freePort()];
  const file = join(dataDir, 'soak.yaml');
  writeFileSync(file, config(dataDir, httpPort, ldapPort));
  const broker = runIdbroker(['start', '--config', file], {});
  const clients: Array<{ destroy(): void }> = [];
  const ldapClients: Client[] = [];
  try {
    const httpUrl = (await broker.waitFor(/HTTP[^:]*: (http:\/\/\S+)/))[1];
    const ldapUrl = `ldap://127.0.0.1:${ldapPort}`;
    const pid = broker.child.pid!;
    const sts = new STSClient({ endpoint: httpUrl, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
    clients.push(sts);
    const roleArn = `arn:aws:iam::${ACCOUNT}:role/SoakRole`;
    // a session of the assumed role signs some of the GetCallerIdentity calls (ASIA… verification path)
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: 'soak-session', DurationSeconds: 3600 }));
    const c = assumed.Credentials!;
    const stsSession = new STSClient({ endpoint: httpUrl, region: 'us-east-1', credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken! }, maxAttempts: 1 });
    clients.push(stsSession);
    for (let n = 0; n < 4; n++) ldapClients.push(new Client({ url: ldapUrl, timeout: 30_000 }));

    const user = (i: number) => USERS[i % USERS.length];
    const ldapIdentity = async (i: number) => {
      const u = user(i);
      const body = `Action=AssumeRoleWithLDAPIdentity&Version=2011-06-15&RoleArn=${encodeURIComponent(`arn:aws:iam::${ACCOUNT}:role/LdapRole`)}&RoleSessionName=soak-${i}&LDAPUsername=${encodeURIComponent(`CORP\\${u}`)}&LDAPPassword=${encodeURIComponent(password(u))}`;
      const res = await fetch(httpUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body });
      const text = await res.text();
      if (res.status !== 200 || !text.includes('<SessionToken>')) throw new Error(`AssumeRoleWithLDAPIdentity: HTTP ${res.status} ${text.slice(0, 200)}`);
    };
    const kinds: Kind[] = [
      { name: 'sts:GetCallerIdentity (AKIA)', perSecond: 25 * SCALE, run: async () => void (await sts.send(new GetCallerIdentityCommand({}))) },
      { name: 'sts:GetCallerIdentity (ASIA)', perSecond: 15 * SCALE, run: async () => void (await stsSession.send(new GetCallerIdentityCommand({}))) },
      { name: 'sts:AssumeRole', perSecond: 10 * SCALE, run: async (i) => void (await sts.send(new AssumeRoleCommand({ RoleArn: roleArn, RoleSessionName: `soak-${i}` }))) },
      { name: 'sts:AssumeRoleWithLDAPIdentity', perSecond: 1 * SCALE, run: ldapIdentity },
      // user binds: scrypt-hashed passwords (tens of ms of CPU each), so a few per second
      { name: 'ldap bind (long-lived conn.)', perSecond: 2 * SCALE, run: async (i) => ldapClients[i % ldapClients.length].bind(`${user(i)}@corp.example.com`, password(user(i))) },
      {
        name: 'ldap bind (fresh conn.)',
        perSecond: 2 * SCALE,
        run: async (i) => {
          const lc = new Client({ url: ldapUrl, timeout: 30_000 });
          try {
            await lc.bind(`CORP\\${user(i)}`, password(user(i)));
          } finally {
            await lc.unbind();
          }
        },
      },
    ];
    const fresh = () => new Map(kinds.map((k) => [k.name, { times: [], slow: [], errors: 0, late: 0 } as Stats]));
    const totalRate = kinds.reduce((a, k) => a + k.perSecond, 0);
    console.log(`soak: broker pid ${pid} (${httpUrl}, ${ldapUrl}), ${totalRate}/s steady: warm-up ${WARMUP_SECONDS} s, then ${SECONDS} s`);
    const rssBoot = vmRssKiB(pid);
    await steady(kinds, WARMUP_SECONDS, fresh());
    const rssStart = vmRssKiB(pid);
    const stats = fresh();
    const samples: number[] = [];
    const sampler = setInterval(() => samples.push(vmRssKiB(pid)), 10_000);
    const t0 = performance.now();
    await steady(kinds, SECONDS, stats);
    const seconds = (performance.now() - t0) / 1000;
    clearInterval(sampler);
    const rssEnd = vmRssKiB(pid);

    let total = 0;
    let errors = 0;
    let late = 0;
    const all: number[] = [];
    console.log(`soak over ${seconds.toFixed(0)} s (after ${WARMUP_SECONDS} s warm-up):`);
    for (const [name, s] of stats) {
      s.times.sort((a, b) => a - b);
      total += s.times.length + s.errors;
      errors += s.errors;
      late += s.late;
      all.push(...s.times);
      console.log(
        `  ${name.padEnd(32)} ${(s.times.length / seconds).toFixed(1).padStart(6)}/s ok  p50 ${pct(s.times, 50).toFixed(1)} ms  p99 ${pct(s.times, 99).toFixed(1)} ms  max ${(s.times.at(-1) ?? 0).toFixed(0)} ms  errors ${s.errors}${s.late ? `  late ${s.late}` : ''}${s.firstError ? `  (first: ${s.firstError})` : ''}`,
      );
      if (s.slow.length) console.log(`    over 1 s: ${s.slow.length}, started at ${[...new Set(s.slow.map(([t]) => Math.floor(t)))].slice(0, 12).join(', ')} s`);
    }
    all.sort((a, b) => a - b);
    const growth = ((rssEnd - rssStart) / rssStart) * 100;
    console.log(`  all: ${total} requests, ${(total / seconds).toFixed(1)}/s (scheduled ${totalRate}/s), p50 ${pct(all, 50).toFixed(1)} ms, p99 ${pct(all, 99).toFixed(1)} ms, errors ${errors} (goal 0), late ${late}`);
    console.log(
      `  broker VmRSS: ${(rssBoot / 1024).toFixed(0)} MiB at boot, ${(rssStart / 1024).toFixed(1)} MiB after warm-up, ${(rssEnd / 1024).toFixed(1)} MiB at the end (max sampled ${(Math.max(rssEnd, ...samples) / 1024).toFixed(1)} MiB): growth ${growth.toFixed(1)} % (goal ≤ 10 %) ${growth <= 10 ? 'met' : 'NOT met'}`,
    );
    if (errors > 0 || late > 0 || growth > 10) process.exitCode = 1;
  } finally {
    for (const lc of ldapClients) await lc.unbind().catch(() => {});
    for (const cl of clients) cl.destroy();
    await broker.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
