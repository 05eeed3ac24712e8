// Create/Get/List/Delete OpenIDConnectProvider, Add/RemoveClientID, UpdateThumbprint.
// ARN: arn:aws:iam::ACCOUNT:oidc-provider/HOST[:PORT]/PATH. Unlike AWS, a port is allowed (on-prem IdPs
// often use one), and plain http is allowed for loopback and private-network issuers (../../contracts/plain-http.ts).
import { plainHttpAllowed } from '../../contracts/plain-http.ts';
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type ActionContext, type IamAction } from '../action.ts';
import { parseArn } from '../arn.ts';
import { C, type Tag } from '../params.ts';
import { tagsXml } from '../render.ts';
import { insertOrExists } from './common.ts';
import { checkTags } from './tags.ts';

export const OIDC_PROVIDER = 'oidc-provider';

export interface OidcProviderData {
  arn: string;
  url: string; // full issuer URL as registered
  clientIds: string[];
  thumbprints: string[];
  createDate: string;
  tags: Tag[];
  /** Broker settings from the config file; absent for providers made through the API. */
  settings?: { name?: string; sealedClientSecret?: string; caFile?: string; sessionTags?: unknown; transitiveTagKeys?: string[] };
}

/** Normalises an issuer URL and derives the provider's ARN resource part (host[:port]/path). */
export function oidcIdentifier(raw: string): { url: string; id: string } {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    throw new AwsError('InvalidInput', `Invalid issuer URL: ${raw}`);
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && plainHttpAllowed(u.hostname))) throw new AwsError('InvalidInput', 'The URL must begin with https:// (http:// is accepted for loopback and private-network issuers only).');
  if (u.search || u.hash || u.username || u.password) throw new AwsError('InvalidInput', 'The URL must not contain a query, fragment or credentials.');
  const path = u.pathname.replace(/\/+$/, '');
  return { url: `${u.protocol}//${u.host}${path}`, id: `${u.host}${path}` };
}

function checkThumbprints(t: string[]): void {
  for (const x of t) if (!/^[0-9A-Fa-f]{40}$/.test(x)) throw new AwsError('InvalidInput', `Thumbprint ${x} is not a 40-character hex SHA-1 fingerprint.`);
}

async function requireProvider(ctx: ActionContext, arn: string): Promise<OidcProviderData> {
  const p = parseArn(arn)?.account === ctx.account ? await ctx.store.entities.get<OidcProviderData>(ctx.account, OIDC_PROVIDER, arn) : undefined;
  if (!p) throw new AwsError('NoSuchEntity', `OpenIDConnect Provider not found for arn ${arn}`);
  return p.data;
}

const save = (ctx: ActionContext, d: OidcProviderData) => ctx.store.entities.update({ account: ctx.account, kind: OIDC_PROVIDER, key: d.arn, data: d });

export const CreateOpenIDConnectProvider = defineAction({
  name: 'CreateOpenIDConnectProvider',
  writes: true,
  parse: (r) => ({
    url: r.required('Url', C.oidcUrl),
    clientIds: r.list('ClientIDList', C.clientId, { max: 100 }) ?? [],
    thumbprints: r.list('ThumbprintList', C.thumbprint, { max: 5 }) ?? [],
    tags: r.tags() ?? [],
  }),
  async run(p, ctx) {
    checkTags(p.tags);
    checkThumbprints(p.thumbprints);
    const { url, id } = oidcIdentifier(p.url);
    const arn = `arn:aws:iam::${ctx.account}:oidc-provider/${id}`;
    const data: OidcProviderData = { arn, url, clientIds: [...new Set(p.clientIds)], thumbprints: p.thumbprints.map((t) => t.toLowerCase()), createDate: ctx.now.toISOString(), tags: p.tags };
    await insertOrExists(() => ctx.store.entities.insert({ account: ctx.account, kind: OIDC_PROVIDER, key: arn, data }), `Provider with url ${url} already exists.`);
    return [['OpenIDConnectProviderArn', arn], ...tagsXml(p.tags)];
  },
});

