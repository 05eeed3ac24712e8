// Turns an authorization-table row and a request into what the policy engine is asked: the action, the resource
// ARN (the stored entity's real ARN, path included; for Create* the ARN the request would create) and the
// request context with every condition key the row lists.
import { AwsError } from '../contracts/errors.ts';
import type { Repos } from '../contracts/store.ts';
import type { QueryParams } from '../query-protocol/query-params.ts';
import type { ContextValue } from '../policy/index.ts';
import { oidcIdentifier } from './actions/oidc-providers.ts';
import { iamArn, parseArn, parsePolicyArn } from './arn.ts';
import { authorizationRow, resourceTypeOf, rowKeys, tagKeys, type AuthorizationRow, type ResourceSpec } from './authorization-table.ts';
import type { Caller } from './caller.ts';
import { getInstanceProfile } from './instance-profile-model.ts';
import { IamModel, MFA_DEVICE, type PrincipalData } from './model.ts';
import { ParamReader, type Tag } from './params.ts';

export type Context = Record<string, ContextValue | undefined>;

export interface RequestAuthorization {
  row: AuthorizationRow;
  /** The action the policies must allow (iam:CreateUser…). */
  action: string;
  /** The resource ARN, `*` when the action has no resource type. */
  resource: string;
  /** The resource type of `resource` (user, role, policy…), when it has one. */
  resourceType?: string;
  /** The condition keys of the row, with their values (absent keys are left out). */
  context: Context;
  /** The stored entity `resource` names, as read for this request (actions may use it rather than read it again). */
  entity?: ResourceEntity;
}

/** What the table needs to know about a stored entity. */
export interface ResourceEntity {
  arn: string;
  tags: Tag[];
  permissionsBoundary?: string;
}

interface Resolved {
  resource: string;
  type?: string;
  entity?: ResourceEntity;
}

const PRINCIPAL_TYPES = new Set(['user', 'group', 'role']);

async function principalByName(store: Repos, account: string, kind: 'user' | 'group' | 'role', name: string): Promise<PrincipalData | undefined> {
  return (await new IamModel(store).getPrincipal(account, kind, name))?.data;
}

/** The last path segment of an IAM ARN's resource part (user/a/b/NAME → NAME). */
function nameOf(resource: string): string {
  return resource.slice(resource.lastIndexOf('/') + 1);
}

async function entityByArn(store: Repos, account: string, type: string, arn: string, crossAccount: boolean): Promise<{ entity?: ResourceEntity; type?: string }> {
  const p = parseArn(arn);
  if (!p || p.service !== 'iam') return {};
  const kind = p.resource.slice(0, p.resource.indexOf('/'));
  if (type === 'policy') {
    const pol = parsePolicyArn(arn);
    const owner = pol?.account;
    if (!pol || (owner !== account && owner !== 'aws')) return {};
    const r = await new IamModel(store).getPolicy(owner, arn);
    return r ? { entity: { arn: r.data.arn, tags: r.data.tags ?? [] } } : {};
  }
  if (type === 'role' || type === 'principal') {
    if (!PRINCIPAL_TYPES.has(kind) || (type === 'role' && kind !== 'role')) return {};
    // A role in another account is assumed there (sts:AssumeRole…); everything else, iam:PassRole included (AWS
    // never passes another account's role), stays in the caller's: no other account's role tags reach the context
    // (nor the encoded authorization message the caller may decode).
    const owner = type === 'role' && crossAccount ? p.account : account;
    if (p.account !== owner) return { type: kind };
    const e = await principalByName(store, owner, kind as 'user' | 'group' | 'role', nameOf(p.resource));
    return { type: kind, ...(e ? { entity: e } : {}) };
  }
  if (p.account !== account) return {};
  const stored = type === 'mfa' ? MFA_DEVICE : type;
  const r = await store.entities.get<{ tags?: Tag[] }>(account, stored, arn);
  return r ? { entity: { arn, tags: r.data.tags ?? [] } } : {};
}

async function resolveResource(spec: ResourceSpec, r: ParamReader, store: Repos, account: string, caller: Caller | undefined, crossAccount: boolean): Promise<Resolved> {
  const param = (name: string) => r.params.get(name);
  switch (spec.kind) {
    case 'none':
      return { resource: '*' };
    case 'named': {
      const name = param(spec.param) ?? (spec.self && caller?.type === 'User' ? caller.userName : undefined);
      if (name === undefined) return { resource: caller?.arn ?? '*' }; // GetUser, ListAccessKeys… for the calling session itself
      if (spec.type === 'instance-profile') {
        const p = (await getInstanceProfile(store, account, name))?.data;
        return { resource: p?.arn ?? iamArn(account, spec.type, '/', name), type: spec.type, ...(p ? { entity: p } : {}) };
      }
      const e = await principalByName(store, account, spec.type, name);
      return { resource: e?.arn ?? iamArn(account, spec.type, '/', name), type: spec.type, ...(e ? { entity: e } : {}) };
    }
    case 'new':
      return { resource: iamArn(account, spec.type, (spec.path && param(spec.path)) || '/', param(spec.param) ?? ''), type: spec.type };
    case 'new-oidc-provider':
      return { resource: `arn:aws:iam::${account}:oidc-provider/${oidcIdentifier(param(spec.param) ?? '').id}`, type: 'oidc-provider' };
    case 'arn': {
      const arn = param(spec.param);
      if (arn === undefined) return { resource: '*' };
      const found = await entityByArn(store, account, spec.type, arn, crossAccount);
      const type = spec.type === 'principal' ? found.type : spec.type;
      return { resource: found.entity?.arn ?? arn, ...(type ? { type } : {}), ...(found.entity ? { entity: found.entity } : {}) };
    }
    case 'access-key-owner': {
      const id = param(spec.param) ?? '';
      const m = new IamModel(store);
      const key = await m.getAccessKey(id);
      if (!key || key.account !== account) return { resource: iamArn(account, 'user', '/', '*') };
      const e = await principalByName(store, account, 'user', key.data.userName);
      return { resource: e?.arn ?? iamArn(account, 'user', '/', key.data.userName), type: 'user', ...(e ? { entity: e } : {}) };
    }
    case 'federated-user':
      return { resource: `arn:aws:sts::${account}:federated-user/${param(spec.param) ?? ''}`, type: 'federated-user' };
    case 'revocation': {
      const principal = param('PrincipalArn');
      const key = param('AccessKeyId');
      return { resource: principal ?? (key ? `arn:aws:sts::${account}:session/${key}` : '*') };
    }
  }
}

