// What every simple-ad operation shares: the state, the domain, the policies from the config,
// the clock, and the small lookups (bind names, admin rights, the entry view clients see).
import { type BoundPrincipal, type DomainInfo, Entry, adError } from '../../../server/contracts/directory.ts';
import { rdnKeys } from '../../../server/contracts/dn.ts';
import { samAccountType } from './account-type.ts';
import { fileTime, fileTimeMs, generalizedTime, UAC } from './ad-values.ts';
import { type Activity, showActivity } from './logon-activity.ts';
import { isGroup, isUser, keyOf, lc, type Model, type Obj } from './model.ts';
import type { PasswordPolicy, ScryptCost } from './passwords.ts';
import type { DirectoryState } from './state.ts';

export interface LockoutPolicy {
  threshold: number;
  windowSeconds: number;
  durationSeconds: number;
}

export interface Ctx {
  state: DirectoryState;
  domain: DomainInfo;
  lockout: LockoutPolicy;
  /** The data code for a name that resolves to no user (config `unknownUserCode`). */
  unknownUserCode: '52e' | '525';
  passwordPolicy: PasswordPolicy;
  adminGroups: string[];
  /** Object limit (AWS Simple AD: small ≈ 2,000 objects, large ≈ 20,000; users, groups, computers, OUs). */
  limits: { objects: number };
  cost: ScryptCost;
  now: () => Date;
  /** Told when failed binds lock an account (the broker logs how to unlock it). */
  onLockout?: (sam: string) => void;
}

/** DN, UPN (explicit, or implicit sAMAccountName@dnsName) or NETBIOS\sAMAccountName → the object. */
export function resolveName(ctx: Ctx, m: Model, name: string): Obj | undefined {
  const bs = name.indexOf('\\');
  if (bs > 0 && !name.includes('=')) {
    if (name.slice(0, bs).toLowerCase() !== ctx.domain.netbiosName.toLowerCase()) return undefined;
    const k = m.bySam.get(lc(name.slice(bs + 1))!);
    return k === undefined ? undefined : m.get(k);
  }
  if (name.includes('=')) {
    try {
      return m.get(keyOf(name).key);
    } catch {
      return undefined;
    }
  }
  const at = name.lastIndexOf('@');
  if (at <= 0) return undefined;
  const k = m.byUpn.get(lc(name)!) ??
    (name.slice(at + 1).toLowerCase() === ctx.domain.dnsName.toLowerCase() ? m.bySam.get(lc(name.slice(0, at))!) : undefined);
  return k === undefined ? undefined : m.get(k);
}

export function principalOf(ctx: Ctx, o: Obj): BoundPrincipal {
  return { dn: o.entry.dn, name: `${ctx.domain.netbiosName}\\${o.entry.first('sAMAccountName')}` };
}

/** Keys of the configured admin groups (by sAMAccountName, cn or DN). */
function adminGroupKeys(ctx: Ctx, m: Model): Set<string> {
  const out = new Set<string>();
  for (const g of ctx.adminGroups) {
    let k: string | undefined;
    if (g.includes('=')) {
      try {
        k = keyOf(g).key;
      } catch {
        k = undefined;
      }
    } else k = m.bySam.get(lc(g)!);
    if (k !== undefined && m.get(k) && isGroup(m.get(k)!.entry)) out.add(k);
  }
  return out;
}

export function isAdmin(ctx: Ctx, m: Model, who: BoundPrincipal): boolean {
  let key: string;
  try {
    key = keyOf(who.dn).key;
  } catch {
    return false;
  }
  if (!m.get(key)) return false;
  const admins = adminGroupKeys(ctx, m);
  for (const g of m.transitiveGroups(key)) if (admins.has(g)) return true;
  return false;
}

export function requireAdmin(ctx: Ctx, m: Model, who: BoundPrincipal): void {
  if (!isAdmin(ctx, m, who)) throw adError.insufficientAccessRights();
}

/** The stored object or noSuchObject with AD's best match. */
export function getOrThrow(m: Model, dn: string): Obj {
  const keys = rdnKeys(dn);
  const o = m.get(keys.join(','));
  if (o) return o;
  for (let i = 1; i < keys.length; i++) {
    const p = m.get(keys.slice(i).join(','));
    if (p) throw adError.noSuchObject(p.entry.dn);
  }
  throw adError.noSuchObject('');
}

