// Reads what IAM needs from SAML 2.0 IdP metadata: entity id, signing certificates, SSO URLs, validUntil.
import { XMLParser, XMLValidator } from 'fast-xml-parser';

export interface SamlIdpMetadata {
  entityId: string;
  signingCertificates: string[]; // base64 DER
  ssoUrls: Array<{ binding: string; location: string }>;
  validUntil?: string;
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '@', removeNSPrefix: true, isArray: (name) => ['EntityDescriptor', 'IDPSSODescriptor', 'KeyDescriptor', 'SingleSignOnService', 'X509Certificate'].includes(name) });

type Node = Record<string, unknown>;
const arr = (v: unknown): Node[] => (Array.isArray(v) ? (v as Node[]) : v ? [v as Node] : []);

/** Parses IdP metadata; throws an Error whose message says what is wrong. */
export function parseSamlMetadata(xml: string): SamlIdpMetadata {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML (line ${valid.err.line}: ${valid.err.msg})`);
  if (/<!DOCTYPE/i.test(xml)) throw new Error('DOCTYPE declarations are not allowed');
  const doc = parser.parse(xml) as Node;
  const root = (doc.EntitiesDescriptor as Node | undefined)?.EntityDescriptor ?? doc.EntityDescriptor;
  const entity = arr(root).find((e) => arr(e.IDPSSODescriptor).length > 0);
  if (!entity) throw new Error('no EntityDescriptor with an IDPSSODescriptor');
  const entityId = entity['@entityID'];
  if (typeof entityId !== 'string' || !entityId) throw new Error('EntityDescriptor has no entityID');
  const idp = arr(entity.IDPSSODescriptor)[0];
  const signingCertificates: string[] = [];
  for (const kd of arr(idp.KeyDescriptor)) {
    const use = kd['@use'];
    if (use !== undefined && use !== 'signing') continue;
    for (const c of arr(((kd.KeyInfo as Node | undefined)?.X509Data as Node | undefined)?.X509Certificate)) {
      const text = (typeof c === 'string' ? c : String((c as Node)['#text'] ?? '')).replace(/\s+/g, '');
      if (text) signingCertificates.push(text);
    }
  }
  if (signingCertificates.length === 0) throw new Error('IDPSSODescriptor has no signing certificate');
  const ssoUrls = arr(idp.SingleSignOnService).map((s) => ({ binding: String(s['@Binding'] ?? ''), location: String(s['@Location'] ?? '') }));
  const validUntil = (entity['@validUntil'] as string | undefined) ?? ((doc.EntitiesDescriptor as Node | undefined)?.['@validUntil'] as string | undefined);
  return { entityId, signingCertificates, ssoUrls, validUntil };
}
