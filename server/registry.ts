// The only server file that imports adapters: configuration `type` → adapter factory.
import { openPostgresStore } from '../adapters/store/postgres/index.ts';
import { openSqliteStore } from '../adapters/store/sqlite/index.ts';
import type { Logger } from 'pino';
import { openSimpleAd } from '../adapters/directory/simple-ad/index.ts';
import { openAdConnector } from '../adapters/directory/ad-connector/index.ts';
import { openManagedAd, type TrustStatus } from '../adapters/directory/managed-ad/index.ts';
import { spMetadataXml } from '../adapters/identity/saml/sp-metadata.ts';
import { createSamlIdentityProvider, type SamlIdpSettings, type SamlSpSettings } from '../adapters/identity/saml/saml-identity-provider.ts';
import { createOidcIdentityProvider, type OidcRpSettings } from '../adapters/identity/oidc/oidc-identity-provider.ts';
import { LOGIN_TTL_MS, OIDC_LOGIN, storeLoginStates, type LoginStates } from '../adapters/identity/oidc/login-states.ts';
import type { IdentityProvider, LoginStarter } from './contracts/identity.ts';

export type { SamlIdpSettings, SamlSpSettings, OidcRpSettings, LoginStates };
import type { DirectoryConfig } from '../config/schema.ts';
import type { DirectoryBackend } from './contracts/directory.ts';
import type { OneTimeCodeVerifier } from './contracts/mfa.ts';
import { RadiusClient } from '../adapters/mfa/radius/index.ts';
import type { Store } from './contracts/store.ts';

export type StoreConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };

/** `clock` judges which records have expired (default: the system's). */
export function openStore(cfg: StoreConfig, opts: { clock?: () => Date } = {}): Promise<Store> {
  switch (cfg.kind) {
    case 'sqlite':
      return openSqliteStore(cfg.file, opts);
    case 'postgres':
      return openPostgresStore(cfg.url, { schema: cfg.schema, ...opts });
  }
}

/** The log line when failed binds lock an account: for how long, and the command that unlocks it now. */
function lockoutHint(cfg: DirectoryConfig, logger: Logger): (sam: string) => void {
  const minutes = cfg.type === 'ad-connector' ? 0 : Math.ceil(cfg.lockout.durationSeconds / 60);
  const threshold = cfg.type === 'ad-connector' ? 0 : cfg.lockout.threshold;
  return (sam) =>
    logger.warn(
      { directory: cfg.id, user: `${cfg.netbiosName}\\${sam}` },
      `directory ${cfg.id}: ${cfg.netbiosName}\\${sam} is locked out after ${threshold} failed logons (${minutes ? `for ${minutes} min` : 'until an administrator unlocks it'}); unlock it now: npx idbroker directories unlock ${sam} --directory ${cfg.id}`,
    );
}

/** A directory's backend by its `type`. The switch is exhaustive: a type in the config schema without an adapter
 *  here does not compile. */
export async function openDirectory(
  cfg: DirectoryConfig,
  deps: { store: Store; logger: Logger },
): Promise<{ backend: DirectoryBackend; generatedAdminPassword?: string; close?: () => Promise<void>; trusts?: () => TrustStatus[] }> {
  switch (cfg.type) {
    case 'simple-ad':
      return openSimpleAd({ store: deps.store, config: cfg, onLockout: lockoutHint(cfg, deps.logger) });
    case 'managed-ad': {
      // simple-ad's local directory plus one ad-connector per trusted domain (its checks run from managed-ad's
      // trust monitor). MFA: openMfaVerifier.
      const m = await openManagedAd({
        config: cfg,
        store: deps.store,
        logger: deps.logger,
        openLocal: (config) => openSimpleAd({ store: deps.store, config, onLockout: lockoutHint(cfg, deps.logger) }),
        openTrust: (config) => openAdConnector({ config, logger: deps.logger, healthCheckIntervalMs: 0 }),
      });
      return { backend: m.backend, generatedAdminPassword: m.generatedAdminPassword, close: () => m.close(), trusts: () => m.trusts() };
    }
    case 'ad-connector': {
      const c = await openAdConnector({ config: cfg, logger: deps.logger });
      return { backend: c.backend, close: () => c.close() };
    }
    default:
      return noAdapterFor(cfg);
  }
}

function noAdapterFor(cfg: never): never {
  throw new Error(`directory type ${(cfg as { type: string }).type} has no adapter`);
}

export { trustStatusKey, type TrustStatus } from '../adapters/directory/managed-ad/index.ts';

/** A directory's RADIUS MFA server (config `mfa.radius`). */
export function openMfaVerifier(cfg: { host: string; port: number; secret: string; timeoutMs: number; retries: number; nasIdentifier: string; requireMessageAuthenticator: boolean }): OneTimeCodeVerifier {
  return new RadiusClient(cfg);
}

/** The broker's SAML SP metadata XML (entity id, HTTP-POST ACS, signing and encryption certificate). */
export function samlSpMetadata(sp: { entityId: string; acsUrl: string; certificate: string; privateKey: string }): string {
  return spMetadataXml({ ...sp, signRequests: true });
}

/** A SAML IdP for a browser login's start (the AuthnRequest); `saveRequestId` records each request's ID. */
export function samlLoginProvider(idp: SamlIdpSettings, sp: SamlSpSettings, saveRequestId: (id: string) => Promise<void>): LoginStarter {
  return createSamlIdentityProvider(idp, sp, {
    saveAsync: async (key, value) => (await saveRequestId(key), { value, createdAt: Date.now() }),
    getAsync: async () => null, // the ACS route checks InResponseTo itself (server/sts/saml/browser-login.ts)
    removeAsync: async () => null,
  });
}

/** An OpenID provider for browser logins (authorization code + PKCE), and its Store-backed pending logins. */
export function oidcLoginProvider(settings: OidcRpSettings, states: LoginStates): IdentityProvider {
  return createOidcIdentityProvider(settings, states);
}

/** How long a pending OIDC browser login lives, in ms, and the Store entity kind that keeps it. */
export const OIDC_LOGIN_TTL_MS = LOGIN_TTL_MS;
export const OIDC_LOGIN_KIND = OIDC_LOGIN;

export function oidcLoginStates(store: Store): LoginStates {
  return storeLoginStates(store);
}
