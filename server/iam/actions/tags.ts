// Tags on users, roles and policies: Tag*/Untag*/List*Tags, with IAM's limits (50 per entity, unique keys).
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../http/xml.ts';
import { defineAction, type IamAction } from '../action.ts';
import { QUOTAS } from '../documents.ts';
import { IamModel, type PrincipalData } from '../model.ts';
import { C, readPaging, type Tag } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml } from '../render.ts';
import { principalArn, requirePrincipal } from './common.ts';

/** Refuses duplicate keys (case-insensitive, like AWS) and more than 50 tags. */
export function checkTags(tags: Tag[]): void {
  const seen = new Set<string>();
  for (const t of tags) {
    const k = t.Key.toLowerCase();
    if (seen.has(k)) throw new AwsError('InvalidInput', 'Duplicate tag keys found. Please note that Tag keys are case insensitive.');
    seen.add(k);
  }
  if (tags.length > QUOTAS.tagsPerEntity) throw new AwsError('LimitExceeded', `Cannot exceed quota for TagsPerEntity: ${QUOTAS.tagsPerEntity}`);
}

/** Merges new tags over old ones (same key, case-insensitive, replaces the value). */
export function mergeTags(old: Tag[], added: Tag[]): Tag[] {
  const out = old.filter((o) => !added.some((a) => a.Key.toLowerCase() === o.Key.toLowerCase()));
  return [...out, ...added];
}

function tagActions(kind: 'user' | 'role', Name: 'User' | 'Role'): IamAction[] {
  const nameParam = `${Name}Name`;
  const nameC = kind === 'user' ? C.existingUserName : C.roleName;
  const tag = defineAction({
    name: `Tag${Name}`,
    writes: true,
    parse: (r) => ({ name: r.required(nameParam, nameC), tags: r.tags() ?? [] }),
    resource: (p, ctx) => principalArn(ctx, kind, p.name),
    async run(p, ctx) {
      await ctx.store.transaction(async (tx) => {
        const m = new IamModel(tx);
        const e = await requirePrincipal<PrincipalData>(m, ctx.account, kind, p.name);
        checkTags(p.tags);
        const tags = mergeTags(e.tags, p.tags);
        checkTags(tags);
        await m.updatePrincipal(ctx.account, kind, { ...e, tags });
      });
      return undefined;
    },
  });
  const untag = defineAction({
    name: `Untag${Name}`,
    writes: true,
    parse: (r) => ({ name: r.required(nameParam, nameC), keys: r.list('TagKeys', C.tagKey, { max: 50, required: true }) ?? [] }),
    resource: (p, ctx) => principalArn(ctx, kind, p.name),
    async run(p, ctx) {
      await ctx.store.transaction(async (tx) => {
        const m = new IamModel(tx);
        const e = await requirePrincipal<PrincipalData>(m, ctx.account, kind, p.name);
        const drop = new Set(p.keys.map((k) => k.toLowerCase()));
        await m.updatePrincipal(ctx.account, kind, { ...e, tags: e.tags.filter((t) => !drop.has(t.Key.toLowerCase())) });
      });
      return undefined;
    },
  });
  const list = defineAction({
    name: `List${Name}Tags`,
    writes: false,
    parse: (r) => ({ name: r.required(nameParam, nameC), ...readPaging(r) }),
    resource: (p, ctx) => principalArn(ctx, kind, p.name),
    async run(p, ctx) {
      const e = await requirePrincipal<PrincipalData>(new IamModel(ctx.store), ctx.account, kind, p.name);
      const page = paginate(e.tags, (t) => t.Key, p.marker, p.maxItems);
      return [members('Tags', page.items, (t) => [['Key', t.Key], ['Value', t.Value]]), ...pagingXml(page.isTruncated, page.marker)];
    },
  });
  return [tag, untag, list] as IamAction[];
}

export const tagActionsAll: IamAction[] = [...tagActions('role', 'Role'), ...tagActions('user', 'User')];
