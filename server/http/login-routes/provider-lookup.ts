// The SAML and OIDC providers behind the portal's links (/saml/login/NAME, /oidc/login/NAME), looked up by name
// in the declared accounts; `?account=ID` picks one when several accounts register the same name.
import type { Store } from '../../contracts/store.ts';
import { AwsError } from '../../contracts/errors.ts';
import { SAML_PROVIDER, type SamlProviderData } from '../../iam/actions/saml-providers.ts';
import { OIDC_PROVIDER, type OidcProviderData } from '../../iam/actions/oidc-providers.ts';

type Accounts = ReadonlyArray<{ id: string }>;

const notFound = (kind: string, name: string) => new AwsError('NoSuchEntity', `No ${kind} identity provider named ${name} is registered on this broker.`);
const scope = (accounts: Accounts, account: string | undefined) => (account ? accounts.filter((a) => a.id === account) : accounts);

/** The display name of an OIDC provider: its config name, else its issuer without the scheme. */
export const oidcName = (p: OidcProviderData) => p.settings?.name ?? p.url.replace(/^https?:\/\//, '');

export async function samlProviderNamed(store: Store, accounts: Accounts, name: string, account?: string): Promise<{ account: string; data: SamlProviderData }> {
  for (const a of scope(accounts, account)) {
    for (const r of await store.entities.list<SamlProviderData>(a.id, SAML_PROVIDER)) if (r.data.name === name) return { account: a.id, data: r.data };
  }
  throw notFound('SAML', name);
}

export async function oidcProviderNamed(store: Store, accounts: Accounts, name: string, account?: string): Promise<{ account: string; data: OidcProviderData }> {
  for (const a of scope(accounts, account)) {
    for (const r of await store.entities.list<OidcProviderData>(a.id, OIDC_PROVIDER)) if (oidcName(r.data) === name) return { account: a.id, data: r.data };
  }
  throw notFound('OpenID Connect', name);
}

export async function oidcProviderByArn(store: Store, arn: string): Promise<OidcProviderData | undefined> {
  const account = arn.split(':')[4] ?? '';
  return (await store.entities.get<OidcProviderData>(account, OIDC_PROVIDER, arn))?.data;
}
