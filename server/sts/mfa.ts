// Checks an MFA serial number and TOTP code presented to STS against the IAM user's virtual MFA device. As AWS
// does, a code is good for one call only: the same code again (on any replica) is refused as invalid.
import { AwsError } from '../contracts/errors.ts';
import type { Store } from '../contracts/store.ts';
import type { KeyRing } from '../keys/keyring.ts';
import { MFA_DEVICE, MFA_DEVICE_USED_STEP, type MfaDeviceData } from '../iam/model.ts';
import { totpStep } from '../iam/totp.ts';
import { claimTotpStep } from '../iam/totp-once.ts';

const UNKNOWN = 'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.';
const BAD_CODE = 'MultiFactorAuthentication failed with invalid MFA one time pass code. ';

export async function verifyMfa(store: Store, keys: KeyRing, account: string, userName: string | undefined, serial: string | undefined, code: string | undefined, now: Date): Promise<void> {
  if (!serial || !code) throw new AwsError('AccessDenied', UNKNOWN);
  const d = await store.entities.get<MfaDeviceData>(account, MFA_DEVICE, serial);
  if (!d || !d.data.enabledDate || !userName || d.data.userName?.toLowerCase() !== userName.toLowerCase()) throw new AwsError('AccessDenied', UNKNOWN);
  const step = totpStep(keys.open(d.data.sealedSeed, d.data.serialNumber), code, now);
  if (step === undefined || !(await claimTotpStep(store, account, MFA_DEVICE_USED_STEP, serial, step, now))) throw new AwsError('AccessDenied', BAD_CODE);
}
