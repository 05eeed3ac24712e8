// A SAML 2.0 IdP's browser login start (a LoginStarter): the AuthnRequest, HTTP-Redirect through passport and the
// @node-saml/passport-saml Strategy (./passport-start.ts), HTTP-POST as a form of our own (the Strategy's would need
// an inline script); signed when the SP has a key and signRequests; each request's ID given to the cache provider.
// Responses are not validated here: the broker's ACS validates them with server/sts/saml/, the one SAML validator,
// which AssumeRoleWithSAML shares.
import { SAML, ValidateInResponseTo, type CacheProvider } from '@node-saml/node-saml';
import { passportLoginRedirect } from './passport-start.ts';
import type { LoginStart, LoginStarter } from '../../../server/contracts/identity.ts';
import type { SamlIdpSettings, SamlSpSettings } from '../../../server/contracts/login-providers.ts';

export type { SamlIdpSettings, SamlSpSettings };

const pem = (c: string) => (c.includes('BEGIN CERTIFICATE') ? c : `-----BEGIN CERTIFICATE-----\n${c.replace(/\s+/g, '').replace(/(.{64})/g, '$1\n').trim()}\n-----END CERTIFICATE-----\n`);

export function samlNodeOptions(idp: SamlIdpSettings, sp: SamlSpSettings, cacheProvider?: CacheProvider) {
  return {
    issuer: sp.entityId,
    callbackUrl: sp.acsUrl,
    audience: sp.entityId,
    entryPoint: idp.ssoUrl,
    authnRequestBinding: idp.binding === 'post' ? 'HTTP-POST' : 'HTTP-Redirect',
    skipRequestCompression: idp.binding === 'post', // the POST binding carries the request base64, not deflated
    idpIssuer: idp.idpEntityId,
    idpCert: idp.idpCertificates.map(pem),
    validateInResponseTo: ValidateInResponseTo.ifPresent, // the request ID goes to the cache provider
    ...(cacheProvider ? { cacheProvider } : {}),
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    ...(sp.privateKey ? { decryptionPvk: sp.privateKey } : {}),
    ...(sp.privateKey && sp.signRequests ? { privateKey: sp.privateKey, signatureAlgorithm: 'sha256' as const } : {}),
  };
}

export function createSamlIdentityProvider(idp: SamlIdpSettings, sp: SamlSpSettings, cacheProvider?: CacheProvider): LoginStarter {
  const options = samlNodeOptions(idp, sp, cacheProvider);
  const saml = new SAML(options);
  const redirect = passportLoginRedirect(options);
  return {
    kind: 'saml',
    name: idp.name,
    async start(req): Promise<LoginStart> {
      if (idp.binding === 'post') {
        const fields = (await saml.getAuthorizeMessageAsync(req.relayState ?? '', undefined, {})) as Record<string, string>;
        return { kind: 'form', url: idp.ssoUrl, fields: Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== '')) };
      }
      return { kind: 'redirect', url: await redirect(req.relayState ?? '') };
    },
  };
}
