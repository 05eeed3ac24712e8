// TOTP (RFC 6238, 30-second steps, 6 digits) for IAM virtual MFA devices, via otplib.
import { authenticator } from 'otplib';

const STEP_MS = 30_000;

export function newTotpSeed(): string {
  return authenticator.generateSecret(40); // 40 bytes → 64 base32 characters, like AWS's seeds
}

export function totpAt(seed: string, at: Date): string {
  return authenticator.clone({ epoch: at.getTime() }).generate(seed);
}

/**
 * The time step a code belongs to, looking `window` steps either side of now; undefined if none.
 * Callers that must refuse replays remember the step they accepted.
 */
export function totpStep(seed: string, code: string, now: Date, window = 1): number | undefined {
  const base = Math.floor(now.getTime() / STEP_MS);
  for (let d = -window; d <= window; d++) {
    if (totpAt(seed, new Date((base + d) * STEP_MS)) === code) return base + d;
  }
  return undefined;
}

/** Two consecutive codes, as EnableMFADevice and ResyncMFADevice require (looking back up to 5 minutes). */
export function consecutiveCodes(seed: string, code1: string, code2: string, now: Date): boolean {
  const base = Math.floor(now.getTime() / STEP_MS);
  for (let s = base + 1; s >= base - 10; s--) {
    if (totpAt(seed, new Date(s * STEP_MS)) === code1 && totpAt(seed, new Date((s + 1) * STEP_MS)) === code2) return true;
  }
  return false;
}