export function isLocked(ctx: Ctx, e: Entry): boolean {
  const at = fileTimeMs(e.first('lockoutTime'));
  if (at === undefined) return false;
  return ctx.lockout.durationSeconds === 0 || ctx.now().getTime() < at + ctx.lockout.durationSeconds * 1000;
}

export function passwordExpired(ctx: Ctx, e: Entry): boolean {
  const days = ctx.passwordPolicy.maxAgeDays;
  if (days === 0 || Number(e.first('userAccountControl') ?? 0) & UAC.DONT_EXPIRE_PASSWORD) return false;
  const set = fileTimeMs(e.first('pwdLastSet'));
  return set !== undefined && ctx.now().getTime() > set + days * 86_400_000;
}

const domainKeys = new WeakMap<Ctx, string>();
const domainKey = (ctx: Ctx): string => {
  let k = domainKeys.get(ctx);
  if (k === undefined) domainKeys.set(ctx, (k = keyOf(ctx.domain.baseDN).key));
  return k;
};

/** What a search returns for an object: the stored attributes plus AD's constructed ones. */
export function view(ctx: Ctx, m: Model, o: Obj, opts: { tokenGroups: boolean; activity?: Map<string, Activity> }): Entry {
  const e = o.entry.clone();
  e.set('distinguishedName', [e.dn]);
  // instanceType: IT_WRITE (4), plus IT_NC_HEAD (1) on the domain object
  e.set('instanceType', [o.key === domainKey(ctx) ? '5' : '4']);
  const atype = samAccountType(e);
  if (atype !== undefined) e.set('sAMAccountType', [String(atype)]);
  const direct = [...(m.groupsOfMember.get(o.key) ?? [])].map((k) => m.get(k)?.entry.dn).filter((d): d is string => d !== undefined);
  if (direct.length > 0) e.set('memberOf', direct);
  const created = e.first('whenCreated');
  const changed = e.first('whenChanged');
  if (created) e.set('createTimestamp', [created]);
  if (changed) e.set('modifyTimestamp', [changed]);
  if (isUser(e)) {
    const computed = (isLocked(ctx, e) ? UAC.LOCKOUT : 0) | (passwordExpired(ctx, e) ? UAC.PASSWORD_EXPIRED : 0);
    e.set('msDS-User-Account-Control-Computed', [String(computed)]);
    if (opts.activity) {
      const guid = e.get('objectGUID')?.[0];
      showActivity(e, Buffer.isBuffer(guid) ? opts.activity.get(guid.toString('hex')) : undefined);
    }
  }
  if (opts.tokenGroups && (isUser(e) || isGroup(e))) e.set('tokenGroups', tokenGroups(ctx, m, o));
  return e;
}

/** SIDs of every group the object is in, transitively, including its primary group. */
function tokenGroups(ctx: Ctx, m: Model, o: Obj): Buffer[] {
  const keys = m.transitiveGroups(o.key);
  const primary = o.entry.first('primaryGroupID');
  const domainSid = o.entry.get('objectSid')?.[0];
  if (primary && Buffer.isBuffer(domainSid)) {
    const sid = Buffer.from(domainSid);
    sid.writeUInt32LE(Number(primary), sid.length - 4);
    const pk = m.bySid.get(sid.toString('hex'));
    if (pk) for (const k of [pk, ...m.transitiveGroups(pk)]) keys.add(k);
  }
  return [...keys].map((k) => m.get(k)?.entry.get('objectSid')?.[0]).filter((s): s is Buffer => Buffer.isBuffer(s));
}

/** whenChanged / uSNChanged stamps for an object written in generation `usn`. */
export function stamp(ctx: Ctx, e: Entry, usn: number, created = false): void {
  const t = generalizedTime(ctx.now());
  if (created) {
    e.set('whenCreated', [t]);
    e.set('uSNCreated', [String(usn)]);
  }
  e.set('whenChanged', [t]);
  e.set('uSNChanged', [String(usn)]);
}

export const nowFileTime = (ctx: Ctx): string => fileTime(ctx.now());
