// Add, modify, delete and modifyDN with AD's semantics. Each is one Store transaction; only
// members of the admin groups may write, except a user's SELF rights on their own personal and
// web information (self-rights.ts); a user changes their own password through changePassword.
import { adError, type BoundPrincipal, type Entry, LdapError, type ModifyChange, type AttributeValue } from '../../../server/contracts/directory.ts';
import { dnEquals, parseDN } from '../../../server/contracts/dn.ts';
import { type Ctx, getOrThrow, isAdmin, nowFileTime, requireAdmin, stamp } from './context.ts';
import { isGroup, isUser, keyOf, KIND, lc, type Model, memberKey, type Obj } from './model.ts';
import { buildObject, checkSam, constraint, nameExists, objectClassViolation, SYSTEM_ATTRIBUTES } from './objects.ts';
import { hashPassword, policyViolation } from './passwords.ts';
import { requireSelfWrite } from './self-rights.ts';
import type { Batch } from './state.ts';
import { bury } from './tombstones.ts';

export const policyError = (why: string): LdapError =>
  new LdapError('constraintViolation', `0000052D: Constraint violation - check_password_restrictions: ${why}\n`);

/** member values must name existing objects; they are stored with the target's own spelling. */
function members(batch: Batch, values: AttributeValue[]): string[] {
  return values.map((v) => {
    const k = memberKey(v);
    const o = k === undefined ? undefined : batch.get(k);
    if (!o) throw adError.noSuchObject(String(v));
    return o.entry.dn;
  });
}

export async function add(ctx: Ctx, who: BoundPrincipal, entry: Entry, password?: string): Promise<void> {
  requireAdmin(ctx, await ctx.state.model(), who);
  let hash: string | undefined;
  if (password !== undefined) {
    const why = policyViolation(password, ctx.passwordPolicy, { sam: entry.first('sAMAccountName') ?? '', displayName: entry.first('displayName') });
    if (why) throw policyError(why);
    hash = await hashPassword(password, ctx.cost);
  }
  await ctx.state.write(async (batch, tx) => {
    requireAdmin(ctx, batch.model, who);
    getOrThrow(batch.model, parentDN(entry.dn));
    const src = entry.clone();
    if (src.has('member')) src.set('member', members(batch, src.get('member')!));
    const o = await buildObject(ctx, batch, tx, { dn: entry.dn, attributes: src, password: hash ? { hash } : undefined });
    batch.put(o);
  });
}

function parentDN(dn: string): string {
  const i = dn.search(/(?<!\\),/);
  if (i < 0) throw adError.noSuchObject('');
  return dn.slice(i + 1);
}

const same = (a: AttributeValue, b: AttributeValue): boolean =>
  Buffer.isBuffer(a) || Buffer.isBuffer(b) ? Buffer.compare(Buffer.from(a as Buffer), Buffer.from(b as Buffer)) === 0 : a.toLowerCase() === b.toLowerCase();

