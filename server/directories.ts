// Starts one LDAP listener (and one LDAPS listener) per configured directory, backed by the directory's
// DirectoryBackend from the registry. Plain LDAP offers StartTLS with the same certificate as LDAPS.
import type { Logger } from 'pino';
import type { DirectoryConfig } from '../config/schema.ts';
import type { DirectoryBackend } from './contracts/directory.ts';
import type { Store } from './contracts/store.ts';
import { createLdapListener } from './ldap/index.ts';
import { openDirectory, type TrustStatus } from './registry.ts';
import { loadOrCreateTls } from './tls/certificates.ts';
import type { AuditLog } from './audit/audit-log.ts';
import { ldapAuditor } from './audit/ldap-events.ts';

export interface RunningDirectory {
  id: string;
  backend: DirectoryBackend;
  ldapUrl?: string;
  ldapsUrl?: string;
  fingerprint?: string;
  generatedAdminPassword?: string;
  /** managed-ad: each trust's status. */
  trusts?: () => TrustStatus[];
}

export interface Directories {
  running: RunningDirectory[];
  close(): Promise<void>;
}

export async function startDirectories(
  configs: DirectoryConfig[],
  deps: {
    store: Store;
    dataDir: string;
    logger: Logger;
    audit?: AuditLog;
    account: string;
    region: string;
    /** A listener's connection limit after the process-wide budget (server/connection-budget.ts), if it has one. */
    maxConnections?: (directoryId: string, kind: 'ldap' | 'ldaps') => number | undefined;
  },
): Promise<Directories> {
  const closers: Array<() => Promise<void>> = [];
  const running: RunningDirectory[] = [];
  const ldapLogger = {
    info: (o: object, m?: string) => deps.logger.info(o, m),
    warn: (o: object, m?: string) => deps.logger.warn(o, m),
    error: (o: object, m?: string) => deps.logger.error(o, m),
  };
  try {
    for (const cfg of configs) {
      const opened = await openDirectory(cfg, { store: deps.store, logger: deps.logger });
      if (opened.close) closers.push(opened.close);
      const r: RunningDirectory = { id: cfg.id, backend: opened.backend, generatedAdminPassword: opened.generatedAdminPassword, trusts: opened.trusts };
      const hostNames = [cfg.dnsName, `dc1.${cfg.dnsName}`, 'localhost', cfg.ldap?.host ?? '', cfg.ldaps?.host ?? ''].filter((h) => h && h !== '0.0.0.0' && h !== '::');
      const tls = cfg.ldap || cfg.ldaps ? await loadOrCreateTls({ dataDir: deps.dataDir, name: `ldaps-${cfg.id}`, hostNames, certFile: cfg.ldaps?.certFile, keyFile: cfg.ldaps?.keyFile }) : undefined;
      r.fingerprint = tls?.fingerprint;
      const { idleTimeoutSeconds, ...ldapLimits } = cfg.ldapLimits ?? {};
      const limits = { ...Object.fromEntries(Object.entries(ldapLimits).filter(([, v]) => v !== undefined)), ...(idleTimeoutSeconds ? { idleTimeoutMs: idleTimeoutSeconds * 1000 } : {}) };
      const budgeted = (id: string, kind: 'ldap' | 'ldaps') => {
        const cap = deps.maxConnections?.(id, kind);
        return cap === undefined ? limits : { ...limits, maxConnections: cap };
      };
      const audit = deps.audit ? ldapAuditor(deps.audit, { directoryId: cfg.id, account: deps.account, region: deps.region }) : undefined;
      if (cfg.ldap) {
        const l = await createLdapListener({ backend: opened.backend, host: cfg.ldap.host, port: cfg.ldap.port, tls, startTls: true, logger: ldapLogger, audit, limits: budgeted(cfg.id, 'ldap') });
        closers.push(() => l.close());
        r.ldapUrl = `ldap://${hostPort(l.address())}`;
      }
      if (cfg.ldaps) {
        const l = await createLdapListener({ backend: opened.backend, host: cfg.ldaps.host, port: cfg.ldaps.port, tls, logger: ldapLogger, audit, limits: budgeted(cfg.id, 'ldaps') });
        closers.push(() => l.close());
        r.ldapsUrl = `ldaps://${hostPort(l.address())}`;
      }
      running.push(r);
    }
  } catch (err) {
    for (const c of closers.reverse()) await c().catch(() => {});
    throw err;
  }
  return {
    running,
    async close() {
      for (const c of closers.reverse()) await c().catch((err) => deps.logger.warn({ err }, 'closing an LDAP listener failed'));
    },
  };
}

/** What /readyz shows of each directory: its kind and, for managed-ad, its trusts' status. */
export function directoryDetails(running: RunningDirectory[]): Array<{ id: string; type: string; trusts?: TrustStatus[] }> {
  return running.map((d) => ({ id: d.id, type: d.backend.kind, ...(d.trusts ? { trusts: d.trusts() } : {}) }));
}

function hostPort(a: { address: string; port: number } | string | null): string {
  if (!a || typeof a === 'string') return String(a);
  return `${a.address.includes(':') ? `[${a.address}]` : a.address}:${a.port}`;
}
