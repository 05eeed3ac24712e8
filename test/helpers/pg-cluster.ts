// The local PostgreSQL cluster behind IDBROKER_TEST_POSTGRES, for fault tests that restart it (Debian's
// pg_ctlcluster, as root). Other suites share this server: keep outages short and always leave it running.
import { execFile, execFileSync, spawnSync } from 'node:child_process';
import { promisify } from 'node:util';
import { existsSync, readdirSync } from 'node:fs';
import { POSTGRES_ADMIN_URL } from './postgres.ts';

interface Cluster {
  version: string;
  name: string;
}

function localCluster(): Cluster | string {
  if (process.getuid?.() !== 0) return 'restarting PostgreSQL needs root (pg_ctlcluster)';
  if (!existsSync('/usr/bin/pg_ctlcluster') || !existsSync('/etc/postgresql')) return 'pg_ctlcluster is not installed';
  const url = new URL(POSTGRES_ADMIN_URL);
  if (!['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return `IDBROKER_TEST_POSTGRES (${url.hostname}) is not this machine's cluster`;
  const port = url.port || '5432';
  // pg_lsclusters: "Ver Cluster Port Status Owner Data-directory Log-file"
  const lines = execFileSync('pg_lsclusters', ['--no-header'], { encoding: 'utf8' }).split('\n');
  for (const version of readdirSync('/etc/postgresql')) {
    const line = lines.map((l) => l.trim().split(/\s+/)).find((f) => f[0] === version && f[2] === port);
    if (line) return { version, name: line[1] };
  }
  return `no local cluster on port ${port} (pg_lsclusters)`;
}

const cluster = localCluster();

/** Why the restart tests cannot run here, or undefined when they can. */
export function pgRestartUnavailable(): string | undefined {
  return typeof cluster === 'string' ? cluster : undefined;
}

function ctl(action: 'start' | 'status'): number {
  const c = cluster as Cluster;
  return spawnSync('pg_ctlcluster', [c.version, c.name, action], { stdio: 'ignore', timeout: 120_000 }).status ?? 1;
}

/** Restarts the cluster (pg_ctlcluster stops in fast mode: sessions are terminated, as in a failover or an upgrade). */
export async function restartPostgres(): Promise<void> {
  const c = cluster as Cluster;
  await promisify(execFile)('pg_ctlcluster', [c.version, c.name, 'restart'], { timeout: 120_000 }); // async: the load keeps running meanwhile
}

/** Starts the cluster if it is not running (call from `after`, so a failed test never leaves it down). */
export function ensurePostgresRunning(): void {
  if (typeof cluster === 'string') return;
  if (ctl('status') !== 0) ctl('start');
}
