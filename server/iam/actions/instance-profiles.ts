// Instance profiles: a container for one role that a machine presents (EC2's, or the workload identities the
// broker hands out). Create/Get/List/Delete, Add/RemoveRoleToInstanceProfile (one role each, AWS's quota),
// ListInstanceProfilesForRole, and Tag/Untag/ListInstanceProfileTags. A role in a profile cannot be deleted
// (./roles.ts), nor a profile that holds a role.
import { AwsError } from '../../contracts/errors.ts';
import type { Repos } from '../../contracts/store.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type ActionContext, type IamAction } from '../action.ts';
import { iamArn } from '../arn.ts';
import { newUniqueId } from '../ids.ts';
import { deleteInstanceProfile, getInstanceProfile, insertInstanceProfile, instanceProfilesOfRole, listInstanceProfiles, updateInstanceProfile, type InstanceProfileData } from '../instance-profile-model.ts';
import { IamModel, type RoleData } from '../model.ts';
import { C, readPaging } from '../params.ts';
import { paginate } from '../paging.ts';
import { instanceProfileXml, pagingXml } from '../render.ts';
import { insertOrExists, model, nowIso, requirePrincipal } from './common.ts';
import { checkTags, taggingActions } from './tags.ts';

/** botocore's instanceProfileNameType. */
const profileName = { min: 1, max: 128, pattern: '[\\w+=,.@-]+' };
export const ROLES_PER_PROFILE = 1;
const IN_PROFILE = 'Cannot delete entity, must remove roles from instance profile first.';

async function requireProfile(repos: Repos, account: string, name: string) {
  const r = await getInstanceProfile(repos, account, name);
  if (!r) throw new AwsError('NoSuchEntity', `Instance Profile ${name} cannot be found.`);
  return r.data;
}

/** The roles of a profile (none or one), read from the store. */
async function rolesOf(repos: Repos, account: string, p: InstanceProfileData): Promise<RoleData[]> {
  if (!p.roleName) return [];
  const r = await new IamModel(repos).getPrincipal<RoleData>(account, 'role', p.roleName);
  return r ? [r.data] : [];
}

/** Profiles rendered with their roles (for lists: without tags, as AWS lists them). */
export async function profilesXml(repos: Repos, account: string, profiles: readonly InstanceProfileData[], withTags: boolean) {
  const out = [];
  for (const p of profiles) out.push(instanceProfileXml(p, await rolesOf(repos, account, p), withTags));
  return out;
}

/** DeleteConflict when the role is in an instance profile (DeleteRole). */
export async function checkRoleInNoProfile(repos: Repos, account: string, roleName: string): Promise<void> {
  if ((await instanceProfilesOfRole(repos, account, roleName)).length) throw new AwsError('DeleteConflict', IN_PROFILE);
}

export const CreateInstanceProfile = defineAction({
  name: 'CreateInstanceProfile',
  writes: true,
  parse: (r) => ({ name: r.required('InstanceProfileName', profileName), path: r.optional('Path', C.path) ?? '/', tags: r.tags() ?? [] }),
  async run(p, ctx) {
    checkTags(p.tags);
    const data: InstanceProfileData = { name: p.name, id: newUniqueId('AIPA'), path: p.path, arn: iamArn(ctx.account, 'instance-profile', p.path, p.name), createDate: nowIso(ctx), tags: p.tags };
    await insertOrExists(() => insertInstanceProfile(ctx.store, ctx.account, data), `Instance Profile ${p.name} already exists.`);
    return [['InstanceProfile', instanceProfileXml(data, [])]];
  },
});

export const GetInstanceProfile = defineAction({
  name: 'GetInstanceProfile',
  writes: false,
  parse: (r) => ({ name: r.required('InstanceProfileName', profileName) }),
  async run(p, ctx) {
    const profile = await requireProfile(ctx.store, ctx.account, p.name);
    return [['InstanceProfile', instanceProfileXml(profile, await rolesOf(ctx.store, ctx.account, profile))]];
  },
});

