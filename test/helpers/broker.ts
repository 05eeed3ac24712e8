// Starts a real broker on loopback (ephemeral port) with a temporary data directory, for tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { parseConfig } from '../../config/load.ts';
import { startBroker, type Broker } from '../../server/main.ts';

export const ADMIN_KEY = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

export interface TestBroker extends Broker {
  dataDir: string;
  lines: string[];
  /** Stops the broker and removes its data directory. */
  destroy(): Promise<void>;
}

export interface TestBrokerOptions {
  /** Extra YAML appended to the config (users, roles, accounts…). */
  yaml?: string;
  /** Reuse a data directory (restart tests). */
  dataDir?: string;
  /** `postgres://…` to use PostgreSQL instead of SQLite. */
  postgres?: string;
  accounts?: string;
  /** YAML for `limits` (default: no limits, so that tests and benchmarks are not throttled). */
  limits?: string;
  /** Serve HTTPS with a generated certificate. */
  https?: boolean;
  /** Also a second listener, HTTPS on an ephemeral port (config http.https), as the default config has. */
  httpsListener?: boolean;
  /** A fixed clock for the Query API. */
  clock?: () => Date;
  /** http.publicUrl (replicas behind one name); default: the listening address. */
  publicUrl?: string;
  /** Extra keys of the `http` mapping, YAML flow style (e.g. "maxConnections: 5, headersTimeoutMs: 500"). */
  http?: string;
}

export async function startTestBroker(opts: TestBrokerOptions = {}): Promise<TestBroker> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'idbroker-test-'));
  const yaml = `
http: { host: 127.0.0.1, port: 0${opts.https ? ', tls: {}' : ''}${opts.httpsListener ? ', https: { port: 0 }' : ''}${opts.publicUrl ? `, publicUrl: ${JSON.stringify(opts.publicUrl)}` : ''}${opts.http ? `, ${opts.http}` : ''} }
dataDir: ${JSON.stringify(dataDir)}
store: ${opts.postgres ? `{ postgres: ${JSON.stringify(opts.postgres)} }` : '{}'}
region: us-east-1
accounts: ${opts.accounts ?? '[{ id: "111122223333", alias: main }]'}
admin: { accessKeyId: ${ADMIN_KEY.accessKeyId}, secretAccessKey: ${JSON.stringify(ADMIN_KEY.secretAccessKey)} }
logLevel: silent
${opts.limits ?? 'limits: { requestsPerSecondPerSource: 0, requestsPerSecondPerPrincipal: 0 }'}
${opts.yaml ?? ''}
`;
  const config = parseConfig(yaml, {}, 'test-config.yaml');
  const lines: string[] = [];
  const broker = await startBroker({ config, logger: pino({ level: 'silent' }), print: (l) => lines.push(l), env: {}, clock: opts.clock });
  return Object.assign(Object.create(null) as object, broker, {
    httpUrl: broker.httpUrl,
    httpsUrl: broker.httpsUrl,
    publicUrl: broker.publicUrl,
    store: broker.store,
    keys: broker.keys,
    admin: broker.admin,
    audit: broker.audit,
    close: () => broker.close(),
    dataDir,
    lines,
    async destroy() {
      await broker.close();
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    },
  }) as TestBroker;
}
