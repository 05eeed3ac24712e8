// SAMLAssertion parameter → the trusted (signed, decrypted) Assertion element and the Response's own fields.
import { AwsError } from '../../contracts/errors.ts';
import { decryptAssertion } from './decrypt-assertion.ts';
import { attr, children, NS, onlyChild, parseXml, text } from './dom.ts';
import { signatureOf, SIGNATURE_INVALID, verifySignedElement } from './verify-signature.ts';

export interface OpenedResponse {
  assertion: Element;
  /** Response fields (from signed bytes when the Response was signed; used only to refuse otherwise). */
  destination?: string;
  responseIssuer?: string;
}

const token = (message: string, cause?: unknown) => new AwsError('InvalidIdentityToken', message, cause ? { cause } : undefined);

/** Strict standard base64 (whitespace allowed, as IdPs wrap lines) → UTF-8 text. */
export function decodeSamlParameter(b64: string): string {
  const compact = b64.replace(/[\r\n\t ]+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(compact) || compact.length % 4 !== 0 || compact.length === 0) throw token('Invalid base64 SAMLResponse (check that it is encoded correctly)');
  return Buffer.from(compact, 'base64').toString('utf8');
}

/** SP private key (PEM) for an EncryptedAssertion, or a function that reads it when one comes. */
export type SpPrivateKey = string | undefined | (() => Promise<string | undefined>);

/** The response as XML text, or as the Document parseResponse() made of it (so that it is parsed once). */
export async function openResponse(xml: string | Document, certificates: readonly string[], spPrivateKey: SpPrivateKey): Promise<OpenedResponse> {
  try {
    return await open(typeof xml === 'string' ? parseResponse(xml) : xml, certificates, spPrivateKey);
  } catch (err) {
    if (err instanceof AwsError) throw err;
    throw token(`Invalid SAML response: ${(err as Error).message}`, err);
  }
}

const SUCCESS = 'urn:oasis:names:tc:SAML:2.0:status:Success';

/** Parses the response text (strict, no DOCTYPE); its root must be a samlp:Response. */
export function parseResponse(xml: string): Document {
  let doc: Document;
  try {
    doc = parseXml(xml);
  } catch (err) {
    throw token(`Invalid SAML response: ${(err as Error).message}`, err);
  }
  const root = doc.documentElement!;
  if (root.namespaceURI !== NS.protocol || root.localName !== 'Response') throw token('Invalid SAML response: the root element is not a samlp:Response');
  return doc;
}

async function open(doc: Document, certificates: readonly string[], spPrivateKey: SpPrivateKey): Promise<OpenedResponse> {
  const root = doc.documentElement!;
  // 1. A Response signature covers everything inside it.
  const responseSig = signatureOf(root);
  const response = responseSig ? verifySignedElement(root, responseSig, certificates) : root;
  const responseSigned = responseSig !== undefined;
  const status = onlyChild(response, NS.protocol, 'Status');
  const statusCode = status ? attr(onlyChild(status, NS.protocol, 'StatusCode'), 'Value') : undefined;
  if (!statusCode) throw token('Invalid SAML response: no Status');
  if (statusCode !== SUCCESS) throw new AwsError('IDPRejectedClaim', `The identity provider answered with status ${statusCode}`);

  // 2. Exactly one (possibly encrypted) Assertion, a direct child of the Response.
  const plain = children(response, NS.assertion, 'Assertion');
  const encrypted = children(response, NS.assertion, 'EncryptedAssertion');
  if (plain.length + encrypted.length !== 1) throw token('Invalid SAML response: it must contain exactly one Assertion');
  let assertion: Element;
  if (encrypted.length) {
    const assertionDoc = await decryptAssertion(encrypted[0], typeof spPrivateKey === 'function' ? await spPrivateKey() : spPrivateKey);
    try {
      assertion = parseXml(assertionDoc).documentElement!;
    } catch (err) {
      throw token('Invalid SAML response: the decrypted assertion is not well-formed', err);
    }
    if (assertion.namespaceURI !== NS.assertion || assertion.localName !== 'Assertion') throw token('Invalid SAML response: EncryptedAssertion does not hold an Assertion');
  } else assertion = plain[0];

  // 3. Unless the whole Response was signed, the Assertion must carry its own valid signature.
  if (!responseSigned) {
    const sig = signatureOf(assertion);
    if (!sig) throw token(SIGNATURE_INVALID);
    assertion = verifySignedElement(assertion, sig, certificates);
  }
  return {
    assertion,
    destination: attr(response, 'Destination'), // only ever used to refuse, so an unsigned value is fine
    responseIssuer: text(onlyChild(response, NS.assertion, 'Issuer')),
  };
}
