// CreateRole, GetRole, ListRoles, UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy, DeleteRole.
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type IamAction } from '../action.ts';
import { iamArn } from '../arn.ts';
import { compileDocument, policySize, QUOTAS } from '../documents.ts';
import { newUniqueId } from '../ids.ts';
import { IamModel, type RoleData } from '../model.ts';
import { C, readPaging } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml, roleXml } from '../render.ts';
import { checkBoundaryArn } from './boundaries.ts';
import { insertOrExists, model, nowIso, requirePrincipal } from './common.ts';
import { checkRoleInNoProfile } from './instance-profiles.ts';
import { checkTags } from './tags.ts';

const maxSession = { min: 3600, max: 43200 };

/** A trust policy: valid grammar (with a Principal) and within the ACLSizePerRole quota. */
export function checkTrustPolicy(doc: string): void {
  try {
    compileDocument(doc, 'trust');
  } catch (err) {
    // IAM words a trust policy that is not JSON differently from other documents.
    if (err instanceof AwsError && err.message === 'Syntax errors in policy.') throw new AwsError('MalformedPolicyDocument', 'This policy contains invalid Json', { cause: err });
    throw err;
  }
  if (policySize(doc) > QUOTAS.trustPolicySize) throw new AwsError('LimitExceeded', `Cannot exceed quota for ACLSizePerRole: ${QUOTAS.trustPolicySize}`);
}

export const CreateRole = defineAction({
  name: 'CreateRole',
  writes: true,
  parse: (r) => ({
    roleName: r.required('RoleName', C.roleName),
    path: r.optional('Path', C.path) ?? '/',
    doc: r.required('AssumeRolePolicyDocument', C.policyDocument),
    description: r.optional('Description', C.roleDescription),
    maxSessionDuration: r.int('MaxSessionDuration', maxSession) ?? 3600,
    boundary: r.optional('PermissionsBoundary', C.arn),
    tags: r.tags() ?? [],
  }),
  async run(p, ctx) {
    checkTrustPolicy(p.doc);
    checkTags(p.tags);
    const m = model(ctx);
    if (p.boundary) await checkBoundaryArn(m, p.boundary, ctx.account);
    const data: RoleData = {
      name: p.roleName,
      id: newUniqueId('AROA'),
      path: p.path,
      arn: iamArn(ctx.account, 'role', p.path, p.roleName),
      createDate: nowIso(ctx),
      assumeRolePolicyDocument: p.doc,
      description: p.description,
      maxSessionDuration: p.maxSessionDuration,
      permissionsBoundary: p.boundary,
      tags: p.tags,
    };
    await insertOrExists(() => m.insertPrincipal(ctx.account, 'role', data), `Role with name ${p.roleName} already exists.`);
    return [['Role', roleXml(data)]];
  },
});

export const GetRole = defineAction({
  name: 'GetRole',
  writes: false,
  parse: (r) => ({ roleName: r.required('RoleName', C.roleName) }),
  async run(p, ctx) {
    const role = await requirePrincipal<RoleData>(model(ctx), ctx.account, 'role', p.roleName);
    return [['Role', [...roleXml(role), ['RoleLastUsed', []]]]];
  },
});

export const ListRoles = defineAction({
  name: 'ListRoles',
  writes: false,
  parse: (r) => ({ pathPrefix: r.optional('PathPrefix', C.pathPrefix) ?? '/', ...readPaging(r) }),
  async run(p, ctx) {
    const all = (await model(ctx).listPrincipals<RoleData>(ctx.account, 'role')).map((r) => r.data).filter((x) => x.path.startsWith(p.pathPrefix));
    const page = paginate(all, (x) => x.name.toLowerCase(), p.marker, p.maxItems);
    return [members('Roles', page.items, (x) => roleXml(x, false)), ...pagingXml(page.isTruncated, page.marker)];
  },
});

async function updateRole(ctx: Parameters<IamAction['run']>[1], name: string, change: (r: RoleData) => RoleData): Promise<RoleData> {
  return ctx.store.transaction(async (tx) => {
    const m = new IamModel(tx);
    const role = await requirePrincipal<RoleData>(m, ctx.account, 'role', name);
    const next = change(role);
    await m.updatePrincipal(ctx.account, 'role', next);
    return next;
  });
}

export const UpdateRole = defineAction({
  name: 'UpdateRole',
  writes: true,
  parse: (r) => ({ roleName: r.required('RoleName', C.roleName), description: r.optional('Description', C.roleDescription), max: r.int('MaxSessionDuration', maxSession) }),
  async run(p, ctx) {
    await updateRole(ctx, p.roleName, (r) => ({ ...r, description: p.description ?? r.description, maxSessionDuration: p.max ?? r.maxSessionDuration }));
    return [];
  },
});

export const UpdateRoleDescription = defineAction({
  name: 'UpdateRoleDescription',
  writes: true,
  parse: (r) => ({ roleName: r.required('RoleName', C.roleName), description: r.required('Description', C.roleDescription) }),
  async run(p, ctx) {
    const role = await updateRole(ctx, p.roleName, (r) => ({ ...r, description: p.description }));
    return [['Role', roleXml(role)]];
  },
});

export const UpdateAssumeRolePolicy = defineAction({
  name: 'UpdateAssumeRolePolicy',
  writes: true,
  parse: (r) => ({ roleName: r.required('RoleName', C.roleName), doc: r.required('PolicyDocument', C.policyDocument) }),
  async run(p, ctx) {
    checkTrustPolicy(p.doc);
    await updateRole(ctx, p.roleName, (r) => ({ ...r, assumeRolePolicyDocument: p.doc }));
    return undefined;
  },
});

export const DeleteRole = defineAction({
  name: 'DeleteRole',
  writes: true,
  parse: (r) => ({ roleName: r.required('RoleName', C.roleName) }),
  async run(p, ctx) {
    // Like AWS's API: policies must be detached and deleted first, and the role removed from its instance profiles.
    await ctx.store.transaction(async (tx) => {
      const m = new IamModel(tx);
      const role = await requirePrincipal(m, ctx.account, 'role', p.roleName);
      if ((await m.listAttached(ctx.account, 'role', role.name)).length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
      if ((await m.listInline(ctx.account, 'role', role.name)).length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
      await checkRoleInNoProfile(tx, ctx.account, role.name);
      await m.deletePrincipal(ctx.account, 'role', role.name);
    });
    return undefined;
  },
});

export const roleActions: IamAction[] = [CreateRole, GetRole, ListRoles, UpdateRole, UpdateRoleDescription, UpdateAssumeRolePolicy, DeleteRole] as IamAction[];
