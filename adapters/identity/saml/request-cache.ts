// node-saml's CacheProvider (AuthnRequest ids for InResponseTo checks) over the Store, so that any replica can
// finish a login another one started. Entries older than the TTL count as absent.
import type { CacheItem, CacheProvider } from '@node-saml/node-saml';
import type { Store } from '../../../server/contracts/store.ts';

export const SAML_REQUEST = 'saml-authn-request';

interface Entry {
  value: string;
  createdAt: number;
}

export function storeCacheProvider(store: Store, ttlMs = 10 * 60_000, now: () => number = Date.now): CacheProvider {
  return {
    async saveAsync(key: string, value: string): Promise<CacheItem | null> {
      const createdAt = now();
      await store.entities.upsert({ account: '', kind: SAML_REQUEST, key, data: { value, createdAt } satisfies Entry });
      return { value, createdAt };
    },
    async getAsync(key: string): Promise<string | null> {
      const rec = await store.entities.get<Entry>('', SAML_REQUEST, key);
      if (!rec || now() - rec.data.createdAt > ttlMs) return null;
      return rec.data.value;
    },
    async removeAsync(key: string | null): Promise<string | null> {
      if (key === null) return null;
      const rec = await store.entities.get<Entry>('', SAML_REQUEST, key);
      await store.entities.delete('', SAML_REQUEST, key);
      return rec?.data.value ?? null;
    },
  };
}
