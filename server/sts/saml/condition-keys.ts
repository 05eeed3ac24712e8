// The saml:* condition keys a trust policy sees (IAM User Guide, SAML condition keys): from the assertion,
// except saml:doc. Multivalued keys are arrays; single-valued keys take the first value.
import type { ContextValue } from '../../policy/index.ts';

const EDU = 'urn:oid:1.3.6.1.4.1.5923.1.1.1.';
const ORG = 'urn:oid:1.3.6.1.4.1.5923.1.2.1.';
const CLAIMS = 'http://schemas.xmlsoap.org/ws/2005/05/identity/claims/';
const MS = 'http://schemas.microsoft.com/ws/2008/06/identity/claims/';

/** attribute Name → [key, multivalued] */
const KEYS: Record<string, [string, boolean]> = {
  [`${EDU}1`]: ['edupersonaffiliation', true],
  [`${EDU}2`]: ['edupersonnickname', true],
  [`${EDU}3`]: ['edupersonorgdn', false],
  [`${EDU}4`]: ['edupersonorgunitdn', true],
  [`${EDU}5`]: ['edupersonprimaryaffiliation', false],
  [`${EDU}6`]: ['edupersonprincipalname', false],
  [`${EDU}7`]: ['edupersonentitlement', true],
  [`${EDU}8`]: ['edupersonprimaryorgunitdn', false],
  [`${EDU}9`]: ['edupersonscopedaffiliation', true],
  [`${EDU}10`]: ['edupersontargetedid', true],
  [`${EDU}11`]: ['edupersonassurance', true],
  [`${ORG}2`]: ['eduorghomepageuri', true],
  [`${ORG}3`]: ['eduorgidentityauthnpolicyuri', true],
  [`${ORG}4`]: ['eduorglegalname', true],
  [`${ORG}5`]: ['eduorgsuperioruri', true],
  [`${ORG}6`]: ['eduorgwhitepagesuri', true],
  'urn:oid:2.5.4.3': ['cn', true],
  [`${CLAIMS}name`]: ['name', false],
  'http://schemas.xmlsoap.org/claims/CommonName': ['commonName', false],
  [`${CLAIMS}givenname`]: ['givenName', false],
  [`${CLAIMS}surname`]: ['surname', false],
  [`${CLAIMS}emailaddress`]: ['mail', false],
  [`${MS}primarygroupsid`]: ['uid', false],
  'urn:oid:2.5.4.4': ['surname', false],
  'urn:oid:2.5.4.42': ['givenName', false],
  'urn:oid:2.5.4.45': ['x500UniqueIdentifier', false],
  'urn:oid:0.9.2342.19200300100.1.1': ['uid', false],
  'urn:oid:0.9.2342.19200300100.1.3': ['mail', false],
  'urn:oid:0.9.2342.19200300.100.1.1': ['organizationStatus', false],
};

export interface SamlKeyInput {
  recipient: string;
  issuer: string;
  subject: string;
  subjectType: string;
  nameQualifier: string;
  doc: string;
  attributes: Map<string, string[]>;
}

export function samlConditionKeys(i: SamlKeyInput): Record<string, ContextValue> {
  const out: Record<string, ContextValue> = {
    'saml:aud': i.recipient,
    'saml:iss': i.issuer,
    'saml:sub': i.subject,
    'saml:sub_type': i.subjectType,
    'saml:namequalifier': i.nameQualifier,
    'saml:doc': i.doc,
  };
  for (const [name, values] of i.attributes) {
    const k = KEYS[name];
    if (!k || !values.length || out[`saml:${k[0]}`] !== undefined) continue; // one claim per key
    out[`saml:${k[0]}`] = k[1] ? values : values[0];
  }
  return out;
}
