// A few connections bound as the service account, reused for look-ups and forwarded searches
// (or, with `account` null, unbound connections used only for user binds: see upstream.ts).
// At most `max` are in use at once; a request beyond that waits up to `timeoutMs`, then gets busy
// (51). A connection whose socket closed is dropped, never reused: ldapts would silently reconnect
// it unbound (anonymous). When a DC's circuit opens, its idle connections are dropped; when a
// preferred DC recovers, idle connections to later DCs are dropped so traffic returns in `urls` order.
import type { Client } from 'ldapts';
import type { DomainController, DomainControllers, Logger } from './domain-controllers.ts';
import { busy, describe, isLdapAnswer, unavailable } from './errors.ts';

/** What the pool needs of a connection: ldapts' Client, or a BindConnection for the bind pool. */
export interface PoolClient {
  readonly isConnected: boolean;
  bind(dn: string, password: string): Promise<void>;
  unbind(): Promise<void>;
}

export interface Lease<C extends PoolClient = Client> {
  client: C;
  dc: DomainController;
}

export interface PoolOptions {
  max: number;
  maxIdle: number;
}

export class ServicePool<C extends PoolClient = Client> {
  #idle: Lease<C>[] = [];
  #inUse = 0;
  #waiters: Array<() => void> = [];
  #closed = false;

  constructor(
    private readonly dcs: DomainControllers,
    private readonly account: (() => { username: string; password: string }) | null,
    private readonly options: PoolOptions,
    private readonly logger: Logger,
    /** How a connection to a DC is opened (default: the DCs' ldapts clients). */
    private readonly connect: (dc: DomainController) => Promise<C> = (dc) => dcs.connect(dc) as unknown as Promise<C>,
  ) {
    dcs.onRecovered.push((dc) => this.#dropIdle((l) => l.dc.index > dc.index));
  }

  async acquire(): Promise<Lease<C>> {
    if (this.#closed) throw unavailable('The directory connector is closed');
    while (this.#inUse >= this.options.max) await this.#wait();
    this.#inUse += 1;
    try {
      for (let l = this.#idle.shift(); l; l = this.#idle.shift()) {
        if (l.client.isConnected && l.dc.breaker.allows()) return l;
        void l.client.unbind().catch(() => {});
      }
      return await this.open();
    } catch (e) {
      this.#returnSlot();
      throw e;
    }
  }

  /** A fresh connection to the first DC that answers (not counted in the pool). */
  async open(): Promise<Lease<C>> {
    const candidates = this.dcs.candidates();
    for (const dc of candidates) {
      let client: C | undefined;
      try {
        client = await this.connect(dc);
        if (this.account) {
          const { username, password } = this.account();
          await client.bind(username, password);
        }
        this.dcs.succeeded(dc);
        return { client, dc };
      } catch (e) {
        void client?.unbind().catch(() => {});
        if (isLdapAnswer(e)) {
          // The DC answered: it is up, but refuses the service account (a configuration error).
          this.dcs.succeeded(dc);
          this.logger.error({ upstream: dc.url, resultCode: e.code, error: e.message }, 'ad-connector: the service account bind was refused');
          throw unavailable('The directory connector cannot sign in to its domain controllers');
        }
        this.dcs.failed(dc, e);
      }
    }
    throw unavailable(candidates.length === 0 ? 'No domain controller is available' : 'No domain controller answered');
  }

  /** Back to the pool after a completed operation (the DC answered). */
  release(l: Lease<C>): void {
    if (!this.#closed && l.client.isConnected && this.#idle.length < this.options.maxIdle) this.#idle.push(l);
    else void l.client.unbind().catch(() => {});
    this.#returnSlot();
  }

  /** After a transport failure: drop this connection and every idle one to the same DC. */
  discard(l: Lease<C>, e: unknown): void {
    this.dcs.failed(l.dc, e);
    this.logger.warn({ upstream: l.dc.url, error: describe(e) }, 'ad-connector: upstream connection lost');
    void l.client.unbind().catch(() => {});
    this.#dropIdle((i) => i.dc === l.dc);
    this.#returnSlot();
  }

  async close(): Promise<void> {
    this.#closed = true;
    for (const w of this.#waiters.splice(0)) w();
    await Promise.all(this.#idle.splice(0).map((l) => l.client.unbind().catch(() => {})));
  }

  #dropIdle(which: (l: Lease<C>) => boolean): void {
    const drop = this.#idle.filter(which);
    this.#idle = this.#idle.filter((l) => !which(l));
    for (const l of drop) void l.client.unbind().catch(() => {});
  }

  #returnSlot(): void {
    this.#inUse -= 1;
    this.#waiters.shift()?.();
  }

  #wait(): Promise<void> {
    return new Promise((resolve, reject) => {
      const wake = () => {
        clearTimeout(timer);
        if (this.#closed) reject(unavailable('The directory connector is closed'));
        else resolve();
      };
      const timer = setTimeout(() => {
        this.#waiters = this.#waiters.filter((w) => w !== wake);
        reject(busy('All connections to the domain controllers are busy; try again'));
      }, this.dcs.settings.timeoutMs);
      this.#waiters.push(wake);
    });
  }
}
