// What the browser login routes (server/http/login-routes) hand the SAML and OIDC identity adapters, and the
// pending OIDC logins they share with them: the adapters implement these, server/registry.ts wires them in.

/** A SAML IdP as the broker knows it (an IAM SAML provider). */
export interface SamlIdpSettings {
  /** Provider name in the broker. */
  name: string;
  idpEntityId: string;
  /** IdP signing certificates, base64 DER or PEM. */
  idpCertificates: string[];
  /** IdP SSO URL. */
  ssoUrl: string;
  /** The SSO URL's binding: HTTP-Redirect (default) or HTTP-POST. */
  binding?: 'redirect' | 'post';
}

/** The broker as a SAML service provider. */
export interface SamlSpSettings {
  entityId: string;
  acsUrl: string;
  /** PEM private key + certificate: signs AuthnRequests, decrypts EncryptedAssertion. */
  privateKey?: string;
  certificate?: string;
  signRequests?: boolean;
}

/** An OpenID provider and the broker as its relying party. */
export interface OidcRpSettings {
  /** Provider name in the broker. */
  name: string;
  issuer: string;
  clientId: string;
  /** Confidential client (client_secret_basic); absent: public client, PKCE only. */
  clientSecret?: string;
  /** The broker's callback, e.g. `${publicUrl}/oidc/callback`. */
  redirectUri: string;
  scopes?: string[];
  /** Seconds for each request to the OP (discovery, token, JWKS). */
  timeoutSeconds?: number;
}

/** A pending OIDC login (PKCE verifier, nonce, relay state), keyed by the `state` parameter. */
export interface PendingLogin {
  provider: string;
  codeVerifier: string;
  nonce: string;
  relayState?: string;
  createdAt: number;
}

export interface LoginStates {
  put(state: string, login: PendingLogin): Promise<void>;
  /** Returns and forgets the login; undefined when unknown, already used or older than the TTL. */
  take(state: string): Promise<PendingLogin | undefined>;
  /** Reads the login without using it, even past the TTL (createdAt tells): which provider a callback is for. */
  peek(state: string): Promise<PendingLogin | undefined>;
}
