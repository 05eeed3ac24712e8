// ad-connector: a DirectoryBackend that proxies to on-prem domain controllers, like AWS Directory
// Service's AD Connector, but usable by any LDAP application. See README.md here.
import type { DirectoryBackend, DomainInfo } from '../../../server/contracts/directory.ts';
import { AdConnectorBackend } from './backend.ts';
import type { AdConnectorConfig } from './config-schema.ts';
import type { OtherDirectoryConfig } from '../../../server/contracts/directory-config.ts';
import { NameCache } from './name-cache.ts';
import { type BreakerOptions, DEFAULT_BREAKER } from './circuit-breaker.ts';
import { DomainControllers, type Logger } from './domain-controllers.ts';
import { isLdapAnswer } from './errors.ts';
import { GroupResolver } from './groups.ts';
import { ServicePool } from './service-pool.ts';
import { Upstream } from './upstream.ts';

export { UpstreamLdapError } from './errors.ts';

export interface OpenAdConnectorOptions {
  config: AdConnectorConfig | OtherDirectoryConfig<'ad-connector'>;
  logger?: Logger;
  /** Circuit breaker per DC (defaults: open after 1 transport failure, 2 s cool-down doubling to 30 s). */
  breaker?: Partial<BreakerOptions>;
  /** Service-account connections: at most `max` in use (default 8), `maxIdle` kept (default 4). */
  pool?: { max?: number; maxIdle?: number };
  /** User binds on a fresh connection each, closed right after ('fresh'), or on a small pool of
   *  bind-only connections (same `pool` sizes) that only ever carry binds ('pooled': about 1 round trip
   *  per bind instead of connect + bind + unbind; see README). Default: the config's
   *  `upstream.bindConnections` ('pooled'). */
  bindConnections?: 'fresh' | 'pooled';
  /** Health checks of every DC (connect + service bind); 0 disables. Default 10 000 ms. */
  healthCheckIntervalMs?: number;
}

export interface AdConnector {
  backend: DirectoryBackend;
  /** Each DC's circuit state ('closed' | 'open' | 'half-open') and last transport error. */
  health(): Array<{ url: string; state: string; lastError?: string }>;
  /** Runs one round of health checks now (also run every healthCheckIntervalMs). */
  checkHealth(): Promise<void>;
  close(): Promise<void>;
}

const silent: Logger = { info() {}, warn() {}, error() {} };

export async function openAdConnector(opts: OpenAdConnectorOptions): Promise<AdConnector> {
  const config = opts.config;
  if (config.type !== 'ad-connector') throw new Error(`directory ${config.id}: ad-connector cannot serve a ${config.type} directory`);
  const logger = opts.logger ?? silent;
  const domain: DomainInfo = {
    dnsName: config.dnsName.toLowerCase(),
    netbiosName: config.netbiosName,
    baseDN: config.dnsName.toLowerCase().split('.').map((p) => `DC=${p}`).join(','),
  };
  const up = config.upstream;
  const dcs = new DomainControllers({ urls: up.urls, startTls: up.startTls, caFile: up.caFile, timeoutMs: up.timeoutMs }, { ...DEFAULT_BREAKER, ...opts.breaker }, logger);
  // read at each bind, never copied: a new service password in the config object applies at once
  const max = opts.pool?.max ?? up.maxConnections ?? 8;
  const sizes = { max, maxIdle: opts.pool?.maxIdle ?? max }; // keep what a busy moment opened: no reconnect churn
  const pool = new ServicePool(dcs, () => config.upstream.serviceAccount, sizes, logger);
  const bindPool = (opts.bindConnections ?? up.bindConnections ?? 'fresh') === 'pooled' ? new ServicePool(dcs, null, sizes, logger, (dc) => dcs.connectForBinds(dc)) : undefined;
  const upstream = new Upstream(dcs, pool, bindPool);
  const groups = new GroupResolver(upstream, domain, config.groupCacheSeconds);
  const backend = new AdConnectorBackend(domain, upstream, groups, logger, new NameCache((config.nameCacheSeconds ?? 0) * 1000));

  const checkHealth = async () => {
    await Promise.all(
      dcs.list.map(async (dc) => {
        let client;
        try {
          client = await dcs.connect(dc);
          await client.bind(config.upstream.serviceAccount.username, config.upstream.serviceAccount.password);
          dcs.succeeded(dc);
        } catch (e) {
          if (isLdapAnswer(e)) dcs.succeeded(dc); // it answered (a refused service account is logged by the pool)
          else dcs.failed(dc, e);
        } finally {
          void client?.unbind().catch(() => {});
        }
      }),
    );
  };
  const interval = opts.healthCheckIntervalMs ?? 10_000;
  const timer = interval > 0 ? setInterval(() => void checkHealth(), interval) : undefined;
  timer?.unref();
  if (timer) void checkHealth(); // at start too, so /readyz knows before the first request

  return {
    backend,
    health: () => dcs.health(),
    checkHealth,
    async close() {
      if (timer) clearInterval(timer);
      await upstream.close();
    },
  };
}
