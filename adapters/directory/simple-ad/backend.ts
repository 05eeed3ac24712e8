// The simple-ad DirectoryBackend: each operation is a module of its own; this class binds them to
// one directory's context.
import type {
  BindResult, BoundPrincipal, DirectoryBackend, DomainInfo, Entry, Filter, ModifyChange, PasswordChange, Scope, SearchOptions,
} from '../../../server/contracts/directory.ts';
import type { DirSyncRequest, DirSyncResult } from '../../../server/contracts/dirsync.ts';
import { dirSync } from './dirsync.ts';
import { keyOf } from './model.ts';
import { bind } from './bind.ts';
import { changePassword } from './change-password.ts';
import type { Ctx } from './context.ts';
import { search } from './search.ts';
import { add, modify, modifyDN, remove } from './writes.ts';

export class SimpleAdBackend implements DirectoryBackend {
  readonly kind = 'simple-ad' as const;
  readonly domain: DomainInfo;

  constructor(private readonly ctx: Ctx) {
    this.domain = ctx.domain;
  }

  bind(name: string, password: string): Promise<BindResult> {
    return bind(this.ctx, name, password);
  }

  search(base: string, scope: Scope, filter: Filter, opts: SearchOptions): AsyncIterable<Entry> {
    return search(this.ctx, base, scope, filter, opts);
  }

  add(principal: BoundPrincipal, entry: Entry, password?: string): Promise<void> {
    return add(this.ctx, principal, entry, password);
  }

  modify(principal: BoundPrincipal, dn: string, changes: ModifyChange[]): Promise<void> {
    return modify(this.ctx, principal, dn, changes);
  }

  delete(principal: BoundPrincipal, dn: string): Promise<void> {
    return remove(this.ctx, principal, dn);
  }

  modifyDN(principal: BoundPrincipal, dn: string, newRdn: string, deleteOldRdn: boolean, newSuperior?: string): Promise<void> {
    return modifyDN(this.ctx, principal, dn, newRdn, deleteOldRdn, newSuperior);
  }

  changePassword(principal: BoundPrincipal, target: string, change: PasswordChange): Promise<void> {
    return changePassword(this.ctx, principal, target, change);
  }

  /** DirSync from the change stamps and tombstones (dirsync.ts). */
  dirSync(principal: BoundPrincipal, request: DirSyncRequest): Promise<DirSyncResult> {
    return dirSync(this.ctx, principal, request);
  }

  /** The store's generation: every write claims the next one and stamps it as uSNChanged. */
  async highestCommittedUSN(): Promise<number> {
    return (await this.ctx.state.model()).generation;
  }

  /** Transitive group DNs (through `member`; the primary group, Domain Users, is implicit as in memberOf). */
  async groupsOf(principal: BoundPrincipal): Promise<string[]> {
    const m = await this.ctx.state.model();
    return [...m.transitiveGroups(keyOf(principal.dn).key)].map((k) => m.get(k)!.entry.dn);
  }
}
