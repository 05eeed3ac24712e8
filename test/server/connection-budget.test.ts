// The process-wide connection budget. The plan: listeners' limits are fitted below RLIMIT_NOFILE minus the reserve,
// proportionally. Over real sockets: the real `idbroker start` under `ulimit -n 320`, flooded with more HTTP
// connections than it has descriptors, still accepts and binds LDAP clients (without the budget the flood takes
// every descriptor and the LDAP listener can only drop what it accepts).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { Client } from 'ldapts';
import { budgetWarning, openFileLimit, planConnectionBudget } from '../../server/connection-budget.ts';
import { freePort, ROOT } from '../helpers/process.ts';

describe('planConnectionBudget', () => {
  const demands = [
    { name: 'http', maxConnections: 10_000 },
    { name: 'ldap d-1', maxConnections: 5000 },
    { name: 'ldaps d-1', maxConnections: 5000 },
  ];

  it('keeps the configured limits when they fit', () => {
    const plan = planConnectionBudget(demands, 1_048_576, 256);
    assert.equal(plan.scaled, false);
    assert.deepEqual([...plan.caps.values()], [10_000, 5000, 5000]);
  });

  it('scales every listener down proportionally below RLIMIT_NOFILE minus the reserve, and says how to fix it', () => {
    const plan = planConnectionBudget(demands, 1024, 256);
    assert.equal(plan.scaled, true);
    assert.equal(plan.budget, 768);
    assert.deepEqual(Object.fromEntries(plan.caps), { http: 384, 'ldap d-1': 192, 'ldaps d-1': 192 });
    assert.ok([...plan.caps.values()].reduce((a, b) => a + b) <= 768);
    assert.match(budgetWarning(plan, demands), /fit 1024 open files .* minus 256 reserved .*http 384 \(configured 10000\)/);
  });

  it('an unlimited RLIMIT_NOFILE keeps the limits; a tiny one still leaves every listener one connection', () => {
    assert.equal(planConnectionBudget(demands, Infinity, 256).scaled, false);
    assert.deepEqual([...planConnectionBudget(demands, 100, 256).caps.values()], [1, 1, 1]);
  });

  it('reads the process limit', () => {
    const { limit, source } = openFileLimit();
    if (process.platform === 'linux') {
      assert.equal(source, '/proc/self/limits');
      const soft = /^Max open files\s+(\S+)/m.exec(readFileSync('/proc/self/limits', 'utf8'))![1];
      assert.equal(limit, soft === 'unlimited' ? Infinity : Number(soft));
    } else assert.ok(limit > 0);
  });
});

describe('an HTTP flood under a low open-file limit', { skip: process.platform === 'win32' }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'idbroker-budget-'));
  const sockets: Socket[] = [];
  after(() => {
    for (const s of sockets) s.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('does not stop LDAP binds: the HTTP listener gets its share of the descriptors, not all of them', { timeout: 120_000 }, async () => {
    const [httpPort, ldapPort] = [await freePort(), await freePort()];
    const config = join(dir, 'idbroker.yaml');
    writeFileSync(
      config,
      `http: { host: 127.0.0.1, port: ${httpPort}, maxConnectionsPerSource: 0 }
dataDir: ${JSON.stringify(join(dir, 'data'))}
accounts: [{ id: "111122223333" }]
logLevel: warn
directories:
  - { id: d-1000000001, type: simple-ad, dnsName: corp.example.com, netbiosName: CORP, adminPassword: "Adm1n-Passw0rd!", ldap: { host: 127.0.0.1, port: ${ldapPort} } }
`,
    );
    // soft and hard limit 320 (Node cannot raise it): 64 descriptors for connections after the 256 reserved
    const child = spawn('/bin/sh', ['-c', 'ulimit -n 320 && exec "$@"', 'sh', process.execPath, 'bin/idbroker.js', 'start', '--config', config], {
      cwd: ROOT,
      env: { ...process.env, IDBROKER_CONFIG: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    const exited = new Promise<void>((r) => child.once('exit', () => r()));
    try {
      await new Promise<void>((resolve, reject) => {
        const check = () => (out.includes('idbroker listening') && out.includes(`LDAP d-1000000001`) ? resolve() : undefined);
        child.stdout.on('data', check);
        void exited.then(() => reject(new Error(`idbroker exited:\n${out}\n${err}`)));
      });
      assert.match(err, /connection limits lowered to fit 320 open files/);
      // 400 HTTP connections, more than the process has descriptors, held open
      for (let i = 0; i < 400; i++) {
        const s = connect(httpPort, '127.0.0.1');
        s.on('error', () => {});
        sockets.push(s);
      }
      await Promise.all(sockets.map((s) => new Promise((r) => (s.readyState === 'open' ? r(undefined) : s.once('connect', r).once('close', r)))));
      // the broker has accepted what it will; LDAP still binds, several times over
      for (let i = 0; i < 5; i++) {
        const client = new Client({ url: `ldap://127.0.0.1:${ldapPort}`, timeout: 20_000, connectTimeout: 20_000 });
        await client.bind('CORP\\Administrator', 'Adm1n-Passw0rd!');
        await client.unbind();
      }
    } finally {
      for (const s of sockets) s.destroy(); // a request never sent would hold the HTTP listener's close until headersTimeout
      child.kill('SIGTERM');
      await exited;
    }
  });
});
