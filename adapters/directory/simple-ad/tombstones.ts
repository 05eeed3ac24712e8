// Deleted objects as AD keeps them without the Recycle Bin: a tombstone named
// `CN=<name>\0ADEL:<objectGUID>,CN=Deleted Objects,<base>` with isDeleted TRUE, lastKnownParent and
// the attributes AD preserves (objectGUID, objectSid, sAMAccountName, objectClass, …), stored
// apart from the live objects (never in searches) for DirSync to report the deletion. Tombstones
// are dropped after AD's default tombstoneLifetime, 180 days, when later deletions are written.
import { escapeDNValue } from '../../../server/contracts/dn.ts';
import { Entry } from '../../../server/contracts/directory.ts';
import { guidBytesToString } from '../../../server/contracts/ad-binary.ts';
import { generalizedTime } from './ad-values.ts';
import type { Ctx } from './context.ts';
import type { Obj } from './model.ts';
import type { Batch } from './state.ts';

export const TOMBSTONE_LIFETIME_DAYS = 180;

/** Attributes a tombstone keeps (MS-ADTS 3.1.1.5.5.1.1, searchFlags fPRESERVEONDELETE and the system ones). */
const PRESERVED = ['objectGUID', 'objectSid', 'sAMAccountName', 'sAMAccountType', 'objectClass', 'sIDHistory', 'userAccountControl', 'groupType', 'uSNCreated', 'whenCreated'];

export function bury(ctx: Ctx, batch: Batch, o: Obj): void {
  const guid = o.entry.get('objectGUID')?.[0];
  if (!Buffer.isBuffer(guid)) return;
  const rdnValue = String(o.entry.get('name')?.[0] ?? o.entry.first('cn') ?? o.entry.first('ou') ?? '');
  const name = `${rdnValue}\nDEL:${guidBytesToString(guid)}`;
  const parent = o.entry.dn.slice(o.entry.dn.search(/(?<!\\),/) + 1);
  const t = new Entry(`CN=${escapeDNValue(name).replace(/\n/g, '\\0A')},CN=Deleted Objects,${ctx.domain.baseDN}`);
  for (const a of PRESERVED) {
    const v = o.entry.get(a);
    if (v) t.set(a, v);
  }
  t.set('cn', [name]);
  t.set('name', [name]);
  t.set('isDeleted', ['TRUE']);
  t.set('lastKnownParent', [parent]);
  t.set('instanceType', ['4']);
  t.set('whenChanged', [generalizedTime(ctx.now())]);
  t.set('uSNChanged', [String(batch.usn)]);
  const meta = Object.fromEntries(t.names().map((n) => [n.toLowerCase(), batch.usn]));
  batch.bury({ key: guid.toString('hex'), parent: '', entry: t, meta });
  const cutoff = ctx.now().getTime() - TOMBSTONE_LIFETIME_DAYS * 86_400_000;
  for (const [k, old] of batch.model.tombstones) if (whenOf(old) < cutoff) batch.purge(k);
}

/** A generalizedTime (`20261207231500.0Z`) in ms. */
function whenOf(o: Obj): number {
  const m = /^(\d{4})(\d\d)(\d\d)(\d\d)(\d\d)(\d\d)/.exec(o.entry.first('whenChanged') ?? '');
  return m ? Date.UTC(+m[1], +m[2] - 1, +m[3], +m[4], +m[5], +m[6]) : 0;
}
