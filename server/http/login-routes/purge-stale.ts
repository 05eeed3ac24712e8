// Pending sign-ins that were never finished (SAML AuthnRequests, OIDC login states) are deleted once past their
// TTL, by the broker's periodic housekeeping, so abandoned logins do not pile up in the Store.
import type { Store } from '../../contracts/store.ts';

export async function purgeStaleLogins(store: Store, kinds: readonly string[], ttlMs: number, now: Date, pageSize = 500): Promise<number> {
  let removed = 0;
  for (const kind of kinds) {
    let afterKey: string | undefined;
    for (;;) {
      const page = await store.entities.list<{ createdAt?: number }>('', kind, { limit: pageSize, ...(afterKey ? { afterKey } : {}) });
      for (const r of page) if (now.getTime() - (r.data.createdAt ?? 0) > ttlMs && (await store.entities.delete('', kind, r.key))) removed++;
      if (page.length < pageSize) break;
      afterKey = page[page.length - 1].key;
    }
  }
  return removed;
}
