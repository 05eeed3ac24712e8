// DirSync over simple-ad's change stamps (change-meta.ts) and tombstones (tombstones.ts). The
// cookie carries the highest USN the caller has seen; an empty cookie is a full synchronisation
// (every live object, all its attributes). Later calls return each object changed since, with
// only the attributes changed since (a removed attribute as a name without values), plus
// objectGUID and instanceType as AD always sends them; a deleted object comes as its tombstone
// (isDeleted TRUE, DN under CN=Deleted Objects). Order: by USN, parents before children with
// LDAP_DIRSYNC_ANCESTORS_FIRST_ORDER. Multi-valued attributes come whole (INCREMENTAL_VALUES is
// accepted, values are not sent as ;range=1-1 / 0-0 deltas).
//
// Rights: AD requires DS-Replication-Get-Changes on the naming context; here the members of the
// directory's adminGroups hold it. With LDAP_DIRSYNC_OBJECT_SECURITY any bound user may
// synchronise, as AD allows, and sees what a search shows them (every object: simple-ad has no
// per-object read ACLs).
import { adError, type AttributeValue, type BoundPrincipal, LdapError } from '../../../server/contracts/directory.ts';
import { DIRSYNC_FLAG, type DirSyncEntry, type DirSyncRequest, type DirSyncResult } from '../../../server/contracts/dirsync.ts';
import { attributeType } from '../../../server/contracts/ad-schema.ts';
import { matchesFilter } from '../../../server/contracts/filter-match.ts';
import { type Ctx, getOrThrow, isAdmin, view } from './context.ts';
import type { Obj } from './model.ts';

const MAGIC = Buffer.from('IDBDSYNC', 'latin1');

/** Attributes AD does not replicate (FLAG_ATTR_NOT_REPLICATED, constructed) or never sends. */
const NOT_SENT = new Set(
  ['uSNChanged', 'uSNCreated', 'whenChanged', 'lastLogon', 'lastLogoff', 'logonCount', 'badPwdCount', 'badPasswordTime', 'modifyTimestamp',
    'createTimestamp', 'distinguishedName', 'memberOf', 'tokenGroups', 'msDS-User-Account-Control-Computed', 'unicodePwd', 'userPassword',
    'dBCSPwd', 'ntPwdHistory', 'lmPwdHistory', 'supplementalCredentials'].map((a) => a.toLowerCase()),
);
const ALWAYS = ['objectguid', 'instancetype'];
const TOMBSTONE_ALWAYS = ['objectguid', 'instancetype', 'isdeleted', 'name'];

export function encodeCookie(usn: number): Buffer {
  const b = Buffer.alloc(MAGIC.length + 8);
  MAGIC.copy(b);
  b.writeBigUInt64BE(BigInt(usn), MAGIC.length);
  return b;
}

export function decodeCookie(cookie: Buffer): number {
  if (cookie.length === 0) return 0;
  if (cookie.length !== MAGIC.length + 8 || !cookie.subarray(0, MAGIC.length).equals(MAGIC)) {
    throw new LdapError('unwillingToPerform', '00000057: LdapErr: DSID-0C090C2B, comment: Error processing control, data 0, v4563\u0000');
  }
  return Number(cookie.readBigUInt64BE(MAGIC.length));
}

/** The newest stamp of an attribute DirSync sends. */
function usnOf(o: Obj): number {
  let max = 0;
  for (const [k, v] of Object.entries(o.meta ?? {})) if (!NOT_SENT.has(k) && v > max) max = v;
  return max || Number(o.entry.first('uSNChanged') ?? 0);
}

export async function dirSync(ctx: Ctx, who: BoundPrincipal, req: DirSyncRequest): Promise<DirSyncResult> {
  const m = await ctx.state.model();
  if (!(req.flags & DIRSYNC_FLAG.objectSecurity) && !isAdmin(ctx, m, who)) throw adError.insufficientAccessRights();
  const since = decodeCookie(req.cookie);
  const root = getOrThrow(m, req.base);
  const inBase = (key: string): boolean => key === root.key || key.endsWith(`,${root.key}`);
  const changed: { o: Obj; usn: number; deleted: boolean }[] = [];
  for (const o of m.objects.values()) {
    const usn = usnOf(o);
    if ((since === 0 || usn > since) && inBase(o.key)) changed.push({ o, usn, deleted: false });
  }
  if (since > 0) for (const t of m.tombstones.values()) if (usnOf(t) > since) changed.push({ o: t, usn: usnOf(t), deleted: true });
  changed.sort((a, b) => a.usn - b.usn);

  const wanted = req.attributes.filter((a) => a !== '*' && a !== '+' && a !== '1.1').map((a) => a.split(';')[0].toLowerCase());
  const picked: typeof changed = [];
  let last = since;
  for (const c of changed) {
    if (picked.length >= req.maxObjects && c.usn !== last) break; // cut between USNs: the cookie stays exact
    const e = c.deleted ? c.o.entry : view(ctx, m, c.o, { tokenGroups: false });
    last = c.usn;
    if (matchesFilter(e, req.filter)) picked.push(c);
  }
  const more = picked.length > 0 && changed.some((c) => c.usn > last);
  if (req.flags & DIRSYNC_FLAG.ancestorsFirstOrder) picked.sort((a, b) => depth(a.o) - depth(b.o) || a.usn - b.usn);
  const entries = picked.map((c) => entryOf(ctx, m, c.o, c.deleted, since, wanted));
  return { entries, cookie: encodeCookie(more ? last : Math.max(last, m.generation)), more };
}

const depth = (o: Obj): number => o.entry.dn.split(/(?<!\\),/).length;

function entryOf(ctx: Ctx, m: Parameters<typeof view>[1], o: Obj, deleted: boolean, since: number, wanted: string[]): DirSyncEntry {
  const source = deleted ? o.entry : view(ctx, m, o, { tokenGroups: false });
  const always = deleted ? TOMBSTONE_ALWAYS : ALWAYS;
  const out: [string, AttributeValue[]][] = [];
  const names = new Map<string, string>();
  for (const n of source.names()) names.set(n.toLowerCase(), n);
  // removed since the cookie: the stamps keep lower-case names, the schema has the spelling
  for (const [k, n] of Object.entries(o.meta ?? {})) if (!names.has(k) && n > since && since > 0) names.set(k, attributeType(k)?.name ?? k);
  for (const [key, name] of names) {
    const isAlways = always.includes(key);
    if (!isAlways && (NOT_SENT.has(key) || (wanted.length > 0 && !wanted.includes(key)))) continue;
    if (!isAlways && since > 0 && !((o.meta?.[key] ?? 0) > since)) continue;
    out.push([name, source.get(name) ?? []]);
  }
  return { dn: source.dn, attributes: out };
}
