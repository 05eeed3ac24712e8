// The ad-connector DirectoryBackend: binds are checked by the upstream DC as the user, searches
// run with the service account's rights, and nothing is written (add/modify/delete/modifyDN/
// changePassword are absent, so the LDAP front end answers unwillingToPerform (53), as AWS's
// connector refuses writes).
import { type BindResult, type BoundPrincipal, type DirectoryBackend, type DomainInfo, type Entry, type Filter, ResultCode, type Scope, type SearchOptions } from '../../../server/contracts/directory.ts';
import type { Logger } from './domain-controllers.ts';
import { toLdaptsFilter } from './filter.ts';
import type { GroupResolver } from './groups.ts';
import { downLevelName, NAME_ATTRIBUTES, parseBindName, pickBindUser } from './names.ts';
import type { Upstream } from './upstream.ts';
import { NameCache, type ResolvedName } from './name-cache.ts';
import { UpstreamLdapError } from './errors.ts';

const ANY = toLdaptsFilter({ type: 'present', attribute: 'objectClass' });

export class AdConnectorBackend implements DirectoryBackend {
  readonly kind = 'ad-connector' as const;

  constructor(
    readonly domain: DomainInfo,
    private readonly upstream: Upstream,
    private readonly groups: GroupResolver,
    private readonly logger: Logger,
    private readonly names: NameCache = new NameCache(0),
    private readonly pageSize = 500,
  ) {}

  /** Wrong password or a refused account: throws the DC's LDAP result unchanged (an
   *  UpstreamLdapError: code and diagnostic as the DC sent them, `adCode` parsed from AD's
   *  `data XXX`). A name no user has: `{ ok: false, adCode: '52e' }`, as AD answers. */
  async bind(name: string, password: string): Promise<BindResult> {
    const parsed = parseBindName(name, this.domain);
    if (parsed.kind === 'foreign') return { ok: false, adCode: '52e' };
    const key = parsed.kind === 'dn' ? `dn:${parsed.dn.toLowerCase()}` : `name:${name.toLowerCase()}`;
    const cached = this.names.get(key);
    if (cached) {
      try {
        await this.upstream.bindAs(cached.dn, password);
        return { ok: true, principal: { ...cached } };
      } catch (e) {
        if (!(e instanceof UpstreamLdapError) || e.upstreamResultCode !== ResultCode.invalidCredentials) throw e;
        this.names.delete(key);
        // refused: was it still the right user? A DN names itself; a name is looked up afresh, and only a
        // different DN is tried (one bind per user and attempt: the DC's lockout counts each attempt once)
        if (parsed.kind === 'dn') throw e;
        const fresh = await this.#resolve(name, parsed.filter);
        if (!fresh || fresh.dn.toLowerCase() === cached.dn.toLowerCase()) {
          if (!fresh) return { ok: false, adCode: '52e' };
          throw e;
        }
        return this.#bindResolved(key, fresh, password);
      }
    }
    if (parsed.kind === 'dn') {
      // the name read runs beside the bind (its result is dropped when the bind fails)
      const read = this.upstream.all({ base: parsed.dn, scope: 'base', filter: ANY, attributes: NAME_ATTRIBUTES, sizeLimit: 1 }).catch(() => []);
      await Promise.all([this.upstream.bindAs(parsed.dn, password), read]);
      const [entry] = await read;
      const principal = { dn: entry?.dn ?? parsed.dn, name: downLevelName(entry ?? { dn: parsed.dn, first: () => undefined }, this.domain) };
      if (entry) this.names.set(key, principal);
      return { ok: true, principal };
    }
    const user = await this.#resolve(name, parsed.filter);
    if (!user) return { ok: false, adCode: '52e' };
    return this.#bindResolved(key, user, password);
  }

  /** The one upstream user a bind name means, by a service-account search; undefined for none or several. */
  async #resolve(name: string, filter: Filter): Promise<ResolvedName | undefined> {
    const found = await this.upstream.all({ base: this.domain.baseDN, scope: 'sub', filter: toLdaptsFilter(filter), attributes: NAME_ATTRIBUTES, sizeLimit: 2 });
    const user = pickBindUser(name, found);
    if (!user) {
      if (found.length > 1) this.logger.warn({ entries: found.map((e) => e.dn) }, 'ad-connector: a bind name matches more than one upstream user; refused');
      return undefined;
    }
    return { dn: user.dn, name: downLevelName(user, this.domain) };
  }

  async #bindResolved(key: string, user: ResolvedName, password: string): Promise<BindResult> {
    await this.upstream.bindAs(user.dn, password);
    this.names.set(key, user);
    return { ok: true, principal: { ...user } };
  }

  search(base: string, scope: Scope, filter: Filter, opts: SearchOptions): AsyncIterable<Entry> {
    return this.upstream.search({
      base,
      scope,
      filter: toLdaptsFilter(filter),
      attributes: opts.attributes,
      sizeLimit: opts.sizeLimit,
      pageSize: this.pageSize,
      signal: opts.signal,
    });
  }

  groupsOf(principal: BoundPrincipal): Promise<string[]> {
    return this.groups.groupsOf(principal.dn);
  }
}
