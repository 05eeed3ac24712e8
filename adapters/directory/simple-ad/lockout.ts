// Account lockout as one atomic counter per user (AD's badPwdCount and badPasswordTime), kept in the Store so
// that every replica counts together. A password is verified only after its attempt has been reserved — counted
// as a failure, in one transaction that holds the counter against concurrent attempts on any replica — so no
// more than `threshold` passwords are ever tried inside the observation window however many arrive at once.
// The attempt that reaches the threshold arms the lock as it reserves: every attempt after it is refused (775)
// without verifying, until it is known: a wrong password keeps the lock (lockoutTime is then written on the user,
// as AD shows it), a right one releases it. A good bind clears the counter (AD resets badPwdCount).
// Record: kind 'dir-lockout', key = parent = the user's objectGUID (hex); an admin's unlock (lockoutTime: 0)
// deletes it with the user's other lockout records (writes.ts).
import { randomUUID } from 'node:crypto';
import { ConflictError } from '../../../server/contracts/errors.ts';
import type { Repos } from '../../../server/contracts/store.ts';
import { fileTime } from './ad-values.ts';
import { type Ctx, isLocked, stamp } from './context.ts';
import { KIND, type Obj } from './model.ts';

interface Counter {
  count: number; // failures (and attempts still being verified) in the observation window
  last: number; // ms since epoch of the newest one
  lockedAt?: number; // the lock, armed by the attempt `by` that reached the threshold
  by?: string;
}

/** An attempt that may verify a password; `locks` when it is the one that reached the threshold. */
export interface Reservation {
  id: string;
  locks: boolean;
}

async function counted<T>(ctx: Ctx, fn: (tx: Repos) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.state.store.transaction(fn);
    } catch (err) {
      // the first failure of a user inserted on two replicas at once: the loser reads the winner's record
      if (!(err instanceof ConflictError) || attempt >= 5) throw err;
    }
  }
}

const guidOf = (user: Obj): string => (user.entry.get('objectGUID')?.[0] as Buffer).toString('hex');

/** Counts one attempt for `user` before its password is verified; 'locked' means refuse it (775) unverified. */
export async function reserveAttempt(ctx: Ctx, user: Obj): Promise<Reservation | 'locked'> {
  const { threshold, windowSeconds, durationSeconds } = ctx.lockout;
  const guid = guidOf(user);
  const id = randomUUID();
  if (threshold === 0) return { id, locks: false };
  const account = ctx.state.account;
  return counted(ctx, async (tx) => {
    const now = ctx.now().getTime();
    const rec = await tx.entities.getForUpdate<Counter>(account, KIND.lockout, guid);
    const c = rec?.data;
    if (c?.lockedAt !== undefined && (durationSeconds === 0 || now < c.lockedAt + durationSeconds * 1000)) return 'locked';
    const fresh = c && c.lockedAt === undefined && now - c.last < windowSeconds * 1000;
    const count = (fresh ? c.count : 0) + 1;
    const locks = count >= threshold;
    const data: Counter = { count, last: now, ...(locks ? { lockedAt: now, by: id } : {}) };
    const record = { account, kind: KIND.lockout, key: guid, parent: guid, data };
    if (rec) await tx.entities.update(record);
    else await tx.entities.insert(record);
    return { id, locks };
  });
}

/** The reserved attempt's password was right: the counter is cleared, unless another attempt has locked meanwhile. */
export async function attemptSucceeded(ctx: Ctx, user: Obj, r: Reservation): Promise<void> {
  if (ctx.lockout.threshold === 0) return;
  const account = ctx.state.account;
  const guid = guidOf(user);
  await counted(ctx, async (tx) => {
    const rec = await tx.entities.getForUpdate<Counter>(account, KIND.lockout, guid);
    if (rec && (rec.data.lockedAt === undefined || rec.data.by === r.id)) await tx.entities.delete(account, KIND.lockout, guid);
  });
}

/** The reserved attempt's password was wrong: it stays counted, and the attempt that locked shows the lock on the
 *  user as AD does (lockoutTime, hence the computed UAC bit), which every replica then sees. */
export async function attemptFailed(ctx: Ctx, user: Obj, r: Reservation): Promise<void> {
  if (!r.locks) return;
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
