// Create/Get/List/Delete PolicyVersion and SetDefaultPolicyVersion (rollback). At most 5 versions.
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type IamAction } from '../action.ts';
import { encodeDocument, QUOTAS } from '../documents.ts';
import { IamModel, type PolicyVersionData } from '../model.ts';
import { C, readPaging } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml } from '../render.ts';
import { checkManagedDocument, requireCustomerPolicy, requirePolicy } from './managed-policies.ts';
import { parsePolicyArn } from '../arn.ts';

function versionXml(v: PolicyVersionData, isDefault: boolean, withDocument: boolean) {
  return [
    ...(withDocument ? [['Document', encodeDocument(v.document)] as const] : []),
    ['VersionId', v.versionId] as const,
    ['IsDefaultVersion', isDefault] as const,
    ['CreateDate', new Date(v.createDate)] as const,
  ];
}

const noSuchVersion = (arn: string, versionId: string) => new AwsError('NoSuchEntity', `Policy ${arn} version ${versionId} does not exist or is not attachable.`);

const versionNumber = (id: string) => Number(/^v(\d+)/.exec(id)?.[1] ?? 0);

export const CreatePolicyVersion = defineAction({
  name: 'CreatePolicyVersion',
  writes: true,
  parse: (r) => ({ arn: r.required('PolicyArn', C.arn), doc: r.required('PolicyDocument', C.policyDocument), setAsDefault: r.bool('SetAsDefault') ?? false }),
  async run(p, ctx) {
    requireCustomerPolicy(ctx, p.arn);
    checkManagedDocument(p.doc);
    const v = await ctx.store.transaction(async (tx) => {
      const m = new IamModel(tx);
      const pol = await requirePolicy(m, ctx, p.arn);
      const versions = await m.listPolicyVersions(ctx.account, pol.arn);
      if (versions.length >= QUOTAS.versionsPerPolicy) {
        throw new AwsError('LimitExceeded', 'A managed policy can have up to 5 versions. Before you create a new version, you must delete an existing version.');
      }
      const data: PolicyVersionData = { versionId: `v${pol.nextVersion}`, document: p.doc, createDate: ctx.now.toISOString() };
      await m.putPolicyVersion(ctx.account, pol.arn, data);
      const next = { ...pol, nextVersion: pol.nextVersion + 1, updateDate: data.createDate, defaultVersionId: p.setAsDefault ? data.versionId : pol.defaultVersionId };
      await tx.entities.update({ account: ctx.account, kind: 'policy', key: pol.arn, data: next });
      return { data, isDefault: p.setAsDefault };
    });
    return [['PolicyVersion', versionXml(v.data, v.isDefault, false)]];
  },
});

export const GetPolicyVersion = defineAction({
  name: 'GetPolicyVersion',
  writes: false,
  parse: (r) => ({ arn: r.required('PolicyArn', C.arn), versionId: r.required('VersionId', C.policyVersionId) }),
  async run(p, ctx) {
    const m = new IamModel(ctx.store);
    const pol = await requirePolicy(m, ctx, p.arn);
    const owner = parsePolicyArn(pol.arn)!.account;
    const v = await m.getPolicyVersion(owner, pol.arn, p.versionId);
    if (!v) throw noSuchVersion(p.arn, p.versionId);
    return [['PolicyVersion', versionXml(v.data, v.data.versionId === pol.defaultVersionId, true)]];
  },
});

export const ListPolicyVersions = defineAction({
  name: 'ListPolicyVersions',
  writes: false,
  parse: (r) => ({ arn: r.required('PolicyArn', C.arn), ...readPaging(r) }),
  async run(p, ctx) {
    const m = new IamModel(ctx.store);
    const pol = await requirePolicy(m, ctx, p.arn);
    const owner = parsePolicyArn(pol.arn)!.account;
    const versions = (await m.listPolicyVersions(owner, pol.arn)).map((r) => r.data).sort((a, b) => versionNumber(b.versionId) - versionNumber(a.versionId));
    const page = paginate(versions, (v) => String(1e9 - versionNumber(v.versionId)).padStart(10, '0'), p.marker, p.maxItems);
    return [members('Versions', page.items, (v) => versionXml(v, v.versionId === pol.defaultVersionId, false)), ...pagingXml(page.isTruncated, page.marker)];
  },
});

export const DeletePolicyVersion = defineAction({
  name: 'DeletePolicyVersion',
  writes: true,
  parse: (r) => ({ arn: r.required('PolicyArn', C.arn), versionId: r.required('VersionId', C.policyVersionId) }),
  async run(p, ctx) {
    requireCustomerPolicy(ctx, p.arn);
    await ctx.store.transaction(async (tx) => {
      const m = new IamModel(tx);
      const pol = await requirePolicy(m, ctx, p.arn);
      if (pol.defaultVersionId === p.versionId) throw new AwsError('DeleteConflict', 'Cannot delete the default version of a policy.');
      if (!(await tx.entities.delete(ctx.account, 'policy-version', `${pol.arn}#${p.versionId}`))) throw noSuchVersion(p.arn, p.versionId);
    });
    return undefined;
  },
});

export const SetDefaultPolicyVersion = defineAction({
  name: 'SetDefaultPolicyVersion',
  writes: true,
  parse: (r) => ({ arn: r.required('PolicyArn', C.arn), versionId: r.required('VersionId', C.policyVersionId) }),
  async run(p, ctx) {
    requireCustomerPolicy(ctx, p.arn);
    await ctx.store.transaction(async (tx) => {
      const m = new IamModel(tx);
      const pol = await requirePolicy(m, ctx, p.arn);
      if (!(await m.getPolicyVersion(ctx.account, pol.arn, p.versionId))) throw noSuchVersion(p.arn, p.versionId);
      await tx.entities.update({ account: ctx.account, kind: 'policy', key: pol.arn, data: { ...pol, defaultVersionId: p.versionId, updateDate: ctx.now.toISOString() } });
    });
    return undefined;
  },
});

export const policyVersionActions: IamAction[] = [CreatePolicyVersion, GetPolicyVersion, ListPolicyVersions, DeletePolicyVersion, SetDefaultPolicyVersion] as IamAction[];
