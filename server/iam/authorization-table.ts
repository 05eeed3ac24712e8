// What each IAM and STS action is authorized on, and with which condition keys: one row per action, after the
// Service Authorization Reference (SAR) for IAM and STS ("Actions defined by …": resource types and condition
// keys). server/iam/request-authorization.ts turns a row plus a request into the resource ARN and context.
//
// Resource-type keys (aws:ResourceTag/*, and iam:ResourceTag/* on users and roles) come with the resource
// type (RESOURCE_TYPE_KEYS) and apply whenever the resource exists; a row lists only its action's own keys.

/** Where the resource ARN comes from. */
export type ResourceSpec =
  /** No resource type: the action is authorized on `*`. */
  | { kind: 'none' }
  /** An existing user, group, role or instance profile named by a parameter (the caller's own user when `self` and it is absent). */
  | { kind: 'named'; type: 'user' | 'group' | 'role' | 'instance-profile'; param: string; self?: boolean }
  /** An entity the request creates: its ARN from the request's name and Path. */
  | { kind: 'new'; type: 'user' | 'group' | 'role' | 'policy' | 'mfa' | 'saml-provider' | 'instance-profile'; param: string; path?: string }
  /** An OIDC provider the request creates: its ARN from the issuer Url. */
  | { kind: 'new-oidc-provider'; param: string }
  /** An existing entity named by its ARN (the role's account may be another one: AssumeRole). */
  | { kind: 'arn'; type: 'policy' | 'mfa' | 'saml-provider' | 'oidc-provider' | 'role' | 'principal'; param: string }
  /** The user that owns the access key named by the parameter (GetAccessKeyLastUsed). */
  | { kind: 'access-key-owner'; param: string }
  /** A federated user of the caller's account, named by the parameter (GetFederationToken). */
  | { kind: 'federated-user'; param: string }
  /** RevokeSessions: the principal, the session, or every session. */
  | { kind: 'revocation' };

/** Who evaluates the row. */
export type Decider =
  /** The Query API: the caller's policies must allow `action` on the resource (the default). */
  | 'identity'
  /** The action itself, with the table's resource and context (AssumeRole: identity and trust policy). */
  | 'action'
  /** Unsigned: the role's trust policy, with keys the assertion or token supplies (saml:*, claims, tags). */
  | 'trust'
  /** Nothing: AWS needs no permission (GetCallerIdentity, GetSessionToken). */
  | 'none';

export interface AuthorizationRow {
  /** The IAM action name (service:Action) the policy must allow. */
  action: string;
  resource: ResourceSpec;
  /** The action's own condition keys, as the SAR spells them (${TagKey} for a family). */
  keys: readonly string[];
  decider?: Decider;
}

/** The keys every resource of a type carries (SAR "Resource types" table). */
export const RESOURCE_TYPE_KEYS: Record<string, readonly string[]> = {
  user: ['aws:ResourceTag/${TagKey}', 'iam:ResourceTag/${TagKey}'],
  role: ['aws:ResourceTag/${TagKey}', 'iam:ResourceTag/${TagKey}'],
  policy: ['aws:ResourceTag/${TagKey}'],
  mfa: ['aws:ResourceTag/${TagKey}'],
  'saml-provider': ['aws:ResourceTag/${TagKey}'],
  'oidc-provider': ['aws:ResourceTag/${TagKey}'],
  'instance-profile': ['aws:ResourceTag/${TagKey}'],
  group: [],
  'federated-user': [],
};

const REQUEST_TAGS = ['aws:RequestTag/${TagKey}', 'aws:TagKeys'] as const;
const TAG_KEYS = ['aws:TagKeys'] as const;
const BOUNDARY = ['iam:PermissionsBoundary'] as const;

