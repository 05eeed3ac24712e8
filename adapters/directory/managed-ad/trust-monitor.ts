// Trust status, checked at start and every `intervalMs`: a trust is verified when its domain
// controllers answer (connect and service-account bind, through the connector's health check, which
// also closes the circuits of DCs that came back) and hold the trusted domain's naming context
// (a base search of its DN). Otherwise failed, with the reason. Each round is also written to the
// Store (`meta` key `dir-trusts:<directory id>`), which `idbroker directories` reads.
// AWS verifies only the outgoing side; here every direction's DCs are checked the same way, since
// one-way-incoming trusts still use them for referrals.
import { LdapError } from '../../../server/contracts/directory.ts';
import type { Store } from '../../../server/contracts/store.ts';
import type { Logger } from './foreign-members.ts';
import type { TrustDirection, TrustedDomain } from './trusted-domain.ts';

export interface TrustStatus {
  dnsName: string;
  netbiosName: string;
  direction: TrustDirection;
  type: 'forest' | 'external';
  status: 'verifying' | 'verified' | 'failed';
  /** Why it failed (no credential or password in it). */
  reason?: string;
  /** ISO time of the last completed check. */
  checkedAt?: string;
  /** ISO time it was last verified. */
  verifiedAt?: string;
}

export const trustStatusKey = (directoryId: string) => `dir-trusts:${directoryId}`;

export class TrustMonitor {
  readonly #status = new Map<TrustedDomain, TrustStatus>();
  #timer?: NodeJS.Timeout;
  #round?: Promise<void>;
  /** Called after a check that verified the trust. */
  readonly onVerified: Array<(t: TrustedDomain) => void> = [];

  constructor(
    private readonly directoryId: string,
    private readonly trusts: readonly TrustedDomain[],
    private readonly store: Store | undefined,
    private readonly logger: Logger,
    private readonly now: () => Date = () => new Date(),
  ) {
    for (const t of trusts) {
      const { dnsName, netbiosName } = t.domain;
      this.#status.set(t, { dnsName, netbiosName, direction: t.config.direction, type: t.config.type, status: 'verifying' });
    }
  }

  statuses(): TrustStatus[] {
    return this.trusts.map((t) => ({ ...this.#status.get(t)! }));
  }

  /** Starts checking every `intervalMs` (0: only when check() is called). */
  start(intervalMs: number): void {
    if (intervalMs > 0 && !this.#timer) {
      this.#timer = setInterval(() => void this.check(), intervalMs);
      this.#timer.unref();
    }
  }

  stop(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
  }

  /** One round of checks (a round already running is joined, not doubled). */
  check(): Promise<void> {
    this.#round ??= this.#check().finally(() => (this.#round = undefined));
    return this.#round;
  }

  async #check(): Promise<void> {
    await Promise.all(this.trusts.map((t) => this.#checkOne(t)));
    if (this.store && this.trusts.length > 0) {
      await this.store.meta.set(trustStatusKey(this.directoryId), JSON.stringify(this.statuses())).catch((err: unknown) =>
        this.logger.warn({ directory: this.directoryId, error: String(err) }, 'managed-ad: could not record trust status'),
      );
    }
  }

  async #checkOne(t: TrustedDomain): Promise<void> {
    const before = this.#status.get(t)!;
    const at = this.now().toISOString();
    let reason: string | undefined;
    try {
      await t.connection.checkHealth();
      let found = 0;
      for await (const e of t.backend.search(t.domain.baseDN, 'base', { type: 'present', attribute: 'objectClass' }, { principal: null, attributes: ['1.1'], sizeLimit: 1 })) found += e ? 1 : 0;
      if (found === 0) reason = `the domain controllers do not hold ${t.domain.baseDN}`;
    } catch (e) {
      reason = e instanceof LdapError && e.code === 'noSuchObject' ? `the domain controllers do not hold ${t.domain.baseDN}` : describe(e);
    }
    const next: TrustStatus = reason === undefined ? { ...before, status: 'verified', reason: undefined, checkedAt: at, verifiedAt: at } : { ...before, status: 'failed', reason, checkedAt: at };
    if (reason === undefined) delete next.reason;
    this.#status.set(t, next);
    if (before.status !== next.status) {
      const fields = { directory: this.directoryId, trust: t.domain.dnsName, ...(reason ? { reason } : {}) };
      if (next.status === 'verified') this.logger.info(fields, `managed-ad: trust with ${t.domain.dnsName} verified`);
      else this.logger.warn(fields, `managed-ad: trust with ${t.domain.dnsName} failed: ${reason}`);
    }
    if (next.status === 'verified') for (const f of this.onVerified) f(t);
  }
}

function describe(e: unknown): string {
  if (e instanceof LdapError) return `${e.code} (${e.resultCode}): ${e.diagnostic.split('\n')[0]}`;
  if (e instanceof Error) return `${(e as NodeJS.ErrnoException).code ?? e.name}: ${e.message.split('\n')[0]}`;
  return String(e);
}
