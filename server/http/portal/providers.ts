// The SAML and OIDC providers registered in each account, as sign-in options, linking to their login routes
// (/saml/login/:name, /oidc/login/:name in server/http/login-routes/).
import type { Store } from '../../contracts/store.ts';
import { SAML_PROVIDER, type SamlProviderData } from '../../iam/actions/saml-providers.ts';
import { OIDC_PROVIDER, type OidcProviderData } from '../../iam/actions/oidc-providers.ts';
import type { ProviderOption } from './pages.ts';

export async function listProviders(store: Store, accounts: ReadonlyArray<{ id: string }>): Promise<{ saml: ProviderOption[]; oidc: ProviderOption[] }> {
  const saml: ProviderOption[] = [];
  const oidc: ProviderOption[] = [];
  const q = (a: { id: string }) => (accounts.length > 1 ? `?account=${a.id}` : ''); // the same name may exist in several accounts
  for (const a of accounts) {
    for (const r of await store.entities.list<SamlProviderData>(a.id, SAML_PROVIDER)) {
      saml.push({ name: r.data.name, href: `/saml/login/${encodeURIComponent(r.data.name)}${q(a)}`, account: a.id });
    }
    for (const r of await store.entities.list<OidcProviderData>(a.id, OIDC_PROVIDER)) {
      const name = r.data.settings?.name ?? r.data.url.replace(/^https?:\/\//, '');
      oidc.push({ name, href: `/oidc/login/${encodeURIComponent(name)}${q(a)}`, account: a.id });
    }
  }
  return { saml, oidc };
}
