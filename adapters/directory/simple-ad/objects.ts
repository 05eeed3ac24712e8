// Building new objects the way AD does: objectGUID, objectSid from the domain SID and the next
// RID, AD's defaults per class (userAccountControl, primaryGroupID, objectCategory, groupType),
// system attributes refused from clients, and the size limits.
import { randomBytes } from 'node:crypto';
import { Entry, LdapError, type AttributeValue } from '../../../server/contracts/directory.ts';
import { parseDN } from '../../../server/contracts/dn.ts';
import type { Repos } from '../../../server/contracts/store.ts';
import { GROUP_TYPE, NEVER, RID, sidToBytes, UAC } from './ad-values.ts';
import { type Ctx, nowFileTime, stamp } from './context.ts';
import { keyOf, lc, type Obj } from './model.ts';
import type { Batch } from './state.ts';

/** Attributes the directory maintains itself: clients may not write them (AD: 53 / 19). */
export const SYSTEM_ATTRIBUTES = new Set(
  ['objectGUID', 'objectSid', 'memberOf', 'distinguishedName', 'whenCreated', 'whenChanged', 'uSNCreated', 'uSNChanged', 'createTimestamp',
    'modifyTimestamp', 'tokenGroups', 'msDS-User-Account-Control-Computed', 'isCriticalSystemObject', 'name', 'objectCategory',
    'badPwdCount', 'badPasswordTime', 'lastLogon', 'sAMAccountType', 'instanceType', 'unicodePwd', 'userPassword', 'dBCSPwd', 'ntPwdHistory', 'lmPwdHistory', 'supplementalCredentials',
  ].map((a) => a.toLowerCase()),
);

export const constraint = (why: string): LdapError =>
  new LdapError('constraintViolation', `0000202F: AtrErr: DSID-03151904, #1:\n\t0: 0000202F: DSID-03151904, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, ${why}\n`);

export const objectClassViolation = (why: string): LdapError =>
  new LdapError('objectClassViolation', `0000207B: UpdErr: DSID-030503A3, problem 6002 (OBJ_CLASS_VIOLATION), data 0, ${why}\n`);

export const nameExists = (): LdapError => new LdapError('entryAlreadyExists', '00000524: UpdErr: DSID-031A11E2, problem 6005 (ENTRY_EXISTS), data 0\n');

export const sizeLimitReached = (what: string): LdapError =>
  new LdapError('adminLimitExceeded', `00002024: SvcErr: DSID-031A0F47, problem 5008 (ADMIN_LIMIT_EXCEEDED), data 0, ${what}\n`);

async function nextRid(ctx: Ctx, tx: Repos): Promise<number> {
  const key = `dir-rid:${ctx.state.account}`;
  const rid = Number((await tx.meta.get(key)) ?? RID.firstUser);
  await tx.meta.set(key, String(rid + 1));
  return rid;
}

export type ObjectKind = 'user' | 'computer' | 'group' | 'organizationalUnit' | 'container' | 'other';

export function kindOf(objectClass: AttributeValue[]): ObjectKind {
  const c = objectClass.map((v) => String(v).toLowerCase());
  for (const k of ['computer', 'user', 'group', 'organizationalUnit', 'container'] as const) if (c.includes(k.toLowerCase())) return k;
  return 'other';
}

const CLASS_CHAIN: Record<ObjectKind, string[]> = {
  user: ['top', 'person', 'organizationalPerson', 'user'],
  computer: ['top', 'person', 'organizationalPerson', 'user', 'computer'],
  group: ['top', 'group'],
  organizationalUnit: ['top', 'organizationalUnit'],
  container: ['top', 'container'],
  other: [],
};

const CATEGORY: Record<ObjectKind, string> = {
  user: 'Person', computer: 'Computer', group: 'Group', organizationalUnit: 'Organizational-Unit', container: 'Container', other: 'Top',
};

export interface NewObject {
  dn: string;
  attributes: Entry;
  /** A well-known RID (500, 512, …) or a full SID (builtin S-1-5-32-544); else the next RID. */
  rid?: number;
  sid?: string;
  password?: { hash: string };
  critical?: boolean;
}

