// What the SAML and OIDC login routes need, passed in by main.ts (adapters come through server/registry.ts).
import type { Context } from 'koa';
import type { IdentityProvider, LoginStarter, VerifiedIdentity } from '../../contracts/identity.ts';
import type { LoginStates, OidcRpSettings, SamlIdpSettings, SamlSpSettings } from '../../contracts/login-providers.ts';
import type { Store } from '../../contracts/store.ts';
import type { ActionServices } from '../../iam/action.ts';
import type { KeyRing } from '../../keys/keyring.ts';
import type { SamlRequests } from '../../sts/saml/login-requests.ts';
import type { PortalAuditor } from '../portal/audit.ts';

export interface LoginRouteDeps {
  store: Store;
  keys: KeyRing;
  /** region, publicUrl and accounts, read on each request. */
  services: ActionServices;
  /** portalSignIn(): starts the portal session and answers 303 → /roles. */
  signIn: (ctx: Context, identity: VerifiedIdentity) => Promise<void>;
  /** The SAML adapter for the AuthnRequest; `saveRequestId` is called with each request's ID. */
  saml: (idp: SamlIdpSettings, sp: SamlSpSettings, saveRequestId: (id: string) => Promise<void>) => LoginStarter;
  samlRequests: SamlRequests;
  /** The OIDC relying-party adapter and its Store-backed pending logins. */
  oidc: (settings: OidcRpSettings, states: LoginStates) => IdentityProvider;
  oidcStates: LoginStates;
  /** How long a pending OIDC login lives (the adapter's TTL), in ms. */
  oidcLoginTtlMs: number;
  clock: () => Date;
  audit?: PortalAuditor;
}
