// groupsOf: a user's transitive groups. Direct groups from memberOf when the DC keeps it (AD, or
// OpenLDAP with the memberof overlay), else by searching (|(member=<dn>)(uniqueMember=<dn>)); then
// parents level by level with one OR search per level (works on AD and OpenLDAP alike), cycles and
// depth bounded. Optionally cached for `groupCacheSeconds` (0 = no cache, the default, as AWS).
import type { DomainInfo, Filter } from '../../../server/contracts/directory.ts';
import { eq, or } from './filter.ts';
import { toLdaptsFilter } from './filter.ts';
import type { Upstream } from './upstream.ts';

const MAX_DEPTH = 32;
const BATCH = 50;

export class GroupResolver {
  #cache = new Map<string, { groups: string[]; expires: number }>();

  constructor(
    private readonly upstream: Upstream,
    private readonly domain: DomainInfo,
    private readonly cacheSeconds: number,
    private readonly now: () => number = Date.now,
  ) {}

  async groupsOf(userDn: string): Promise<string[]> {
    const key = userDn.toLowerCase();
    const hit = this.#cache.get(key);
    if (hit && hit.expires > this.now()) return [...hit.groups];
    const groups = await this.#resolve(userDn);
    if (this.cacheSeconds > 0) {
      this.#cache.set(key, { groups, expires: this.now() + this.cacheSeconds * 1000 });
      if (this.#cache.size > 10_000) this.#cache.delete(this.#cache.keys().next().value!);
    }
    return [...groups];
  }

  async #resolve(userDn: string): Promise<string[]> {
    const [user] = await this.upstream.all({ base: userDn, scope: 'base', filter: toLdaptsFilter({ type: 'present', attribute: 'objectClass' }), attributes: ['memberOf'], sizeLimit: 0 });
    const memberOf = (user?.get('memberOf') ?? []).map(String);
    const seen = new Map<string, string>();
    let frontier = memberOf.length > 0 ? memberOf : await this.#parents([userDn]);
    for (let depth = 0; frontier.length > 0 && depth < MAX_DEPTH; depth++) {
      const fresh = frontier.filter((g) => !seen.has(g.toLowerCase()));
      for (const g of fresh) seen.set(g.toLowerCase(), g);
      frontier = fresh.length > 0 ? await this.#parents(fresh) : [];
    }
    return [...seen.values()];
  }

  /** Groups that have any of `dns` as a direct member. */
  async #parents(dns: string[]): Promise<string[]> {
    const out: string[] = [];
    for (let i = 0; i < dns.length; i += BATCH) {
      const alternatives: Filter[] = dns.slice(i, i + BATCH).flatMap((dn) => [eq('member', dn), eq('uniqueMember', dn)]);
      const found = await this.upstream.all({ base: this.domain.baseDN, scope: 'sub', filter: toLdaptsFilter(or(...alternatives)), attributes: ['1.1'], sizeLimit: 0 });
      out.push(...found.map((e) => e.dn));
    }
    return out;
  }
}