const none: ResourceSpec = { kind: 'none' };
const named = (type: 'user' | 'group' | 'role', param = `${type === 'user' ? 'User' : type === 'group' ? 'Group' : 'Role'}Name`, self = false): ResourceSpec => ({ kind: 'named', type, param, ...(self ? { self } : {}) });
const byArn = (type: Extract<ResourceSpec, { kind: 'arn' }>['type'], param: string): ResourceSpec => ({ kind: 'arn', type, param });

const rows: Record<string, AuthorizationRow> = {};
const iam = (name: string, resource: ResourceSpec, keys: readonly string[] = [], decider?: Decider) => {
  rows[`iam:${name}`] = { action: `iam:${name}`, resource, keys, ...(decider ? { decider } : {}) };
};
const sts = (name: string, resource: ResourceSpec, keys: readonly string[] = [], decider?: Decider) => {
  rows[`sts:${name}`] = { action: `sts:${name}`, resource, keys, ...(decider ? { decider } : {}) };
};

// Users, groups, roles.
iam('CreateUser', { kind: 'new', type: 'user', param: 'UserName', path: 'Path' }, [...BOUNDARY, ...REQUEST_TAGS]);
iam('GetUser', named('user', 'UserName', true));
iam('ListUsers', none);
iam('UpdateUser', named('user'));
iam('DeleteUser', named('user'));
iam('CreateGroup', { kind: 'new', type: 'group', param: 'GroupName', path: 'Path' });
iam('GetGroup', named('group'));
iam('ListGroups', none);
iam('ListGroupsForUser', named('user'));
iam('AddUserToGroup', named('group'));
iam('RemoveUserFromGroup', named('group'));
iam('DeleteGroup', named('group'));
iam('CreateRole', { kind: 'new', type: 'role', param: 'RoleName', path: 'Path' }, [...BOUNDARY, ...REQUEST_TAGS]);
iam('GetRole', named('role'));
iam('ListRoles', none);
iam('UpdateRole', named('role'));
iam('UpdateRoleDescription', named('role'));
iam('UpdateAssumeRolePolicy', named('role'));
iam('DeleteRole', named('role'));

// Inline policies (the boundary key on users and roles: a delegated admin's guard).
for (const [Name, type] of [['User', 'user'], ['Group', 'group'], ['Role', 'role']] as const) {
  const boundary = type === 'group' ? [] : BOUNDARY;
  iam(`Put${Name}Policy`, named(type), boundary);
  iam(`Get${Name}Policy`, named(type));
  iam(`List${Name}Policies`, named(type));
  iam(`Delete${Name}Policy`, named(type), boundary);
  iam(`Attach${Name}Policy`, named(type), ['iam:PolicyARN', ...boundary]);
  iam(`Detach${Name}Policy`, named(type), ['iam:PolicyARN', ...boundary]);
  iam(`ListAttached${Name}Policies`, named(type));
}

// Managed policies and their versions.
iam('CreatePolicy', { kind: 'new', type: 'policy', param: 'PolicyName', path: 'Path' }, REQUEST_TAGS);
for (const name of ['GetPolicy', 'DeletePolicy', 'ListEntitiesForPolicy', 'CreatePolicyVersion', 'GetPolicyVersion', 'ListPolicyVersions', 'DeletePolicyVersion', 'SetDefaultPolicyVersion']) {
  iam(name, byArn('policy', 'PolicyArn'));
}
iam('ListPolicies', none);

// Access keys.
iam('CreateAccessKey', named('user', 'UserName', true));
iam('ListAccessKeys', named('user', 'UserName', true));
iam('UpdateAccessKey', named('user', 'UserName', true));
iam('DeleteAccessKey', named('user', 'UserName', true));
iam('GetAccessKeyLastUsed', { kind: 'access-key-owner', param: 'AccessKeyId' });

