// CreatePolicy, GetPolicy, ListPolicies, DeletePolicy, ListEntitiesForPolicy: customer and AWS-managed policies.
import { AwsError, ConflictError } from '../../contracts/errors.ts';
import type { Repos } from '../../contracts/store.ts';
import { members, type XmlNode } from '../../query-protocol/xml.ts';
import { defineAction, type ActionContext, type IamAction } from '../action.ts';
import { iamArn, parsePolicyArn } from '../arn.ts';
import { compileDocument, policySize, QUOTAS } from '../documents.ts';
import { newUniqueId } from '../ids.ts';
import { AWS_MANAGED, IamModel, type ManagedPolicyData } from '../model.ts';
import { C, readPaging } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml, policyXml, tagsXml } from '../render.ts';
import { checkTags } from './tags.ts';

const POLICY_NAME = 'policy-name';

/** A managed policy document: valid grammar, at most 6,144 characters without whitespace. */
export function checkManagedDocument(doc: string): void {
  compileDocument(doc, 'identity');
  if (policySize(doc) > QUOTAS.managedPolicySize) throw new AwsError('LimitExceeded', `Cannot exceed quota for PolicySize: ${QUOTAS.managedPolicySize}`);
}

/** The policy an ARN names, in the caller's account or AWS-managed; NoSuchEntity otherwise. */
export async function requirePolicy(m: IamModel, ctx: ActionContext, arn: string): Promise<ManagedPolicyData> {
  const parsed = parsePolicyArn(arn);
  if (!parsed) throw new AwsError('InvalidInput', `ARN ${arn} is not valid.`);
  const p = parsed.account === ctx.account || parsed.account === AWS_MANAGED ? await m.getPolicy(parsed.account, arn) : undefined;
  if (!p) throw new AwsError('NoSuchEntity', `Policy ${arn} was not found.`);
  return p.data;
}

export function requireCustomerPolicy(ctx: ActionContext, arn: string): void {
  if (parsePolicyArn(arn)?.account === AWS_MANAGED) throw new AwsError('AccessDenied', `AWS managed policy ${arn} cannot be changed.`);
}

/** Creates a managed policy with its first version in one transaction (also used by config apply and bootstrap). */
export async function createManagedPolicy(tx: Repos, account: string, input: { name: string; path: string; document: string; description?: string; tags?: ManagedPolicyData['tags'] }, now: Date): Promise<ManagedPolicyData> {
  const m = new IamModel(tx);
  const arn = iamArn(account, 'policy', input.path, input.name);
  const iso = now.toISOString();
  const data: ManagedPolicyData = { name: input.name, id: newUniqueId('ANPA'), path: input.path, arn, description: input.description, defaultVersionId: 'v1', nextVersion: 2, createDate: iso, updateDate: iso, tags: input.tags ?? [] };
  try {
    await tx.entities.insert({ account, kind: POLICY_NAME, key: input.name.toLowerCase(), data: arn });
    await tx.entities.insert({ account, kind: 'policy', key: arn, data });
  } catch (err) {
    if (err instanceof ConflictError) throw new AwsError('EntityAlreadyExists', `A policy called ${input.name} already exists. Duplicate names are not allowed.`, { cause: err });
    throw err;
  }
  await m.putPolicyVersion(account, arn, { versionId: 'v1', document: input.document, createDate: iso });
  return data;
}

export const CreatePolicy = defineAction({
  name: 'CreatePolicy',
  writes: true,
  parse: (r) => ({
    name: r.required('PolicyName', C.policyName),
    path: r.optional('Path', C.path) ?? '/',
    doc: r.required('PolicyDocument', C.policyDocument),
    description: r.optional('Description', C.policyDescription),
    tags: r.tags() ?? [],
  }),
  async run(p, ctx) {
    checkManagedDocument(p.doc);
    checkTags(p.tags);
    const data = await ctx.store.transaction((tx) => createManagedPolicy(tx, ctx.account, { name: p.name, path: p.path, document: p.doc, description: p.description, tags: p.tags }, ctx.now));
    return [['Policy', [...policyXml(data, 0, 0, false), ...tagsXml(data.tags)]]]; // AWS returns the tags it was given
  },
});

async function usage(m: IamModel, arn: string): Promise<[number, number]> {
  return [await m.attachmentCount(arn), 0];
}

