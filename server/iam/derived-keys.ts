// The condition keys the broker derives from the verified caller and its session (Authorizer.inputFor, the
// engine's RequestContext) or from the signature (aws:RequestedRegion): a relying service's POST /authorize
// `context` may add its own keys but never set these, or a non-MFA session could claim MFA.
const DERIVED = new Set(
  [
    'aws:CurrentTime', 'aws:EpochTime', // the broker's clock
    'aws:PrincipalArn', 'aws:PrincipalAccount', 'aws:PrincipalType', 'aws:userid', 'aws:username', // the principal
    'aws:PrincipalOrgID', 'aws:PrincipalOrgPaths', 'aws:PrincipalIsAWSService', 'aws:PrincipalServiceName', 'aws:PrincipalServiceNamesList',
    'aws:TokenIssueTime', 'aws:MultiFactorAuthPresent', 'aws:MultiFactorAuthAge', 'aws:SourceIdentity', // the session
    'aws:FederatedProvider', 'aws:ViaAWSService', 'aws:CalledVia', 'aws:CalledViaFirst', 'aws:CalledViaLast',
    'aws:RequestedRegion', // the forwarded signature's credential scope
  ].map((k) => k.toLowerCase()),
);

/** Families: the principal's and session's tags, and the claims federation sessions carry (SAML, directories). */
const DERIVED_PREFIXES = ['aws:principaltag/', 'saml:', 'ds:'];

/** The first key of `context` the caller may not set (given the keys the broker derived for this caller), or undefined. */
export function overriddenDerivedKey(context: Record<string, unknown>, derived: Record<string, unknown> = {}): string | undefined {
  const fromSession = new Set(Object.keys(derived).map((k) => k.toLowerCase()));
  return Object.keys(context).find((k) => {
    const lower = k.toLowerCase();
    const prefix = lower.slice(0, Math.max(0, lower.indexOf(':')));
    // an OIDC provider's claims are named by its host (accounts.google.com:sub, oidc.example.com/tenant:aud)
    return DERIVED.has(lower) || DERIVED_PREFIXES.some((p) => lower.startsWith(p)) || prefix.includes('.') || fromSession.has(lower);
  });
}

/** The list, for documentation and tests. */
export const DERIVED_KEYS: readonly string[] = [...DERIVED];
export const DERIVED_KEY_PREFIXES: readonly string[] = DERIVED_PREFIXES;
