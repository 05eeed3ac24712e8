// Browser logins with an upstream IdP (SAML, OIDC) and the one VerifiedIdentity every login path yields.
// Adapters under adapters/identity/ implement LoginStarter (SAML) or IdentityProvider (OIDC); the HTTP layer
// drives start() and finish().

/** What start() asks the browser to do: follow a redirect, or post these fields to `url` (SAML HTTP-POST binding). */
export type LoginStart = { kind: 'redirect'; url: string } | { kind: 'form'; url: string; fields: Record<string, string> };

export interface LoginStartRequest {
  /** Opaque state returned with the response (SAML RelayState; OIDC keeps it with the pending login). */
  relayState?: string;
}

export interface LoginFinishRequest {
  /** The query parameters (OIDC: code, state) the IdP sent back. */
  params: Record<string, string>;
}

/** What an upstream IdP vouched for, as the adapter validated it (OIDC: the ID token's claims), before the broker
 *  maps it to a VerifiedIdentity with the provider's settings (server/sts/web-identity/browser-login.ts). */
export interface UpstreamLogin {
  /** The provider's name in the broker (config / IAM provider name). */
  provider: string;
  /** OIDC iss. */
  issuer: string;
  /** OIDC sub. */
  subject: string;
  /** Claims, multi-valued (objects as JSON). */
  attributes: Record<string, string[]>;
  /** Epoch seconds of the authentication at the IdP, when known. */
  authTime?: number;
  /** OIDC acr and amr, when known. */
  authnContext?: string[];
  /** The relay state given to start(), echoed back. */
  relayState?: string;
}

/** Who signed in (directory, SAML or OIDC), as the trust policy sees them: the one identity every login path
 *  produces (AssumeRoleWithLDAPIdentity, the portal's directory, SAML and OIDC sign-ins). JSON-serialisable
 *  (portal sessions keep it in the Store). */
export interface VerifiedIdentity {
  source: 'directory' | 'saml' | 'oidc';
  /** A directory id (d-…), or the ARN of the IAM SAML / OIDC provider that vouched for the person. */
  provider: string;
  /** The directory user's DN, the SAML NameID or the OIDC `sub`. */
  subject: string;
  /** What the portal shows (alice). */
  displayName: string;
  /** Default RoleSessionName (2–64 of [\w+=,.@-]). */
  sessionName: string;
  /** Condition keys the trust policy sees (ds:Groups, saml:sub, oidc claims…). */
  claims: Record<string, string | string[]>;
  /** Epoch seconds of the sign-in. */
  authTime: number;
  mfa?: boolean;
  /** Session tags the provider asserts (SAML/OIDC tags, directory attributes); the trust policy must then also
   *  allow sts:TagSession. */
  tags?: Array<{ Key: string; Value: string }>;
  transitiveTagKeys?: string[];
  /** SAML: the roles the assertion's Role attribute names for this provider; only these may be assumed. */
  roleArns?: string[];
  /** SAML SessionDuration: the longest credentials issued for this sign-in, in seconds. */
  maxDurationSeconds?: number;
  /** SAML SessionNotOnOrAfter, epoch seconds: no credentials are issued past it. */
  sessionNotOnOrAfter?: number;
}

/** The first half of a browser login with an upstream IdP: where to send the browser. A SAML IdP is only this:
 *  its responses come back to the broker's ACS, validated by the one SAML validator (server/sts/saml/), which
 *  AssumeRoleWithSAML shares, and that yields the VerifiedIdentity. */
export interface LoginStarter {
  readonly kind: 'saml' | 'oidc' | 'directory';
  readonly name: string;
  start(req: LoginStartRequest): Promise<LoginStart>;
}

/** A login whose answer the adapter itself validates (OIDC: code exchange and ID token checks by the relying party). */
export interface IdentityProvider extends LoginStarter {
  /** Throws IdentityRejectedError when the response is not acceptable. */
  finish(req: LoginFinishRequest): Promise<UpstreamLogin>;
}

/** The IdP's answer could not be accepted (bad signature, expired, wrong audience…); `reason` is safe to log. */
export class IdentityRejectedError extends Error {
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'IdentityRejectedError';
  }
}
