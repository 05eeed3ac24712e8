// What an administrator does to one account from outside the directory (the `idbroker directories unlock` and
// `reset-password` commands, with access to the store): AD's "Unlock account" — lockoutTime 0 and the failed-bind
// count (badPwdCount) cleared — and "Reset password" — a new password checked against the length and complexity
// policy (not the history, as AD's reset), optionally with "User must change password at next logon" (pwdLastSet 0).
import { type Ctx, isLocked, nowFileTime, resolveName, stamp } from './context.ts';
import { isUser, KIND, type Obj } from './model.ts';
import { hashPassword, policyViolation } from './passwords.ts';

export class AccountAdminError extends Error {}

export interface UnlockResult {
  dn: string;
  sam: string;
  /** It was locked out (lockoutTime set and the lockout duration not over). */
  wasLocked: boolean;
}

export interface ResetResult {
  dn: string;
  sam: string;
  mustChange: boolean;
  /** Still locked out: a reset does not unlock, as in AD (unlock is its own command). */
  locked: boolean;
}

/** `alice`, `CORP\alice`, `alice@corp.example.com` or a DN → the user. */
async function userNamed(ctx: Ctx, name: string): Promise<Obj> {
  const m = await ctx.state.model();
  const user = resolveName(ctx, m, /[\\@=]/.test(name) ? name : `${ctx.domain.netbiosName}\\${name}`);
  if (!user || !isUser(user.entry)) throw new AccountAdminError(`no user ${name} in ${ctx.domain.dnsName}`);
  return user;
}

const samOf = (o: Obj): string => o.entry.first('sAMAccountName') ?? o.entry.dn;
const guidOf = (o: Obj): string => (o.entry.get('objectGUID')?.[0] as Buffer).toString('hex');

export async function unlockAccount(ctx: Ctx, name: string): Promise<UnlockResult> {
  const user = await userNamed(ctx, name);
  return ctx.state.write(async (batch, tx) => {
    const cur = batch.get(user.key);
    if (!cur) throw new AccountAdminError(`no user ${name} in ${ctx.domain.dnsName}`);
    const wasLocked = isLocked(ctx, cur.entry);
    // the failure count (one record per user, or one per failure in older data) goes whether or not it locked
    await tx.entities.deleteByParent(ctx.state.account, [KIND.lockout], guidOf(cur));
    const lockoutTime = cur.entry.first('lockoutTime');
    if (lockoutTime !== undefined && lockoutTime !== '0') {
      const e = cur.entry.clone();
      e.set('lockoutTime', ['0']);
      stamp(ctx, e, batch.usn);
      batch.put({ ...cur, entry: e });
    }
    return { dn: cur.entry.dn, sam: samOf(cur), wasLocked };
  });
}

export async function resetPassword(ctx: Ctx, name: string, password: string, opts: { mustChange: boolean }): Promise<ResetResult> {
  const user = await userNamed(ctx, name);
  const why = policyViolation(password, ctx.passwordPolicy, { sam: samOf(user), displayName: user.entry.first('displayName') });
  if (why) throw new AccountAdminError(`the password does not meet the password policy of ${ctx.domain.dnsName}: ${why.replace(/!$/, '')}`);
  const hash = await hashPassword(password, ctx.cost);
  return ctx.state.write((batch) => {
    const cur = batch.get(user.key);
    if (!cur) throw new AccountAdminError(`no user ${name} in ${ctx.domain.dnsName}`);
    const keep = Math.max(ctx.passwordPolicy.history - 1, 0);
    const history = cur.pwd ? [cur.pwd.hash, ...cur.pwd.history].slice(0, keep) : [];
    const e = cur.entry.clone();
    e.set('pwdLastSet', [opts.mustChange ? '0' : nowFileTime(ctx)]);
    stamp(ctx, e, batch.usn);
    batch.put({ ...cur, entry: e, pwd: { hash, history } });
    return { dn: cur.entry.dn, sam: samOf(cur), mustChange: opts.mustChange, locked: isLocked(ctx, cur.entry) };
  });
}
