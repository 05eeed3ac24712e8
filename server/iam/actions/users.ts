// CreateUser, GetUser, ListUsers, DeleteUser, UpdateUser.
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction } from '../action.ts';
import { iamArn } from '../arn.ts';
import { newUniqueId } from '../ids.ts';
import { C, readPaging } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml, userXml } from '../render.ts';
import { insertOrExists, model, nowIso, requirePrincipal } from './common.ts';
import { checkBoundaryArn } from './boundaries.ts';
import { checkTags } from './tags.ts';
import { IamModel, MFA_DEVICE, type MfaDeviceData } from '../model.ts';
import { renameUser } from '../rename-user.ts';

export const CreateUser = defineAction({
  name: 'CreateUser',
  writes: true,
  parse: (r) => ({
    userName: r.required('UserName', C.userName),
    path: r.optional('Path', C.path) ?? '/',
    boundary: r.optional('PermissionsBoundary', C.arn),
    tags: r.tags() ?? [],
  }),
  async run(p, ctx) {
    checkTags(p.tags);
    const m = model(ctx);
    if (p.boundary) await checkBoundaryArn(m, p.boundary, ctx.account);
    const data = { name: p.userName, id: newUniqueId('AIDA'), path: p.path, arn: iamArn(ctx.account, 'user', p.path, p.userName), createDate: nowIso(ctx), permissionsBoundary: p.boundary, tags: p.tags };
    await insertOrExists(() => m.insertPrincipal(ctx.account, 'user', data), `User with name ${p.userName} already exists.`);
    return [['User', userXml(data)]];
  },
});

export const GetUser = defineAction({
  name: 'GetUser',
  writes: false,
  parse: (r) => ({ userName: r.optional('UserName', C.existingUserName) }),
  async run(p, ctx) {
    const name = p.userName ?? ctx.caller.userName;
    if (!name) throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials');
    const u = await requirePrincipal(model(ctx), ctx.account, 'user', name);
    return [['User', userXml(u)]];
  },
});

export const ListUsers = defineAction({
  name: 'ListUsers',
  writes: false,
  parse: (r) => ({ pathPrefix: r.optional('PathPrefix', C.pathPrefix) ?? '/', ...readPaging(r) }),
  async run(p, ctx) {
    const all = (await model(ctx).listPrincipals(ctx.account, 'user')).map((r) => r.data).filter((u) => u.path.startsWith(p.pathPrefix));
    const page = paginate(all, (u) => u.name.toLowerCase(), p.marker, p.maxItems);
    return [members('Users', page.items, (u) => userXml(u, false)), ...pagingXml(page.isTruncated, page.marker)];
  },
});

export const UpdateUser = defineAction({
  name: 'UpdateUser',
  writes: true,
  parse: (r) => ({ userName: r.required('UserName', C.existingUserName), newPath: r.optional('NewPath', C.path), newUserName: r.optional('NewUserName', C.userName) }),
  // AWS authorizes a rename or move on the source and on the target user ARN ("permission on Bob and Robert"):
  // otherwise a Deny on user/admins/* would not stop moving a user into /admins/.
  async authorize(p, ctx) {
    const a = ctx.authorization;
    if (!a || !ctx.caller) return;
    const context = { ...a.context, 'aws:SourceIp': ctx.request.sourceIp, 'aws:SecureTransport': ctx.request.secureTransport, 'aws:RequestedRegion': ctx.request.region };
    await ctx.authorizer.authorize(ctx.caller, a.action, a.resource, ctx.now, context);
    if (p.newPath === undefined && p.newUserName === undefined) return;
    const u = (await model(ctx).getPrincipal(ctx.account, 'user', p.userName))?.data;
    if (!u) return; // run() answers NoSuchEntity
    const target = iamArn(ctx.account, 'user', p.newPath ?? u.path, p.newUserName ?? u.name);
    if (target !== a.resource) await ctx.authorizer.authorize(ctx.caller, a.action, target, ctx.now, context);
  },
  async run(p, ctx) {
    await insertOrExists(
      () =>
        ctx.store.transaction(async (tx) => {
          const m = new IamModel(tx);
          const u = await requirePrincipal(m, ctx.account, 'user', p.userName);
          const path = p.newPath ?? u.path;
          const name = p.newUserName ?? u.name;
          const next = { ...u, name, path, arn: iamArn(ctx.account, 'user', path, name) };
          if (name === u.name) await m.updatePrincipal(ctx.account, 'user', next);
          else await renameUser(tx, ctx.account, u, next);
        }),
      `User with name ${p.newUserName} already exists.`,
    );
    return undefined;
  },
});

export const DeleteUser = defineAction({
  name: 'DeleteUser',
  writes: true,
  parse: (r) => ({ userName: r.required('UserName', C.existingUserName) }),
  async run(p, ctx) {
    // Like AWS's API (unlike its console), everything attached to the user must go first.
    await ctx.store.transaction(async (tx) => {
      const m = new IamModel(tx);
      const u = await requirePrincipal(m, ctx.account, 'user', p.userName);
      const conflict = (what: string) => new AwsError('DeleteConflict', `Cannot delete entity, must ${what} first.`);
      if ((await m.listAccessKeys(ctx.account, u.name)).length) throw conflict('delete access keys');
      if ((await m.listInline(ctx.account, 'user', u.name)).length) throw conflict('delete policies');
      if ((await m.listAttached(ctx.account, 'user', u.name)).length) throw conflict('detach all policies');
      if ((await m.groupsOfUser(ctx.account, u.name)).length) throw conflict('remove user from all groups');
      const mfa = await tx.entities.list<MfaDeviceData>(ctx.account, MFA_DEVICE, { parent: u.name.toLowerCase() });
      if (mfa.some((d) => d.data.enabledDate)) throw conflict('delete MFA device');
      await m.deletePrincipal(ctx.account, 'user', u.name);
    });
    return undefined;
  },
});

export const userActions = [CreateUser, GetUser, ListUsers, UpdateUser, DeleteUser];
