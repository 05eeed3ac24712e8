// IdentityProvider: a browser login with an upstream IdP (SAML, OIDC) or the directory → a verified identity.
// Adapters under adapters/identity/ implement it; the HTTP layer drives start() and finish().

/** What start() asks the browser to do: follow a redirect, or post these fields to `url` (SAML HTTP-POST binding). */
export type LoginStart = { kind: 'redirect'; url: string } | { kind: 'form'; url: string; fields: Record<string, string> };

export interface LoginStartRequest {
  /** Opaque state returned with the response (SAML RelayState, OIDC state is the adapter's own). */
  relayState?: string;
}

export interface LoginFinishRequest {
  /** The form fields (SAML: SAMLResponse, RelayState) or query parameters (OIDC: code, state) the IdP sent back. */
  params: Record<string, string>;
}

export interface VerifiedIdentity {
  /** The provider's name in the broker (config / IAM provider name). */
  provider: string;
  /** SAML Issuer / OIDC iss. */
  issuer: string;
  /** SAML NameID / OIDC sub. */
  subject: string;
  /** SAML NameID Format (e.g. urn:oasis:names:tc:SAML:2.0:nameid-format:persistent); absent for OIDC. */
  subjectFormat?: string;
  /** Attributes or claims, multi-valued. */
  attributes: Record<string, string[]>;
  /** Epoch seconds of the authentication at the IdP, when known. */
  authTime?: number;
  /** SAML AuthnContextClassRef / OIDC acr and amr, when known. */
  authnContext?: string[];
  /** Latest time the IdP allows the session to last (SAML SessionNotOnOrAfter), epoch seconds. */
  sessionNotOnOrAfter?: number;
  /** RelayState echoed by the IdP. */
  relayState?: string;
}

export interface IdentityProvider {
  readonly kind: 'saml' | 'oidc' | 'directory';
  readonly name: string;
  start(req: LoginStartRequest): Promise<LoginStart>;
  /** Throws IdentityRejectedError when the response is not acceptable. */
  finish(req: LoginFinishRequest): Promise<VerifiedIdentity>;
}

/** The IdP's answer could not be accepted (bad signature, expired, wrong audience…); `reason` is safe to log. */
export class IdentityRejectedError extends Error {
  constructor(readonly reason: string, options?: { cause?: unknown }) {
    super(reason, options);
    this.name = 'IdentityRejectedError';
  }
}
