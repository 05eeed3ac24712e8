// Tags on users and roles, and on the entities named by ARN (managed policies, OIDC and SAML providers):
// Tag*/Untag*/List*Tags, with IAM's limits (50 per entity, unique keys).
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type ActionContext, type IamAction } from '../action.ts';
import { QUOTAS } from '../documents.ts';
import { IamModel, POLICY, type PrincipalData } from '../model.ts';
import { parseArn } from '../arn.ts';
import type { Repos } from '../../contracts/store.ts';
import { C, readPaging, type StringConstraint, type Tag } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml } from '../render.ts';
import { requirePrincipal } from './common.ts';

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

/** What Tag…, Untag… and List…Tags need to know about one kind of taggable entity. */
export interface Taggable {
  /** Wire name part: TagRole, UntagPolicy, ListOpenIDConnectProviderTags… */
  Name: string;
  /** The request parameter naming the entity (RoleName, PolicyArn, …) and its constraint. */
  param: string;
  constraint: StringConstraint;
  /** The entity's tags and how to save new ones (inside the caller's transaction); NoSuchEntity when missing. */
  load: (repos: Repos, ctx: ActionContext, id: string) => Promise<{ tags: Tag[]; save: (tags: Tag[]) => Promise<unknown> }>;
  /** Refuses entities that cannot change (AWS managed policies). */
  immutable?: (id: string) => string | undefined;
}

export function taggingActions(t: Taggable): IamAction[] {
  const update = (ctx: ActionContext, id: string, change: (tags: Tag[]) => Tag[]) =>
    ctx.store.transaction(async (tx) => {
      const refused = t.immutable?.(id);
      if (refused) throw new AwsError('AccessDenied', refused);
      const e = await t.load(tx, ctx, id);
      await e.save(change(e.tags));
    });
  const tag = defineAction({
    name: `Tag${t.Name}`,
    writes: true,
    parse: (r) => ({ id: r.required(t.param, t.constraint), tags: r.tags() ?? [] }),
    async run(p, ctx) {
      checkTags(p.tags);
      await update(ctx, p.id, (old) => {
        const tags = mergeTags(old, p.tags);
        checkTags(tags);
        return tags;
      });
      return undefined;
    },
  });
  const untag = defineAction({
    name: `Untag${t.Name}`,
    writes: true,
    parse: (r) => ({ id: r.required(t.param, t.constraint), keys: r.list('TagKeys', C.tagKey, { max: 50, required: true }) ?? [] }),
    async run(p, ctx) {
      const drop = new Set(p.keys.map((k) => k.toLowerCase()));
      await update(ctx, p.id, (old) => old.filter((x) => !drop.has(x.Key.toLowerCase())));
      return undefined;
    },
  });
  const list = defineAction({
    name: `List${t.Name}Tags`,
    writes: false,
    parse: (r) => ({ id: r.required(t.param, t.constraint), ...readPaging(r) }),
    async run(p, ctx) {
      const { tags } = await t.load(ctx.store, ctx, p.id);
      const page = paginate(tags, (x) => x.Key, p.marker, p.maxItems);
      return [members('Tags', page.items, (x) => [['Key', x.Key], ['Value', x.Value]]), ...pagingXml(page.isTruncated, page.marker)];
    },
  });
  return [tag, untag, list] as IamAction[];
}

/** Users and roles, named by their name. */
function principalTaggable(kind: 'user' | 'role', Name: 'User' | 'Role'): Taggable {
  return {
    Name,
    param: `${Name}Name`,
    constraint: kind === 'user' ? C.existingUserName : C.roleName,
    async load(repos, ctx, name) {
      const m = new IamModel(repos);
      const e = await requirePrincipal<PrincipalData>(m, ctx.account, kind, name);
      return { tags: e.tags, save: (tags) => m.updatePrincipal(ctx.account, kind, { ...e, tags }) };
    },
  };
}

/** Entities stored under their ARN: managed policies, OIDC and SAML providers. */
function arnTaggable(kind: string, Name: string, notFound: (arn: string) => string, immutable?: Taggable['immutable']): Taggable {
  return {
    Name,
    param: `${Name}Arn`,
    constraint: C.arn,
    async load(repos, ctx, arn) {
      const r = parseArn(arn)?.account === ctx.account ? await repos.entities.get<{ tags?: Tag[] }>(ctx.account, kind, arn) : undefined;
      if (!r) throw new AwsError('NoSuchEntity', notFound(arn));
      return { tags: r.data.tags ?? [], save: (tags) => repos.entities.update({ ...r, data: { ...r.data, tags } }) };
    },
    ...(immutable ? { immutable } : {}),
  };
}

export const tagActionsAll: IamAction[] = [
  ...taggingActions(principalTaggable('role', 'Role')),
  ...taggingActions(principalTaggable('user', 'User')),
  ...taggingActions(
    arnTaggable(POLICY, 'Policy', (arn) => `Policy ${arn} was not found.`, (arn) => (parseArn(arn)?.account === 'aws' ? `AWS managed policy ${arn} cannot be changed.` : undefined)),
  ),
  // (the kinds of ./oidc-providers.ts and ./saml-providers.ts, which import this module)
  ...taggingActions(arnTaggable('oidc-provider', 'OpenIDConnectProvider', (arn) => `OpenIDConnect Provider not found for arn ${arn}`)),
  ...taggingActions(arnTaggable('saml-provider', 'SAMLProvider', (arn) => `Manifest not found for arn ${arn}`)),
];
