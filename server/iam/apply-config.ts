// Applies what the config file declares (managed policies, users, groups, roles) idempotently, in one
// transaction: on every start the store ends up holding the declared state; what was made through
// the API and is not declared is left alone. A bad declaration fails the start and changes nothing.
import type { Config } from '../../config/schema.ts';
import { AwsError } from '../contracts/errors.ts';
import type { Repos, Store } from '../contracts/store.ts';
import type { KeyRing } from '../keys/keyring.ts';
import { issueAccessKey } from './actions/access-keys.ts';
import { checkManagedDocument, createManagedPolicy } from './actions/managed-policies.ts';
import { checkTrustPolicy } from './actions/roles.ts';
import { checkMetadata, SAML_PROVIDER, type SamlProviderData } from './actions/saml-providers.ts';
import { OIDC_PROVIDER, oidcIdentifier, type OidcProviderData } from './actions/oidc-providers.ts';
import { readFileSync } from 'node:fs';
import { iamArn, parsePolicyArn } from './arn.ts';
import { compileDocument } from './documents.ts';
import { newUniqueId } from './ids.ts';
import { IamModel, type PrincipalData, type PrincipalKind, type RoleData } from './model.ts';
import type { Tag } from './params.ts';

export class ConfigApplyError extends Error {}

type Doc = string | object;
const text = (d: Doc) => (typeof d === 'string' ? d : JSON.stringify(d));
const tagList = (t: Record<string, string> | undefined): Tag[] => Object.entries(t ?? {}).map(([Key, Value]) => ({ Key, Value }));

function at<T>(path: string, fn: () => T): T {
  try {
    return fn();
  } catch (err) {
    if (err instanceof AwsError) throw new ConfigApplyError(`${path}: ${err.message}`, { cause: err });
    throw err;
  }
}

async function atAsync<T>(path: string, fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof AwsError) throw new ConfigApplyError(`${path}: ${err.message}`, { cause: err });
    throw err;
  }
}

async function ensurePrincipal<T extends PrincipalData>(m: IamModel, account: string, kind: PrincipalKind, want: T, same: (have: T) => boolean): Promise<void> {
  const have = await m.getPrincipal<T>(account, kind, want.name);
  if (!have) await m.insertPrincipal(account, kind, want);
  else if (!same(have.data)) await m.updatePrincipal(account, kind, { ...want, id: have.data.id, createDate: have.data.createDate });
}

async function ensurePolicies(m: IamModel, account: string, kind: PrincipalKind, name: string, path: string, arns: string[] = [], inline: Record<string, Doc> = {}): Promise<void> {
  for (const [i, arn] of arns.entries()) {
    const p = parsePolicyArn(arn);
    const policy = p ? await m.getPolicy(p.account, arn) : undefined;
    if (!policy) throw new ConfigApplyError(`${path}.policies[${i}]: policy ${arn} does not exist (declare it under policies, or use an AWS-managed one)`);
    await m.attach(account, kind, name, { policyArn: arn, policyName: policy.data.name });
  }
  for (const [policyName, doc] of Object.entries(inline)) {
    const t = text(doc);
    at(`${path}.inlinePolicies.${policyName}`, () => compileDocument(t, 'identity'));
    await m.putInline(account, kind, name, { name: policyName, document: t });
  }
}

async function applyManagedPolicies(tx: Repos, config: Config, now: Date): Promise<void> {
  const m = new IamModel(tx);
  for (const [i, p] of (config.policies ?? []).entries()) {
    const account = p.account ?? config.accounts[0].id;
    const path = p.path ?? '/';
    const doc = text(p.document);
    at(`policies[${i}].document`, () => checkManagedDocument(doc));
    const arn = iamArn(account, 'policy', path, p.name);
    const have = await m.getPolicy(account, arn);
    if (!have) {
      await atAsync(`policies[${i}]`, () => createManagedPolicy(tx, account, { name: p.name, path, document: doc, description: p.description }, now));
      continue;
    }
    if ((await m.defaultDocument(account, arn)) === doc) continue;
    // A changed document becomes a new default version; the oldest non-default goes when 5 exist.
    const versions = (await m.listPolicyVersions(account, arn)).map((v) => v.data).sort((a, b) => Number(a.versionId.slice(1)) - Number(b.versionId.slice(1)));
    if (versions.length >= 5) {
      const oldest = versions.find((v) => v.versionId !== have.data.defaultVersionId)!;
      await tx.entities.delete(account, 'policy-version', `${arn}#${oldest.versionId}`);
    }
    const versionId = `v${have.data.nextVersion}`;
    await m.putPolicyVersion(account, arn, { versionId, document: doc, createDate: now.toISOString() });
    await tx.entities.update({ account, kind: 'policy', key: arn, data: { ...have.data, defaultVersionId: versionId, nextVersion: have.data.nextVersion + 1, updateDate: now.toISOString() } });
  }
}

