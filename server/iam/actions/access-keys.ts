// CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed.
// Secrets are sealed with the key ring before they reach the store, and shown once.
import { AwsError } from '../../contracts/errors.ts';
import type { Repos } from '../../contracts/store.ts';
import { members } from '../../query-protocol/xml.ts';
import type { KeyRing } from '../../keys/keyring.ts';
import { defineAction, type ActionContext, type IamAction } from '../action.ts';
import { QUOTAS } from '../documents.ts';
import { newAccessKeyId, newSecretAccessKey } from '../ids.ts';
import { IamModel, type AccessKeyData } from '../model.ts';
import { C, readPaging } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml } from '../render.ts';
import { requirePrincipal } from './common.ts';

/** Issues (or imports, when id and secret are given) an access key for a user, in the caller's transaction. */
export async function issueAccessKey(
  tx: Repos,
  keys: KeyRing,
  account: string,
  userName: string,
  now: Date,
  given?: { accessKeyId: string; secretAccessKey: string; status?: 'Active' | 'Inactive' },
): Promise<{ data: AccessKeyData; secretAccessKey: string }> {
  const m = new IamModel(tx);
  const user = await requirePrincipal(m, account, 'user', userName);
  const existing = await m.listAccessKeys(account, user.name);
  if (existing.length >= QUOTAS.accessKeysPerUser) throw new AwsError('LimitExceeded', `Cannot exceed quota for AccessKeysPerUser: ${QUOTAS.accessKeysPerUser}`);
  const accessKeyId = given?.accessKeyId ?? newAccessKeyId('AKIA', account);
  const secretAccessKey = given?.secretAccessKey ?? newSecretAccessKey();
  const data: AccessKeyData = { accessKeyId, userName: user.name, status: given?.status ?? 'Active', createDate: now.toISOString(), sealedSecret: keys.seal(secretAccessKey, accessKeyId) };
  await m.putAccessKey(account, data, true);
  return { data, secretAccessKey };
}

function userOf(ctx: ActionContext, userName: string | undefined): string {
  const name = userName ?? ctx.caller.userName;
  if (!name) throw new AwsError('ValidationError', 'Must specify userName when calling with non-User credentials');
  return name;
}

async function requireKey(ctx: ActionContext, userName: string, accessKeyId: string): Promise<AccessKeyData> {
  const m = new IamModel(ctx.store);
  const user = await requirePrincipal(m, ctx.account, 'user', userName);
  const k = await m.getAccessKey(accessKeyId);
  if (!k || k.account !== ctx.account || k.data.userName.toLowerCase() !== user.name.toLowerCase()) {
    throw new AwsError('NoSuchEntity', `The Access Key with id ${accessKeyId} cannot be found.`);
  }
  return k.data;
}

export const CreateAccessKey = defineAction({
  name: 'CreateAccessKey',
  writes: true,
  parse: (r) => ({ userName: r.optional('UserName', C.existingUserName) }),
  async run(p, ctx) {
    const name = userOf(ctx, p.userName);
    const { data, secretAccessKey } = await ctx.store.transaction((tx) => issueAccessKey(tx, ctx.keys, ctx.account, name, ctx.now));
    return [['AccessKey', [['UserName', data.userName], ['AccessKeyId', data.accessKeyId], ['Status', data.status], ['SecretAccessKey', secretAccessKey], ['CreateDate', new Date(data.createDate)]]]];
  },
});

export const ListAccessKeys = defineAction({
  name: 'ListAccessKeys',
  writes: false,
  parse: (r) => ({ userName: r.optional('UserName', C.existingUserName), ...readPaging(r) }),
  async run(p, ctx) {
    const m = new IamModel(ctx.store);
    const user = await requirePrincipal(m, ctx.account, 'user', userOf(ctx, p.userName));
    const keys = (await m.listAccessKeys(ctx.account, user.name)).map((r) => r.data);
    const page = paginate(keys, (k) => k.accessKeyId, p.marker, p.maxItems);
    return [
      members('AccessKeyMetadata', page.items, (k) => [['UserName', k.userName], ['AccessKeyId', k.accessKeyId], ['Status', k.status], ['CreateDate', new Date(k.createDate)]]),
      ...pagingXml(page.isTruncated, page.marker),
    ];
  },
});

export const UpdateAccessKey = defineAction({
  name: 'UpdateAccessKey',
  writes: true,
  parse: (r) => ({ userName: r.optional('UserName', C.existingUserName), accessKeyId: r.required('AccessKeyId', C.accessKeyId), status: r.enumOf('Status', ['Active', 'Inactive'] as const, true) }),
  async run(p, ctx) {
    const k = await requireKey(ctx, userOf(ctx, p.userName), p.accessKeyId);
    await new IamModel(ctx.store).putAccessKey(ctx.account, { ...k, status: p.status ?? k.status }, false);
    return undefined;
  },
});

export const DeleteAccessKey = defineAction({
  name: 'DeleteAccessKey',
  writes: true,
  parse: (r) => ({ userName: r.optional('UserName', C.existingUserName), accessKeyId: r.required('AccessKeyId', C.accessKeyId) }),
  async run(p, ctx) {
    await requireKey(ctx, userOf(ctx, p.userName), p.accessKeyId);
    await new IamModel(ctx.store).deleteAccessKey(ctx.account, p.accessKeyId);
    return undefined;
  },
});

export const GetAccessKeyLastUsed = defineAction({
  name: 'GetAccessKeyLastUsed',
  writes: false,
  parse: (r) => ({ accessKeyId: r.required('AccessKeyId', C.accessKeyId) }),
  async run(p, ctx) {
    const k = await new IamModel(ctx.store).getAccessKey(p.accessKeyId);
    if (!k || k.account !== ctx.account) throw new AwsError('NoSuchEntity', `The Access Key with id ${p.accessKeyId} cannot be found.`);
    const used = k.data.lastUsed;
    return [
      ['UserName', k.data.userName],
      ['AccessKeyLastUsed', used ? [['LastUsedDate', new Date(used.date)], ['ServiceName', used.service], ['Region', used.region]] : [['ServiceName', 'N/A'], ['Region', 'N/A']]],
    ];
  },
});

export const accessKeyActions: IamAction[] = [CreateAccessKey, ListAccessKeys, UpdateAccessKey, DeleteAccessKey, GetAccessKeyLastUsed] as IamAction[];
