// `idbroker directories [--config FILE] [--json]`: the configured directories, their listeners and, for
// managed-ad, each trust with the status a running broker last recorded in the Store (verified / failed,
// the reason and the time; every replica checks at start and every `trustCheckSeconds`).
import type { Config } from '../config/schema.ts';
import type { Store } from './contracts/store.ts';
import { type TrustStatus, trustStatusKey } from './registry.ts';

export interface DirectoryReport {
  id: string;
  type: string;
  dnsName: string;
  netbiosName: string;
  ldap?: string;
  ldaps?: string;
  trusts?: Array<Pick<TrustStatus, 'dnsName' | 'netbiosName' | 'direction' | 'type'> & { status: TrustStatus['status'] | 'unknown'; reason?: string; checkedAt?: string; verifiedAt?: string }>;
}

export async function directoryReport(config: Config, store: Store): Promise<DirectoryReport[]> {
  return Promise.all(
    config.directories.map(async (d) => {
      const r: DirectoryReport = { id: d.id, type: d.type, dnsName: d.dnsName, netbiosName: d.netbiosName };
      if (d.ldap) r.ldap = `ldap://${d.ldap.host}:${d.ldap.port}`;
      if (d.ldaps) r.ldaps = `ldaps://${d.ldaps.host}:${d.ldaps.port}`;
      if (d.type === 'managed-ad') {
        const raw = await store.meta.get(trustStatusKey(d.id));
        const recorded: TrustStatus[] = raw ? (JSON.parse(raw) as TrustStatus[]) : [];
        r.trusts = d.trusts.map((t) => {
          const seen = recorded.find((s) => s.dnsName.toLowerCase() === t.dnsName.toLowerCase() && s.direction === t.direction);
          const base = { dnsName: t.dnsName, netbiosName: t.netbiosName, direction: t.direction, type: t.type };
          return seen ? { ...base, status: seen.status, reason: seen.reason, checkedAt: seen.checkedAt, verifiedAt: seen.verifiedAt } : { ...base, status: 'unknown' as const };
        });
      }
      return r;
    }),
  );
}

export function formatDirectoryReport(report: DirectoryReport[]): string {
  const lines: string[] = [];
  for (const d of report) {
    lines.push([d.id, d.type, `${d.dnsName} (${d.netbiosName})`, d.ldap, d.ldaps].filter(Boolean).join('  '));
    for (const t of d.trusts ?? []) {
      const status =
        t.status === 'unknown' ? 'unknown (no running broker has checked it yet)'
        : `${t.status}${t.checkedAt ? ` at ${t.checkedAt}` : ''}${t.reason ? `: ${t.reason}` : ''}${t.status === 'failed' && t.verifiedAt ? ` (last verified ${t.verifiedAt})` : ''}`;
      lines.push(`  trust ${t.dnsName} (${t.netbiosName})  ${t.direction}  ${t.type}  ${status}`);
    }
  }
  return lines.join('\n') + (lines.length > 0 ? '\n' : 'no directories configured\n');
}
