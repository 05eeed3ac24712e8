// Finds the part of a samlp:Response that the IdP signed, with xml-crypto's verification, and returns only
// signed bytes: a Response signature covers the whole response, otherwise the Assertion must be signed.
// Resists signature wrapping: the Signature must be a direct child of the element it signs, have exactly one
// Reference whose URI is that element's ID (xml-crypto refuses duplicate IDs), and only the canonicalized
// bytes xml-crypto verified (getSignedReferences) are parsed afterwards. KeyInfo in the message is ignored.
import { SignedXml } from 'xml-crypto';
import { AwsError } from '../../contracts/errors.ts';
import { children, NS, onlyChild, parseXml } from './dom.ts';

export const SIGNATURE_INVALID = 'Response signature invalid';

const invalid = (cause?: unknown) => new AwsError('InvalidIdentityToken', SIGNATURE_INVALID, cause ? { cause } : undefined);

export function certificatePem(base64Der: string): string {
  const body = base64Der.replace(/\s+/g, '').replace(/(.{64})/g, '$1\n').replace(/\n$/, '');
  return `-----BEGIN CERTIFICATE-----\n${body}\n-----END CERTIFICATE-----\n`;
}

/** The Signature child of `element`, or undefined when the element carries none (more than one is refused). */
export function signatureOf(element: Element): Element | undefined {
  try {
    return onlyChild(element, NS.dsig, 'Signature');
  } catch (err) {
    throw invalid(err);
  }
}

/**
 * Verifies `signature` (a child of `element`, inside the document `docXml`) against the certificates
 * (base64 DER). Returns the signed element, re-parsed from the bytes that were verified.
 */
export function verifySignedElement(docXml: string, element: Element, signature: Element, certificates: readonly string[]): Element {
  const id = element.getAttribute('ID');
  if (!id) throw invalid();
  const signedInfo = onlyChild(signature, NS.dsig, 'SignedInfo');
  const refs = signedInfo ? children(signedInfo, NS.dsig, 'Reference') : [];
  if (refs.length !== 1 || refs[0].getAttribute('URI') !== `#${id}`) throw invalid();
  let lastError: unknown;
  for (const cert of certificates) {
    const sx = new SignedXml({ publicCert: certificatePem(cert), getCertFromKeyInfo: () => null });
    try {
      sx.loadSignature(signature);
      if (!sx.checkSignature(docXml)) continue;
    } catch (err) {
      lastError = err;
      continue;
    }
    const signed = sx.getSignedReferences();
    if (signed.length !== 1) throw invalid();
    const root = parseXml(signed[0]).documentElement!;
    if (root.namespaceURI !== element.namespaceURI || root.localName !== element.localName || root.getAttribute('ID') !== id) throw invalid();
    return root;
  }
  throw invalid(lastError);
}
