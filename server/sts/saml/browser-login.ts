// A SAMLResponse POSTed to the ACS by a browser → a VerifiedIdentity for the portal. The same checks as
// AssumeRoleWithSAML (signature, issuer, audience, recipient/destination, validity window, AWS's attributes) and
// the same replay cache (an assertion is accepted once, by either path, across replicas); in addition the
// InResponseTo of an SP-initiated login must name a pending AuthnRequest (single use, 10 minutes), sent to the
// same provider. IdP-initiated responses (no InResponseTo) are accepted, as AWS accepts them.
import { AwsError } from '../../contracts/errors.ts';
import type { Store } from '../../contracts/store.ts';
import { SAML_PROVIDER, type SamlProviderData } from '../../iam/actions/saml-providers.ts';
import type { KeyRing } from '../../keys/keyring.ts';
import { mappedTags, mergeSessionTags, tagMappingOf } from '../mapped-session-tags.ts';
import type { VerifiedIdentity } from '../../contracts/identity.ts';
import { nameQualifier, readAwsAttributes, subjectType } from './aws-attributes.ts';
import { checkAssertion, SAML_CLOCK_SKEW_SECONDS } from './check-assertion.ts';
import { samlConditionKeys } from './condition-keys.ts';
import { attr, children, NS, onlyChild, text } from './dom.ts';
import { decodeSamlParameter, openResponse, parseResponse } from './open-response.ts';
import { providerMetadata } from './provider-metadata.ts';
import { readAssertion } from './read-assertion.ts';
import { useAssertionOnce } from './replay-cache.ts';
import { spEndpoints } from './sp-endpoints.ts';
import { loadSpKeyPair } from './sp-key.ts';
import type { SamlRequests } from './login-requests.ts';

export interface SamlBrowserLogin {
  identity: VerifiedIdentity;
  /** The provider's account. */
  account: string;
}

const token = (m: string) => new AwsError('InvalidIdentityToken', m);

/** Unverified look at the Response: whom it claims to come from and which request it answers (to pick a provider). */
function peek(doc: Document): { issuer?: string; inResponseTo?: string } {
  const root = doc.documentElement!;
  const assertion = children(root, NS.assertion, 'Assertion')[0];
  return { issuer: text(onlyChild(root, NS.assertion, 'Issuer')) ?? (assertion ? text(onlyChild(assertion, NS.assertion, 'Issuer')) : undefined), inResponseTo: attr(root, 'InResponseTo') };
}

/** InResponseTo of the (trusted) assertion's bearer SubjectConfirmationData. */
function confirmedInResponseTo(assertion: Element): string | undefined {
  const subject = onlyChild(assertion, NS.assertion, 'Subject');
  const sc = subject ? children(subject, NS.assertion, 'SubjectConfirmation')[0] : undefined;
  return attr(sc ? onlyChild(sc, NS.assertion, 'SubjectConfirmationData') : undefined, 'InResponseTo');
}

async function providersFor(store: Store, accounts: ReadonlyArray<{ id: string }>, issuer: string): Promise<Array<{ account: string; data: SamlProviderData }>> {
  const out: Array<{ account: string; data: SamlProviderData }> = [];
  for (const a of accounts) for (const r of await store.entities.list<SamlProviderData>(a.id, SAML_PROVIDER)) if (r.data.entityId === issuer) out.push({ account: a.id, data: r.data });
  return out;
}

