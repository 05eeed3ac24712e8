// The fields of a trusted (already verified) saml:Assertion that AssumeRoleWithSAML and the browser login use.
import { attr, children, NS, onlyChild, text } from './dom.ts';

export interface SubjectConfirmation {
  method?: string;
  recipient?: string;
  notOnOrAfter?: string;
  notBefore?: string;
}

export interface AssertionFields {
  id: string;
  issuer?: string;
  nameId?: string;
  nameIdFormat?: string;
  confirmations: SubjectConfirmation[];
  notBefore?: string;
  notOnOrAfter?: string;
  /** One entry per AudienceRestriction (each lists its Audience values). */
  audienceRestrictions: string[][];
  sessionNotOnOrAfter?: string;
  authnInstant?: string;
  authnContextClassRef?: string;
  /** Attribute Name → values, in document order. */
  attributes: Map<string, string[]>;
}

export function readAssertion(a: Element): AssertionFields {
  const subject = onlyChild(a, NS.assertion, 'Subject');
  const nameIdEl = subject ? onlyChild(subject, NS.assertion, 'NameID') : undefined;
  const confirmations = (subject ? children(subject, NS.assertion, 'SubjectConfirmation') : []).map((sc) => {
    const d = onlyChild(sc, NS.assertion, 'SubjectConfirmationData');
    return { method: attr(sc, 'Method'), recipient: attr(d, 'Recipient'), notOnOrAfter: attr(d, 'NotOnOrAfter'), notBefore: attr(d, 'NotBefore') };
  });
  const conditions = onlyChild(a, NS.assertion, 'Conditions');
  const audienceRestrictions = (conditions ? children(conditions, NS.assertion, 'AudienceRestriction') : []).map((r) =>
    children(r, NS.assertion, 'Audience').map((e) => text(e) ?? ''),
  );
  const authn = children(a, NS.assertion, 'AuthnStatement')[0];
  const classRef = authn ? onlyChild(onlyChild(authn, NS.assertion, 'AuthnContext') ?? authn, NS.assertion, 'AuthnContextClassRef') : undefined;
  const attributes = new Map<string, string[]>();
  for (const st of children(a, NS.assertion, 'AttributeStatement')) {
    for (const at of children(st, NS.assertion, 'Attribute')) {
      const name = attr(at, 'Name');
      if (!name) continue;
      const values = children(at, NS.assertion, 'AttributeValue').map((v) => text(v) ?? '');
      attributes.set(name, [...(attributes.get(name) ?? []), ...values]);
    }
  }
  return {
    id: attr(a, 'ID') ?? '',
    issuer: text(onlyChild(a, NS.assertion, 'Issuer')),
    nameId: text(nameIdEl),
    nameIdFormat: attr(nameIdEl, 'Format'),
    confirmations,
    notBefore: attr(conditions, 'NotBefore'),
    notOnOrAfter: attr(conditions, 'NotOnOrAfter'),
    audienceRestrictions,
    sessionNotOnOrAfter: attr(authn, 'SessionNotOnOrAfter'),
    authnInstant: attr(authn, 'AuthnInstant'),
    authnContextClassRef: text(classRef),
    attributes,
  };
}