export const GetPolicy = defineAction({
  name: 'GetPolicy',
  writes: false,
  parse: (r) => ({ arn: r.required('PolicyArn', C.arn) }),
  async run(p, ctx) {
    const m = new IamModel(ctx.store);
    const data = await requirePolicy(m, ctx, p.arn);
    const [n, b] = await usage(m, data.arn);
    return [['Policy', policyXml(data, n, b, true)]];
  },
});

export const ListPolicies = defineAction({
  name: 'ListPolicies',
  writes: false,
  parse: (r) => ({
    scope: r.enumOf('Scope', ['All', 'AWS', 'Local'] as const) ?? 'All',
    onlyAttached: r.bool('OnlyAttached') ?? false,
    pathPrefix: r.optional('PathPrefix', C.policyPathPrefix) ?? '/',
    ...readPaging(r),
  }),
  async run(p, ctx) {
    const m = new IamModel(ctx.store);
    const accounts = p.scope === 'All' ? [AWS_MANAGED, ctx.account] : p.scope === 'AWS' ? [AWS_MANAGED] : [ctx.account];
    const rows: Array<{ data: ManagedPolicyData; n: number }> = [];
    for (const a of accounts) {
      for (const r of await m.listPolicies(a)) {
        if (!r.data.path.startsWith(p.pathPrefix)) continue;
        const n = await m.attachmentCount(r.data.arn);
        if (p.onlyAttached && n === 0) continue;
        rows.push({ data: r.data, n });
      }
    }
    const page = paginate(rows, (x) => x.data.arn, p.marker, p.maxItems);
    return [members('Policies', page.items, (x) => policyXml(x.data, x.n, 0, false)), ...pagingXml(page.isTruncated, page.marker)];
  },
});

export const DeletePolicy = defineAction({
  name: 'DeletePolicy',
  writes: true,
  parse: (r) => ({ arn: r.required('PolicyArn', C.arn) }),
  async run(p, ctx) {
    requireCustomerPolicy(ctx, p.arn);
    await ctx.store.transaction(async (tx) => {
      const m = new IamModel(tx);
      const data = await requirePolicy(m, ctx, p.arn);
      if ((await m.attachmentCount(data.arn)) > 0) throw new AwsError('DeleteConflict', 'Cannot delete a policy attached to entities.');
      const versions = await m.listPolicyVersions(ctx.account, data.arn);
      if (versions.length > 1) {
        throw new AwsError('DeleteConflict', "This policy has more than one version. Before you delete a policy, you must delete the policy's versions. The default version is deleted with the policy.");
      }
      await tx.entities.deleteByParent(ctx.account, ['policy-version'], data.arn);
      await tx.entities.delete(ctx.account, 'policy', data.arn);
      await tx.entities.delete(ctx.account, POLICY_NAME, data.name.toLowerCase());
    });
    return undefined;
  },
});

export const ListEntitiesForPolicy = defineAction({
  name: 'ListEntitiesForPolicy',
  writes: false,
  parse: (r) => ({ arn: r.required('PolicyArn', C.arn), filter: r.enumOf('EntityFilter', ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const), ...readPaging(r) }),
  async run(p, ctx) {
    const m = new IamModel(ctx.store);
    await requirePolicy(m, ctx, p.arn);
    const all = (await m.attachmentsOf(p.arn)).filter((a) => a.account === ctx.account);
    const out: Record<'user' | 'group' | 'role', XmlNode[][]> = { user: [], group: [], role: [] };
    for (const a of all) {
      if (p.filter && p.filter.toLowerCase() !== a.principalKind) continue;
      const e = await m.getPrincipal(ctx.account, a.principalKind, a.parent ?? '');
      if (!e) continue;
      const N = a.principalKind === 'user' ? 'User' : a.principalKind === 'group' ? 'Group' : 'Role';
      out[a.principalKind].push([[`${N}Name`, e.data.name], [`${N}Id`, e.data.id]]);
    }
    return [members('PolicyGroups', out.group, (x) => x), members('PolicyUsers', out.user, (x) => x), members('PolicyRoles', out.role, (x) => x), ['IsTruncated', false]];
  },
});

export const managedPolicyActions: IamAction[] = [CreatePolicy, GetPolicy, ListPolicies, DeletePolicy, ListEntitiesForPolicy] as IamAction[];
