// Tags on users and roles, and on the entities named by ARN (managed policies, OIDC and SAML providers):
// Tag*/Untag*/List*Tags, with IAM's limits (50 per entity, unique keys).
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../http/xml.ts';
import { defineAction, type IamAction } from '../action.ts';
import { QUOTAS } from '../documents.ts';
import { IamModel, POLICY, type PrincipalData } from '../model.ts';
import { parseArn } from '../arn.ts';
import type { ActionContext } from '../action.ts';
import type { Repos } from '../../contracts/store.ts';
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

interface ArnTagged {
  /** Store kind; the entity's key is its ARN. */
  kind: string;
  /** Wire name part: TagPolicy, UntagOpenIDConnectProvider, ListSAMLProviderTags… */
  Name: 'Policy' | 'OpenIDConnectProvider' | 'SAMLProvider';
  /** AWS's NoSuchEntity message. */
  notFound: (arn: string) => string;
  /** Refuses entities that cannot change (AWS managed policies). */
  immutable?: (arn: string) => string | undefined;
}

async function requireTagged(repos: Pick<Repos, 'entities'>, ctx: ActionContext, t: ArnTagged, arn: string) {
  const r = parseArn(arn)?.account === ctx.account ? await repos.entities.get<{ tags?: Tag[] }>(ctx.account, t.kind, arn) : undefined;
  if (!r) throw new AwsError('NoSuchEntity', t.notFound(arn));
  return r;
}

function arnTagActions(t: ArnTagged): IamAction[] {
  const param = `${t.Name}Arn`;
  const update = (ctx: ActionContext, arn: string, change: (tags: Tag[]) => Tag[]) =>
    ctx.store.transaction(async (tx) => {
      const refused = t.immutable?.(arn);
      if (refused) throw new AwsError('AccessDenied', refused);
      const r = await requireTagged(tx, ctx, t, arn);
      await tx.entities.update({ ...r, data: { ...r.data, tags: change(r.data.tags ?? []) } });
    });
  const tag = defineAction({
    name: `Tag${t.Name}`,
    writes: true,
    parse: (r) => ({ arn: r.required(param, C.arn), tags: r.tags() ?? [] }),
    resource: (p) => p.arn,
    async run(p, ctx) {
      checkTags(p.tags);
      await update(ctx, p.arn, (old) => {
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
    parse: (r) => ({ arn: r.required(param, C.arn), keys: r.list('TagKeys', C.tagKey, { max: 50, required: true }) ?? [] }),
    resource: (p) => p.arn,
    async run(p, ctx) {
      const drop = new Set(p.keys.map((k) => k.toLowerCase()));
      await update(ctx, p.arn, (old) => old.filter((x) => !drop.has(x.Key.toLowerCase())));
      return undefined;
    },
  });
  const list = defineAction({
    name: `List${t.Name}Tags`,
    writes: false,
    parse: (r) => ({ arn: r.required(param, C.arn), ...readPaging(r) }),
    resource: (p) => p.arn,
    async run(p, ctx) {
      const r = await requireTagged(ctx.store, ctx, t, p.arn);
      const page = paginate(r.data.tags ?? [], (x) => x.Key, p.marker, p.maxItems);
      return [members('Tags', page.items, (x) => [['Key', x.Key], ['Value', x.Value]]), ...pagingXml(page.isTruncated, page.marker)];
    },
  });
  return [tag, untag, list] as IamAction[];
}

export const tagActionsAll: IamAction[] = [
  ...tagActions('role', 'Role'),
  ...tagActions('user', 'User'),
  ...arnTagActions({ kind: POLICY, Name: 'Policy', notFound: (arn) => `Policy ${arn} was not found.`, immutable: (arn) => (parseArn(arn)?.account === 'aws' ? `AWS managed policy ${arn} cannot be changed.` : undefined) }),
  // (the kinds of ./oidc-providers.ts and ./saml-providers.ts, which import this module)
  ...arnTagActions({ kind: 'oidc-provider', Name: 'OpenIDConnectProvider', notFound: (arn) => `OpenIDConnect Provider not found for arn ${arn}` }),
  ...arnTagActions({ kind: 'saml-provider', Name: 'SAMLProvider', notFound: (arn) => `Manifest not found for arn ${arn}` }),
];