/** Checks and builds an object under its (existing) parent; the caller puts it in the batch. */
export async function buildObject(ctx: Ctx, batch: Batch, tx: Repos, n: NewObject): Promise<Obj> {
  const { key, parent } = keyOf(n.dn);
  if (batch.get(key)) throw new LdapError('entryAlreadyExists', '00002071: UpdErr: DSID-031B0D4B, problem 6005 (ENTRY_EXISTS), data 0\n');
  if (!batch.get(parent)) throw new LdapError('noSuchObject', `0000208D: NameErr: DSID-03100245, problem 2001 (NO_OBJECT), data 0, best match of:\n\t''\n`);
  const m = batch.model;
  if (m.objects.size + batch.created >= ctx.limits.objects) throw sizeLimitReached(`directory size limit of ${ctx.limits.objects} objects`);
  const src = n.attributes;
  const oc = src.get('objectClass');
  if (!oc || oc.length === 0) throw objectClassViolation('objectClass is required');
  const kind = kindOf(oc);
  if (kind === 'other') throw objectClassViolation(`unsupported objectClass ${oc.join(',')}`);
  const [rdn] = parseDN(n.dn)[0];
  const namingAttr = kind === 'organizationalUnit' ? 'ou' : 'cn';
  if (rdn.type.toLowerCase() !== namingAttr) throw new LdapError('namingViolation', `00002016: NameErr: DSID-0310022D, problem 2005 (NAMING_VIOLATION), data 0, ${kind} is named by ${namingAttr}\n`);
  const e = new Entry(n.dn);
  e.set('objectClass', CLASS_CHAIN[kind]);
  for (const [name, values] of src) {
    const lower = name.toLowerCase();
    if (lower === 'objectclass') continue;
    if (SYSTEM_ATTRIBUTES.has(lower)) throw constraint(`${name} is maintained by the directory`);
    e.set(name, values);
  }
  e.set(namingAttr, [rdn.value]);
  e.set('name', [rdn.value]);
  e.set('objectGUID', [randomBytes(16)]);
  e.set('objectCategory', [`CN=${CATEGORY[kind]},CN=Schema,CN=Configuration,${ctx.domain.baseDN}`]);
  if (n.critical) e.set('isCriticalSystemObject', ['TRUE']);
  if (kind === 'user' || kind === 'computer' || kind === 'group') {
    const domainSid = batch.get(keyOf(ctx.domain.baseDN).key)?.entry.get('objectSid')?.[0] as Buffer;
    const sid = n.sid ? sidToBytes(n.sid) : Buffer.concat([domainSid, Buffer.alloc(4)]);
    if (!n.sid) {
      sid[1] += 1;
      sid.writeUInt32LE(n.rid ?? (await nextRid(ctx, tx)), sid.length - 4);
    }
    e.set('objectSid', [sid]);
    let sam = e.first('sAMAccountName') ?? (kind === 'group' ? rdn.value : `$${randomBytes(3).toString('hex').toUpperCase()}-${randomBytes(4).toString('hex').toUpperCase()}`);
    if (kind === 'computer' && !sam.endsWith('$')) sam += '$';
    checkSam(sam, kind === 'group');
    if (m.bySam.has(lc(sam)!)) throw nameExists();
    e.set('sAMAccountName', [sam]);
    const upn = e.first('userPrincipalName');
    if (upn !== undefined && m.byUpn.has(lc(upn)!)) throw nameExists();
  }
  if (kind === 'group' && !e.has('groupType')) e.set('groupType', [n.sid ? GROUP_TYPE.builtinLocal : GROUP_TYPE.globalSecurity]);
  if (kind === 'user' || kind === 'computer') {
    const requested = Number(e.first('userAccountControl') ?? (kind === 'computer' ? UAC.WORKSTATION_TRUST_ACCOUNT : UAC.NORMAL_ACCOUNT));
    if (!Number.isInteger(requested)) throw constraint('userAccountControl must be an integer');
    // AD strips the computed flags on add; an account without a password starts disabled (Samba).
    let uac = requested & ~(UAC.LOCKOUT | UAC.PASSWORD_EXPIRED);
    if (!n.password && !(uac & UAC.PASSWD_NOTREQD)) uac |= UAC.ACCOUNTDISABLE;
    e.set('userAccountControl', [String(uac)]);
    if (!e.has('primaryGroupID')) e.set('primaryGroupID', [String(kind === 'computer' ? 515 : 513)]);
    if (!e.has('accountExpires')) e.set('accountExpires', [NEVER]);
    const pls = e.first('pwdLastSet');
    if (pls !== undefined && pls !== '0' && pls !== '-1') throw constraint('pwdLastSet accepts only 0 or -1');
    e.set('pwdLastSet', [n.password && pls !== '0' ? nowFileTime(ctx) : '0']);
  }
  stamp(ctx, e, batch.usn, true);
  return { key, parent, entry: e, pwd: n.password ? { hash: n.password.hash, history: [] } : undefined };
}

/** sAMAccountName: ≤ 20 characters for users (256 for groups), none of "/\[]:;|=,+*?<>@. */
export function checkSam(sam: string, group: boolean): void {
  const max = group ? 256 : 20;
  if (sam.length === 0 || sam.replace(/\$$/, '').length > max || /["/\\[\]:;|=,+*?<>@]/.test(sam)) {
    throw constraint(`sAMAccountName "${sam}" is not valid`);
  }
}
