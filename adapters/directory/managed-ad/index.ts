// managed-ad: a local AD-compatible directory (simple-ad's) plus trusts to other domains, like AWS
// Directory Service's Managed Microsoft AD. See README.md here. The registry passes the two
// adapters it is made of (the local directory, and one ad-connector per trusted domain), so this
// adapter depends on the contracts only.
import type { DirectoryBackend, ForeignPrincipals } from '../../../server/contracts/directory.ts';
import type { LocalDirectoryConfig, OtherDirectoryConfig, UpstreamConfig } from '../../../server/contracts/directory-config.ts';
import type { Store } from '../../../server/contracts/store.ts';
import { ManagedAdBackend } from './backend.ts';
import type { ManagedAdConfig } from './config-schema.ts';
import { ForeignMembers, type Logger, splitSeed } from './foreign-members.ts';
import { TrustMonitor, type TrustStatus } from './trust-monitor.ts';
import { type TrustConnection, TrustedDomain } from './trusted-domain.ts';

export type { TrustStatus } from './trust-monitor.ts';
export { trustStatusKey } from './trust-monitor.ts';
export type { TrustConnection } from './trusted-domain.ts';

type TrustConfig = ManagedAdConfig['trusts'][number];

export interface OpenManagedAdOptions {
  config: ManagedAdConfig | OtherDirectoryConfig<'managed-ad'>;
  /** Opens the local directory (simple-ad) for this config (its seed without trusted-domain members). */
  openLocal(config: LocalDirectoryConfig): Promise<{ backend: DirectoryBackend; generatedAdminPassword?: string; foreignPrincipals: ForeignPrincipals }>;
  /** Opens the connection to a trusted domain's DCs (an ad-connector) for the config trustConnectorConfig() gives. */
  openTrust(config: TrustConnectorConfig): Promise<TrustConnection>;
  /** Where trust status is recorded for `idbroker directories` (optional). */
  store?: Store;
  logger?: Logger;
  /** Trust checks: every `trustCheckSeconds` of the config unless set here (0: only at start). */
  trustCheckIntervalMs?: number;
}

export interface ManagedAd {
  backend: DirectoryBackend;
  generatedAdminPassword?: string;
  /** Each trust's status (verified / failed, reason, time). */
  trusts(): TrustStatus[];
  /** Checks every trust now (also done at start and periodically). */
  checkTrusts(): Promise<void>;
  close(): Promise<void>;
}

const silent: Logger = { info() {}, warn() {}, error() {} };

/** The ad-connector config for a trusted domain's DCs (what openTrust is given). */
export interface TrustConnectorConfig {
  type: 'ad-connector';
  id: string;
  dnsName: string;
  netbiosName: string;
  size: 'small';
  upstream: UpstreamConfig;
  groupCacheSeconds: number;
  nameCacheSeconds: number;
  sessionTags: Record<string, string>;
  transitiveTagKeys: string[];
}

/** The ad-connector config for a trusted domain's DCs: its names and upstream, no group cache. */
export function trustConnectorConfig(config: ManagedAdConfig, trust: TrustConfig): TrustConnectorConfig {
  return {
    type: 'ad-connector', id: config.id, dnsName: trust.dnsName, netbiosName: trust.netbiosName, size: 'small',
    upstream: trust.upstream, groupCacheSeconds: 0, nameCacheSeconds: 60, sessionTags: {}, transitiveTagKeys: [],
  };
}

export async function openManagedAd(opts: OpenManagedAdOptions): Promise<ManagedAd> {
  const config = opts.config;
  if (config.type !== 'managed-ad') throw new Error(`directory ${config.id}: managed-ad cannot serve a ${config.type} directory`);
  const logger = opts.logger ?? silent;
  const trusts: TrustedDomain[] = [];
  try {
    for (const t of config.trusts) trusts.push(new TrustedDomain(t, await opts.openTrust(trustConnectorConfig(config, t))));
    const { local: seed, foreign } = splitSeed(config.seed, trusts);
    const local = await opts.openLocal({ ...config, seed });
    const members = new ForeignMembers(foreign, local.backend, local.foreignPrincipals, logger);
    for (const m of foreign.filter((f) => !f.trust.admitsItsUsers)) {
      logger.warn({ directory: config.id, group: m.group, member: m.member }, `managed-ad seed: ${m.trust.domain.dnsName} is trusted one-way-incoming: its users cannot be members here`);
    }
    const monitor = new TrustMonitor(config.id, trusts, opts.store, logger);
    monitor.onVerified.push((t) => {
      if (members.pending.some((m) => m.trust === t)) void members.apply(t);
    });
    await monitor.check(); // at start: bounded by each trust's upstream timeoutMs
    await members.apply();
    monitor.start(opts.trustCheckIntervalMs ?? config.trustCheckSeconds * 1000);
    return {
      backend: new ManagedAdBackend(local.backend, trusts, members, config.trustSearch),
      ...(local.generatedAdminPassword ? { generatedAdminPassword: local.generatedAdminPassword } : {}),
      trusts: () => monitor.statuses(),
      checkTrusts: () => monitor.check(),
      async close() {
        monitor.stop();
        await Promise.all(trusts.map((t) => t.connection.close()));
      },
    };
  } catch (e) {
    await Promise.all(trusts.map((t) => t.connection.close().catch(() => {})));
    throw e;
  }
}