/** SAML and OIDC providers declared in the config: created, or brought back to the declared settings. */
async function applyProviders(tx: Repos, keys: KeyRing, config: Config, now: Date): Promise<void> {
  const iso = now.toISOString();
  for (const [i, p] of config.identityProviders.saml.entries()) {
    const account = p.account ?? config.accounts[0].id;
    let xml: string;
    try {
      xml = p.metadata ?? readFileSync(p.metadataFile!, 'utf8');
    } catch (err) {
      throw new ConfigApplyError(`identityProviders.saml[${i}].metadataFile: cannot read ${p.metadataFile}: ${(err as Error).message}`);
    }
    const md = at(`identityProviders.saml[${i}]`, () => checkMetadata(xml));
    const arn = iamArn(account, 'saml-provider', '/', p.name);
    const have = await tx.entities.get<SamlProviderData>(account, SAML_PROVIDER, arn);
    const validUntil = md.validUntil && !Number.isNaN(Date.parse(md.validUntil)) ? new Date(md.validUntil).toISOString() : new Date(now.getTime() + 100 * 365 * 86400_000).toISOString();
    const data: SamlProviderData = { arn, name: p.name, metadata: xml, entityId: md.entityId, createDate: have?.data.createDate ?? iso, validUntil, tags: have?.data.tags ?? [], settings: { sessionTags: p.sessionTags, transitiveTagKeys: p.transitiveTagKeys } };
    await tx.entities.upsert({ account, kind: SAML_PROVIDER, key: arn, data });
  }
  for (const [i, p] of config.identityProviders.oidc.entries()) {
    const account = p.account ?? config.accounts[0].id;
    const { url, id } = at(`identityProviders.oidc[${i}].url`, () => oidcIdentifier(p.url));
    const arn = `arn:aws:iam::${account}:oidc-provider/${id}`;
    const have = await tx.entities.get<OidcProviderData>(account, OIDC_PROVIDER, arn);
    const data: OidcProviderData = {
      arn,
      url,
      clientIds: p.clientIds,
      thumbprints: p.thumbprints,
      createDate: have?.data.createDate ?? iso,
      tags: have?.data.tags ?? [],
      settings: { name: p.name, sealedClientSecret: p.clientSecret ? keys.seal(p.clientSecret, arn) : undefined, caFile: p.caFile, sessionTags: p.sessionTags, transitiveTagKeys: p.transitiveTagKeys },
    };
    await tx.entities.upsert({ account, kind: OIDC_PROVIDER, key: arn, data });
  }
}

export async function applyConfig(store: Store, keys: KeyRing, config: Config, now: Date): Promise<void> {
  await store.transaction(async (tx) => {
    const m = new IamModel(tx);
    const iso = now.toISOString();
    await applyManagedPolicies(tx, config, now);
    await applyProviders(tx, keys, config, now);

    for (const [i, g] of (config.groups ?? []).entries()) {
      const account = g.account ?? config.accounts[0].id;
      const path = g.path ?? '/';
      await ensurePrincipal(m, account, 'group', { name: g.name, id: newUniqueId('AGPA'), path, arn: iamArn(account, 'group', path, g.name), createDate: iso, tags: [] }, (h) => h.path === path);
      await ensurePolicies(m, account, 'group', g.name, `groups[${i}]`, g.policies, g.inlinePolicies);
    }

    for (const [i, u] of (config.users ?? []).entries()) {
      const account = u.account ?? config.accounts[0].id;
      const path = u.path ?? '/';
      const want: PrincipalData = { name: u.name, id: newUniqueId('AIDA'), path, arn: iamArn(account, 'user', path, u.name), createDate: iso, permissionsBoundary: u.permissionsBoundary, tags: tagList(u.tags) };
      await ensurePrincipal(m, account, 'user', want, (h) => h.path === path && h.permissionsBoundary === want.permissionsBoundary && JSON.stringify(h.tags) === JSON.stringify(want.tags));
      await ensurePolicies(m, account, 'user', u.name, `users[${i}]`, u.policies, u.inlinePolicies);
      for (const [j, gName] of (u.groups ?? []).entries()) {
        if (!(await m.getPrincipal(account, 'group', gName))) throw new ConfigApplyError(`users[${i}].groups[${j}]: group ${gName} is not declared`);
        await m.addMember(account, u.name, gName);
      }
      for (const [j, k] of (u.accessKeys ?? []).entries()) {
        const have = await m.getAccessKey(k.id);
        if (have && (have.account !== account || have.data.userName.toLowerCase() !== u.name.toLowerCase())) {
          throw new ConfigApplyError(`users[${i}].accessKeys[${j}]: access key ${k.id} belongs to another user`);
        }
        if (!have) await atAsync(`users[${i}].accessKeys[${j}]`, () => issueAccessKey(tx, keys, account, u.name, now, { accessKeyId: k.id, secretAccessKey: k.secret, status: k.status }));
        else if (keys.open(have.data.sealedSecret, k.id) !== k.secret || have.data.status !== (k.status ?? 'Active')) {
          await m.putAccessKey(account, { ...have.data, status: k.status ?? 'Active', sealedSecret: keys.seal(k.secret, k.id) }, false);
        }
      }
    }

    for (const [i, r] of (config.roles ?? []).entries()) {
      const account = r.account ?? config.accounts[0].id;
      const path = r.path ?? '/';
      const trust = text(r.trustPolicy);
      at(`roles[${i}].trustPolicy`, () => checkTrustPolicy(trust));
      const want: RoleData = {
        name: r.name,
        id: newUniqueId('AROA'),
        path,
        arn: iamArn(account, 'role', path, r.name),
        createDate: iso,
        assumeRolePolicyDocument: trust,
        description: r.description,
        maxSessionDuration: r.maxSessionDuration ?? 3600,
        permissionsBoundary: r.permissionsBoundary,
        tags: tagList(r.tags),
      };
      const same = (h: RoleData) =>
        h.path === path && h.assumeRolePolicyDocument === trust && h.description === want.description && h.maxSessionDuration === want.maxSessionDuration && h.permissionsBoundary === want.permissionsBoundary && JSON.stringify(h.tags) === JSON.stringify(want.tags);
      await ensurePrincipal(m, account, 'role', want, same);
      await ensurePolicies(m, account, 'role', r.name, `roles[${i}]`, r.policies, r.inlinePolicies);
    }
  });
}