/** The values of one condition key (a family such as aws:RequestTag/${TagKey} gives one entry per tag). */
function keyValues(key: string, r: ParamReader, entity: ResourceEntity | undefined, caller: Caller | undefined, out: Context): void {
  const param = (name: string) => r.params.get(name);
  switch (key) {
    case 'iam:PolicyARN':
      out[key] = param('PolicyArn') ?? param('PermissionsBoundary') ?? entity?.permissionsBoundary;
      return;
    case 'iam:PermissionsBoundary':
      out[key] = param('PermissionsBoundary') ?? entity?.permissionsBoundary;
      return;
    case 'aws:RequestTag/${TagKey}':
      for (const t of r.tags() ?? []) out[`aws:RequestTag/${t.Key}`] = t.Value;
      return;
    case 'aws:TagKeys': {
      const keys = (r.tags() ?? []).map((t) => t.Key).concat(r.list('TagKeys') ?? []);
      out[key] = keys.length ? keys : undefined;
      return;
    }
    case 'aws:ResourceTag/${TagKey}':
    case 'iam:ResourceTag/${TagKey}':
      Object.assign(out, tagKeys(key, entity?.tags ?? []));
      return;
    case 'sts:ExternalId':
      out[key] = param('ExternalId');
      return;
    case 'sts:RoleSessionName':
      out[key] = param('RoleSessionName');
      return;
    case 'sts:SourceIdentity':
      // sticky through role chains: the session's source identity when the request passes none
      out[key] = param('SourceIdentity') ?? caller?.session?.sourceIdentity;
      return;
    case 'sts:TransitiveTagKeys': {
      const keys = r.list('TransitiveTagKeys') ?? [];
      out[key] = keys.length ? keys : undefined;
      return;
    }
    default:
      // Keys the request cannot carry: an identity provider's (saml:*, aws:FederatedProvider) or a service's
      // asking POST /authorize (iam:PassedToService, iam:AssociatedResourceArn).
      return;
  }
}

export interface AuthorizationEnv {
  store: Repos;
  /** The account the call acts on (the caller's; for unsigned calls, the role's). */
  account: string;
  caller?: Caller;
}

/** The resource and context of a request, from the row of `service:Action`; undefined when the table has none. */
export async function authorizeRequest(key: string, params: QueryParams, env: AuthorizationEnv): Promise<RequestAuthorization | undefined> {
  const row = authorizationRow(key);
  if (!row) return undefined;
  return resolveRow(row, params, env);
}

/** Like authorizeRequest, but a missing row is a programming error (every served action has one). */
export async function requireRequestAuthorization(key: string, params: QueryParams, env: AuthorizationEnv): Promise<RequestAuthorization> {
  const a = await authorizeRequest(key, params, env);
  if (!a) throw new AwsError('InternalFailure', `No authorization row for ${key}.`);
  return a;
}

export async function resolveRow(row: AuthorizationRow, params: QueryParams, env: AuthorizationEnv): Promise<RequestAuthorization> {
  const r = new ParamReader(params);
  const resolved = await resolveResource(row.resource, r, env.store, env.account, env.caller, row.action.startsWith('sts:'));
  const type = resolved.type ?? resourceTypeOf(row.resource);
  const context: Context = {};
  for (const key of rowKeys(row, type)) keyValues(key, r, resolved.entity, env.caller, context);
  for (const k of Object.keys(context)) if (context[k] === undefined) delete context[k];
  return { row, action: row.action, resource: resolved.resource, ...(type ? { resourceType: type } : {}), context, ...(resolved.entity ? { entity: resolved.entity } : {}) };
}

/**
 * For POST /authorize (a service asking about one of its own requests, iam:PassRole…): the keys the broker knows
 * about the named IAM resource (its tags, its boundary), from the action's row; the asking service supplies
 * the request's own keys (iam:PassedToService…). Empty when the table has no row for the action.
 */
export async function resourceContext(action: string, resource: string, env: AuthorizationEnv): Promise<Context> {
  const row = authorizationRow(action);
  if (!row) return {};
  const spec = row.resource;
  const params = new Map<string, string>();
  if (spec.kind === 'arn') params.set(spec.param, resource);
  else if (spec.kind === 'named' && parseArn(resource)?.resource.startsWith(`${spec.type}/`)) params.set(spec.param, nameOf(resource));
  else return {};
  const a = await resolveRow(row, params, env);
  return a.resource === resource ? a.context : {};
}
