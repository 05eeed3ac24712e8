// Account lockout as one atomic counter per user (AD's badPwdCount and badPasswordTime), kept in the Store so
// that every replica counts together. A password is verified only after its attempt has been reserved, in one
// transaction that holds the counter against concurrent attempts on any replica: the failures in the observation
// window plus the attempts still being verified never exceed the threshold. So however many guesses arrive at once,
// at most `threshold` passwords are verified before the lock; the others wait for a free place (a verification
// takes a hash's time) and, once the lock is set, are refused 775 without verifying. Right passwords that arrive
// together (a connection pool binding as its service account) wait likewise, and are never refused for it.
// A wrong password counts as a failure, and the one that reaches the threshold locks (lockoutTime is then written on
// the user, as AD shows it); a right one clears the failures (AD resets badPwdCount).
// Record: kind 'dir-lockout', key = parent = the user's objectGUID (hex); an admin's unlock (lockoutTime: 0, or
// `idbroker directories unlock`) deletes it with the user's other lockout records.
import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../../server/contracts/errors.ts';
import { LdapError } from '../../../server/contracts/directory.ts';
import type { Repos } from '../../../server/contracts/store.ts';
import { fileTime } from './ad-values.ts';
import { type Ctx, isLocked, stamp } from './context.ts';
import { KIND, type Obj } from './model.ts';

interface Counter {
  failures: number; // AD's badPwdCount: wrong passwords in the observation window
  last: number; // badPasswordTime (ms since epoch): the newest failure
  lockedAt?: number; // set by the failure that reached the threshold
  pending: Record<string, number>; // attempts being verified: id → when they started (ms)
}

/** An attempt that may verify its password. */
export interface Reservation {
  id: string;
}

/** A verification that never reported (its replica stopped) frees its place after this long. */
const PENDING_TTL_MS = 10_000;
/** How long an attempt waits for a place before it gives up (busy): more than PENDING_TTL_MS. */
const MAX_WAIT_MS = 15_000;

const guidOf = (user: Obj): string => (user.entry.get('objectGUID')?.[0] as Buffer).toString('hex');

function counterOf(data: Partial<Counter> | undefined): Counter {
  return { failures: data?.failures ?? 0, last: data?.last ?? 0, pending: { ...(data?.pending ?? {}) }, ...(data?.lockedAt !== undefined ? { lockedAt: data.lockedAt } : {}) };
}

/** Runs fn on the user's counter in one transaction, the record held against every other; writes what fn returns. */
async function onCounter<T>(ctx: Ctx, user: Obj, fn: (c: Counter, now: number) => { result: T; save?: Counter | null }): Promise<T> {
  const account = ctx.state.account;
  const guid = guidOf(user);
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.state.store.transaction(async (tx: Repos) => {
        const rec = await tx.entities.getForUpdate<Partial<Counter>>(account, KIND.lockout, guid);
        const { result, save } = fn(counterOf(rec?.data), ctx.now().getTime());
        const record = { account, kind: KIND.lockout, key: guid, parent: guid, data: save };
        if (save === null) {
          if (rec) await tx.entities.delete(account, KIND.lockout, guid);
        } else if (save) {
          if (rec) await tx.entities.update(record);
          else await tx.entities.insert(record);
        }
        return result;
      });
    } catch (err) {
      // the first attempt of a user inserted on two replicas at once: the loser reads the winner's record
      if (!(err instanceof ConflictError) || attempt >= 5) throw err;
    }
  }
}

/** Whether the counter's lock still holds; an expired one no longer counts its failures. */
function lockHolds(ctx: Ctx, c: Counter, now: number): boolean {
  const d = ctx.lockout.durationSeconds;
  return c.lockedAt !== undefined && (d === 0 || now < c.lockedAt + d * 1000);
}

