// `idbroker directories mfa enroll|list|remove`, run as a user runs it: the printed otpauth:// URI's seed yields
// codes the broker's store accepts; refusals (no TOTP on the directory, unknown directory, enrolled twice).
import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../helpers/process.ts';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import { loadOrCreateKeyRing } from '../../../server/keys/keyring.ts';
import { verifyTotp } from '../../../server/directory-mfa/totp-enrollments.ts';
import { totpAt } from '../../../server/totp/totp.ts';

const dir = mkdtempSync(join(tmpdir(), 'idbroker-mfa-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const config = join(dir, 'config.yaml');
writeFileSync(
  config,
  `accounts: [{ id: "111122223333" }]
dataDir: ${JSON.stringify(dir)}
store: { sqlite: ${JSON.stringify(join(dir, 'idbroker.db'))} }
directories:
  - { id: d-1000000001, type: simple-ad, dnsName: corp.example.com, netbiosName: CORP }
  - { id: d-1000000003, type: managed-ad, dnsName: cloud.example.com, netbiosName: CLOUD, mfa: { totp: true } }
  - { id: d-1000000004, type: managed-ad, dnsName: radius.example.com, netbiosName: RAD, mfa: { radius: { host: 127.0.0.1, secret: s } } }
`,
);

function idbroker(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/idbroker.js', ...args, '--config', config], { cwd: ROOT, env: { ...process.env, IDBROKER_CONFIG: '' }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

it('enroll prints an otpauth:// URI once; its seed gives codes the directory accepts; list and remove', async () => {
  const e = idbroker(['directories', 'mfa', 'enroll', '--directory', 'd-1000000003', '--user', 'alice']);
  assert.equal(e.code, 0, e.err);
  const uri = /otpauth:\/\/totp\/idbroker%20CLOUD:alice%40cloud\.example\.com\?secret=([A-Z2-7]+)&issuer=idbroker%20CLOUD&algorithm=SHA1&digits=6&period=30/.exec(e.out);
  assert.ok(uri, e.out);
  const store = await openSqliteStore(join(dir, 'idbroker.db'));
  try {
    const { ring } = loadOrCreateKeyRing({ file: join(dir, 'keyring.json') });
    const now = new Date();
    assert.equal(await verifyTotp(store, ring, 'd-1000000003', 'alice', totpAt(uri[1], now), now), 'ok');
  } finally {
    await store.close();
  }
  const twice = idbroker(['directories', 'mfa', 'enroll', '--directory', 'd-1000000003', '--user', 'alice']);
  assert.equal(twice.code, 1);
  assert.match(twice.err, /already has a TOTP device \(replace it with --replace\)/);
  assert.equal(idbroker(['directories', 'mfa', 'enroll', '--directory', 'd-1000000003', '--user', 'alice', '--replace']).code, 0);
  const list = idbroker(['directories', 'mfa', 'list']);
  assert.match(list.out, /^d-1000000003\talice\tenrolled \d{4}-/m);
  assert.doesNotMatch(list.out, /secret|[A-Z2-7]{32}/);
  assert.equal(idbroker(['directories', 'mfa', 'remove', '--directory', 'd-1000000003', '--user', 'alice']).code, 0);
  assert.equal(idbroker(['directories', 'mfa', 'list']).out, '');
  assert.equal(idbroker(['directories', 'mfa', 'remove', '--directory', 'd-1000000003', '--user', 'alice']).code, 1);
});

it('refuses directories without TOTP, unknown directories, bad user names and bad usage', () => {
  const radius = idbroker(['directories', 'mfa', 'enroll', '--directory', 'd-1000000004', '--user', 'alice']);
  assert.equal(radius.code, 2);
  assert.match(radius.err, /directory d-1000000004 does not accept TOTP devices: set mfa: \{ totp: true \}/);
  assert.match(idbroker(['directories', 'mfa', 'enroll', '--directory', 'd-1000000001', '--user', 'alice']).err, /does not accept TOTP devices/);
  assert.match(idbroker(['directories', 'mfa', 'enroll', '--directory', 'd-1000000009', '--user', 'alice']).err, /directory d-1000000009 is not in the configuration/);
  assert.match(idbroker(['directories', 'mfa', 'enroll', '--directory', 'd-1000000003', '--user', 'alice@cloud.example.com']).err, /expected the sAMAccountName/);
  // a trusted domain's user is enrolled under DOMAIN\name; this directory's own domain prefix is dropped
  assert.equal(idbroker(['directories', 'mfa', 'enroll', '--directory', 'd-1000000003', '--user', 'onprem\\carol']).code, 0);
  assert.equal(idbroker(['directories', 'mfa', 'enroll', '--directory', 'd-1000000003', '--user', 'CLOUD\\dave']).code, 0);
  const listed = idbroker(['directories', 'mfa', 'list']).out;
  assert.match(listed, /^d-1000000003\tONPREM\\carol\tenrolled /m);
  assert.match(listed, /^d-1000000003\tdave\tenrolled /m);
  const usage = idbroker(['directories', 'mfa', 'frobnicate']);
  assert.equal(usage.code, 2);
  assert.match(usage.err, /usage: idbroker directories mfa enroll/);
});
