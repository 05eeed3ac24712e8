// Verifies a web identity token (OIDC ID token) as AWS's AssumeRoleWithWebIdentity does: a JWS compact JWT
// signed with RS*/ES* (PS* too; never `none` or HMAC), issued by an IAM OIDC provider of the role's account,
// signature against the issuer's JWKS, exp with AWS's 5-minute grace, integer timestamps, aud in the
// provider's client ids. Replays are NOT refused: AWS accepts a valid token any number of times.
import { compactVerify, decodeJwt, decodeProtectedHeader, errors, type JWTPayload } from 'jose';
import { AwsError } from '../../contracts/errors.ts';
import { OIDC_PROVIDER, oidcIdentifier, type OidcProviderData } from '../../iam/actions/oidc-providers.ts';
import type { Store } from '../../contracts/store.ts';
import { communicationError, issuerKeys, KEY_NOT_RETRIEVED, type IssuerKeys } from './issuer-keys.ts';

/** What AWS accepts (API reference: RSA or ECDSA); RSA-PSS as well, since jose and IdPs support it. */
export const ALGORITHMS = ['RS256', 'RS384', 'RS512', 'ES256', 'ES384', 'ES512', 'PS256', 'PS384', 'PS512'];
/** IAM User Guide: "a five-minute window beyond the expiration time specified in the JWT". */
export const CLOCK_SKEW_SECONDS = 300;

export const NOT_A_JWT = 'The ID Token provided is not a valid JWT. (You may see this error if you sent an Access Token)';
export const NOT_VALIDATED = 'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.';

const invalid = (message: string, cause?: unknown) => new AwsError('InvalidIdentityToken', message, { cause });

export interface VerifiedToken {
  provider: OidcProviderData;
  /** `host[:port]/path`: the condition-key prefix. */
  providerId: string;
  claims: JWTPayload & Record<string, unknown>;
  sub: string;
  /** The `aud` value that matched one of the provider's client ids. */
  audience: string;
}

function decode(token: string): { alg: string; claims: JWTPayload & Record<string, unknown> } {
  if (token.split('.').length !== 3) throw invalid(NOT_A_JWT);
  try {
    const header = decodeProtectedHeader(token);
    const claims = decodeJwt(token) as JWTPayload & Record<string, unknown>;
    return { alg: String(header.alg ?? ''), claims };
  } catch (e) {
    throw invalid(NOT_A_JWT, e);
  }
}

export async function verifyWebIdentityToken(token: string, account: string, store: Store, now: Date, keys: IssuerKeys = issuerKeys): Promise<VerifiedToken> {
  const { alg, claims } = decode(token);
  if (!ALGORITHMS.includes(alg)) throw invalid(NOT_VALIDATED);
  const iss = typeof claims.iss === 'string' ? claims.iss : '';
  const noProvider = () => invalid(`No OpenIDConnect provider found in your account for ${iss}`);

  // The IAM OIDC provider in the role's account whose URL is the issuer (trailing slashes ignored).
  let ident: { url: string; id: string };
  try {
    ident = oidcIdentifier(iss);
  } catch {
    throw noProvider();
  }
  const arn = `arn:aws:iam::${account}:oidc-provider/${ident.id}`;
  const provider = (await store.entities.get<OidcProviderData>(account, OIDC_PROVIDER, arn))?.data;
  if (!provider || oidcIdentifier(provider.url).url !== ident.url) throw noProvider();

  // Signature against the issuer's published keys.
  const getKey = await keys.forIssuer(ident.url);
  try {
    await compactVerify(token, getKey, { algorithms: ALGORITHMS });
  } catch (e) {
    if (e instanceof errors.JWKSNoMatchingKey) throw invalid(KEY_NOT_RETRIEVED, e);
    if (e instanceof errors.JWKSTimeout || e instanceof errors.JWKSInvalid || e instanceof TypeError) throw communicationError(e);
    if (e instanceof errors.JOSEError && /200 OK/.test(e.message)) throw communicationError(e);
    throw invalid(NOT_VALIDATED, e);
  }

  // Timestamps: integers (API reference), exp with the 5-minute grace, nbf/iat not in the future beyond it.
  const t = Math.floor(now.getTime() / 1000);
  for (const k of ['exp', 'iat', 'nbf'] as const) if (claims[k] !== undefined && !Number.isInteger(claims[k])) throw invalid(NOT_VALIDATED);
  if (claims.exp === undefined) throw invalid(NOT_VALIDATED);
  if (t >= claims.exp + CLOCK_SKEW_SECONDS) throw new AwsError('ExpiredTokenException', `Token expired: current date/time ${t} must be before the expiration date/time ${claims.exp}`);
  if ((claims.nbf !== undefined && claims.nbf > t + CLOCK_SKEW_SECONDS) || (claims.iat !== undefined && claims.iat > t + CLOCK_SKEW_SECONDS)) throw invalid(NOT_VALIDATED);
  if (typeof claims.sub !== 'string' || claims.sub === '') throw invalid(NOT_VALIDATED);

  // Audience: any element of `aud` listed as a client id of the provider.
  const auds = typeof claims.aud === 'string' ? [claims.aud] : Array.isArray(claims.aud) ? claims.aud.filter((a): a is string => typeof a === 'string') : [];
  const audience = auds.find((a) => provider.clientIds.includes(a));
  if (!audience) throw invalid('Incorrect token audience');
  return { provider, providerId: ident.id, claims, sub: claims.sub, audience };
}
