// The `idbroker` command as a user runs it: config check, policy lint, version, help, bad config at start.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/process.ts';

function idbroker(args: string[], env: NodeJS.ProcessEnv = {}) {
  const r = spawnSync(process.execPath, ['bin/idbroker.js', ...args], { cwd: ROOT, env: { ...process.env, IDBROKER_CONFIG: '', ...env }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'idbroker-cli-'));

it('config check accepts the default config and names each fault of a wrong one, without a stack trace', () => {
  const ok = idbroker(['config', 'check', 'config/default.yaml']);
  assert.equal(ok.code, 0, ok.err);
  assert.match(ok.out, /config\/default\.yaml: OK/);
  const bad = join(dir, 'bad.yaml');
  writeFileSync(bad, `accounts: [{ id: "111122223333" }]
roles:
  - name: A
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: "*", Action: "sts:AssumeRole" }] }
  - name: B
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: "*", Action: "sts:AssumeRole" }] }
  - name: C
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Permit, Principal: "*", Action: "sts:AssumeRole" }] }
http: { prot: 1 }
`);
  const r = idbroker(['config', 'check', bad]);
  assert.equal(r.code, 1);
  assert.match(r.err, /roles\[2\]\.trustPolicy\.Statement\[0\]\.Effect: expected "Allow" or "Deny"/);
  assert.match(r.err, /http\.prot: unknown key/);
  assert.doesNotMatch(r.err, /\n\s+at /);
});

it('start with a wrong config exits 1 with the problem and no stack trace', () => {
  const bad = join(dir, 'bad-port.yaml');
  writeFileSync(bad, 'accounts: [{ id: "111122223333" }]\nhttp: { port: "eighty" }\n');
  const r = idbroker(['start', '--config', bad]);
  assert.equal(r.code, 1);
  assert.match(r.err, /invalid configuration:\nhttp\.port: /);
  assert.doesNotMatch(r.err, /\n\s+at /);
});

it('policy lint reports errors (exit 1) and best-practice warnings (exit 0)', () => {
  const risky = join(dir, 'risky.json');
  writeFileSync(risky, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));
  const w = idbroker(['policy', 'lint', risky]);
  assert.equal(w.code, 0);
  assert.match(w.out, /warning FullAccess/);
  const broken = join(dir, 'broken.json');
  writeFileSync(broken, '{"Version":"2012-10-17","Statement":{"Effect":"Maybe","Action":"s3:*","Resource":"*"}}');
  const e = idbroker(['policy', 'lint', broken]);
  assert.equal(e.code, 1);
  assert.match(e.out, /error MalformedPolicyDocument/);
  const trust = join(dir, 'trust.json');
  writeFileSync(trust, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'sts:AssumeRole' }] }));
  assert.match(idbroker(['policy', 'lint', trust, '--kind', 'trust']).out, /warning/);
});

it('version and help', () => {
  assert.match(idbroker(['version']).out, /^idbroker \d+\.\d+\.\d+\n$/);
  const h = idbroker(['--help']);
  assert.equal(h.code, 0);
  assert.match(h.out, /idbroker start/);
  assert.match(h.out, /config check FILE/);
  assert.equal(idbroker(['frobnicate']).code, 2);
});

it('--help after a command prints that command\'s usage and does nothing else; an unknown option is a usage error', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-cli-help-'));
  const env = { IDBROKER_DATA_DIR: dataDir };
  const rotate = idbroker(['keys', 'rotate', '--help'], env);
  assert.equal(rotate.code, 0, rotate.err);
  assert.match(rotate.out, /^Usage:\n {2}idbroker keys rotate \[--config FILE\] \[--activate-after SECONDS\]/);
  assert.doesNotMatch(rotate.out, /added key/);
  assert.throws(() => statSync(join(dataDir, 'keyring.json')), 'no key ring was written');
  const start = idbroker(['start', '--help'], env);
  assert.equal(start.code, 0);
  assert.match(start.out, /idbroker start \[--config FILE\]/);
  for (const args of [['keys', 'rotate', '--activate-afterr', '5'], ['start', '--port', '1'], ['sessions', 'revoke', '--akid', 'ASIA']]) {
    const r = idbroker(args, env);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, new RegExp(`^idbroker ${args[0]}.*: unknown option ${args.find((a) => a.startsWith('--'))}\\nUsage:`));
  }
});
