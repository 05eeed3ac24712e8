// One circuit breaker per domain controller. Closed: requests go to the DC. A transport failure
// opens it for `cooldownMs` (doubling on each failed retry, up to `maxCooldownMs`): requests skip the
// DC at once instead of waiting for it. After the cool-down one request may try it (half-open); a
// success — or a passing health check — closes it again.
export interface BreakerOptions {
  /** Consecutive transport failures that open the circuit (default 1: a refused or timed-out
   *  connection is already a clear signal, and the next DC is ready). */
  failureThreshold: number;
  cooldownMs: number;
  maxCooldownMs: number;
  /** The clock cool-downs run on (ms; default Date.now; tests move theirs). */
  now?: () => number;
}

export const DEFAULT_BREAKER: BreakerOptions = { failureThreshold: 1, cooldownMs: 2_000, maxCooldownMs: 30_000 };

export type BreakerState = 'closed' | 'open' | 'half-open';

export class CircuitBreaker {
  #failures = 0;
  #openUntil = 0;
  #cooldown: number;
  lastError?: string;

  constructor(
    readonly options: BreakerOptions,
    private readonly now: () => number = options.now ?? Date.now,
  ) {
    this.#cooldown = options.cooldownMs;
  }

  state(): BreakerState {
    if (this.#failures < this.options.failureThreshold) return 'closed';
    return this.now() >= this.#openUntil ? 'half-open' : 'open';
  }

  /** Whether a request may go to this DC now (closed or half-open). */
  allows(): boolean {
    return this.state() !== 'open';
  }

  /** Returns true when this success closed an open circuit. */
  success(): boolean {
    const wasOpen = this.#failures >= this.options.failureThreshold;
    this.#failures = 0;
    this.#cooldown = this.options.cooldownMs;
    this.lastError = undefined;
    return wasOpen;
  }

  /** Returns true when this failure opened the circuit (or kept it open after a retry). */
  failure(error: string): boolean {
    this.lastError = error;
    const wasHalfOpen = this.state() === 'half-open';
    this.#failures += 1;
    if (this.#failures < this.options.failureThreshold) return false;
    if (wasHalfOpen) this.#cooldown = Math.min(this.#cooldown * 2, this.options.maxCooldownMs);
    this.#openUntil = this.now() + this.#cooldown;
    return true;
  }
}
