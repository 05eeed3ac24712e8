// Create/Get/List/Update/Delete SAMLProvider: IdP metadata registered with IAM.
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type ActionContext, type IamAction } from '../action.ts';
import { iamArn, parseArn } from '../arn.ts';
import { C } from '../params.ts';
import { tagsXml } from '../render.ts';
import { parseSamlMetadata } from '../saml-metadata.ts';
import type { Tag } from '../params.ts';
import { insertOrExists } from './common.ts';
import { checkTags } from './tags.ts';

export const SAML_PROVIDER = 'saml-provider';

export interface SamlProviderData {
  arn: string;
  name: string;
  metadata: string;
  entityId: string;
  createDate: string;
  validUntil: string;
  tags: Tag[];
  /** Broker settings from the config file (session tag mapping…); absent for providers made through the API. */
  settings?: { sessionTags?: unknown; transitiveTagKeys?: string[] };
}

/** Validates metadata like IAM: InvalidInput when it cannot be used. */
export function checkMetadata(xml: string): ReturnType<typeof parseSamlMetadata> {
  try {
    return parseSamlMetadata(xml);
  } catch (err) {
    throw new AwsError('InvalidInput', `Could not parse metadata: ${(err as Error).message}`, { cause: err });
  }
}

function validUntil(md: ReturnType<typeof parseSamlMetadata>, now: Date): string {
  if (md.validUntil && !Number.isNaN(Date.parse(md.validUntil))) return new Date(md.validUntil).toISOString();
  return new Date(now.getTime() + 100 * 365 * 24 * 3600 * 1000).toISOString();
}

async function requireProvider(ctx: ActionContext, arn: string): Promise<SamlProviderData> {
  const p = parseArn(arn)?.account === ctx.account ? await ctx.store.entities.get<SamlProviderData>(ctx.account, SAML_PROVIDER, arn) : undefined;
  if (!p) throw new AwsError('NoSuchEntity', `Manifest not found for arn ${arn}`);
  return p.data;
}

export const CreateSAMLProvider = defineAction({
  name: 'CreateSAMLProvider',
  writes: true,
  parse: (r) => ({ name: r.required('Name', C.samlProviderName), metadata: r.required('SAMLMetadataDocument', C.samlMetadata), tags: r.tags() ?? [] }),
  async run(p, ctx) {
    checkTags(p.tags);
    const md = checkMetadata(p.metadata);
    const arn = iamArn(ctx.account, 'saml-provider', '/', p.name);
    const data: SamlProviderData = { arn, name: p.name, metadata: p.metadata, entityId: md.entityId, createDate: ctx.now.toISOString(), validUntil: validUntil(md, ctx.now), tags: p.tags };
    await insertOrExists(() => ctx.store.entities.insert({ account: ctx.account, kind: SAML_PROVIDER, key: arn, data }), `SAMLProvider named ${p.name} already exists`);
    return [['SAMLProviderArn', arn], ...tagsXml(p.tags)];
  },
});

export const GetSAMLProvider = defineAction({
  name: 'GetSAMLProvider',
  writes: false,
  parse: (r) => ({ arn: r.required('SAMLProviderArn', C.arn) }),
  async run(p, ctx) {
    const d = await requireProvider(ctx, p.arn);
    return [['SAMLMetadataDocument', d.metadata], ['CreateDate', new Date(d.createDate)], ['ValidUntil', new Date(d.validUntil)], ...tagsXml(d.tags)];
  },
});

export const ListSAMLProviders = defineAction({
  name: 'ListSAMLProviders',
  writes: false,
  parse: () => ({}),
  async run(_p, ctx) {
    const all = (await ctx.store.entities.list<SamlProviderData>(ctx.account, SAML_PROVIDER)).map((r) => r.data);
    return [members('SAMLProviderList', all, (d) => [['Arn', d.arn], ['ValidUntil', new Date(d.validUntil)], ['CreateDate', new Date(d.createDate)]])];
  },
});

export const UpdateSAMLProvider = defineAction({
  name: 'UpdateSAMLProvider',
  writes: true,
  parse: (r) => ({ arn: r.required('SAMLProviderArn', C.arn), metadata: r.optional('SAMLMetadataDocument', C.samlMetadata) }),
  async run(p, ctx) {
    const d = await requireProvider(ctx, p.arn);
    if (p.metadata !== undefined) {
      const md = checkMetadata(p.metadata);
      await ctx.store.entities.update({ account: ctx.account, kind: SAML_PROVIDER, key: d.arn, data: { ...d, metadata: p.metadata, entityId: md.entityId, validUntil: validUntil(md, ctx.now) } });
    }
    return [['SAMLProviderArn', d.arn]];
  },
});

export const DeleteSAMLProvider = defineAction({
  name: 'DeleteSAMLProvider',
  writes: true,
  parse: (r) => ({ arn: r.required('SAMLProviderArn', C.arn) }),
  async run(p, ctx) {
    const d = await requireProvider(ctx, p.arn);
    await ctx.store.entities.delete(ctx.account, SAML_PROVIDER, d.arn);
    return undefined;
  },
});

export const samlProviderActions: IamAction[] = [CreateSAMLProvider, GetSAMLProvider, ListSAMLProviders, UpdateSAMLProvider, DeleteSAMLProvider] as IamAction[];
