// An OIDC browser login (the ID token already validated by the relying party: signature, iss, aud = our client id,
// exp, nonce) → a VerifiedIdentity for the portal, with the condition keys AssumeRoleWithWebIdentity gives the
// trust policy (`<host/path>:aud|sub|amr|azp|oaud`) and its session tags (the `https://aws.amazon.com/tags` claim
// and the provider's sessionTags mapping).
import { AwsError } from '../../contracts/errors.ts';
import type { UpstreamLogin, VerifiedIdentity } from '../../contracts/identity.ts';
import type { OidcProviderData } from '../../iam/actions/oidc-providers.ts';
import { mappedTags, mergeSessionTags, tagMappingOf } from '../mapped-session-tags.ts';
import { sessionTagsFromClaims, TAGS_CLAIM, webIdentityConditionKeys } from './token-claims.ts';
import type { VerifiedToken } from './verify-token.ts';

/** The claims back in their JSON shapes (the RP hands them over as multi-valued strings, objects as JSON). */
function claimsOf(login: UpstreamLogin): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(login.attributes)) {
    if (k === TAGS_CLAIM) {
      try {
        out[k] = JSON.parse(v[0] ?? '');
      } catch {
        out[k] = v[0];
      }
    } else out[k] = k === 'aud' || k === 'amr' || v.length > 1 ? v : v[0];
  }
  return out;
}

/** A RoleSessionName (2–64 of [\w+=,.@-]) from the e-mail, the preferred user name or the subject. */
export function sessionNameOf(...candidates: Array<unknown>): string {
  for (const c of candidates) {
    if (typeof c !== 'string') continue;
    const name = c.replace(/[^\w+=,.@-]/g, '-').slice(0, 64);
    if (name.length >= 2) return name;
  }
  return 'web-identity';
}

export function oidcBrowserIdentity(login: UpstreamLogin, provider: OidcProviderData, clientId: string, now: Date): VerifiedIdentity {
  const claims = claimsOf(login);
  const aud = claims.aud as string[] | undefined;
  if (!aud?.includes(clientId)) throw new AwsError('InvalidIdentityToken', 'Incorrect token audience');
  const providerId = provider.arn.slice(provider.arn.indexOf(':oidc-provider/') + ':oidc-provider/'.length);
  const token: VerifiedToken = { provider, providerId, claims: { ...claims, aud: aud.length === 1 ? aud[0] : aud }, sub: login.subject, audience: clientId };
  // The https://aws.amazon.com/tags claim plus the provider's configured mapping, as AssumeRoleWithWebIdentity reads them.
  const fail = (m: string) => new AwsError('InvalidIdentityToken', m);
  const { tags, transitiveTagKeys } = mergeSessionTags(sessionTagsFromClaims(token.claims), mappedTags(tagMappingOf(provider.settings), (n) => token.claims[n], fail), 'InvalidIdentityToken');
  const display = claims.email ?? claims.preferred_username ?? login.subject;
  return {
    source: 'oidc',
    provider: provider.arn,
    subject: login.subject,
    displayName: String(display),
    sessionName: sessionNameOf(claims.email, claims.preferred_username, login.subject),
    claims: webIdentityConditionKeys(token),
    authTime: login.authTime ?? Math.floor(now.getTime() / 1000),
    ...(tags.length ? { tags, transitiveTagKeys: transitiveTagKeys.map((k) => k.toLowerCase()) } : {}),
  };
}
