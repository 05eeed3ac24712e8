// Directory MFA (config `mfa` of managed-ad and ad-connector directories): RADIUS and per-user TOTP.
import type { DirectoryConfig } from '../../config/schema.ts';
import type { OneTimeCodeVerifier } from '../contracts/mfa.ts';
import type { Store } from '../contracts/store.ts';
import type { KeyRing } from '../keys/keyring.ts';
import { DirectoryMfa } from './directory-mfa.ts';

export { DirectoryMfa, MfaUnavailableError, type MfaCheck } from './directory-mfa.ts';

type RadiusConfig = NonNullable<Extract<DirectoryConfig, { type: 'managed-ad' | 'ad-connector' }>['mfa']>['radius'] & {};

/** One DirectoryMfa per configured directory that requires MFA, by directory id; `openRadius` is the RADIUS
 *  adapter (server/registry.ts openMfaVerifier). */
export function openDirectoryMfa(
  configs: DirectoryConfig[],
  deps: { store: Store; keys: KeyRing; openRadius: (cfg: RadiusConfig) => OneTimeCodeVerifier },
): Map<string, DirectoryMfa> {
  const out = new Map<string, DirectoryMfa>();
  for (const d of configs) {
    if (d.type === 'simple-ad' || !d.mfa) continue;
    out.set(d.id, new DirectoryMfa(d.id, deps, { radius: d.mfa.radius ? deps.openRadius(d.mfa.radius) : undefined, totp: d.mfa.totp, netbiosName: d.netbiosName }));
  }
  return out;
}
