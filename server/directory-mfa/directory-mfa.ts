// A directory's MFA requirement (config `mfa`), checked after the user's password: a TOTP code for users with
// an enrolled TOTP device (`mfa.totp: true`), else the directory's RADIUS server (`mfa.radius`, PAP: user name +
// code). Used by AssumeRoleWithLDAPIdentity and the portal's directory sign-in. A wrong, replayed or missing
// code is a result (ok: false, with the AccessDenied message); an MFA server that cannot answer throws
// MfaUnavailableError. Codes never reach logs or messages.
import { MfaUnavailableError, type OneTimeCodeVerifier } from '../contracts/mfa.ts';
import type { RateLimiter, Store } from '../contracts/store.ts';
import type { KeyRing } from '../keys/keyring.ts';
import { hasTotp, verifyTotp } from './totp-enrollments.ts';

export { MfaUnavailableError };

export type MfaMethod = 'totp' | 'radius';
export type MfaCheck = { ok: true; method: MfaMethod } | { ok: false; reason: 'missing' | 'wrong' | 'replayed' | 'rejected' | 'challenge' | 'not-enrolled' | 'throttled'; message: string };

const FAILED = 'MultiFactorAuthentication failed';
/** At most this many MFA attempts per user and directory in ATTEMPT_WINDOW_S (shared by replicas on PostgreSQL). */
export const MAX_ATTEMPTS = 20;
const ATTEMPT_WINDOW_S = 300;
const MAX_CODE = 128;

export class DirectoryMfa {
  private readonly attempts: RateLimiter;

  constructor(
    readonly directoryId: string,
    private readonly deps: { store: Store; keys: KeyRing },
    private readonly cfg: { radius?: OneTimeCodeVerifier; totp: boolean; /** this directory's own domain */ netbiosName?: string },
  ) {
    this.attempts = deps.store.rateLimiter({ name: 'directory-mfa', points: MAX_ATTEMPTS, durationSeconds: ATTEMPT_WINDOW_S });
  }

  /**
   * The name MFA knows a user by (TOTP devices, RADIUS User-Name): the sAMAccountName for this directory's own
   * users, `DOMAIN\\name` for users of a trusted domain (managed-ad), so that ONPREM\\carol is not the local carol.
   */
  mfaUserName(boundName: string, samAccountName: string): string {
    const i = boundName.indexOf('\\');
    if (i < 0 || !this.cfg.netbiosName || boundName.slice(0, i).toUpperCase() === this.cfg.netbiosName.toUpperCase()) return samAccountName;
    return `${boundName.slice(0, i).toUpperCase()}\\${samAccountName}`;
  }

  /** Which method this user must use, or undefined when they have none (TOTP only, not enrolled). */
  async methodFor(userName: string): Promise<MfaMethod | undefined> {
    if (this.cfg.totp && (await hasTotp(this.deps.store, this.directoryId, userName))) return 'totp';
    return this.cfg.radius ? 'radius' : undefined;
  }

  /** Checks the one-time code of a user whose password was right. */
  async check(userName: string, code: string | undefined, now: Date): Promise<MfaCheck> {
    const method = await this.methodFor(userName);
    if (!method) {
      return { ok: false, reason: 'not-enrolled', message: `${FAILED}: directory ${this.directoryId} requires MFA, and no TOTP device is enrolled for this user. Ask an administrator to enroll one.` };
    }
    if (!code) return { ok: false, reason: 'missing', message: `${FAILED}: directory ${this.directoryId} requires a one-time MFA code.` };
    if (code.length > MAX_CODE) return { ok: false, reason: 'wrong', message: `${FAILED} with invalid MFA one time pass code.` };
    const key = `${this.directoryId}/${userName.toLowerCase()}`;
    if (!(await this.attempts.consume(key)).allowed) {
      return { ok: false, reason: 'throttled', message: `${FAILED}: too many MFA attempts for this user. Wait a few minutes and try again.` };
    }
    if (method === 'totp') {
      const r = await verifyTotp(this.deps.store, this.deps.keys, this.directoryId, userName, code, now);
      if (r === 'ok') return { ok: true, method };
      if (r === 'replayed') return { ok: false, reason: 'replayed', message: `${FAILED}: this one-time code was already used. Wait for the next code.` };
      return { ok: false, reason: 'wrong', message: `${FAILED} with invalid MFA one time pass code.` };
    }
    const r = await this.cfg.radius!.verify(userName, code);
    if (r.ok) return { ok: true, method };
    if (r.reason === 'challenge') return { ok: false, reason: 'challenge', message: `${FAILED}: the RADIUS server answered with a challenge, which idbroker does not support (PAP only).` };
    return { ok: false, reason: 'rejected', message: `${FAILED}: the RADIUS server rejected the one-time code.` };
  }
}