/** The counter as of `now`: an expired lock and failures older than the window forgotten, stale verifications dropped. */
function current(ctx: Ctx, c: Counter, now: number): Counter {
  const out = counterOf(c);
  if (out.lockedAt !== undefined && !lockHolds(ctx, out, now)) {
    delete out.lockedAt;
    out.failures = 0;
  }
  if (now - out.last >= ctx.lockout.windowSeconds * 1000) out.failures = 0;
  for (const [id, at] of Object.entries(out.pending)) if (now - at >= PENDING_TTL_MS) delete out.pending[id];
  return out;
}

/** badPwdCount and badPasswordTime (ms, 0 for none) as of now, from a stored counter: the failures
 *  that still count towards the lockout (an expired lock or window shows 0, as AD resets them). */
export function badPasswordState(ctx: Ctx, data: Partial<Counter> | undefined): { count: number; time: number } {
  const c = current(ctx, counterOf(data), ctx.now().getTime());
  return { count: c.failures, time: counterOf(data).last };
}

/**
 * Reserves a verification for `user` before its password is checked; 'locked' means refuse it (775) unverified.
 * While every place is taken by failures and verifications in progress, waits for one.
 */
export async function reserveAttempt(ctx: Ctx, user: Obj): Promise<Reservation | 'locked'> {
  const { threshold } = ctx.lockout;
  const id = randomUUID();
  if (threshold === 0) return { id };
  const started = Date.now();
  for (let round = 0; ; round++) {
    const r = await onCounter<'locked' | 'busy' | 'reserved'>(ctx, user, (stored, now) => {
      if (lockHolds(ctx, stored, now)) return { result: 'locked' };
      const c = current(ctx, stored, now);
      if (c.failures >= threshold) return { result: 'locked' };
      if (c.failures + Object.keys(c.pending).length >= threshold) return { result: 'busy' };
      c.pending[id] = now;
      return { result: 'reserved', save: c };
    });
    if (r === 'locked') return 'locked';
    if (r === 'reserved') return { id };
    if (Date.now() - started > MAX_WAIT_MS) throw new LdapError('busy', '00002024: SvcErr: DSID-02080897, problem 5001 (BUSY), data 0\n');
    await new Promise((res) => setTimeout(res, Math.min(10 + round * 5, 100) * (0.5 + Math.random()))); // the others' hashes
  }
}

/** The reserved attempt's password was right: its place is freed and the failures cleared, unless the account locked meanwhile. */
export async function attemptSucceeded(ctx: Ctx, user: Obj, r: Reservation): Promise<void> {
  if (ctx.lockout.threshold === 0) return;
  await onCounter(ctx, user, (stored, now) => {
    const c = current(ctx, stored, now);
    delete c.pending[r.id];
    if (c.lockedAt === undefined) c.failures = 0;
    const empty = c.failures === 0 && c.lockedAt === undefined && Object.keys(c.pending).length === 0;
    return { result: undefined, save: empty ? null : c };
  });
}

/** The reserved attempt's password was wrong: one more failure; the one that reaches the threshold locks the account
 *  and shows it on the user as AD does (lockoutTime, hence the computed UAC bit), which every replica then sees. */
export async function attemptFailed(ctx: Ctx, user: Obj, r: Reservation): Promise<void> {
  if (ctx.lockout.threshold === 0) return;
  const locks = await onCounter(ctx, user, (stored, now) => {
    const c = current(ctx, stored, now);
    delete c.pending[r.id];
    if (c.lockedAt !== undefined) return { result: false, save: c };
    c.failures += 1;
    c.last = now;
    const reached = c.failures >= ctx.lockout.threshold;
    if (reached) c.lockedAt = now;
    return { result: reached, save: c };
  });
  if (!locks) return;
  const locked = await ctx.state.write((batch) => {
    const o = batch.get(user.key);
    if (!o || isLocked(ctx, o.entry)) return false;
    const e = o.entry.clone();
    e.set('lockoutTime', [fileTime(ctx.now())]);
    stamp(ctx, e, batch.usn);
    batch.put({ ...o, entry: e });
    return true;
  });
  if (locked) ctx.onLockout?.(user.entry.first('sAMAccountName') ?? user.entry.dn);
}
