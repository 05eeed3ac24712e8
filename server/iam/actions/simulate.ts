// SimulateCustomPolicy and SimulatePrincipalPolicy: the policy engine through the IAM API, with AWS's
// request and response shapes (EvalDecision allowed / explicitDeny / implicitDeny, MatchedStatements,
// MissingContextValues), so `aws iam simulate-custom-policy --endpoint-url …` works.
import { AwsError } from '../../contracts/errors.ts';
import { members, type XmlNode } from '../../query-protocol/xml.ts';
import { evaluate, resourcePolicyRequired, type CompiledPolicy, type ContextValue, type Decision, type PolicyKind, type PrincipalInfo } from '../../policy/index.ts';
import { defineAction, type ActionContext, type IamAction } from '../action.ts';
import { parseArn, parsePolicyArn } from '../arn.ts';
import { compileDocument } from '../documents.ts';
import { IamModel, type PrincipalData, type PrincipalKind } from '../model.ts';
import { policyUsableBy } from '../policy-scope.ts';
import { C, readPaging, type ParamReader } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml } from '../render.ts';

const CONTEXT_TYPES = ['string', 'stringList', 'numeric', 'numericList', 'boolean', 'booleanList', 'ip', 'ipList', 'binary', 'binaryList', 'date', 'dateList'] as const;

interface Source {
  policy: CompiledPolicy;
  id: string;
  type: 'IAM Policy' | 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';
}

function readDocs(r: ParamReader, name: string): string[] {
  return r.list(name, C.policyDocument) ?? [];
}

function readContext(r: ParamReader): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {};
  for (let i = 1; ; i++) {
    const base = `ContextEntries.member.${i}`;
    const key = r.params.get(`${base}.ContextKeyName`);
    if (key === undefined) break;
    const type = r.enumOf(`${base}.ContextKeyType`, CONTEXT_TYPES, true) ?? 'string';
    const values = r.list(`${base}.ContextKeyValues`) ?? [];
    const scalar = type.replace(/List$/, '');
    const conv = (v: string): string | number | boolean | Date => {
      if (scalar === 'numeric') return Number(v);
      if (scalar === 'boolean') return v.toLowerCase() === 'true';
      if (scalar === 'date') return /^\d+$/.test(v) ? new Date(Number(v) * 1000) : new Date(v);
      return v;
    };
    const converted = values.map(conv);
    out[key] = type.endsWith('List') ? (converted as ContextValue) : converted[0];
  }
  return out;
}

function compileAll(docs: string[], kind: PolicyKind, prefix: string): Source[] {
  return docs.map((d, i) => {
    const id = `${prefix}.${i + 1}`;
    try {
      return { policy: compileDocument(d, kind, id), id, type: 'IAM Policy' as const };
    } catch (err) {
      if (err instanceof AwsError && err.code === 'MalformedPolicyDocument') throw new AwsError('MalformedPolicyDocument', `${id}: ${err.message}`);
      throw err;
    }
  });
}

function resultXml(action: string, resource: string, d: Decision, sources: Map<string, Source>, boundaryAllowed: boolean | undefined): XmlNode[] {
  return [
    ['EvalActionName', action],
    ['EvalResourceName', resource],
    ['EvalDecision', d.decision],
    members('MatchedStatements', d.matchedStatements, (s) => [
      ['SourcePolicyId', s.policyId ?? ''],
      ['SourcePolicyType', sources.get(s.policyId ?? '')?.type ?? 'none'],
    ]),
    members('MissingContextValues', d.missingContextValues, (k) => k),
    ['OrganizationsDecisionDetail', [['AllowedByOrganizations', true]]],
    ...(boundaryAllowed === undefined ? [] : [['PermissionsBoundaryDecisionDetail', [['AllowedByPermissionsBoundary', boundaryAllowed]]] as XmlNode]),
  ];
}

