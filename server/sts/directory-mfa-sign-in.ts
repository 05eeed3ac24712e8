// The MFA step of a directory sign-in (AssumeRoleWithLDAPIdentity, the portal), after the password was right:
// the identity leaves with `mfa: true` and a fresh authTime when the directory's MFA accepted the code (trust
// policies then see aws:MultiFactorAuthPresent true and aws:MultiFactorAuthAge), `mfa: false` when the
// directory requires none.
import type { VerifiedIdentity } from '../contracts/identity.ts';
import { MfaUnavailableError, type DirectoryMfa, type MfaCheck } from '../directory-mfa/directory-mfa.ts';

export type MfaSignIn = { ok: true; identity: VerifiedIdentity } | Extract<MfaCheck, { ok: false }>;

/** Throws MfaUnavailableError when the directory's MFA server cannot answer. */
export async function applyDirectoryMfa(mfa: DirectoryMfa | undefined, identity: VerifiedIdentity, code: string | undefined, now: Date): Promise<MfaSignIn> {
  if (!mfa) return { ok: true, identity: { ...identity, mfa: false } };
  const r = await mfa.check(mfa.mfaUserName(identity.displayName, String(identity.claims['ds:Username'])), code || undefined, now);
  if (!r.ok) return r;
  return { ok: true, identity: { ...identity, mfa: true, authTime: Math.floor(now.getTime() / 1000) } };
}

/** What a person is told when the MFA server cannot answer (no host, port or secret: the details go to the log). */
export function mfaUnavailableMessage(directoryId: string, err: MfaUnavailableError): string {
  const why = { timeout: 'did not answer in time', 'bad-response': 'gave answers that could not be verified', network: 'could not be reached' }[err.reason];
  return `The MFA server of directory ${directoryId} ${why}. Try again later; if it persists, tell an administrator.`;
}

export { MfaUnavailableError };
