// CreateGroup, GetGroup, ListGroups, DeleteGroup, AddUserToGroup, RemoveUserFromGroup, ListGroupsForUser.
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type IamAction } from '../action.ts';
import { iamArn } from '../arn.ts';
import { QUOTAS } from '../documents.ts';
import { newUniqueId } from '../ids.ts';
import { IamModel, type PrincipalData } from '../model.ts';
import { C, readPaging } from '../params.ts';
import { paginate } from '../paging.ts';
import { groupXml, pagingXml, userXml } from '../render.ts';
import { insertOrExists, model, nowIso, requirePrincipal } from './common.ts';

export const CreateGroup = defineAction({
  name: 'CreateGroup',
  writes: true,
  parse: (r) => ({ groupName: r.required('GroupName', C.groupName), path: r.optional('Path', C.path) ?? '/' }),
  async run(p, ctx) {
    const data: PrincipalData = { name: p.groupName, id: newUniqueId('AGPA'), path: p.path, arn: iamArn(ctx.account, 'group', p.path, p.groupName), createDate: nowIso(ctx), tags: [] };
    await insertOrExists(() => model(ctx).insertPrincipal(ctx.account, 'group', data), `Group with name ${p.groupName} already exists.`);
    return [['Group', groupXml(data)]];
  },
});

export const GetGroup = defineAction({
  name: 'GetGroup',
  writes: false,
  parse: (r) => ({ groupName: r.required('GroupName', C.groupName), ...readPaging(r) }),
  async run(p, ctx) {
    const m = model(ctx);
    const g = await requirePrincipal(m, ctx.account, 'group', p.groupName);
    const users: PrincipalData[] = [];
    for (const key of (await m.usersOfGroup(ctx.account, g.name)).sort()) {
      const u = await m.getPrincipal(ctx.account, 'user', key);
      if (u) users.push(u.data);
    }
    const page = paginate(users, (u) => u.name.toLowerCase(), p.marker, p.maxItems);
    return [['Group', groupXml(g)], members('Users', page.items, (u) => userXml(u, false)), ...pagingXml(page.isTruncated, page.marker)];
  },
});

export const ListGroups = defineAction({
  name: 'ListGroups',
  writes: false,
  parse: (r) => ({ pathPrefix: r.optional('PathPrefix', C.pathPrefix) ?? '/', ...readPaging(r) }),
  async run(p, ctx) {
    const all = (await model(ctx).listPrincipals(ctx.account, 'group')).map((r) => r.data).filter((g) => g.path.startsWith(p.pathPrefix));
    const page = paginate(all, (g) => g.name.toLowerCase(), p.marker, p.maxItems);
    return [members('Groups', page.items, groupXml), ...pagingXml(page.isTruncated, page.marker)];
  },
});

export const ListGroupsForUser = defineAction({
  name: 'ListGroupsForUser',
  writes: false,
  parse: (r) => ({ userName: r.required('UserName', C.existingUserName), ...readPaging(r) }),
  async run(p, ctx) {
    const m = model(ctx);
    const u = await requirePrincipal(m, ctx.account, 'user', p.userName);
    const groups: PrincipalData[] = [];
    for (const key of await m.groupsOfUser(ctx.account, u.name)) {
      const g = await m.getPrincipal(ctx.account, 'group', key);
      if (g) groups.push(g.data);
    }
    const page = paginate(groups, (g) => g.name.toLowerCase(), p.marker, p.maxItems);
    return [members('Groups', page.items, groupXml), ...pagingXml(page.isTruncated, page.marker)];
  },
});

export const AddUserToGroup = defineAction({
  name: 'AddUserToGroup',
  writes: true,
  parse: (r) => ({ groupName: r.required('GroupName', C.groupName), userName: r.required('UserName', C.existingUserName) }),
  async run(p, ctx) {
    await ctx.store.transaction(async (tx) => {
      const m = new IamModel(tx);
      const g = await requirePrincipal(m, ctx.account, 'group', p.groupName);
      const u = await requirePrincipal(m, ctx.account, 'user', p.userName);
      const groups = await m.groupsOfUser(ctx.account, u.name);
      if (!groups.includes(g.name.toLowerCase()) && groups.length >= QUOTAS.groupsPerUser) throw new AwsError('LimitExceeded', `Cannot exceed quota for GroupsPerUser: ${QUOTAS.groupsPerUser}`);
      await m.addMember(ctx.account, u.name, g.name);
    });
    return undefined;
  },
});

export const RemoveUserFromGroup = defineAction({
  name: 'RemoveUserFromGroup',
  writes: true,
  parse: (r) => ({ groupName: r.required('GroupName', C.groupName), userName: r.required('UserName', C.existingUserName) }),
  async run(p, ctx) {
    const m = model(ctx);
    await requirePrincipal(m, ctx.account, 'group', p.groupName);
    await requirePrincipal(m, ctx.account, 'user', p.userName);
    if (!(await m.removeMember(ctx.account, p.userName, p.groupName))) throw new AwsError('NoSuchEntity', `The user with name ${p.userName} cannot be found in group ${p.groupName}.`);
    return undefined;
  },
});

export const DeleteGroup = defineAction({
  name: 'DeleteGroup',
  writes: true,
  parse: (r) => ({ groupName: r.required('GroupName', C.groupName) }),
  async run(p, ctx) {
    await ctx.store.transaction(async (tx) => {
      const m = new IamModel(tx);
      const g = await requirePrincipal(m, ctx.account, 'group', p.groupName);
      if ((await m.usersOfGroup(ctx.account, g.name)).length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must remove users from group first.');
      if ((await m.listInline(ctx.account, 'group', g.name)).length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must delete policies first.');
      if ((await m.listAttached(ctx.account, 'group', g.name)).length) throw new AwsError('DeleteConflict', 'Cannot delete entity, must detach all policies first.');
      await m.deletePrincipal(ctx.account, 'group', g.name);
    });
    return undefined;
  },
});

export const groupActions: IamAction[] = [CreateGroup, GetGroup, ListGroups, ListGroupsForUser, AddUserToGroup, RemoveUserFromGroup, DeleteGroup] as IamAction[];