function simulate(
  ctx: ActionContext,
  p: { actions: string[]; resources: string[]; context: Record<string, ContextValue>; callerArn?: string; resourcePolicy?: string; resourceOwner?: string; marker?: string; maxItems: number },
  identity: Source[],
  boundary: Source | undefined,
  /** Who is simulated when CallerArn is absent (SimulatePrincipalPolicy on a role: a session of it). */
  simulated?: PrincipalInfo,
): XmlNode[] {
  const sources = new Map([...identity, ...(boundary ? [boundary] : [])].map((s) => [s.id, s]));
  const resourcePolicy = p.resourcePolicy ? compileDocument(p.resourcePolicy, 'resource', 'ResourcePolicy') : undefined;
  if (resourcePolicy) sources.set('ResourcePolicy', { policy: resourcePolicy, id: 'ResourcePolicy', type: 'resource' });
  const callerArn = p.callerArn ?? `arn:aws:iam::${ctx.account}:user/simulated`;
  const principal: PrincipalInfo = (!p.callerArn && simulated) || { arn: callerArn, account: parseArn(callerArn)?.account || ctx.account, type: 'User' };
  const pairs = p.actions.flatMap((a) => p.resources.map((r) => ({ a, r })));
  const page = paginate(pairs, (x) => `${x.a}\u0000${x.r}`, p.marker, p.maxItems);
  const results = page.items.map(({ a, r }) => {
    const input = {
      action: a,
      resource: r,
      principal,
      context: { 'aws:CurrentTime': ctx.now, 'aws:EpochTime': Math.floor(ctx.now.getTime() / 1000), ...p.context },
      identityPolicies: identity.map((s) => s.policy),
      permissionsBoundary: boundary?.policy,
      resourcePolicy,
      resourceAccount: p.resourceOwner ? (parseArn(p.resourceOwner)?.account ?? p.resourceOwner) : undefined,
      resourcePolicyRequired: resourcePolicyRequired(a, r), // a role's trust policy, a KMS key policy
    };
    const d = evaluate(input);
    const boundaryAllowed = boundary ? evaluate({ ...input, identityPolicies: [boundary.policy], permissionsBoundary: undefined, resourcePolicy: undefined }).decision === 'allowed' : undefined;
    return resultXml(a, r, d, sources, boundaryAllowed);
  });
  return [members('EvaluationResults', results, (x) => x), ...pagingXml(page.isTruncated, page.marker)];
}

/** AWS: "You can specify only the ARN of an IAM user. You cannot specify the ARN of an assumed role, federated user,
 *  or a service principal." */