export const ListInstanceProfiles = defineAction({
  name: 'ListInstanceProfiles',
  writes: false,
  parse: (r) => ({ pathPrefix: r.optional('PathPrefix', C.pathPrefix) ?? '/', ...readPaging(r) }),
  async run(p, ctx) {
    const all = (await listInstanceProfiles(ctx.store, ctx.account)).filter((x) => x.path.startsWith(p.pathPrefix));
    const page = paginate(all, (x) => x.name.toLowerCase(), p.marker, p.maxItems);
    return [members('InstanceProfiles', await profilesXml(ctx.store, ctx.account, page.items, false), (x) => x), ...pagingXml(page.isTruncated, page.marker)];
  },
});

export const ListInstanceProfilesForRole = defineAction({
  name: 'ListInstanceProfilesForRole',
  writes: false,
  parse: (r) => ({ roleName: r.required('RoleName', C.roleName), ...readPaging(r) }),
  async run(p, ctx) {
    await requirePrincipal(model(ctx), ctx.account, 'role', p.roleName);
    const all = (await instanceProfilesOfRole(ctx.store, ctx.account, p.roleName)).sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1));
    const page = paginate(all, (x) => x.name.toLowerCase(), p.marker, p.maxItems);
    return [members('InstanceProfiles', await profilesXml(ctx.store, ctx.account, page.items, false), (x) => x), ...pagingXml(page.isTruncated, page.marker)];
  },
});

export const DeleteInstanceProfile = defineAction({
  name: 'DeleteInstanceProfile',
  writes: true,
  parse: (r) => ({ name: r.required('InstanceProfileName', profileName) }),
  async run(p, ctx) {
    await ctx.store.transaction(async (tx) => {
      const profile = await requireProfile(tx, ctx.account, p.name);
      if (profile.roleName) throw new AwsError('DeleteConflict', IN_PROFILE);
      await deleteInstanceProfile(tx, ctx.account, profile.name);
    });
    return undefined;
  },
});

const roleParams = (r: Parameters<IamAction['parse']>[0]) => ({ name: r.required('InstanceProfileName', profileName), roleName: r.required('RoleName', C.roleName) });

function changeRole(ctx: ActionContext, p: { name: string; roleName: string }, change: (profile: InstanceProfileData, role: RoleData) => InstanceProfileData) {
  return ctx.store.transaction(async (tx) => {
    const profile = await requireProfile(tx, ctx.account, p.name);
    const role = await requirePrincipal<RoleData>(new IamModel(tx), ctx.account, 'role', p.roleName);
    await updateInstanceProfile(tx, ctx.account, change(profile, role));
  });
}

export const AddRoleToInstanceProfile = defineAction({
  name: 'AddRoleToInstanceProfile',
  writes: true,
  parse: roleParams,
  async run(p, ctx) {
    await changeRole(ctx, p, (profile, role) => {
      if (profile.roleName) throw new AwsError('LimitExceeded', `Cannot exceed quota for InstanceSessionsPerInstanceProfile: ${ROLES_PER_PROFILE}`);
      return { ...profile, roleName: role.name };
    });
    return undefined;
  },
});

export const RemoveRoleFromInstanceProfile = defineAction({
  name: 'RemoveRoleFromInstanceProfile',
  writes: true,
  parse: roleParams,
  async run(p, ctx) {
    await changeRole(ctx, p, (profile, role) => {
      if (profile.roleName?.toLowerCase() !== role.name.toLowerCase()) throw new AwsError('NoSuchEntity', `The role with name ${role.name} cannot be found.`);
      const { roleName: _gone, ...rest } = profile;
      return rest;
    });
    return undefined;
  },
});

const profileTagging = taggingActions({
  Name: 'InstanceProfile',
  param: 'InstanceProfileName',
  constraint: profileName,
  async load(repos, ctx, name) {
    const profile = await requireProfile(repos, ctx.account, name);
    return { tags: profile.tags, save: (tags) => updateInstanceProfile(repos, ctx.account, { ...profile, tags }) };
  },
});

export const instanceProfileActions = [
  CreateInstanceProfile,
  GetInstanceProfile,
  ListInstanceProfiles,
  ListInstanceProfilesForRole,
  DeleteInstanceProfile,
  AddRoleToInstanceProfile,
  RemoveRoleFromInstanceProfile,
  ...profileTagging,
] as IamAction[];
