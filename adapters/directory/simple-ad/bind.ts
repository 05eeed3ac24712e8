// Simple bind with AD's data codes and account lockout. The failure counter lives in the Store (lockout.ts): each
// attempt is reserved there atomically before its password is verified, so every replica counts the same attempts
// and none verifies a password once the threshold is reached; locking writes lockoutTime on the user, as AD shows it.
import { randomBytes } from 'node:crypto';
import { type AdBindCode, type BindResult, DEFAULT_DC_HOST } from '../../../server/contracts/directory.ts';
import { fileTimeMs, NEVER, UAC } from './ad-values.ts';
import { type Ctx, isLocked, passwordExpired, principalOf, resolveName } from './context.ts';
import { isUser, type Obj } from './model.ts';
import { attemptFailed, attemptSucceeded, reserveAttempt } from './lockout.ts';
import { recordLogon } from './logon-activity.ts';
import { checkPassword } from './password-checks.ts';
import { hashPassword, needsRehash, verifyPassword } from './passwords.ts';

const dummies = new WeakMap<Ctx, Promise<string>>();
function dummyHash(ctx: Ctx): Promise<string> {
  let h = dummies.get(ctx);
  if (!h) dummies.set(ctx, (h = hashPassword(randomBytes(16).toString('hex'), ctx.cost)));
  return h;
}

const DC_NETBIOS_NAME = DEFAULT_DC_HOST.toUpperCase();

const fail = (adCode: AdBindCode): BindResult => ({ ok: false, adCode });

export async function bind(ctx: Ctx, name: string, password: string): Promise<BindResult> {
  const m = await ctx.state.model();
  const user = resolveName(ctx, m, name);
  if (!user || !user.pwd || !isUser(user.entry)) {
    // unknown users take as long as bad passwords (no enumeration by time), and by default look like them too
    // (52e; `unknownUserCode: '525'` answers ERROR_NO_SUCH_USER instead)
    await verifyPassword(password, await dummyHash(ctx));
    return fail(ctx.unknownUserCode);
  }
  const e = user.entry;
  if (isLocked(ctx, e)) return fail('775');
  // the attempt is counted before the (slow) hash: concurrent guesses cannot all pass a check made before any failed
  const attempt = await reserveAttempt(ctx, user);
  if (attempt === 'locked') return fail('775');
  if (!(await checkPassword(password, user.pwd.hash))) {
    await attemptFailed(ctx, user, attempt);
    return fail('52e');
  }
  await attemptSucceeded(ctx, user, attempt);
  const uac = Number(e.first('userAccountControl') ?? 0);
  if (uac & UAC.ACCOUNTDISABLE) return fail('533');
  const expires = e.first('accountExpires') ?? NEVER;
  const expiresMs = fileTimeMs(expires);
  if (expiresMs !== undefined && expiresMs < ctx.now().getTime()) return fail('701');
  if (!withinLogonHours(e.get('logonHours')?.[0], ctx.now())) return fail('530');
  if (!mayLogOnAt(e.first('userWorkstations'))) return fail('531');
  if (e.first('pwdLastSet') === '0') return fail('773');
  if (passwordExpired(ctx, e)) return fail('532');
  if (needsRehash(user.pwd.hash, ctx.cost)) await rehash(ctx, user, password);
  await recordLogon(ctx, user);
  return { ok: true, principal: principalOf(ctx, user) };
}

/**
 * `logonHours`: 21 bytes, one bit per hour of the week in UTC from Sunday 00:00, least significant bit
 * first ([MS-ADA1] Logon-Hours; [MS-SAMR] 2.2.7.5). Absent (or not 21 bytes) means every hour.
 */
export function withinLogonHours(value: unknown, now: Date): boolean {
  if (!Buffer.isBuffer(value) || value.length !== 21) return true;
  const hour = now.getUTCDay() * 24 + now.getUTCHours();
  return (value[hour >> 3] & (1 << (hour & 7))) !== 0;
}

/**
 * `userWorkstations` ("Log On To"): the NetBIOS names of the computers the user may log on at. An LDAP
 * simple bind is a logon at the domain controller itself, so AD refuses it (531) unless the DC is listed —
 * the known reason such users cannot bind until their DCs are added. Our DC is DC1 (RootDSE's dnsHostName).
 */
export function mayLogOnAt(value: unknown): boolean {
  if (value === undefined || value === null || String(value).trim() === '') return true;
  return String(value).split(',').some((w) => w.trim().toUpperCase() === DC_NETBIOS_NAME);
}

/** An imported {SSHA} hash is replaced by scrypt after the first good bind. */
async function rehash(ctx: Ctx, user: Obj, password: string): Promise<void> {
  const hash = await hashPassword(password, ctx.cost);
  await ctx.state.write((batch) => {
    const o = batch.get(user.key);
    if (!o?.pwd || o.pwd.hash !== user.pwd!.hash) return;
    batch.put({ ...o, pwd: { hash, history: o.pwd.history } });
  });
}

