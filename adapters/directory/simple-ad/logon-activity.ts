// The logon attributes AD keeps per account: lastLogon (FILETIME of the newest successful logon; on
// a DC it is not replicated, here every replica writes it to the Store), lastLogonTimestamp (the
// replicated one, written on the entry, so it changes uSNChanged), and badPwdCount/badPasswordTime
// from the lockout counters (lockout.ts).
//
// lastLogonTimestamp is written only when the stored one is older than the domain's
// ms-DS-Logon-Time-Sync-Interval (days, on the domain object; 14 when unset, 0 turns the updates
// off) minus a jitter of up to 5 days. AD draws the jitter at random; here it is deterministic:
// the first 32 bits of SHA-256(objectGUID ‖ stored value), as a fraction of 5 days. So one
// account's threshold is fixed until the value changes, and accounts spread over the 9–14 days.
import { createHash } from 'node:crypto';
import type { Entry } from '../../../server/contracts/directory.ts';
import { fileTime, fileTimeMs } from './ad-values.ts';
import { type Ctx, stamp } from './context.ts';
import { badPasswordState } from './lockout.ts';
import { KIND, keyOf, type Obj } from './model.ts';

const DAY_MS = 86_400_000;
const JITTER_MS = 5 * DAY_MS;

const guidHex = (o: Obj): string | undefined => {
  const g = o.entry.get('objectGUID')?.[0];
  return Buffer.isBuffer(g) ? g.toString('hex') : undefined;
};

/** Whether a logon at `now` rewrites lastLogonTimestamp (see the rule above). */
export function logonTimestampDue(guid: string, stored: string | undefined, intervalDays: number, now: number): boolean {
  if (intervalDays <= 0) return false;
  const last = fileTimeMs(stored);
  if (last === undefined) return true;
  const h = createHash('sha256').update(`${guid}|${stored}`).digest().readUInt32BE(0) / 2 ** 32;
  return now - last >= intervalDays * DAY_MS - Math.floor(h * JITTER_MS);
}

const inFlight = new WeakMap<Ctx, Map<string, Promise<void>>>();

/** A successful logon: lastLogon always, lastLogonTimestamp when due. Logons of one account that
 *  arrive while one is being recorded (a connection pool binding as its service account) share
 *  that record instead of queueing store writes of their own. */
export function recordLogon(ctx: Ctx, user: Obj): Promise<void> {
  const guid = guidHex(user);
  if (!guid) return Promise.resolve();
  let running = inFlight.get(ctx);
  if (!running) inFlight.set(ctx, (running = new Map()));
  const joined = running.get(guid);
  if (joined) return joined;
  const p = record(ctx, user, guid).finally(() => running.delete(guid));
  running.set(guid, p);
  return p;
}

async function record(ctx: Ctx, user: Obj, guid: string): Promise<void> {
  const now = ctx.now().getTime();
  const account = ctx.state.account;
  await ctx.state.store.entities.upsert({ account, kind: KIND.logon, key: guid, parent: guid, data: { lastLogon: now } });
  const m = await ctx.state.model();
  const domain = m.get(keyOf(ctx.domain.baseDN).key)?.entry;
  const interval = Number(domain?.first('msDS-LogonTimeSyncInterval') ?? 14);
  if (!logonTimestampDue(guid, user.entry.first('lastLogonTimestamp'), Number.isFinite(interval) ? interval : 14, now)) return;
  await ctx.state.write((batch) => {
    const o = batch.get(user.key);
    if (!o || !logonTimestampDue(guid, o.entry.first('lastLogonTimestamp'), interval, now)) return;
    const e = o.entry.clone();
    e.set('lastLogonTimestamp', [fileTime(new Date(now))]);
    stamp(ctx, e, batch.usn);
    batch.put({ ...o, entry: e });
  });
}

export interface Activity {
  lastLogon?: number;
  badPwdCount: number;
  badPasswordTime: number;
}

/** The per-account logon records of the directory, by objectGUID (hex): two Store reads. */
export async function loadActivity(ctx: Ctx): Promise<Map<string, Activity>> {
  const out = new Map<string, Activity>();
  const account = ctx.state.account;
  const at = (k: string): Activity => {
    let a = out.get(k);
    if (!a) out.set(k, (a = { badPwdCount: 0, badPasswordTime: 0 }));
    return a;
  };
  const [logons, counters] = await Promise.all([
    ctx.state.store.entities.list<{ lastLogon?: number }>(account, KIND.logon),
    ctx.lockout.threshold > 0 ? ctx.state.store.entities.list<Record<string, unknown>>(account, KIND.lockout) : Promise.resolve([]),
  ]);
  for (const r of logons) if (typeof r.data.lastLogon === 'number') at(r.key).lastLogon = r.data.lastLogon;
  for (const r of counters) {
    const s = badPasswordState(ctx, r.data);
    Object.assign(at(r.key), { badPwdCount: s.count, badPasswordTime: s.time });
  }
  return out;
}

/** Sets the logon attributes on a user's view (0 = never, as AD shows them; lastLogonTimestamp stays absent until set). */
export function showActivity(e: Entry, a: Activity | undefined): void {
  e.set('lastLogon', [a?.lastLogon ? fileTime(new Date(a.lastLogon)) : '0']);
  e.set('badPwdCount', [String(a?.badPwdCount ?? 0)]);
  e.set('badPasswordTime', [a?.badPasswordTime ? fileTime(new Date(a.badPasswordTime)) : '0']);
}
