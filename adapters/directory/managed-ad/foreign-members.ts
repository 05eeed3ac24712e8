// Members from trusted domains in local groups (foreign security principals, see
// simple-ad/foreign-principals.ts). Config seeds may list `ONPREM\alice`, `alice@onprem.example.com`
// or a DN of a trusted domain as a group member: these are taken out of the seed the local
// directory applies, looked up through the trust (for the object's SID) and added as foreign
// principals — at start, and after each verified trust check while any is still pending (the
// trusted domain may be down when the broker starts).
import { type DirectoryBackend, type Entry, type Filter, type ForeignPrincipals, LdapError } from '../../../server/contracts/directory.ts';
import { trustOfName } from './routing.ts';
import { SID_ATTRIBUTES, sidOf } from './sid.ts';
import type { TrustedDomain } from './trusted-domain.ts';

export interface Logger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

interface SeedGroups {
  groups: { name: string; members: string[] }[];
}

export interface ForeignMember {
  group: string;
  member: string;
  trust: TrustedDomain;
}

/** Splits a seed: members naming a trusted domain come out; the rest is the local directory's. */
export function splitSeed<S extends SeedGroups>(seed: S, trusts: readonly TrustedDomain[]): { local: S; foreign: ForeignMember[] } {
  const foreign: ForeignMember[] = [];
  const groups = seed.groups.map((g) => ({
    ...g,
    members: g.members.filter((member) => {
      const trust = trustOfName(member, trusts);
      if (trust) foreign.push({ group: g.name, member, trust });
      return !trust;
    }),
  }));
  return { local: { ...seed, groups }, foreign };
}

const eq = (attribute: string, value: string): Filter => ({ type: 'equality', attribute, value: Buffer.from(value, 'utf8') });
const or = (...filters: Filter[]): Filter => ({ type: 'or', filters });
const ANY: Filter = { type: 'present', attribute: 'objectClass' };
const GROUP: Filter = or(eq('objectClass', 'group'), eq('objectClass', 'groupOfNames'), eq('objectClass', 'groupOfUniqueNames'));

async function first(backend: DirectoryBackend, base: string, scope: 'base' | 'sub', filter: Filter, sizeLimit: number): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const e of backend.search(base, scope, filter, { principal: null, attributes: SID_ATTRIBUTES, sizeLimit })) out.push(e);
  return out;
}

/** An object of the trusted domain by DN; undefined when it does not exist there. */
export async function readForeign(trust: TrustedDomain, dn: string): Promise<Entry | undefined> {
  try {
    return (await first(trust.backend, dn, 'base', ANY, 1))[0];
  } catch (e) {
    if (e instanceof LdapError && e.code === 'noSuchObject') return undefined;
    throw e;
  }
}

/** A user or group of the trusted domain by DN, down-level name or UPN; undefined when none (or several) match. */
export async function findForeign(trust: TrustedDomain, name: string): Promise<Entry | undefined> {
  const downLevel = /^[^\\@=,]+\\([^\\]+)$/.exec(name);
  if (!downLevel && name.includes('=')) return readForeign(trust, name);
  const filter = downLevel
    ? or(eq('sAMAccountName', downLevel[1]), eq('uid', downLevel[1]), { type: 'and', filters: [GROUP, eq('cn', downLevel[1])] })
    : or(eq('userPrincipalName', name), eq('mail', name));
  const found = await first(trust.backend, trust.domain.baseDN, 'sub', filter, 2);
  return found.length === 1 ? found[0] : undefined;
}

export class ForeignMembers {
  #pending: ForeignMember[];
  #running?: Promise<void>;

  constructor(
    pending: ForeignMember[],
    private readonly local: DirectoryBackend,
    private readonly foreign: ForeignPrincipals,
    private readonly logger: Logger,
  ) {
    this.#pending = pending;
  }

  get pending(): readonly ForeignMember[] {
    return this.#pending;
  }

  /** Adds the pending members whose trusted domain answers now (one run at a time). */
  apply(only?: TrustedDomain): Promise<void> {
    this.#running ??= this.#apply(only).finally(() => (this.#running = undefined));
    return this.#running;
  }

  async #apply(only?: TrustedDomain): Promise<void> {
    const left: ForeignMember[] = [];
    for (const m of this.#pending) {
      if ((only && m.trust !== only) || !m.trust.admitsItsUsers) {
        left.push(m);
        continue;
      }
      try {
        const entry = await findForeign(m.trust, m.member);
        if (!entry) {
          this.logger.warn({ group: m.group, member: m.member }, `managed-ad seed: "${m.member}" is not a user or group of ${m.trust.domain.dnsName} (yet); will retry`);
          left.push(m);
          continue;
        }
        const dn = await this.foreign.addToGroups(sidOf(entry, m.trust.domain.dnsName), [m.group]);
        this.logger.info({ group: m.group, member: m.member, foreignPrincipal: dn }, 'managed-ad seed: member from a trusted domain added');
      } catch (e) {
        left.push(m);
        this.logger.warn({ group: m.group, member: m.member, error: e instanceof Error ? e.message : String(e) }, 'managed-ad seed: a member from a trusted domain could not be added now; will retry');
      }
    }
    this.#pending = left;
  }

  /** Local groups (transitive) of a trusted-domain principal: those holding a foreign principal of
   *  the user or of any of its groups in the trusted domain (`upstreamGroups`). */
  async localGroupsOf(trust: TrustedDomain, userDn: string, upstreamGroups: string[]): Promise<string[]> {
    const entries = await Promise.all([userDn, ...upstreamGroups].map((dn) => readForeign(trust, dn).catch(() => undefined)));
    const dns = entries.flatMap((e) => (e ? [this.foreign.dnOf(sidOf(e, trust.domain.dnsName))] : []));
    const groups = await Promise.all(dns.map((dn) => this.local.groupsOf({ dn, name: dn })));
    return groups.flat();
  }
}
