// Audit events go to the store; they reach the log (at info) only with `audit.log: true`. The default
// config names logLevel and audit.log.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import pino from 'pino';
import { DEFAULT_CONFIG_PATH, loadConfig, parseConfig } from '../../../config/load.ts';
import { startBroker } from '../../../server/main.ts';
import type { Store } from '../../../server/contracts/store.ts';
import { ADMIN_KEY } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';

/** Starts a broker whose log (level info) is captured, makes one IAM call, returns the log lines and the stored events. */
async function oneCall(auditYaml: string) {
  const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-auditlog-'));
  const config = parseConfig(
    `http: { host: 127.0.0.1, port: 0 }
dataDir: ${JSON.stringify(dataDir)}
accounts: [{ id: "111122223333" }]
admin: { accessKeyId: ${ADMIN_KEY.accessKeyId}, secretAccessKey: ${JSON.stringify(ADMIN_KEY.secretAccessKey)} }
${auditYaml}
`,
    {},
    'audit-log.yaml',
  );
  const lines: string[] = [];
  const sink = new Writable({ write: (chunk: Buffer, _e, cb) => { lines.push(...chunk.toString().split('\n').filter(Boolean)); cb(); } });
  const broker = await startBroker({ config, logger: pino({ level: 'info' }, sink), print: () => {}, env: {} });
  try {
    const r = await sendQuery(broker.httpUrl, 'Action=ListUsers&Version=2010-05-08', ADMIN_KEY);
    assert.equal(r.status, 200, r.text);
    await broker.audit.flush();
    const stored = await broker.store.audit.query({ limit: 10, eventName: 'ListUsers' });
    return { lines, stored };
  } finally {
    await broker.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

describe('audit events in the log', () => {
  it('are not logged by default, but are stored', async () => {
    const { lines, stored } = await oneCall('');
    assert.equal(stored.length, 1);
    assert.ok(lines.some((l) => /idbroker started/.test(l)), 'the log is captured at info');
    assert.deepEqual(lines.filter((l) => /"audit"/.test(l)), []);
  });

  it('are logged at info, one JSON line each, with audit.log: true', async () => {
    const { lines, stored } = await oneCall('audit: { log: true }');
    assert.equal(stored.length, 1);
    const audit = lines.map((l) => JSON.parse(l) as { level: number; audit?: { eventName: string } }).filter((l) => l.audit?.eventName === 'ListUsers');
    assert.equal(audit.length, 1);
    assert.equal(audit[0].level, 30);
  });
});

describe('the default config', () => {
  it('sets logLevel (info) and audit.log (false), both from the environment', () => {
    const d = loadConfig(DEFAULT_CONFIG_PATH, {});
    assert.equal(d.logLevel, 'info');
    assert.equal(d.audit.log, false);
    assert.equal(d.audit.retentionDays, 90);
    const e = loadConfig(DEFAULT_CONFIG_PATH, { IDBROKER_LOG_LEVEL: 'warn', IDBROKER_AUDIT_LOG: 'true' });
    assert.equal(e.logLevel, 'warn');
    assert.equal(e.audit.log, true);
  });

  it('refuses an unknown log level, naming the levels', () => {
    assert.throws(() => loadConfig(DEFAULT_CONFIG_PATH, { IDBROKER_LOG_LEVEL: 'verbose' }), /logLevel: .*info/);
  });
});

describe('audit events the store never took', () => {
  it('are written to the log at shutdown, even without audit.log', async () => {
    const { AuditLog } = await import('../../../server/audit/audit-log.ts');
    const store = { audit: { append: async () => { throw new Error('database down'); }, prune: async () => 0 } } as unknown as Store;
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk: Buffer, _e, cb) => { lines.push(...chunk.toString().split('\n').filter(Boolean)); cb(); } });
    const log = new AuditLog(store, pino({ level: 'info' }, sink), { flushMs: 1 });
    const e = { eventVersion: '1.08' as const, eventTime: '2026-01-01T00:00:00Z', eventSource: 'iam.amazonaws.com', eventName: 'CreateUser', awsRegion: 'us-east-1', sourceIPAddress: '127.0.0.1', userIdentity: {}, requestParameters: null, responseElements: null, requestID: 'r', eventID: 'lost-1', readOnly: false, denied: false };
    log.record(e);
    assert.deepEqual(lines.filter((l) => l.includes('lost-1')), [], 'not logged while it may still be stored');
    await log.close();
    const shutdown = lines.map((l) => JSON.parse(l) as { lost?: number; audit?: { eventID: string }[] }).find((l) => l.lost !== undefined)!;
    assert.equal(shutdown.lost, 1);
    assert.deepEqual(shutdown.audit!.map((a) => a.eventID), ['lost-1']);
  });
});