export async function modify(ctx: Ctx, who: BoundPrincipal, dn: string, changes: ModifyChange[]): Promise<void> {
  await ctx.state.write(async (batch, tx) => {
    if (!isAdmin(ctx, batch.model, who)) requireSelfWrite(batch.model, who, dn, changes);
    const o = getOrThrow(batch.model, dn);
    const cur = batch.get(o.key)!;
    const e = cur.entry.clone();
    const [rdn] = parseDN(e.dn)[0];
    let unlock = false;
    for (const c of changes) {
      const attr = c.attribute.split(';')[0];
      const lower = attr.toLowerCase();
      if (SYSTEM_ATTRIBUTES.has(lower) || lower === 'objectclass') throw constraint(`${attr} cannot be modified`);
      if (lower === rdn.type.toLowerCase()) throw new LdapError('notAllowedOnRDN', '00002016: UpdErr: DSID-030F1A4A, problem 6003 (NOT_ALLOWED_ON_RDN), data 0\n');
      let values = lower === 'member' && c.operation !== 'delete' ? members(batch, c.values) : c.values;
      const old = e.get(attr) ?? [];
      if (c.operation === 'replace') e.set(attr, values);
      else if (c.operation === 'add') {
        if (values.some((v) => old.some((x) => same(x, v)))) {
          throw new LdapError('attributeOrValueExists', `00002083: AtrErr: DSID-03151818, #1:\n\t0: 00002083: DSID-03151818, problem 1006 (ATT_OR_VALUE_EXISTS), data 0, Att (${attr})\n`);
        }
        e.set(attr, [...old, ...values]);
      } else if (c.operation === 'delete') {
        const eqv = (x: AttributeValue, v: AttributeValue): boolean => (lower === 'member' ? dnEquals(String(x), String(v)) : same(x, v));
        if (old.length === 0 || values.some((v) => !old.some((x) => eqv(x, v)))) throw adError.noSuchAttribute(attr);
        e.set(attr, values.length === 0 ? [] : old.filter((x) => !values.some((v) => eqv(x, v))));
      } else {
        if (old.length !== 1 || values.length !== 1 || !/^-?\d+$/.test(String(old[0])) || !/^-?\d+$/.test(String(values[0]))) throw adError.willNotPerform();
        e.set(attr, [String(BigInt(String(old[0])) + BigInt(String(values[0])))]);
      }
      values = e.get(attr) ?? [];
      unlock ||= lower === 'lockouttime';
      checkAttribute(batch.model, cur, lower, values);
    }
    if (isUser(e)) normaliseUser(ctx, e, cur.entry, unlock);
    // an unlock (lockoutTime: 0) also forgets the failures, as AD resets badPwdCount (the counter: lockout.ts)
    const guid = e.get('objectGUID')?.[0];
    if (unlock && Buffer.isBuffer(guid)) await tx.entities.deleteByParent(ctx.state.account, [KIND.lockout], guid.toString('hex'));
    stamp(ctx, e, batch.usn);
    batch.put({ ...cur, entry: e });
  });
}

function checkAttribute(m: Model, o: Obj, lower: string, values: AttributeValue[]): void {
  const taken = (idx: Map<string, string>): boolean => values.length === 1 && (idx.get(lc(String(values[0]))!) ?? o.key) !== o.key;
  if (lower === 'samaccountname') {
    if (values.length !== 1 || !(isUser(o.entry) || isGroup(o.entry))) throw constraint('sAMAccountName must have exactly one value');
    checkSam(String(values[0]), isGroup(o.entry));
    if (taken(m.bySam)) throw nameExists();
  }
  if (lower === 'userprincipalname') {
    if (values.length > 1) throw constraint('userPrincipalName is single-valued');
    if (taken(m.byUpn)) throw nameExists();
  }
  if (lower === 'member' && !isGroup(o.entry)) throw objectClassViolation('member is a group attribute');
}

/** userAccountControl without its computed bits; pwdLastSet 0 (must change) or -1 (now); lockoutTime 0 unlocks. */
function normaliseUser(ctx: Ctx, e: Entry, before: Entry, unlock: boolean): void {
  const uac = Number(e.first('userAccountControl') ?? NaN);
  if (!Number.isInteger(uac)) throw constraint('userAccountControl must be an integer');
  e.set('userAccountControl', [String(uac & ~0x800010)]);
  const pls = e.first('pwdLastSet');
  if (pls !== before.first('pwdLastSet')) {
    if (pls === '-1') e.set('pwdLastSet', [nowFileTime(ctx)]);
    else if (pls !== '0') throw constraint('pwdLastSet accepts only 0 or -1');
  }
  if (unlock && e.first('lockoutTime') !== '0') throw constraint('lockoutTime accepts only 0');
}