function callerArnOf(r: ParamReader): string | undefined {
  const arn = r.optional('CallerArn', C.arn);
  if (arn !== undefined && !/^arn:aws[a-z-]*:iam::\d{12}:user\//.test(arn)) throw new AwsError('InvalidInput', `Invalid CallerArn: ${arn}. CallerArn must be the ARN of an IAM user.`);
  return arn;
}

function readCommon(r: ParamReader) {
  return {
    actions: r.list('ActionNames', { min: 3, max: 128 }, { required: true }) ?? [],
    resources: r.list('ResourceArns', { min: 1, max: 2048 }) ?? ['*'],
    context: readContext(r),
    callerArn: callerArnOf(r),
    resourcePolicy: r.optional('ResourcePolicy', C.policyDocument),
    resourceOwner: r.optional('ResourceOwner', { min: 1, max: 2048 }),
    ...readPaging(r),
  };
}

export const SimulateCustomPolicy = defineAction({
  name: 'SimulateCustomPolicy',
  writes: false,
  parse: (r) => ({ ...readCommon(r), docs: readDocs(r, 'PolicyInputList'), boundaries: readDocs(r, 'PermissionsBoundaryPolicyInputList') }),
  async run(p, ctx) {
    if (p.docs.length === 0) throw new AwsError('ValidationError', "1 validation error detected: Value null at 'policyInputList' failed to satisfy constraint: Member must not be null");
    const identity = compileAll(p.docs, 'identity', 'PolicyInputList');
    const boundary = p.boundaries.length ? compileAll(p.boundaries.slice(0, 1), 'boundary', 'PermissionsBoundaryPolicyInputList')[0] : undefined;
    return simulate(ctx, p, identity, boundary);
  },
});

async function principalSources(m: IamModel, account: string, kind: PrincipalKind, name: string): Promise<{ sources: Source[]; boundary?: Source; principal: PrincipalData }> {
  const principal = await m.getPrincipal(account, kind, name);
  if (!principal) throw new AwsError('NoSuchEntity', `The ${kind} with name ${name} cannot be found.`);
  const sources: Source[] = [];
  const collect = async (k: PrincipalKind, n: string) => {
    for (const r of await m.listInline(account, k, n)) sources.push({ policy: compileDocument(r.data.document, 'identity', r.data.name), id: r.data.name, type: k });
    for (const a of await m.listAttached(account, k, n)) {
      const pa = parsePolicyArn(a.data.policyArn);
      const doc = pa && policyUsableBy(a.data.policyArn, account) ? await m.defaultDocument(pa.account, a.data.policyArn) : undefined;
      if (doc) sources.push({ policy: compileDocument(doc, 'identity', a.data.policyArn), id: a.data.policyArn, type: pa?.account === 'aws' ? 'aws-managed' : 'user-managed' });
    }
  };
  await collect(kind, name);
  if (kind === 'user') for (const g of await m.groupsOfUser(account, name)) await collect('group', g);
  let boundary: Source | undefined;
  if (principal.data.permissionsBoundary) {
    const arn = principal.data.permissionsBoundary;
    const pa = parsePolicyArn(arn);
    // another account's policy is never read (one stored before that was refused): an empty boundary
    const doc = (pa && policyUsableBy(arn, account) && (await m.defaultDocument(pa.account, arn))) || '{"Version":"2012-10-17","Statement":[]}';
    boundary = { policy: compileDocument(doc, 'boundary', arn), id: arn, type: pa?.account === 'aws' ? 'aws-managed' : 'user-managed' };
  }
  return { sources, boundary, principal: principal.data };
}

export const SimulatePrincipalPolicy = defineAction({
  name: 'SimulatePrincipalPolicy',
  writes: false,
  parse: (r) => ({ ...readCommon(r), source: r.required('PolicySourceArn', C.arn), docs: readDocs(r, 'PolicyInputList'), boundaries: readDocs(r, 'PermissionsBoundaryPolicyInputList') }),
  async run(p, ctx) {
    const arn = parseArn(p.source);
    const m = /^(user|group|role)\/(?:.*\/)?([^/]+)$/.exec(arn?.resource ?? '');
    if (!arn || arn.service !== 'iam' || !m || arn.account !== ctx.account) throw new AwsError('InvalidInput', `Invalid ARN: ${p.source}. PolicySourceArn must be a user, group or role in this account.`);
    const kind = m[1] as PrincipalKind;
    const { sources, boundary, principal } = await principalSources(new IamModel(ctx.store), ctx.account, kind, m[2]);
    const extra = compileAll(p.docs, 'identity', 'PolicyInputList');
    const extraBoundary = p.boundaries.length ? compileAll(p.boundaries.slice(0, 1), 'boundary', 'PermissionsBoundaryPolicyInputList')[0] : undefined;
    // a role is simulated as a session of it would be: a resource policy naming the role's ARN grants
    const roleSession: PrincipalInfo | undefined =
      kind === 'role' ? { arn: `arn:aws:sts::${ctx.account}:assumed-role/${principal.name}/simulated-session`, account: ctx.account, type: 'AssumedRole', id: `${principal.id}:simulated-session`, roleArn: principal.arn } : undefined;
    return simulate(ctx, { ...p, callerArn: p.callerArn ?? (kind === 'user' ? principal.arn : undefined) }, [...sources, ...extra], extraBoundary ?? boundary, roleSession);
  },
});

export const simulateActions: IamAction[] = [SimulateCustomPolicy, SimulatePrincipalPolicy] as IamAction[];