// Tags: Tag* carries the new tags, Untag* the keys it removes.
for (const [Name, spec] of [
  ['User', named('user')],
  ['Role', named('role')],
  ['Policy', byArn('policy', 'PolicyArn')],
  ['OpenIDConnectProvider', byArn('oidc-provider', 'OpenIDConnectProviderArn')],
  ['SAMLProvider', byArn('saml-provider', 'SAMLProviderArn')],
] as const) {
  iam(`Tag${Name}`, spec, REQUEST_TAGS);
  iam(`Untag${Name}`, spec, TAG_KEYS);
  iam(`List${Name}Tags`, spec);
}

// Permissions boundaries: iam:PermissionsBoundary and iam:PolicyARN are the new boundary (Put) or the current one (Delete).
for (const [Name, type] of [['User', 'user'], ['Role', 'role']] as const) {
  iam(`Put${Name}PermissionsBoundary`, named(type), ['iam:PermissionsBoundary', 'iam:PolicyARN']);
  iam(`Delete${Name}PermissionsBoundary`, named(type), ['iam:PermissionsBoundary', 'iam:PolicyARN']);
}

// MFA devices.
iam('CreateVirtualMFADevice', { kind: 'new', type: 'mfa', param: 'VirtualMFADeviceName', path: 'Path' }, REQUEST_TAGS);
iam('EnableMFADevice', named('user'));
iam('DeactivateMFADevice', named('user'));
iam('ListMFADevices', named('user', 'UserName', true));
iam('ListVirtualMFADevices', none);
iam('DeleteVirtualMFADevice', byArn('mfa', 'SerialNumber'));

// Identity providers.
iam('CreateSAMLProvider', { kind: 'new', type: 'saml-provider', param: 'Name' }, REQUEST_TAGS);
iam('GetSAMLProvider', byArn('saml-provider', 'SAMLProviderArn'));
iam('ListSAMLProviders', none);
iam('UpdateSAMLProvider', byArn('saml-provider', 'SAMLProviderArn'));
iam('DeleteSAMLProvider', byArn('saml-provider', 'SAMLProviderArn'));
iam('CreateOpenIDConnectProvider', { kind: 'new-oidc-provider', param: 'Url' }, REQUEST_TAGS);
for (const name of ['GetOpenIDConnectProvider', 'DeleteOpenIDConnectProvider', 'AddClientIDToOpenIDConnectProvider', 'RemoveClientIDFromOpenIDConnectProvider', 'UpdateOpenIDConnectProviderThumbprint']) {
  iam(name, byArn('oidc-provider', 'OpenIDConnectProviderArn'));
}
iam('ListOpenIDConnectProviders', none);

// Instance profiles.
const profile: ResourceSpec = { kind: 'named', type: 'instance-profile', param: 'InstanceProfileName' };
iam('CreateInstanceProfile', { kind: 'new', type: 'instance-profile', param: 'InstanceProfileName', path: 'Path' }, REQUEST_TAGS);
for (const name of ['GetInstanceProfile', 'DeleteInstanceProfile', 'AddRoleToInstanceProfile', 'RemoveRoleFromInstanceProfile', 'ListInstanceProfileTags']) iam(name, profile);
iam('TagInstanceProfile', profile, REQUEST_TAGS);
iam('UntagInstanceProfile', profile, TAG_KEYS);
iam('ListInstanceProfiles', none);
iam('ListInstanceProfilesForRole', named('role'));

// The rest.
iam('SimulateCustomPolicy', none);
iam('SimulatePrincipalPolicy', byArn('principal', 'PolicySourceArn'));
iam('ListAccountAliases', none);
iam('CreateAccountAlias', none);
iam('DeleteAccountAlias', none);
iam('GetAccountSummary', none);
iam('GetAccountAuthorizationDetails', none);
// iam:PassRole is no API: a service that accepts a role asks POST /authorize, passing iam:PassedToService
// (and iam:AssociatedResourceArn); the broker adds the role's tags.
iam('PassRole', byArn('role', 'RoleArn'), ['iam:PassedToService', 'iam:AssociatedResourceArn']);
// idbroker's extensions on the IAM endpoint.
iam('RevokeSessions', { kind: 'revocation' });
// LookupEvents is CloudTrail's permission, served on the IAM endpoint.
rows['iam:LookupEvents'] = { action: 'cloudtrail:LookupEvents', resource: none, keys: [], decider: 'action' };

