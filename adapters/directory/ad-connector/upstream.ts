// Operations against the upstream DCs with fail-over: service-account look-ups and searches on
// pooled connections (retried on the next DC after a transport failure, as long as nothing was
// returned yet), and user binds on short-lived connections of their own (never pooled, so no
// user credential outlives its bind). LDAP results from a DC are relayed, not retried.
import type { Client, Entry as LdaptsEntry, Filter as LdaptsFilter } from 'ldapts';
import { Entry, isBinaryAttribute, type Scope } from '../../../server/contracts/directory.ts';
import type { DomainControllers } from './domain-controllers.ts';
import { isLdapAnswer, relay, unavailable } from './errors.ts';
import type { PoolClient, ServicePool } from './service-pool.ts';

/** ldapts decides per attribute with `explicitBufferAttributes.includes(type)`: answer by syntax. */
const BINARY_NAMES: string[] = Object.assign([] as string[], { includes: (name: string) => isBinaryAttribute(name) });

export interface UpstreamSearch {
  base: string;
  scope: Scope;
  filter: LdaptsFilter;
  attributes: string[];
  sizeLimit: number;
  pageSize: number;
  signal?: AbortSignal;
}

export class Upstream {
  constructor(
    readonly dcs: DomainControllers,
    readonly pool: ServicePool,
    readonly bindPool?: ServicePool<PoolClient>,
  ) {}

  /** Entries as they come, page by page (paged results upstream, so DC size limits don't cut;
   *  base-scope and size-limited searches within one page go unpaged). */
  async *search(q: UpstreamSearch): AsyncGenerator<Entry> {
    for (let attempt = 0; ; attempt++) {
      const lease = await this.pool.acquire();
      let settled = false;
      let yielded = false;
      try {
        const options = {
          scope: q.scope,
          filter: q.filter,
          attributes: q.attributes,
          sizeLimit: q.sizeLimit,
          explicitBufferAttributes: BINARY_NAMES,
        };
        // paging costs the DC a control per request: only where a result could exceed a page
        const paged = q.scope !== 'base' && (q.sizeLimit === 0 || q.sizeLimit > q.pageSize);
        const pages = paged ? lease.client.searchPaginated(q.base, { ...options, paged: { pageSize: q.pageSize } }) : once(lease.client.search(q.base, options));
        let count = 0;
        const stop = () => q.signal?.aborted || (q.sizeLimit > 0 && count >= q.sizeLimit);
        pages: for await (const page of pages) {
          for (const e of page.searchEntries) {
            if (stop()) break pages;
            count += 1;
            yielded = true;
            yield toEntry(e);
          }
          if (stop()) break;
        }
        settled = true;
        this.pool.release(lease);
        return;
      } catch (e) {
        settled = true;
        if (isLdapAnswer(e)) {
          this.pool.release(lease);
          throw relay(e);
        }
        this.pool.discard(lease, e);
        if (yielded) throw unavailable('The domain controller stopped answering during the search');
        if (attempt >= this.dcs.list.length) throw unavailable('No domain controller answered');
      } finally {
        // the consumer stopped early (return()): the connection is still good
        if (!settled) this.pool.release(lease);
      }
    }
  }

  /** Collects a small search (the connector's own look-ups). */
  async all(q: Omit<UpstreamSearch, 'pageSize'>): Promise<Entry[]> {
    const out: Entry[] = [];
    for await (const e of this.search({ ...q, pageSize: 500 })) out.push(e);
    return out;
  }

  /** Binds as `dn` on the first DC that answers. Resolves on success; throws the DC's LDAP result
   *  (relayed) or unavailable. With a bind pool, on a reused bind-only connection (each bind
   *  replaces the last identity; the connection never reads); else on a fresh one, closed after. */
  async bindAs(dn: string, password: string): Promise<void> {
    if (this.bindPool) return this.#bindPooled(this.bindPool, dn, password);
    const candidates = this.dcs.candidates();
    for (const dc of candidates) {
      let client: Client | undefined;
      try {
        client = await this.dcs.connect(dc);
        await client.bind(dn, password);
        this.dcs.succeeded(dc);
        return;
      } catch (e) {
        if (isLdapAnswer(e)) {
          this.dcs.succeeded(dc);
          throw relay(e);
        }
        this.dcs.failed(dc, e);
      } finally {
        void client?.unbind().catch(() => {});
      }
    }
    throw unavailable(candidates.length === 0 ? 'No domain controller is available' : 'No domain controller answered');
  }

  async #bindPooled(pool: ServicePool<PoolClient>, dn: string, password: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      const lease = await pool.acquire();
      try {
        await lease.client.bind(dn, password);
        this.dcs.succeeded(lease.dc);
        pool.release(lease);
        return;
      } catch (e) {
        if (isLdapAnswer(e)) {
          this.dcs.succeeded(lease.dc);
          pool.release(lease);
          throw relay(e);
        }
        pool.discard(lease, e);
        if (attempt >= this.dcs.list.length) throw unavailable('No domain controller answered');
      }
    }
  }

  async close(): Promise<void> {
    await Promise.all([this.pool.close(), this.bindPool?.close()]);
  }
}

async function* once<T>(p: Promise<T>): AsyncGenerator<T> {
  yield await p;
}

function toEntry(e: LdaptsEntry): Entry {
  const out = new Entry(e.dn);
  for (const [name, v] of Object.entries(e)) {
    if (name === 'dn') continue;
    const values = Array.isArray(v) ? v : [v];
    if (values.length > 0) out.set(name, values as Array<string | Buffer>);
  }
  return out;
}
