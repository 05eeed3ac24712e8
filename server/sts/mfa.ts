// Checks an MFA serial number and TOTP code presented to STS against the IAM user's virtual MFA device. As AWS
// does, a code is good for one call only: the same code again (on any replica) is refused as invalid.
// Wrong codes are limited per device (config limits.mfaWrongCodesPerDevice per limits.mfaWrongCodesWindowSeconds,
// default 20 per 5 minutes, shared by replicas on PostgreSQL): each code takes a point before it is checked — so
// concurrent guesses cannot all be checked — and a right one gives it back. Once the points are used up every code,
// the right one too, is refused with AWS's invalid-code error until the window passes. Each refusal is a denied
// event in the audit trail (the Query API records it with the device's serial number; the code itself is hidden).
import { createHash } from 'node:crypto';
import { AwsError } from '../contracts/errors.ts';
import type { RateLimiter, Store } from '../contracts/store.ts';
import type { KeyRing } from '../keys/keyring.ts';
import { MFA_DEVICE, MFA_DEVICE_USED_STEP, type MfaDeviceData } from '../iam/model.ts';
import { totpStep } from '../totp/totp.ts';
import { claimTotpStep } from '../totp/totp-once.ts';

const UNKNOWN = 'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';
const BAD_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code. ';

/** The limit until the broker sets its configured one (the config's defaults): 20 wrong codes per device in 5 minutes. */
export const DEFAULT_MFA_LIMIT = { points: 20, durationSeconds: 300 };
const limiters = new WeakMap<Store, RateLimiter>();

/** Sets the wrong-code limit for the devices in `store` (main.ts, from config limits.mfaWrongCodes*). */
export function limitWrongMfaCodes(store: Store, limit: { points: number; durationSeconds: number }): void {
  limiters.set(store, store.rateLimiter({ name: 'iam-mfa', ...limit }));
}

function limiterOf(store: Store): RateLimiter {
  if (!limiters.has(store)) limitWrongMfaCodes(store, DEFAULT_MFA_LIMIT);
  return limiters.get(store)!;
}

export async function verifyMfa(
  store: Store,
  keys: KeyRing,
  account: string,
  userName: string | undefined,
  serial: string | undefined,
  code: string | undefined,
  now: Date,
): Promise<void> {
  const attempts = limiterOf(store);
  if (!serial || !code) throw new AwsError('AccessDenied', UNKNOWN);
  const d = await store.entities.get<MfaDeviceData>(account, MFA_DEVICE, serial);
  if (!d || !d.data.enabledDate || !userName || d.data.userName?.toLowerCase() !== userName.toLowerCase()) throw new AwsError('AccessDenied', UNKNOWN);
  // the serial number (an ARN: account, path and name) is the device; the shared limiter's keys are short
  const key = serial.length <= 200 ? serial : createHash('sha256').update(serial).digest('hex');
  if (!(await attempts.consume(key)).allowed) throw new AwsError('AccessDenied', BAD_CODE);
  const step = totpStep(keys.open(d.data.sealedSeed, d.data.serialNumber), code, now);
  if (step === undefined || !(await claimTotpStep(store, account, MFA_DEVICE_USED_STEP, serial, step, now))) throw new AwsError('AccessDenied', BAD_CODE);
  await attempts.refund(key);
}
