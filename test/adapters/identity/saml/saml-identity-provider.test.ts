// The SAML login adapter on @node-saml: SP metadata and the AuthnRequest redirect (signed). Responses are
// validated by server/sts/saml/ (test/server/sts/saml/, test/server/http/login-routes/saml-login.test.ts).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { inflateRawSync } from 'node:zlib';
import { createSamlIdentityProvider, type SamlIdpSettings, type SamlSpSettings } from '../../../../adapters/identity/saml/saml-identity-provider.ts';
import { spMetadataXml } from '../../../../adapters/identity/saml/sp-metadata.ts';
import { fixture, IDP_ENTITY } from '../../../server/sts/saml/test-idp.ts';

const certBody = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
const sp: SamlSpSettings = { entityId: 'http://127.0.0.1:8080/saml/metadata', acsUrl: 'http://127.0.0.1:8080/saml/acs', privateKey: fixture('sp-key.pem'), certificate: fixture('sp-cert.pem'), signRequests: true };
const idp: SamlIdpSettings = { name: 'TestIdP', idpEntityId: IDP_ENTITY, idpCertificates: [certBody(fixture('idp-cert.pem'))], ssoUrl: 'https://idp.example.test/sso' };

describe('SAML identity provider adapter', () => {
  const provider = createSamlIdentityProvider(idp, sp);

  it('publishes SP metadata with the entity id, an HTTP-POST ACS and the certificate', () => {
    const xml = spMetadataXml(sp);
    assert.match(xml, new RegExp(`entityID="${sp.entityId}"`));
    assert.match(xml, /Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"/);
    assert.ok(xml.includes(`Location="${sp.acsUrl}"`));
    assert.ok(xml.includes(certBody(fixture('sp-cert.pem')).slice(0, 60)));
    assert.match(xml, /use="encryption"/);
  });

  it('start() redirects to the IdP with a signed AuthnRequest and the RelayState', async () => {
    const s = await provider.start({ relayState: 'r-123' });
    assert.equal(s.kind, 'redirect');
    const url = new URL((s as { url: string }).url);
    assert.equal(url.origin + url.pathname, idp.ssoUrl);
    assert.ok(url.searchParams.get('SAMLRequest'));
    assert.equal(url.searchParams.get('RelayState'), 'r-123');
    assert.ok(url.searchParams.get('Signature'));
    assert.match(url.searchParams.get('SigAlg') ?? '', /rsa-sha256/);
  });

  it("start() hands the AuthnRequest's ID to the cache provider (the broker records it for InResponseTo)", async () => {
    const saved: string[] = [];
    const withCache = createSamlIdentityProvider(idp, sp, {
      saveAsync: async (key, value) => (saved.push(key), { value, createdAt: 0 }),
      getAsync: async () => null,
      removeAsync: async () => null,
    });
    const s = (await withCache.start({})) as { url: string };
    const request = inflateRawSync(Buffer.from(new URL(s.url).searchParams.get('SAMLRequest')!, 'base64')).toString();
    assert.deepEqual(saved, [/ID="([^"]+)"/.exec(request)![1]]);
  });
});
