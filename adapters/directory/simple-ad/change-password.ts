// Password change (the user's own, with the old password: unicodePwd delete+add or Password
// Modify) and reset (admins: unicodePwd replace). Policy: length and complexity always; history
// on a change, and on a reset only with AD's policy-hints control. Errors are AD's: 19 with
// 0000052D for policy, 19 with 00000056 for a wrong old password, 50 for a reset by a non-admin.
import { adError, type BoundPrincipal, type PasswordChange } from '../../../server/contracts/directory.ts';
import { dnEquals } from '../../../server/contracts/dn.ts';
import { type Ctx, isAdmin, isLocked, nowFileTime, resolveName, stamp } from './context.ts';
import { isUser, type Obj } from './model.ts';
import { attemptFailed, attemptSucceeded, reserveAttempt } from './lockout.ts';
import { checkPassword } from './password-checks.ts';
import { hashPassword, policyViolation, verifyPassword } from './passwords.ts';
import { policyError } from './writes.ts';

export async function changePassword(ctx: Ctx, who: BoundPrincipal, target: string, change: PasswordChange): Promise<void> {
  const m = await ctx.state.model();
  const user = resolveName(ctx, m, target);
  if (!user || !isUser(user.entry)) throw adError.noSuchObject(ctx.domain.baseDN);
  const self = dnEquals(who.dn, user.entry.dn);
  const admin = isAdmin(ctx, m, who);
  if (!self && !admin) throw adError.insufficientAccessRights();
  if (change.oldPassword === undefined && !admin) throw adError.insufficientAccessRights();
  if (change.oldPassword !== undefined) await checkOldPassword(ctx, user, change.oldPassword);
  const e = user.entry;
  const why = policyViolation(change.newPassword, ctx.passwordPolicy, { sam: e.first('sAMAccountName') ?? '', displayName: e.first('displayName') });
  if (why) throw policyError(why);
  const history = user.pwd ? [user.pwd.hash, ...user.pwd.history].slice(0, Math.max(ctx.passwordPolicy.history, 0)) : [];
  if (change.oldPassword !== undefined || change.policyHints) {
    for (const h of history) if (await verifyPassword(change.newPassword, h)) throw policyError('the password was already used (in history)!');
  }
  const hash = await hashPassword(change.newPassword, ctx.cost);
  await ctx.state.write((batch) => {
    const cur = batch.get(user.key);
    if (!cur || cur.pwd?.hash !== user.pwd?.hash) throw adError.wrongOldPassword(); // changed meanwhile: ask again
    const next = cur.entry.clone();
    next.set('pwdLastSet', [nowFileTime(ctx)]);
    stamp(ctx, next, batch.usn);
    batch.put({ ...cur, entry: next, pwd: { hash, history: history.slice(0, Math.max(ctx.passwordPolicy.history - 1, 0)) } });
  });
}

/** The old password is a password guess like a bind's: counted by the lockout before it is verified, and a wrong
 *  one towards the lock. A locked account's change is refused as a wrong old password, without verifying it. */
async function checkOldPassword(ctx: Ctx, user: Obj, oldPassword: string): Promise<void> {
  if (!user.pwd || isLocked(ctx, user.entry)) throw adError.wrongOldPassword();
  const attempt = await reserveAttempt(ctx, user);
  if (attempt === 'locked') throw adError.wrongOldPassword();
  if (!(await checkPassword(oldPassword, user.pwd.hash))) {
    await attemptFailed(ctx, user, attempt);
    throw adError.wrongOldPassword();
  }
  await attemptSucceeded(ctx, user, attempt);
}
