// The broker's SP metadata (entity id, HTTP-POST ACS, signing/encryption certificate), via @node-saml.
import { generateServiceProviderMetadata } from '@node-saml/node-saml';
import type { SamlSpSettings } from './saml-identity-provider.ts';

export function spMetadataXml(sp: SamlSpSettings): string {
  return generateServiceProviderMetadata({
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    identifierFormat: null,
    wantAssertionsSigned: true,
    // node-saml lists the encryption certificate only with the decryption key, the signing one only with the signing key.
    ...(sp.certificate && sp.privateKey ? { decryptionCert: sp.certificate, decryptionPvk: sp.privateKey } : {}),
    ...(sp.certificate && sp.privateKey && sp.signRequests ? { publicCerts: sp.certificate, privateKey: sp.privateKey } : {}),
  });
}
