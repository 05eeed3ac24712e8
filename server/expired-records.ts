// Every kind of Store record that expires, and the broker's hourly housekeeping that deletes the expired ones in
// one statement (reads already skip them: server/contracts/store.ts). Besides this sweep, portal sessions and CLI
// logins are also purged as people sign in.
import type { Store } from './contracts/store.ts';
import { DIRECTORY_TOTP_USED } from './directory-mfa/totp-enrollments.ts';
import { CLI_LOGIN_KINDS } from './http/cli-login/requests.ts';
import { PORTAL_SESSION } from './http/portal/sessions.ts';
import { MFA_DEVICE_USED_STEP } from './iam/model.ts';
import { OIDC_LOGIN_KIND } from './registry.ts';
import { SAML_LOGIN_REQUEST } from './sts/saml/login-requests.ts';
import { SAML_REPLAY } from './sts/saml/replay-cache.ts';

export const EXPIRING_KINDS: readonly string[] = [SAML_LOGIN_REQUEST, OIDC_LOGIN_KIND, SAML_REPLAY, PORTAL_SESSION, ...CLI_LOGIN_KINDS, MFA_DEVICE_USED_STEP, DIRECTORY_TOTP_USED];

/** Deletes every record expired at `now`; returns how many. */
export function purgeExpiredRecords(store: Store, now: Date): Promise<number> {
  return store.entities.purgeExpired(EXPIRING_KINDS, now);
}
