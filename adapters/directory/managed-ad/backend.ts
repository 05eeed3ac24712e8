// The managed-ad DirectoryBackend: the local directory (everything simple-ad does), plus the
// trusted domains. Names and DNs of a trusted domain go to that domain's DCs when this directory
// trusts it (one-way-outgoing, two-way); otherwise they are refused as AD refuses them.
import {
  type AdBindCode, adError, type BindResult, type BoundPrincipal, type DirectoryBackend, type DomainInfo, type Entry, type Filter, LdapError,
  type ModifyChange, type PasswordChange, type Scope, type SearchOptions,
} from '../../../server/contracts/directory.ts';
import type { DirSyncRequest, DirSyncResult } from '../../../server/contracts/dirsync.ts';
import type { ForeignMembers } from './foreign-members.ts';
import { referralTo } from './referral.ts';
import { trustOfDN, trustOfName } from './routing.ts';
import type { TrustedDomain } from './trusted-domain.ts';

const KNOWN_CODES = new Set<AdBindCode>(['52e', '525', '530', '531', '532', '533', '701', '773', '775']);

export class ManagedAdBackend implements DirectoryBackend {
  readonly kind = 'managed-ad' as const;
  readonly domain: DomainInfo;

  constructor(
    private readonly local: DirectoryBackend,
    private readonly trusts: readonly TrustedDomain[],
    private readonly foreign: ForeignMembers,
    private readonly trustSearch: 'chase' | 'referral',
  ) {
    this.domain = local.domain;
  }

  async bind(name: string, password: string): Promise<BindResult> {
    const trust = trustOfName(name, this.trusts);
    if (!trust) return this.local.bind(name, password);
    // One-way-incoming: this domain does not trust the other one, so its DC cannot pass the logon to
    // the other domain's DCs; the name resolves to no account it may authenticate. AD answers such a
    // simple bind like an unknown user: 49 with `AcceptSecurityContext error, data 52e` — Samba's
    // LDAP server (source4/ldap_server/ldap_bind.c, ldapsrv_bind_error_msg) runs the NTSTATUS through
    // nt_status_squash, which turns NT_STATUS_NO_SUCH_USER into NT_STATUS_LOGON_FAILURE (WERR 0x52e),
    // "to avoid giving the whole game away"; Windows does the same for an untrusted domain's name.
    if (!trust.admitsItsUsers) return { ok: false, adCode: '52e' };
    try {
      return await trust.backend.bind(name, password);
    } catch (e) {
      // The trusted DC refused the logon: this DC reports it in its own words (49, AD's
      // AcceptSecurityContext diagnostic with the refusal's data code), as a DC does for a
      // pass-through logon. Anything else (DCs down) stays an error: unavailable (52).
      if (e instanceof LdapError && e.code === 'invalidCredentials') {
        const code = (e as LdapError & { adCode?: AdBindCode }).adCode;
        return { ok: false, adCode: code && KNOWN_CODES.has(code) ? code : '52e' };
      }
      throw e;
    }
  }

  search(base: string, scope: Scope, filter: Filter, opts: SearchOptions): AsyncIterable<Entry> {
    const trust = trustOfDN(base, this.trusts);
    if (!trust) return this.local.search(base, scope, filter, opts);
    // A base outside this domain: AD answers with a referral to the domain that holds it (clients
    // chase it themselves). Here the broker chases it through the trust by default; with
    // `trustSearch: referral`, or when this directory does not trust that domain, it refers.
    if (!trust.admitsItsUsers || (this.trustSearch === 'referral' && opts.followsReferrals)) return refuse(referralTo(trust, base));
    return trust.backend.search(base, scope, filter, opts);
  }

  /** Writes to a trusted domain's objects are referred there, as AD refers them. */
  #localWrite(dn: string): DirectoryBackend {
    const trust = trustOfDN(dn, this.trusts);
    if (trust) throw referralTo(trust, dn);
    return this.local;
  }

  async add(principal: BoundPrincipal, entry: Entry, password?: string): Promise<void> {
    const local = this.#localWrite(entry.dn);
    if (!local.add) throw adError.willNotPerform();
    return local.add(principal, entry, password);
  }

  async modify(principal: BoundPrincipal, dn: string, changes: ModifyChange[]): Promise<void> {
    const local = this.#localWrite(dn);
    if (!local.modify) throw adError.willNotPerform();
    return local.modify(principal, dn, changes);
  }

  async delete(principal: BoundPrincipal, dn: string): Promise<void> {
    const local = this.#localWrite(dn);
    if (!local.delete) throw adError.willNotPerform();
    return local.delete(principal, dn);
  }

  async modifyDN(principal: BoundPrincipal, dn: string, newRdn: string, deleteOldRdn: boolean, newSuperior?: string): Promise<void> {
    const local = this.#localWrite(dn);
    if (newSuperior !== undefined) this.#localWrite(newSuperior);
    if (!local.modifyDN) throw adError.willNotPerform();
    return local.modifyDN(principal, dn, newRdn, deleteOldRdn, newSuperior);
  }

  async changePassword(principal: BoundPrincipal, target: string, change: PasswordChange): Promise<void> {
    const trust = trustOfName(target, this.trusts);
    if (trust) throw referralTo(trust, target.includes('=') ? target : trust.domain.baseDN);
    if (!this.local.changePassword) throw adError.willNotPerform();
    return this.local.changePassword(principal, target, change);
  }

  /** DirSync covers the local domain (a trusted domain is synchronised from its own DCs). */
  dirSync(principal: BoundPrincipal, request: DirSyncRequest): Promise<DirSyncResult> {
    if (!this.local.dirSync) return Promise.reject(new Error('the local directory keeps no change log'));
    return this.local.dirSync(principal, request);
  }

  /** The local directory's change counter (trusted domains count their own). */
  highestCommittedUSN(): Promise<number> {
    return this.local.highestCommittedUSN?.() ?? Promise.resolve(0);
  }

  /** Local users: the local directory's answer. Trusted-domain users: their groups in their own
   *  domain, plus the local groups that hold a foreign security principal of the user or of one of
   *  those groups (transitively). */
  async groupsOf(principal: BoundPrincipal): Promise<string[]> {
    const trust = trustOfDN(principal.dn, this.trusts);
    if (!trust) return this.local.groupsOf(principal);
    if (!trust.admitsItsUsers) return [];
    const upstream = await trust.backend.groupsOf(principal);
    const local = await this.foreign.localGroupsOf(trust, principal.dn, upstream);
    const seen = new Set<string>();
    return [...upstream, ...local].filter((dn) => !seen.has(dn.toLowerCase()) && !!seen.add(dn.toLowerCase()));
  }
}

async function* refuse(e: LdapError): AsyncGenerator<Entry> {
  yield* [];
  throw e;
}
