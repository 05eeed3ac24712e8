// Every authorization goes through the policy engine. This module gathers what applies to a caller —
// identity policies (user inline + attached + its groups', or the role's), the permissions boundary,
// session policies — and the request context, then calls evaluate().
import { AwsError } from '../contracts/errors.ts';
import type { Store } from '../contracts/store.ts';
import type { KeyRing } from '../keys/keyring.ts';
import { encodeAuthorizationMessage } from './authorization-message.ts';
import { evaluate, type CompiledPolicy, type ContextValue, type Decision, type EvaluationInput } from '../policy/index.ts';
import type { Caller } from './caller.ts';
import { compileDocument } from './documents.ts';
import { IamModel, type PrincipalData, type PrincipalKind } from './model.ts';
import { parsePolicyArn } from './arn.ts';
import { policyUsableBy } from './policy-scope.ts';
import type { Tag } from './params.ts';
import { resourceContext } from './request-authorization.ts';

export interface PrincipalPolicies {
  identity: CompiledPolicy[];
  boundary?: CompiledPolicy;
  tags: Tag[];
}

/** A managed policy's default document; never another account's (`account` sees its own and AWS-managed ones). */
async function managedDocument(model: IamModel, arn: string, account: string): Promise<string | undefined> {
  const p = parsePolicyArn(arn);
  return p && policyUsableBy(arn, account) ? model.defaultDocument(p.account, arn) : undefined;
}

/** Collects and compiles the policies that apply to an IAM user or role. */
export async function principalPolicies(store: Store, account: string, kind: 'user' | 'role', name: string): Promise<PrincipalPolicies> {
  const model = new IamModel(store);
  const principal = await model.getPrincipal<PrincipalData>(account, kind, name);
  if (!principal) return { identity: [], tags: [] };
  const identity: CompiledPolicy[] = [];
  const collect = async (k: PrincipalKind, n: string) => {
    for (const r of await model.listInline(account, k, n)) identity.push(compileDocument(r.data.document, 'identity', `${k}/${n}/${r.data.name}`));
    for (const a of await model.listAttached(account, k, n)) {
      const doc = await managedDocument(model, a.data.policyArn, account);
      if (doc) identity.push(compileDocument(doc, 'identity', a.data.policyArn));
    }
  };
  await collect(kind, name);
  if (kind === 'user') for (const g of await model.groupsOfUser(account, name)) await collect('group', g);
  let boundary: CompiledPolicy | undefined;
  if (principal.data.permissionsBoundary) {
    const doc = await managedDocument(model, principal.data.permissionsBoundary, account);
    // A boundary whose policy is gone allows nothing.
    boundary = compileDocument(doc ?? '{"Version":"2012-10-17","Statement":[]}', 'boundary', principal.data.permissionsBoundary);
  }
  return { identity, boundary, tags: principal.data.tags };
}

/** Compiles a session's policies (inline Policy + PolicyArns); undefined when the session has none. */
export async function sessionPolicies(store: Store, account: string, inline: string | undefined, arns: string[] | undefined): Promise<CompiledPolicy[] | undefined> {
  if (inline === undefined && !arns?.length) return undefined;
  const model = new IamModel(store);
  const out: CompiledPolicy[] = [];
  if (inline !== undefined) out.push(compileDocument(inline, 'session', 'session-policy'));
  for (const arn of arns ?? []) {
    const doc = await managedDocument(model, arn, account);
    out.push(compileDocument(doc ?? '{"Version":"2012-10-17","Statement":[]}', 'session', arn));
  }
  return out;
}

interface CacheEntry {
  at: number;
  generation: number;
  policies: PrincipalPolicies;
}

export type Context = Record<string, ContextValue | undefined>;

/** The resource's own policy (absent: none), its owner account, and whether it must grant (resourcePolicyRequired). */
export interface ResourceSide {
  policy?: CompiledPolicy;
  account?: string;
  required?: boolean;
}

/** Decides calls. Principal policies are cached until this process writes IAM state, and at most `ttlMs`. */
export class Authorizer {
  private generation = 0;
  private readonly cache = new Map<string, CacheEntry>();

  constructor(private readonly store: Store, private readonly keys: KeyRing, private readonly ttlMs = 2000) {}

  /** Called after every IAM write in this process. */
  invalidate(): void {
    this.generation++;
    this.cache.clear();
  }

  async policiesFor(account: string, kind: 'user' | 'role', name: string, now: number): Promise<PrincipalPolicies> {
    const key = `${account}/${kind}/${name.toLowerCase()}`;
    const hit = this.cache.get(key);
    if (hit && hit.generation === this.generation && now - hit.at < this.ttlMs) return hit.policies;
    const generation = this.generation;
    const policies = await principalPolicies(this.store, account, kind, name);
    if (generation === this.generation) this.cache.set(key, { at: now, generation, policies });
    return policies;
  }

