// The Principal and NotPrincipal elements of resource-based and trust policies.
import { PolicyParseError } from './errors.ts';
import type { PrincipalInfo } from './types.ts';

/** How a resource policy named the caller: this decides what may limit the grant (reference §3.2).
 * direct: the user, session, federated-user or provider itself, or `*`; entity: the role of a session or the IAM user behind
 * a federated-user session; account: the account. */
export type Via = 'direct' | 'entity' | 'account';

export interface CompiledPrincipal {
  any: boolean;
  aws: Set<string>;
  federated: Set<string>;
  service: Set<string>;
  canonical: Set<string>;
}

const TYPES = ['AWS', 'Federated', 'Service', 'CanonicalUser'] as const;

function invalid(type: string, value: unknown, path: string): PolicyParseError {
  return new PolicyParseError(`Invalid principal in policy: "${type}":${JSON.stringify(value)}`, path);
}

export function compilePrincipal(value: unknown, path: string): CompiledPrincipal {
  const cp: CompiledPrincipal = { any: false, aws: new Set(), federated: new Set(), service: new Set(), canonical: new Set() };
  if (value === '*') {
    cp.any = true;
    return cp;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new PolicyParseError('Syntax errors in policy.', path);
  const entries = Object.entries(value);
  if (entries.length === 0) throw new PolicyParseError('Syntax errors in policy.', path);
  for (const [type, raw] of entries) {
    if (!(TYPES as readonly string[]).includes(type)) throw invalid(type, raw, `${path}.${type}`);
    const list = Array.isArray(raw) ? raw : [raw];
    if (list.length === 0) throw invalid(type, raw, `${path}.${type}`);
    for (const v of list) {
      if (typeof v !== 'string' || v === '') throw invalid(type, v, `${path}.${type}`);
      if (v === '*') {
        if (type !== 'AWS') throw invalid(type, v, `${path}.${type}`);
        cp.any = true;
        continue;
      }
      if (v.includes('*') || v.includes('?')) throw invalid(type, v, `${path}.${type}`); // no partial wildcards
      if (type === 'AWS') {
        if (/^\d{12}$/.test(v)) cp.aws.add(`arn:aws:iam::${v}:root`);
        else if (/^arn:[^:]+:(iam|sts)::\d{12}:.+/.test(v)) cp.aws.add(v);
        else throw invalid(type, v, `${path}.${type}`);
      } else if (type === 'Federated') cp.federated.add(v);
      else if (type === 'Service') cp.service.add(v);
      else cp.canonical.add(v);
    }
  }
  return cp;
}

function partitionOf(arn: string): string {
  const m = /^arn:([^:]+):/.exec(arn);
  return m ? m[1] : 'aws';
}

export function accountRoot(p: PrincipalInfo): string {
  return `arn:${partitionOf(p.arn)}:iam::${p.account}:root`;
}

const IAM_TYPES = new Set<PrincipalInfo['type']>(['Root', 'User', 'AssumedRole', 'FederatedUser']);

/** How the Principal element names the caller, or undefined when it does not. */
export function matchPrincipal(cp: CompiledPrincipal, p: PrincipalInfo): Via | undefined {
  if (cp.any) return 'direct';
  if (IAM_TYPES.has(p.type)) {
    if (p.type !== 'Root' && cp.aws.has(p.arn)) return 'direct';
    if (p.type === 'AssumedRole' && p.roleArn && cp.aws.has(p.roleArn)) return 'entity';
    if (p.type === 'FederatedUser' && p.sourceUserArn && cp.aws.has(p.sourceUserArn)) return 'entity';
    if (cp.aws.has(accountRoot(p))) return 'account';
    return undefined;
  }
  if (p.type === 'WebIdentity' || p.type === 'SAMLUser') return cp.federated.has(p.arn) ? 'direct' : undefined;
  if (p.type === 'Service') return cp.service.has(p.arn) ? 'direct' : undefined;
  if (p.id !== undefined && cp.canonical.has(p.id)) return 'direct';
  return undefined;
}

/** Does a NotPrincipal statement apply to the caller? Only callers whose every level (account, role, session or user) is
 * listed are excepted; a user or role with a permissions boundary never is (D:reference_policies_elements_notprincipal.html). */
export function notPrincipalApplies(cp: CompiledPrincipal, p: PrincipalInfo, hasBoundary: boolean): boolean {
  if (cp.any) return false;
  if (hasBoundary && (p.type === 'User' || p.type === 'AssumedRole')) return true;
  switch (p.type) {
    case 'Root':
      return !cp.aws.has(accountRoot(p));
    case 'User':
    case 'FederatedUser':
      return !(cp.aws.has(accountRoot(p)) && cp.aws.has(p.arn));
    case 'AssumedRole':
      return !(cp.aws.has(accountRoot(p)) && (!p.roleArn || cp.aws.has(p.roleArn)) && cp.aws.has(p.arn));
    case 'WebIdentity':
    case 'SAMLUser':
      return !cp.federated.has(p.arn);
    case 'Service':
      return !cp.service.has(p.arn);
    default:
      return !(p.id !== undefined && cp.canonical.has(p.id));
  }
}
