// The upstream domain controllers in `urls` order, each with its circuit breaker, and how to open a
// connection to one (ldaps://, or ldap:// + StartTLS, verified against `caFile`). Connections have
// a connect timeout and a per-operation timeout of `timeoutMs`, so nothing waits on a silent DC.
import { readFileSync } from 'node:fs';
import type { ConnectionOptions } from 'node:tls';
import { Client } from 'ldapts';
import { type BreakerOptions, CircuitBreaker } from './circuit-breaker.ts';
import { describe } from './errors.ts';
import { BindConnection } from './bind-connection.ts';

export interface UpstreamSettings {
  urls: string[];
  startTls: boolean;
  caFile?: string;
  timeoutMs: number;
}

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export class DomainController {
  readonly breaker: CircuitBreaker;
  constructor(
    readonly url: string,
    readonly index: number,
    breaker: BreakerOptions,
  ) {
    this.breaker = new CircuitBreaker(breaker);
  }
}

export class DomainControllers {
  readonly list: DomainController[];
  readonly #tls: ConnectionOptions;
  /** Called when a DC's circuit closes again (it came back). */
  readonly onRecovered: Array<(dc: DomainController) => void> = [];

  constructor(
    readonly settings: UpstreamSettings,
    breaker: BreakerOptions,
    private readonly logger: Logger,
  ) {
    this.list = settings.urls.map((u, i) => new DomainController(u, i, breaker));
    this.#tls = settings.caFile ? { ca: [readFileSync(settings.caFile)] } : {};
  }

  /** DCs a request may use now, in `urls` order (open circuits skipped). */
  candidates(): DomainController[] {
    return this.list.filter((dc) => dc.breaker.allows());
  }

  /** A connected (and, with startTls, encrypted) but unbound client. Throws transport errors. */
  async connect(dc: DomainController): Promise<Client> {
    const t = this.settings.timeoutMs;
    // ldapts speaks TLS from the start whenever tlsOptions is set: only for ldaps://
    const client = new Client({ url: dc.url, timeout: t, connectTimeout: t, strictDN: false, ...(dc.url.startsWith('ldaps:') ? { tlsOptions: this.#tls } : {}) });
    if (this.settings.startTls) {
      try {
        await client.startTLS(this.#tls);
      } catch (e) {
        await client.unbind().catch(() => {});
        throw e;
      }
    }
    return client;
  }

  /** A bind-only connection (the bind pool's): same TLS, CA and timeouts, on the broker's own codec. */
  connectForBinds(dc: DomainController): Promise<BindConnection> {
    return BindConnection.open(dc.url, { timeoutMs: this.settings.timeoutMs, tls: this.#tls, startTls: this.settings.startTls });
  }

  failed(dc: DomainController, e: unknown): void {
    const why = describe(e);
    if (dc.breaker.failure(why)) this.logger.warn({ upstream: dc.url, error: why }, 'ad-connector: domain controller unreachable; failing over');
  }

  succeeded(dc: DomainController): void {
    if (dc.breaker.success()) {
      this.logger.info({ upstream: dc.url }, 'ad-connector: domain controller answers again');
      for (const f of this.onRecovered) f(dc);
    }
  }

  health(): Array<{ url: string; state: string; lastError?: string }> {
    return this.list.map((dc) => ({ url: dc.url, state: dc.breaker.state(), lastError: dc.breaker.lastError }));
  }
}