  /** The evaluation input for a caller (without action, resource and request-specific context). */
  async inputFor(caller: Caller, now: Date): Promise<Omit<EvaluationInput, 'action' | 'resource'>> {
    const s = caller.session;
    const nowMs = now.getTime();
    let policies: PrincipalPolicies = { identity: [], tags: [] };
    let session: CompiledPolicy[] | undefined;
    if (caller.type === 'User' && caller.userName) policies = await this.policiesFor(caller.account, 'user', caller.userName, nowMs);
    else if (s?.type === 'AssumedRole' && s.roleName) policies = await this.policiesFor(caller.account, 'role', s.roleName, nowMs);
    else if (s?.type === 'FederatedUser' && s.userName) policies = await this.policiesFor(caller.account, 'user', s.userName, nowMs);
    if (s) session = await sessionPolicies(this.store, s.account, s.sessionPolicy, s.policyArns);

    const context: Context = {
      'aws:CurrentTime': now,
      'aws:EpochTime': Math.floor(nowMs / 1000),
      'aws:PrincipalArn': s?.type === 'AssumedRole' ? s.principalArn : caller.arn,
      'aws:PrincipalAccount': caller.account,
      'aws:userid': caller.userId,
      ...(caller.type === 'User' && caller.userName ? { 'aws:username': caller.userName } : {}),
    };
    const tags = new Map<string, Tag>();
    for (const t of policies.tags) tags.set(t.Key.toLowerCase(), t);
    for (const t of s?.tags ?? []) tags.set(t.Key.toLowerCase(), t); // session tags override principal tags
    for (const t of tags.values()) context[`aws:PrincipalTag/${t.Key}`] = t.Value;
    if (s) {
      context['aws:TokenIssueTime'] = new Date(s.issuedAt * 1000);
      context['aws:MultiFactorAuthPresent'] = Boolean(s.mfa);
      if (s.mfa) context['aws:MultiFactorAuthAge'] = Math.max(0, Math.floor(nowMs / 1000) - s.mfa.authTime);
      if (s.sourceIdentity) context['aws:SourceIdentity'] = s.sourceIdentity;
      for (const [k, v] of Object.entries(s.federation?.claims ?? {})) context[k] = v;
    }
    return {
      principal: {
        arn: caller.arn,
        account: caller.account,
        type: caller.type,
        id: caller.userId,
        roleArn: s?.type === 'AssumedRole' ? s.principalArn : undefined,
        sourceUserArn: s?.type === 'FederatedUser' ? s.principalArn : undefined,
      },
      context,
      identityPolicies: policies.identity,
      permissionsBoundary: policies.boundary,
      sessionPolicies: session,
      isFederationTokenSession: s?.type === 'FederatedUser',
    };
  }

  async decide(caller: Caller, action: string, resource: string, now: Date, extra: Context = {}, resourcePolicy?: ResourceSide): Promise<{ decision: Decision; context: Context }> {
    const input = await this.inputFor(caller, now);
    const context = { ...input.context, ...extra };
    const decision = evaluate({ ...input, action, resource, context, resourcePolicy: resourcePolicy?.policy, resourceAccount: resourcePolicy?.account, resourcePolicyRequired: resourcePolicy?.required });
    return { decision, context };
  }

  /**
   * The keys the broker knows about an IAM resource a service asks about (POST /authorize): the resource's tags
   * and boundary, per the action's row of the authorization table (iam:PassRole on a role: its tags).
   */
  async resourceContext(caller: Caller, action: string, resource: string): Promise<Context> {
    return resourceContext(action, resource, { store: this.store, account: caller.account, caller });
  }

  /** Throws AccessDenied with AWS's wording and an encoded authorization message unless the engine allows the call. */
  async authorize(caller: Caller, action: string, resource: string, now: Date, extra?: Context, resourcePolicy?: ResourceSide): Promise<Decision> {
    const { decision, context } = await this.decide(caller, action, resource, now, extra, resourcePolicy);
    if (decision.decision === 'allowed') return decision;
    throw await this.denied(caller, action, resource, decision, context, now, resourcePolicy ? 'resource' : 'identity');
  }

  /** AccessDenied for a decision: AWS's sentence, then "Encoded authorization failure message: …". */
  async denied(caller: Caller, action: string, resource: string, d: Decision, context: Context, now: Date, side: 'identity' | 'resource' = 'identity'): Promise<AwsError> {
    const encoded = await encodeAuthorizationMessage(this.keys, d, { principal: { id: caller.userId, arn: caller.arn, ...(caller.userName ? { name: caller.userName } : {}) }, action, resource, context }, now);
    const why =
      d.decision === 'explicitDeny'
        ? `with an explicit deny in ${side === 'resource' ? 'a resource-based' : 'an identity-based'} policy`
        : side === 'resource'
          ? `because no resource-based policy allows the ${action} action`
          : `because no identity-based policy allows the ${action} action`;
    return new AwsError('AccessDenied', `User: ${caller.arn} is not authorized to perform: ${action} on resource: ${resource} ${why}. Encoded authorization failure message: ${encoded}`);
  }
}