// STS.
const SESSION_TAGS = ['aws:RequestTag/${TagKey}', 'aws:TagKeys', 'sts:TransitiveTagKeys'] as const;
sts('AssumeRole', byArn('role', 'RoleArn'), ['sts:ExternalId', 'sts:RoleSessionName', 'sts:SourceIdentity', ...SESSION_TAGS], 'action');
sts('AssumeRoleWithSAML', byArn('role', 'RoleArn'), ['sts:RoleSessionName', 'sts:SourceIdentity', ...SESSION_TAGS, 'aws:FederatedProvider', 'saml:*'], 'trust');
sts('AssumeRoleWithWebIdentity', byArn('role', 'RoleArn'), ['sts:RoleSessionName', 'sts:SourceIdentity', ...SESSION_TAGS, 'aws:FederatedProvider'], 'trust');
sts('AssumeRoleWithLDAPIdentity', byArn('role', 'RoleArn'), ['aws:RequestTag/${TagKey}', 'aws:TagKeys'], 'trust');
sts('TagSession', byArn('role', 'RoleArn'), SESSION_TAGS, 'action');
sts('SetSourceIdentity', byArn('role', 'RoleArn'), ['sts:SourceIdentity'], 'action');
sts('GetFederationToken', { kind: 'federated-user', param: 'Name' }, REQUEST_TAGS);
sts('GetSessionToken', none, [], 'none');
sts('GetCallerIdentity', none, [], 'none');
sts('DecodeAuthorizationMessage', none);
sts('GetAccessKeyInfo', none);

/** The row of a wire action by `service:Action` (iam:CreateUser, sts:AssumeRole; also sts:TagSession, iam:PassRole). */
export function authorizationRow(key: string): AuthorizationRow | undefined {
  return rows[key];
}

/** Every row, by `service:Action`. */
export function authorizationRows(): ReadonlyMap<string, AuthorizationRow> {
  return new Map(Object.entries(rows));
}

/** The resource type a spec authorizes on (for the resource-type keys). */
export function resourceTypeOf(spec: ResourceSpec): string | undefined {
  switch (spec.kind) {
    case 'named':
    case 'new':
      return spec.type;
    case 'arn':
      return spec.type === 'principal' ? undefined : spec.type;
    case 'access-key-owner':
      return 'user';
    case 'new-oidc-provider':
      return 'oidc-provider';
    case 'federated-user':
      return 'federated-user';
    default:
      return undefined;
  }
}

/** Every key a request of this row can carry: its own, and its resource type's when the resource exists. */
export function rowKeys(row: AuthorizationRow, resourceType = resourceTypeOf(row.resource)): string[] {
  const creates = row.resource.kind === 'new' || row.resource.kind === 'new-oidc-provider' || row.resource.kind === 'federated-user';
  return [...row.keys, ...(creates || !resourceType ? [] : (RESOURCE_TYPE_KEYS[resourceType] ?? []))];
}

/** One family key (aws:ResourceTag/${TagKey}…) instantiated for each tag. */
export function tagKeys(family: string, tags: ReadonlyArray<{ Key: string; Value: string }>): Record<string, string> {
  const prefix = family.slice(0, family.indexOf('/') + 1);
  return Object.fromEntries(tags.map((t) => [`${prefix}${t.Key}`, t.Value]));
}

/** A stored role's resource-type keys (aws:ResourceTag/*, iam:ResourceTag/*), for the trust evaluations of AssumeRoleWith*. */
export function roleResourceKeys(role: { tags: ReadonlyArray<{ Key: string; Value: string }> }): Record<string, string> {
  return Object.assign({}, ...RESOURCE_TYPE_KEYS.role.map((k) => tagKeys(k, role.tags))) as Record<string, string>;
}