export async function verifySamlBrowserLogin(
  deps: { store: Store; keys: KeyRing; publicUrl: string; accounts: ReadonlyArray<{ id: string }>; requests: SamlRequests },
  samlResponse: string,
  now: Date,
): Promise<SamlBrowserLogin> {
  const doc = parseResponse(decodeSamlParameter(samlResponse));
  const seen = peek(doc);
  // SP-initiated: the pending request says which provider (several accounts may register the same IdP).
  const pending = seen.inResponseTo ? await deps.requests.peek(seen.inResponseTo) : undefined;
  if (seen.inResponseTo && !pending) throw token('The SAML response answers no sign-in started here (unknown or already used InResponseTo)');
  let candidates = seen.issuer ? await providersFor(deps.store, deps.accounts, seen.issuer) : [];
  if (pending) candidates = candidates.filter((c) => c.data.arn === pending.provider);
  if (candidates.length === 0) throw token('Issuer not present in specified provider');

  const spKey = async () => (await loadSpKeyPair(deps.store, deps.keys))?.privateKey; // only for an EncryptedAssertion
  const endpoints = spEndpoints(deps.publicUrl);
  let firstError: unknown;
  for (const { account, data: provider } of candidates) {
    try {
      const metadata = providerMetadata(provider.metadata);
      if (Date.parse(provider.validUntil) <= now.getTime()) throw token('The SAML provider metadata has expired (validUntil)');
      const opened = await openResponse(doc, metadata.signingCertificates, spKey);
      const f = readAssertion(opened.assertion);
      const recipient = checkAssertion(f, opened.responseIssuer, opened.destination, { issuer: metadata.entityId, audiences: [endpoints.entityId], recipients: [endpoints.acsUrl], now });
      if (!f.nameId) throw token('Invalid SAML response: the assertion has no NameID');

      const confirmed = confirmedInResponseTo(opened.assertion);
      if (confirmed && seen.inResponseTo && confirmed !== seen.inResponseTo) throw token('Invalid SAML response: InResponseTo differs between the Response and its assertion');
      const inResponseTo = confirmed ?? seen.inResponseTo;

      const attrs = readAwsAttributes(f.attributes);
      let sessionNotOnOrAfter: number | undefined;
      if (f.sessionNotOnOrAfter) {
        sessionNotOnOrAfter = Math.floor(Date.parse(f.sessionNotOnOrAfter) / 1000);
        if (!(sessionNotOnOrAfter > now.getTime() / 1000)) throw new AwsError('ExpiredTokenException', 'Response has expired');
      }
      const sub = subjectType(f.nameIdFormat);
      const nq = nameQualifier(f.issuer!, account, provider.name);
      const claims = samlConditionKeys({ recipient, issuer: f.issuer!, subject: f.nameId, subjectType: sub, nameQualifier: nq, doc: `${account}/${provider.name}`, attributes: f.attributes }) as Record<string, string | string[]>;
      // PrincipalTag:* attributes plus the provider's configured mapping, as AssumeRoleWithSAML reads them.
      const mapped = mappedTags(tagMappingOf(provider.settings), (n) => f.attributes.get(n) ?? claims[n], token);
      const tagging = mergeSessionTags({ tags: attrs.tags, transitiveTagKeys: attrs.transitiveTagKeys }, mapped, 'InvalidIdentityToken');
      // Single use, recorded once everything else passed: the pending request, then the assertion id (shared with
      // AssumeRoleWithSAML), kept until the assertion could no longer be accepted.
      if (inResponseTo) await deps.requests.take(inResponseTo, provider.arn, now);
      const ends = [f.notOnOrAfter, f.confirmations[0].notOnOrAfter].filter((v): v is string => !!v).map((v) => Date.parse(v));
      await useAssertionOnce(deps.store, metadata.entityId, f.id, new Date(Math.max(...ends) + SAML_CLOCK_SKEW_SECONDS * 1000), now);
      const authn = f.authnInstant ? Date.parse(f.authnInstant) : NaN;
      const identity: VerifiedIdentity = {
        source: 'saml',
        provider: provider.arn,
        subject: f.nameId,
        displayName: f.nameId,
        sessionName: attrs.sessionName,
        claims,
        authTime: Math.floor((Number.isNaN(authn) ? now.getTime() : authn) / 1000),
        roleArns: attrs.rolePairs.filter((p) => p.providerArn === provider.arn).map((p) => p.roleArn),
        ...(attrs.sessionDuration ? { maxDurationSeconds: attrs.sessionDuration } : {}),
        ...(sessionNotOnOrAfter ? { sessionNotOnOrAfter } : {}),
        ...(tagging.tags.length ? { tags: tagging.tags, transitiveTagKeys: tagging.transitiveTagKeys.map((k) => k.toLowerCase()) } : {}),
      };
      return { identity, account };
    } catch (err) {
      if (candidates.length === 1) throw err;
      firstError ??= err;
    }
  }
  throw firstError;
}
