// An OpenID provider as an IdentityProvider for browser logins, on openid-client v6: start() = discovery (cached)
// + authorization request with PKCE (S256), state and nonce; finish() = the callback's code exchanged at the token
// endpoint, the ID token validated by openid-client (signature via the issuer's JWKS, iss, aud, exp, nonce), →
// UpstreamLogin. Plain http only to loopback and private-network issuers (server/contracts/plain-http.ts), as the
// config and IAM's OIDC providers admit.
import * as client from 'openid-client';
import { IdentityRejectedError, type IdentityProvider, type LoginStart, type UpstreamLogin } from '../../../server/contracts/identity.ts';
import { plainHttpAllowed } from '../../../server/contracts/plain-http.ts';
import type { LoginStates, OidcRpSettings } from '../../../server/contracts/login-providers.ts';

export type { OidcRpSettings };

/** Claims as multi-valued string attributes (objects as JSON). */
function attributesOf(claims: Record<string, unknown>): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(claims)) {
    if (v === undefined || v === null) continue;
    out[k] = (Array.isArray(v) ? v : [v]).map((x) => (typeof x === 'object' ? JSON.stringify(x) : String(x)));
  }
  return out;
}

export function createOidcIdentityProvider(s: OidcRpSettings, states: LoginStates): IdentityProvider {
  let config: Promise<client.Configuration> | undefined;
  const configuration = () => {
    if (!config) {
      const url = new URL(s.issuer);
      const insecure = url.protocol === 'http:' && plainHttpAllowed(url.hostname);
      const auth = s.clientSecret ? client.ClientSecretBasic(s.clientSecret) : client.None();
      config = client.discovery(url, s.clientId, s.clientSecret, auth, { timeout: s.timeoutSeconds ?? 10, ...(insecure ? { execute: [client.allowInsecureRequests] } : {}) });
      config.catch(() => (config = undefined)); // retry discovery on the next login
    }
    return config;
  };

  return {
    kind: 'oidc',
    name: s.name,
    async start(req): Promise<LoginStart> {
      const cfg = await configuration();
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      await states.put(state, { provider: s.name, codeVerifier, nonce, relayState: req.relayState, createdAt: Date.now() });
      const url = client.buildAuthorizationUrl(cfg, {
        redirect_uri: s.redirectUri,
        scope: (s.scopes ?? ['openid', 'email', 'profile']).join(' '),
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      });
      return { kind: 'redirect', url: url.href };
    },
    async finish(req): Promise<UpstreamLogin> {
      const { state, error } = req.params;
      if (error) throw new IdentityRejectedError(`OpenID provider answered ${error}${req.params.error_description ? `: ${req.params.error_description}` : ''}`);
      const pending = state ? await states.take(state) : undefined;
      if (!pending || pending.provider !== s.name) throw new IdentityRejectedError('unknown, expired or already used login state');
      const cfg = await configuration();
      const current = new URL(s.redirectUri);
      for (const [k, v] of Object.entries(req.params)) current.searchParams.set(k, v);
      let claims: client.IDToken | undefined;
      try {
        const tokens = await client.authorizationCodeGrant(cfg, current, { pkceCodeVerifier: pending.codeVerifier, expectedNonce: pending.nonce, expectedState: state, idTokenExpected: true });
        claims = tokens.claims();
      } catch (err) {
        throw new IdentityRejectedError(`OpenID login refused: ${(err as Error).message}`, { cause: err });
      }
      if (!claims) throw new IdentityRejectedError('no ID token in the token response');
      const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
      const acr = typeof claims.acr === 'string' ? [claims.acr] : [];
      return {
        provider: s.name,
        issuer: claims.iss,
        subject: claims.sub,
        attributes: attributesOf(claims as Record<string, unknown>),
        ...(typeof claims.auth_time === 'number' ? { authTime: claims.auth_time } : {}),
        ...(acr.length || amr.length ? { authnContext: [...acr, ...amr] } : {}),
        ...(pending.relayState ? { relayState: pending.relayState } : {}),
      };
    },
  };
}
