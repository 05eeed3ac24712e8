// GET /saml/metadata: the SP metadata an administrator registers in Okta, Entra ID or Keycloak.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { parseSamlMetadata } from '../../../server/iam/saml-metadata.ts';

let b: TestBroker;
before(async () => {
  b = await startTestBroker();
});
after(async () => b.destroy());

it('publishes the entity id, the HTTP-POST ACS and the signing/encryption certificate', async () => {
  const res = await fetch(`${b.httpUrl}/saml/metadata`);
  assert.equal(res.status, 200);
  assert.match(res.headers.get('content-type') ?? '', /application\/samlmetadata\+xml/);
  const xml = await res.text();
  assert.match(xml, new RegExp(`entityID="${b.publicUrl}/saml/metadata"`));
  assert.match(xml, new RegExp(`Binding="urn:oasis:names:tc:SAML:2\\.0:bindings:HTTP-POST"[^>]*Location="${b.publicUrl}/saml/acs"|Location="${b.publicUrl}/saml/acs"[^>]*Binding="urn:oasis:names:tc:SAML:2\\.0:bindings:HTTP-POST"`));
  assert.match(xml, /<(ds:)?X509Certificate>[A-Za-z0-9+/=\s]{200,}<\/(ds:)?X509Certificate>/);
  assert.throws(() => parseSamlMetadata(xml), /IDPSSODescriptor/); // it is SP metadata, not an IdP's
  // the same key pair on every request (kept in the store)
  const cert = (x: string) => /<(?:ds:)?X509Certificate>([^<]+)</.exec(x)?.[1];
  assert.equal(cert(await (await fetch(`${b.httpUrl}/saml/metadata`)).text()), cert(xml));
});
