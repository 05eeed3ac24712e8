// A TOTP code is accepted once: accepting time step s of a device inserts a marker (device, s) in the Store,
// whose insert fails when another request — on any replica — already used that step, and a step at or before
// the newest one used is refused too (a code from the previous step must not come back after a newer one).
// A marker expires in the Store once its step is out of the ±1-step window for good (it can never match again);
// reads skip it from then on and the broker's housekeeping purges it (server/expired-records.ts).
import { ConflictError } from '../contracts/errors.ts';
import type { Store } from '../contracts/store.ts';

const stepOf = (key: string) => Number(key.slice(key.lastIndexOf('#') + 1));
const STEP_MS = 30_000; // RFC 6238's time step, as ./totp.ts counts them
/** Step s is accepted while now is within steps s-1…s+1: from the start of step s+2 it is out for good. */
const outOfWindowAt = (step: number) => new Date((step + 2) * STEP_MS);

/** True when this call claimed `step` for the device `deviceKey` (stored under `kind`, `account`); false on a replay. */
export async function claimTotpStep(store: Store, account: string, kind: string, deviceKey: string, step: number, now: Date): Promise<boolean> {
  const used = await store.entities.list(account, kind, { parent: deviceKey });
  if (used.some((m) => stepOf(m.key) >= step)) return false;
  try {
    await store.entities.insert({ account, kind, key: `${deviceKey}#${step}`, parent: deviceKey, data: { at: now.toISOString() }, expiresAt: outOfWindowAt(step) });
  } catch (err) {
    if (err instanceof ConflictError) return false;
    throw err;
  }
  return true;
}
