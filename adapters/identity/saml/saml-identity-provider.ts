// A SAML 2.0 IdP as an IdentityProvider for browser logins: start() = AuthnRequest (HTTP-Redirect through passport
// and the @node-saml/passport-saml Strategy, ./passport-start.ts; HTTP-POST as a form of our own, since the
// Strategy's would need an inline script; signed when the SP has a key and signRequests), finish() = the POSTed SAMLResponse
// validated (signature on Response or Assertion, audience = our entity id, InResponseTo when present, clock skew,
// decryption). The broker's ACS route validates with server/sts/saml (shared with AssumeRoleWithSAML) instead.
import { SAML, ValidateInResponseTo, type CacheProvider, type Profile } from '@node-saml/node-saml';
import { passportLoginRedirect } from './passport-start.ts';
import { IdentityRejectedError, type IdentityProvider, type LoginStart, type VerifiedIdentity } from '../../../server/contracts/identity.ts';
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
    wantAssertionsSigned: false, // a signature on the Response or on the Assertion is enough (node-saml requires one)
    wantAuthnResponseSigned: false,
    acceptedClockSkewMs: 60_000,
    validateInResponseTo: ValidateInResponseTo.ifPresent, // IdP-initiated logins have none
    ...(cacheProvider ? { cacheProvider } : {}),
    identifierFormat: null,
    disableRequestedAuthnContext: true,
    ...(sp.privateKey ? { decryptionPvk: sp.privateKey } : {}),
    ...(sp.privateKey && sp.signRequests ? { privateKey: sp.privateKey, signatureAlgorithm: 'sha256' as const } : {}),
  };
}

function toIdentity(provider: string, p: Profile, relayState: string | undefined): VerifiedIdentity {
  const attributes: Record<string, string[]> = {};
  const raw = (p.attributes ?? {}) as Record<string, unknown>;
  for (const [k, v] of Object.entries(raw)) attributes[k] = (Array.isArray(v) ? v : [v]).map(String);
  return { provider, issuer: p.issuer, subject: p.nameID, subjectFormat: p.nameIDFormat, attributes, ...(relayState ? { relayState } : {}) };
}

export function createSamlIdentityProvider(idp: SamlIdpSettings, sp: SamlSpSettings, cacheProvider?: CacheProvider): IdentityProvider {
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
    async finish(req): Promise<VerifiedIdentity> {
      if (!req.params.SAMLResponse) throw new IdentityRejectedError('no SAMLResponse in the request');
      let profile: Profile | null;
      try {
        ({ profile } = await saml.validatePostResponseAsync({ SAMLResponse: req.params.SAMLResponse }));
      } catch (err) {
        throw new IdentityRejectedError(`SAML response refused: ${(err as Error).message}`, { cause: err });
      }
      if (!profile) throw new IdentityRejectedError('SAML response carries no login');
      return toIdentity(idp.name, profile, req.params.RelayState);
    },
  };
}
