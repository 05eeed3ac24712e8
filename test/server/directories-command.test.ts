// `idbroker directories`: each directory with its listeners, and each managed-ad trust with the status the
// running broker recorded in the Store (or "unknown" before any check).
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../adapters/store/sqlite/index.ts';
import { directoryReport, formatDirectoryReport } from '../../server/directories-command.ts';
import { trustStatusKey } from '../../server/registry.ts';
import { ROOT } from '../helpers/process.ts';
import { parse } from '../config/helpers.ts';

const yaml = (store: string) => `
accounts: [{ id: "111122223333" }]
store: ${store}
directories:
  - { id: d-1000000001, type: simple-ad, dnsName: corp.example.com, netbiosName: CORP, ldap: { port: 1389 } }
  - id: d-1000000003
    type: managed-ad
    dnsName: cloud.example.com
    netbiosName: CLOUD
    ldap: { port: 3389 }
    trusts:
      - { dnsName: onprem.example.com, netbiosName: ONPREM, direction: two-way, upstream: { urls: [ldap://dc1:389], serviceAccount: { username: svc, password: pw } } }
      - { dnsName: other.example.com, netbiosName: OTHER, direction: one-way-incoming, type: external, upstream: { urls: [ldap://dc2:389], serviceAccount: { username: svc, password: pw } } }
`;

it('reports trust status as recorded, and unknown for a trust no broker has checked', async () => {
  const store = await openSqliteStore(':memory:');
  await store.meta.set(trustStatusKey('d-1000000003'), JSON.stringify([
    { dnsName: 'onprem.example.com', netbiosName: 'ONPREM', direction: 'two-way', type: 'forest', status: 'failed', reason: 'unavailable (52): No domain controller answered', checkedAt: '2026-11-28T15:00:00.000Z', verifiedAt: '2026-11-28T14:59:00.000Z' },
  ]));
  const report = await directoryReport(parse(yaml('{}')), store);
  assert.deepEqual(report[0], { id: 'd-1000000001', type: 'simple-ad', dnsName: 'corp.example.com', netbiosName: 'CORP', ldap: 'ldap://127.0.0.1:1389' });
  assert.deepEqual(report[1].trusts!.map((t) => t.status), ['failed', 'unknown']);
  assert.equal(
    formatDirectoryReport(report),
    [
      'd-1000000001  simple-ad  corp.example.com (CORP)  ldap://127.0.0.1:1389',
      'd-1000000003  managed-ad  cloud.example.com (CLOUD)  ldap://127.0.0.1:3389',
      '  trust onprem.example.com (ONPREM)  two-way  forest  failed at 2026-11-28T15:00:00.000Z: unavailable (52): No domain controller answered (last verified 2026-11-28T14:59:00.000Z)',
      '  trust other.example.com (OTHER)  one-way-incoming  external  unknown (no running broker has checked it yet)',
      '',
    ].join('\n'),
  );
  await store.close();
});

it('runs as `idbroker directories --config FILE` (and --json)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idbroker-dirs-'));
  const file = join(dir, 'config.yaml');
  writeFileSync(file, yaml(`{ sqlite: ${JSON.stringify(join(dir, 'db.sqlite'))} }`));
  const run = (args: string[]) => spawnSync(process.execPath, ['bin/idbroker.js', 'directories', '--config', file, ...args], { cwd: ROOT, env: { ...process.env, IDBROKER_CONFIG: '' }, encoding: 'utf8', timeout: 60_000 });
  const text = run([]);
  assert.equal(text.status, 0, text.stderr);
  assert.match(text.stdout, /trust onprem\.example\.com \(ONPREM\) {2}two-way {2}forest {2}unknown/);
  const json = run(['--json']);
  assert.equal(json.status, 0, json.stderr);
  assert.equal((JSON.parse(json.stdout) as { trusts?: unknown[] }[])[1].trusts!.length, 2);
});
