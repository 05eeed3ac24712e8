// Which upstream user a bind name means (its DN and down-level name), remembered for `ttlMs` so a bind costs
// the DC one operation (the bind) instead of two (a service-account look-up, then the bind). It holds names
// only — never a password, a bind result or a group — and every bind still goes to the DC as the user, so a
// changed password, a disabled or locked account applies at once. A bind refused while the name came from
// here is checked against a fresh look-up (see backend.ts), so a renamed or moved user is found again.
export interface ResolvedName {
  dn: string;
  name: string;
}

export class NameCache {
  #entries = new Map<string, { value: ResolvedName; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly max = 10_000,
    private readonly now: () => number = Date.now,
  ) {}

  get enabled(): boolean {
    return this.ttlMs > 0;
  }

  get(key: string): ResolvedName | undefined {
    const hit = this.#entries.get(key);
    if (!hit) return undefined;
    if (hit.until <= this.now()) {
      this.#entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: ResolvedName): void {
    if (!this.enabled) return;
    if (this.#entries.size >= this.max) this.#entries.delete(this.#entries.keys().next().value as string); // oldest first
    this.#entries.set(key, { value, until: this.now() + this.ttlMs });
  }

  delete(key: string): void {
    this.#entries.delete(key);
  }
}
