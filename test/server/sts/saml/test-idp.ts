// A real SAML IdP for tests: samlify (as an IdP) builds and signs (and optionally encrypts) SAML 2.0
// Responses with the fixture key pairs in test/fixtures/saml (made by make-fixtures.sh).
import { readFileSync } from 'node:fs';
import samlify from 'samlify';

const dir = new URL('../../../fixtures/saml/', import.meta.url);
export const fixture = (name: string) => readFileSync(new URL(name, dir), 'utf8');
export const IDP_ENTITY = 'https://idp.example.test/saml';

const SSO = [{ Binding: samlify.Constants.namespace.binding.redirect, Location: 'https://idp.example.test/sso' }];
samlify.setSchemaValidator({ validate: () => Promise.resolve('skipped') });

export interface ResponseOptions {
  acsUrl: string;
  spEntityId: string;
  nameId?: string;
  nameIdFormat?: string;
  attributes?: Record<string, string[]>;
  /** Overrides of the template values (Issuer, Audience, SubjectRecipient, Destination, ConditionsNotBefore…, AssertionID). */
  values?: Record<string, string>;
  sessionNotOnOrAfter?: string;
  /** Which element samlify signs: the Assertion (default), the Response, or both. */
  sign?: 'assertion' | 'response' | 'both';
  /** Signing key: the registered IdP key (default) or another one. */
  key?: 'idp' | 'attacker';
  /** Encrypt the assertion to the SP certificate (PEM). */
  encryptTo?: string;
  /** Sign with this key pair (PEM) instead of a fixture's (`key` is then ignored). */
  signWith?: { privateKey: string; certificate: string };
}

export function idpMetadata(key: 'idp' | 'attacker' = 'idp', entityId = IDP_ENTITY): string {
  return samlify.IdentityProvider({ entityID: entityId, signingCert: fixture(`${key}-cert.pem`), singleSignOnService: SSO, singleLogoutService: SSO }).getMetadata();
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function attributeStatement(attrs: Record<string, string[]>): string {
  const list = Object.entries(attrs).map(
    ([name, values]) =>
      `<saml:Attribute Name="${esc(name)}" NameFormat="urn:oasis:names:tc:SAML:2.0:attrname-format:uri">${values.map((v) => `<saml:AttributeValue xsi:type="xs:string">${esc(v)}</saml:AttributeValue>`).join('')}</saml:Attribute>`,
  );
  return list.length ? `<saml:AttributeStatement>${list.join('')}</saml:AttributeStatement>` : '';
}

/** A base64 SAMLResponse, as the IdP would POST it. */
export async function samlResponse(o: ResponseOptions): Promise<string> {
  const key = o.key ?? 'idp';
  const sign = o.sign ?? 'assertion';
  const idp = samlify.IdentityProvider({
    entityID: IDP_ENTITY,
    privateKey: o.signWith?.privateKey ?? fixture(`${key}-key.pem`),
    signingCert: o.signWith?.certificate ?? fixture(`${key}-cert.pem`),
    singleSignOnService: SSO, singleLogoutService: SSO,
    isAssertionEncrypted: o.encryptTo !== undefined,
    requestSignatureAlgorithm: 'http://www.w3.org/2001/04/xmldsig-more#rsa-sha256',
  });
  const sp = samlify.ServiceProvider({
    entityID: o.spEntityId,
    assertionConsumerService: [{ Binding: samlify.Constants.namespace.binding.post, Location: o.acsUrl }],
    wantAssertionsSigned: sign !== 'response',
    wantMessageSigned: sign !== 'assertion',
    ...(o.encryptTo ? { encryptCert: o.encryptTo } : {}),
  });
  const now = new Date();
  const later = new Date(now.getTime() + 5 * 60_000).toISOString();
  const authn = `<saml:AuthnStatement AuthnInstant="${now.toISOString()}"${o.sessionNotOnOrAfter ? ` SessionNotOnOrAfter="${o.sessionNotOnOrAfter}"` : ''}><saml:AuthnContext><saml:AuthnContextClassRef>urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport</saml:AuthnContextClassRef></saml:AuthnContext></saml:AuthnStatement>`;
  const values: Record<string, string> = {
    ID: `_r${crypto.randomUUID()}`,
    AssertionID: `_a${crypto.randomUUID()}`,
    Destination: o.acsUrl,
    Audience: o.spEntityId,
    SubjectRecipient: o.acsUrl,
    Issuer: IDP_ENTITY,
    IssueInstant: now.toISOString(),
    StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Success',
    ConditionsNotBefore: now.toISOString(),
    ConditionsNotOnOrAfter: later,
    SubjectConfirmationDataNotOnOrAfter: later,
    NameIDFormat: o.nameIdFormat ?? 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent',
    NameID: o.nameId ?? 'alice@example.test',
    InResponseTo: '',
    ...o.values,
  };
  const { context } = await idp.createLoginResponse(sp, { extract: {} } as never, 'post', {}, (template: string) => {
    const filled = template.replace('{AuthnStatement}', authn).replace('{AttributeStatement}', attributeStatement(o.attributes ?? {})).replace(/ InResponseTo="\{InResponseTo\}"/g, values.InResponseTo ? '$&' : '');
    return { id: values.ID, context: samlify.SamlLib.replaceTagsByValue(filled, values) };
  });
  return context;
}
