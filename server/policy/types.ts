// Public types of the policy engine. The engine is pure: documents and a request in, a decision out.

export type PolicyKind = 'identity' | 'resource' | 'trust' | 'boundary' | 'session';

/**
 * A condition-key value in the request context.
 * - string: a single value (compared by string, ARN, IP, Bool, Binary or — when it parses — Numeric and Date operators);
 * - number: a single numeric value (Numeric operators; Date operators read it as epoch seconds);
 * - boolean: a single Bool value ("true"/"false");
 * - Date: an instant (Date operators; string operators see its ISO-8601 form without milliseconds);
 * - an array: a multivalued key (aws:TagKeys …), for ForAllValues:/ForAnyValue:. An empty array counts as absent.
 * undefined (or null) means the key is not present.
 */
export type ContextScalar = string | number | boolean | Date;
export type ContextValue = ContextScalar | ContextScalar[];

export interface PrincipalInfo {
  /** IAM user / root / federated-user / assumed-role session ARN; for WebIdentity and SAMLUser the identity provider
   * (OIDC provider ARN or URL, SAML provider ARN); for Service the service principal name ('ec2.amazonaws.com'). */
  arn: string;
  account: string;
  type: 'Root' | 'User' | 'AssumedRole' | 'FederatedUser' | 'WebIdentity' | 'SAMLUser' | 'Anonymous' | 'Service';
  /** Unique id: AIDA… (user), AROA…:session (assumed role), account:name (federated user). */
  id?: string;
  /** For AssumedRole: the role's ARN (with its path). */
  roleArn?: string;
  /** For FederatedUser: the IAM user that called GetFederationToken (a resource policy naming it grants to its sessions,
   * limited by the boundary and the session policy). */
  sourceUserArn?: string;
}

export interface EvaluationInput {
  action: string;
  resource: string;
  principal: PrincipalInfo;
  /** Condition keys; names are case-insensitive. aws:PrincipalArn, aws:PrincipalAccount, aws:PrincipalType, aws:userid and
   * aws:username are derived from `principal` when absent here. */
  context: Record<string, ContextValue | undefined>;
  identityPolicies: CompiledPolicy[];
  permissionsBoundary?: CompiledPolicy;
  /** undefined: the session has no session policy. */
  sessionPolicies?: CompiledPolicy[];
  /** A GetFederationToken session: without a session policy it has no identity-based permissions. */
  isFederationTokenSession?: boolean;
  resourcePolicy?: CompiledPolicy;
  /** The account owning the resource. Absent: the account field of the resource ARN, else the principal's account. */
  resourceAccount?: string;
  /** The resource's own policy must grant (a role's trust policy, a KMS key policy: resourcePolicyRequired()); a
   * resourcePolicy compiled with kind `trust` always must. */
  resourcePolicyRequired?: boolean;
}

export interface MatchedStatement {
  policyId?: string;
  policyKind: PolicyKind;
  sid?: string;
  effect: 'Allow' | 'Deny';
  /** Index of the statement in its policy (0-based). */
  index: number;
}

export interface Decision {
  decision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  matchedStatements: MatchedStatement[];
  /** Condition keys that conditions of otherwise-matching statements read and the context did not hold. */
  missingContextValues: string[];
  reason: string;
}

/** A compiled policy: validated once, evaluated many times. `statements` are opaque to callers. */
export interface CompiledPolicy {
  readonly id?: string;
  readonly kind: PolicyKind;
  readonly version: '2012-10-17' | '2008-10-17';
  /** True when the document had a Version element. */
  readonly explicitVersion: boolean;
  readonly statements: readonly unknown[];
}