export const GetOpenIDConnectProvider = defineAction({
  name: 'GetOpenIDConnectProvider',
  writes: false,
  parse: (r) => ({ arn: r.required('OpenIDConnectProviderArn', C.arn) }),
  async run(p, ctx) {
    const d = await requireProvider(ctx, p.arn);
    return [
      ['Url', d.url.replace(/^https:\/\//, '')],
      members('ClientIDList', d.clientIds, (c) => c),
      members('ThumbprintList', d.thumbprints, (t) => t),
      ['CreateDate', new Date(d.createDate)],
      ...tagsXml(d.tags),
    ];
  },
});

export const ListOpenIDConnectProviders = defineAction({
  name: 'ListOpenIDConnectProviders',
  writes: false,
  parse: () => ({}),
  async run(_p, ctx) {
    const all = (await ctx.store.entities.list<OidcProviderData>(ctx.account, OIDC_PROVIDER)).map((r) => r.data);
    return [members('OpenIDConnectProviderList', all, (d) => [['Arn', d.arn]])];
  },
});

export const DeleteOpenIDConnectProvider = defineAction({
  name: 'DeleteOpenIDConnectProvider',
  writes: true,
  parse: (r) => ({ arn: r.required('OpenIDConnectProviderArn', C.arn) }),
  async run(p, ctx) {
    // AWS documents it idempotent: deleting a provider that does not exist succeeds.
    if (parseArn(p.arn)?.account === ctx.account) await ctx.store.entities.delete(ctx.account, OIDC_PROVIDER, p.arn);
    return undefined;
  },
});

export const AddClientIDToOpenIDConnectProvider = defineAction({
  name: 'AddClientIDToOpenIDConnectProvider',
  writes: true,
  parse: (r) => ({ arn: r.required('OpenIDConnectProviderArn', C.arn), clientId: r.required('ClientID', C.clientId) }),
  async run(p, ctx) {
    const d = await requireProvider(ctx, p.arn);
    if (!d.clientIds.includes(p.clientId)) {
      if (d.clientIds.length >= 100) throw new AwsError('LimitExceeded', 'Cannot exceed quota for ClientIdsPerOpenIdConnectProvider: 100');
      await save(ctx, { ...d, clientIds: [...d.clientIds, p.clientId] });
    }
    return undefined;
  },
});

export const RemoveClientIDFromOpenIDConnectProvider = defineAction({
  name: 'RemoveClientIDFromOpenIDConnectProvider',
  writes: true,
  parse: (r) => ({ arn: r.required('OpenIDConnectProviderArn', C.arn), clientId: r.required('ClientID', C.clientId) }),
  async run(p, ctx) {
    const d = await requireProvider(ctx, p.arn);
    await save(ctx, { ...d, clientIds: d.clientIds.filter((c) => c !== p.clientId) });
    return undefined;
  },
});

export const UpdateOpenIDConnectProviderThumbprint = defineAction({
  name: 'UpdateOpenIDConnectProviderThumbprint',
  writes: true,
  parse: (r) => ({ arn: r.required('OpenIDConnectProviderArn', C.arn), thumbprints: r.list('ThumbprintList', C.thumbprint, { max: 5, required: true }) ?? [] }),
  async run(p, ctx) {
    checkThumbprints(p.thumbprints);
    const d = await requireProvider(ctx, p.arn);
    await save(ctx, { ...d, thumbprints: p.thumbprints.map((t) => t.toLowerCase()) });
    return undefined;
  },
});

export const oidcProviderActions: IamAction[] = [
  CreateOpenIDConnectProvider,
  GetOpenIDConnectProvider,
  ListOpenIDConnectProviders,
  DeleteOpenIDConnectProvider,
  AddClientIDToOpenIDConnectProvider,
  RemoveClientIDFromOpenIDConnectProvider,
  UpdateOpenIDConnectProviderThumbprint,
] as IamAction[];
