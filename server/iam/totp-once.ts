// A TOTP code is accepted once: accepting time step s of a device inserts a marker (device, s) in the Store,
// whose insert fails when another request — on any replica — already used that step, and a step at or before
// the newest one used is refused too (a code from the previous step must not come back after a newer one).
// Markers older than the ±1-step window can never match again and are pruned as codes are accepted.
import { ConflictError } from '../contracts/errors.ts';
import type { Store } from '../contracts/store.ts';

const stepOf = (key: string) => Number(key.slice(key.lastIndexOf('#') + 1));

/** True when this call claimed `step` for the device `deviceKey` (stored under `kind`, `account`); false on a replay. */
export async function claimTotpStep(store: Store, account: string, kind: string, deviceKey: string, step: number, now: Date): Promise<boolean> {
  const used = await store.entities.list(account, kind, { parent: deviceKey });
  if (used.some((m) => stepOf(m.key) >= step)) return false;
  try {
    await store.entities.insert({ account, kind, key: `${deviceKey}#${step}`, parent: deviceKey, data: { at: now.toISOString() } });
  } catch (err) {
    if (err instanceof ConflictError) return false;
    throw err;
  }
  for (const m of used) if (stepOf(m.key) < step - 2) await store.entities.delete(account, kind, m.key);
  return true;
}
