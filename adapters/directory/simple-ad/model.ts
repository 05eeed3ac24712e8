// How simple-ad keeps entries: one Store record per object (kind 'dir-entry', key = normalised
// DN, parent = normalised parent DN), decoded into an in-memory Model with the indexes searches
// and binds need (children, sAMAccountName, UPN, objectGUID, objectSid, member → groups).
import { Entry, isBinaryAttribute, type AttributeValue } from '../../../server/contracts/directory.ts';
import { rdnKeys } from '../../../server/contracts/dn.ts';
import type { EntityRecord } from '../../../server/contracts/store.ts';

export const KIND = { entry: 'dir-entry', name: 'dir-name', lockout: 'dir-lockout', logon: 'dir-logon', tombstone: 'dir-tombstone' } as const;

export interface StoredPassword {
  hash: string;
  /** Hashes of earlier passwords, newest first (the current one is `hash`). */
  history: string[];
}

export interface EntryData {
  dn: string;
  attrs: Record<string, (string | { b64: string })[]>;
  pwd?: StoredPassword;
  meta?: AttributeMeta;
}

/** Per attribute (lower-case name), the USN of the write that last changed it — removals included
 *  — as AD's replPropertyMetaData keeps it; DirSync returns the attributes changed since a cookie. */
export type AttributeMeta = Record<string, number>;

export interface Obj {
  key: string;
  parent: string;
  entry: Entry;
  pwd?: StoredPassword;
  meta?: AttributeMeta;
}

export function keyOf(dn: string): { key: string; parent: string } {
  const keys = rdnKeys(dn);
  return { key: keys.join(','), parent: keys.slice(1).join(',') };
}

export function toRecord(account: string, o: Obj): EntityRecord<EntryData> {
  const attrs: EntryData['attrs'] = {};
  for (const [name, values] of o.entry) attrs[name] = values.map((v) => (Buffer.isBuffer(v) ? { b64: v.toString('base64') } : v));
  return { account, kind: KIND.entry, key: o.key, parent: o.parent, data: { dn: o.entry.dn, attrs, ...(o.pwd ? { pwd: o.pwd } : {}), ...(o.meta ? { meta: o.meta } : {}) } };
}

export function fromRecord(r: EntityRecord<EntryData>): Obj {
  const entry = new Entry(r.data.dn);
  for (const [name, values] of Object.entries(r.data.attrs)) {
    entry.set(name, values.map((v): AttributeValue => (typeof v === 'string' ? (isBinaryAttribute(name) ? Buffer.from(v, 'utf8') : v) : Buffer.from(v.b64, 'base64'))));
  }
  return { key: r.key, parent: r.parent ?? '', entry, pwd: r.data.pwd, ...(r.data.meta ? { meta: r.data.meta } : {}) };
}

export const lc = (v: string | undefined): string | undefined => v?.normalize('NFC').toLowerCase();
const classes = (e: Entry): string[] => (e.get('objectClass') ?? []).map((c) => String(c).toLowerCase());
export const isGroup = (e: Entry): boolean => classes(e).includes('group');
export const isUser = (e: Entry): boolean => classes(e).includes('user');

/** The directory as of one generation, with its indexes. */
export class Model {
  readonly objects = new Map<string, Obj>();
  readonly children = new Map<string, Set<string>>();
  readonly bySam = new Map<string, string>();
  readonly byUpn = new Map<string, string>();
  readonly byGuid = new Map<string, string>();
  readonly bySid = new Map<string, string>();
  /** member key → keys of the groups that list it in `member` (memberOf, direct). */
  readonly groupsOfMember = new Map<string, Set<string>>();
  /** Deleted objects (tombstones.ts), by objectGUID (hex): never in searches, only in DirSync. */
  readonly tombstones = new Map<string, Obj>();

  constructor(public generation: number) {}

  get(key: string): Obj | undefined {
    return this.objects.get(key);
  }

  put(o: Obj): void {
    this.remove(o.key);
    this.objects.set(o.key, o);
    let kids = this.children.get(o.parent);
    if (!kids) this.children.set(o.parent, (kids = new Set()));
    kids.add(o.key);
    const e = o.entry;
    const sam = lc(e.first('sAMAccountName'));
    if (sam) this.bySam.set(sam, o.key);
    const upn = lc(e.first('userPrincipalName'));
    if (upn) this.byUpn.set(upn, o.key);
    const guid = e.get('objectGUID')?.[0];
    if (Buffer.isBuffer(guid)) this.byGuid.set(guid.toString('hex'), o.key);
    const sid = e.get('objectSid')?.[0];
    if (Buffer.isBuffer(sid)) this.bySid.set(sid.toString('hex'), o.key);
    for (const m of e.get('member') ?? []) {
      const mk = memberKey(m);
      if (!mk) continue;
      let gs = this.groupsOfMember.get(mk);
      if (!gs) this.groupsOfMember.set(mk, (gs = new Set()));
      gs.add(o.key);
    }
  }

  remove(key: string): void {
    const o = this.objects.get(key);
    if (!o) return;
    this.objects.delete(key);
    this.children.get(o.parent)?.delete(key);
    const e = o.entry;
    const drop = (m: Map<string, string>, k: string | undefined): void => {
      if (k !== undefined && m.get(k) === key) m.delete(k);
    };
    drop(this.bySam, lc(e.first('sAMAccountName')));
    drop(this.byUpn, lc(e.first('userPrincipalName')));
    const guid = e.get('objectGUID')?.[0];
    if (Buffer.isBuffer(guid)) drop(this.byGuid, guid.toString('hex'));
    const sid = e.get('objectSid')?.[0];
    if (Buffer.isBuffer(sid)) drop(this.bySid, sid.toString('hex'));
    for (const m of e.get('member') ?? []) {
      const mk = memberKey(m);
      if (mk) this.groupsOfMember.get(mk)?.delete(key);
    }
  }

  /** Keys of the groups that contain `key`, directly or through nested groups (no primary group). */
  transitiveGroups(key: string): Set<string> {
    const seen = new Set<string>();
    const queue = [key];
    for (let i = 0; i < queue.length; i++) {
      for (const g of this.groupsOfMember.get(queue[i]) ?? []) {
        if (!seen.has(g)) {
          seen.add(g);
          queue.push(g);
        }
      }
    }
    seen.delete(key);
    return seen;
  }

  /** Keys of everything below `key` (not itself), parents before children. */
  descendants(key: string): string[] {
    const out: string[] = [];
    const queue = [key];
    for (let i = 0; i < queue.length; i++) {
      for (const c of this.children.get(queue[i]) ?? []) {
        out.push(c);
        queue.push(c);
      }
    }
    return out;
  }
}

export function memberKey(v: AttributeValue): string | undefined {
  try {
    return keyOf(String(v)).key;
  } catch {
    return undefined;
  }
}