export async function remove(ctx: Ctx, who: BoundPrincipal, dn: string): Promise<void> {
  await ctx.state.write(async (batch, tx) => {
    const m = batch.model;
    requireAdmin(ctx, m, who);
    const o = getOrThrow(m, dn);
    const guid = o.entry.get('objectGUID')?.[0];
    if (Buffer.isBuffer(guid)) await tx.entities.deleteByParent(ctx.state.account, [KIND.lockout, KIND.logon], guid.toString('hex'));
    if ((m.children.get(o.key)?.size ?? 0) > 0) throw adError.notAllowedOnNonLeaf();
    if (o.entry.first('isCriticalSystemObject') === 'TRUE') throw adError.willNotPerform();
    rewriteMembers(ctx, batch, new Map([[o.key, null]]));
    bury(ctx, batch, o);
    batch.remove(o.key);
  });
}

/** Rewrites (or drops, when mapped to null) member values of every group referring to the keys. */
function rewriteMembers(ctx: Ctx, batch: Batch, moved: Map<string, string | null>): void {
  const groups = new Set<string>();
  for (const k of moved.keys()) for (const g of batch.model.groupsOfMember.get(k) ?? []) groups.add(g);
  for (const old of groups) {
    const to = moved.get(old);
    const cur = batch.get(typeof to === 'string' ? keyOf(to).key : old);
    if (!cur) continue;
    const e = cur.entry.clone();
    const next = (e.get('member') ?? []).flatMap((v) => {
      const k = memberKey(v);
      if (k === undefined || !moved.has(k)) return [v];
      const to = moved.get(k);
      return to === null || to === undefined ? [] : [to];
    });
    e.set('member', next);
    stamp(ctx, e, batch.usn);
    batch.put({ ...cur, entry: e });
  }
}

export async function modifyDN(ctx: Ctx, who: BoundPrincipal, dn: string, newRdn: string, _deleteOldRdn: boolean, newSuperior?: string): Promise<void> {
  await ctx.state.write((batch) => {
    const m = batch.model;
    requireAdmin(ctx, m, who);
    const o = getOrThrow(m, dn);
    if (o.entry.first('isCriticalSystemObject') === 'TRUE') throw adError.willNotPerform();
    const parent = newSuperior !== undefined ? getOrThrow(m, newSuperior) : m.get(o.parent);
    if (!parent) throw adError.willNotPerform();
    if (parent.key === o.key || parent.key.endsWith(`,${o.key}`)) throw new LdapError('unwillingToPerform', '00002089: UpdErr: DSID-031B0A05, problem 5012 (DIR_ERROR), data 0\n');
    const [newAva] = parseDN(newRdn)[0];
    const [oldAva] = parseDN(o.entry.dn)[0];
    if (newAva.type.toLowerCase() !== oldAva.type.toLowerCase()) throw new LdapError('namingViolation', '00002016: NameErr: DSID-0310022D, problem 2005 (NAMING_VIOLATION), data 0\n');
    const target = `${newRdn},${parent.entry.dn}`;
    const targetKey = keyOf(target).key;
    if (targetKey !== o.key && m.get(targetKey)) throw adError.entryAlreadyExists();
    const moved = new Map<string, string | null>();
    for (const k of [o.key, ...m.descendants(o.key)]) {
      const cur = batch.get(k)!;
      const depth = parseDN(cur.entry.dn).length - parseDN(o.entry.dn).length;
      const prefix = depth === 0 ? '' : cur.entry.dn.split(/(?<!\\),/).slice(0, depth).join(',') + ',';
      const e = cur.entry.clone(prefix + target);
      if (depth === 0) {
        // cn and ou are single-valued in AD: the new RDN value replaces the old one either way.
        e.set(oldAva.type, [newAva.value]);
        e.set('name', [newAva.value]);
        stamp(ctx, e, batch.usn);
      }
      const { key, parent: p } = keyOf(e.dn);
      batch.remove(k);
      batch.put({ ...cur, key, parent: p, entry: e });
      moved.set(k, e.dn);
    }
    rewriteMembers(ctx, batch, moved);
  });
}
