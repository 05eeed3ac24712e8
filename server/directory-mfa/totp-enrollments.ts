// TOTP (RFC 6238: SHA-1, 6 digits, 30-second steps) enrolled per directory user, the simpler alternative to a
// RADIUS server. The seed is sealed with the key ring (bound to the directory and user) and kept in the Store;
// a code is accepted within ±1 step, and once only, on every replica (../totp/totp-once.ts).
import { ConflictError } from '../contracts/errors.ts';
import type { Store } from '../contracts/store.ts';
import { newTotpSeed, totpStep } from '../totp/totp.ts';
import { claimTotpStep } from '../totp/totp-once.ts';
import type { KeyRing } from '../keys/keyring.ts';

export const DIRECTORY_TOTP = 'directory-totp';
export const DIRECTORY_TOTP_USED = 'directory-totp-used';
const ACCOUNT = '';

export interface TotpEnrollment {
  directoryId: string;
  userName: string;
  sealedSeed: string;
  enrolledAt: string;
}

export type TotpCheck = 'ok' | 'wrong' | 'replayed' | 'not-enrolled';

const keyOf = (directoryId: string, userName: string) => `${directoryId}/${userName.toLowerCase()}`;

/** otpauth:// URI (the "Key Uri Format" authenticator apps read, also as a QR code). */
export function otpauthUri(o: { issuer: string; account: string; seed: string }): string {
  const label = `${encodeURIComponent(o.issuer)}:${encodeURIComponent(o.account)}`;
  return `otpauth://totp/${label}?secret=${o.seed}&issuer=${encodeURIComponent(o.issuer)}&algorithm=SHA1&digits=6&period=30`;
}

/** Enrolls a new seed for the user (replacing an existing one only with `replace`); returns the seed once. */
export async function enrollTotp(
  store: Store,
  keys: KeyRing,
  o: { directoryId: string; userName: string; now: Date; replace?: boolean },
): Promise<{ seed: string; replaced: boolean }> {
  const key = keyOf(o.directoryId, o.userName);
  const seed = newTotpSeed();
  const data: TotpEnrollment = { directoryId: o.directoryId, userName: o.userName, sealedSeed: keys.seal(seed, key), enrolledAt: o.now.toISOString() };
  const existing = await store.entities.get(ACCOUNT, DIRECTORY_TOTP, key);
  if (existing && !o.replace) throw new ConflictError(`user ${o.userName} of directory ${o.directoryId} already has a TOTP device (replace it with --replace)`);
  await store.transaction(async (tx) => {
    await tx.entities.deleteByParent(ACCOUNT, [DIRECTORY_TOTP_USED], key);
    if (existing) await tx.entities.update({ account: ACCOUNT, kind: DIRECTORY_TOTP, key, data });
    else await tx.entities.insert({ account: ACCOUNT, kind: DIRECTORY_TOTP, key, data });
  });
  return { seed, replaced: existing !== undefined };
}

export async function removeTotp(store: Store, directoryId: string, userName: string): Promise<boolean> {
  const key = keyOf(directoryId, userName);
  return store.transaction(async (tx) => {
    await tx.entities.deleteByParent(ACCOUNT, [DIRECTORY_TOTP_USED], key);
    return tx.entities.delete(ACCOUNT, DIRECTORY_TOTP, key);
  });
}

export async function listTotp(store: Store, directoryId?: string): Promise<Array<Pick<TotpEnrollment, 'directoryId' | 'userName' | 'enrolledAt'>>> {
  const rows = await store.entities.list<TotpEnrollment>(ACCOUNT, DIRECTORY_TOTP, directoryId ? { keyPrefix: `${directoryId}/` } : {});
  return rows.map((r) => ({ directoryId: r.data.directoryId, userName: r.data.userName, enrolledAt: r.data.enrolledAt }));
}

export async function hasTotp(store: Store, directoryId: string, userName: string): Promise<boolean> {
  return (await store.entities.get(ACCOUNT, DIRECTORY_TOTP, keyOf(directoryId, userName))) !== undefined;
}

/** Checks a code; 'ok' at most once per code (per time step), across replicas. */
export async function verifyTotp(store: Store, keys: KeyRing, directoryId: string, userName: string, code: string, now: Date): Promise<TotpCheck> {
  const key = keyOf(directoryId, userName);
  const rec = await store.entities.get<TotpEnrollment>(ACCOUNT, DIRECTORY_TOTP, key);
  if (!rec) return 'not-enrolled';
  if (!/^\d{6}$/.test(code)) return 'wrong';
  const step = totpStep(keys.open(rec.data.sealedSeed, key), code, now);
  if (step === undefined) return 'wrong';
  return (await claimTotpStep(store, ACCOUNT, DIRECTORY_TOTP_USED, key, step, now)) ? 'ok' : 'replayed';
}
