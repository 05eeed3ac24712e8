// Verifies the XML signature of a samlp:Response or saml:Assertion on the document the broker already parsed,
// with xml-crypto's own algorithm classes (its canonicalizations, digests and signature algorithms, from the
// registries a SignedXml carries) but none of its whole-document XPath searches or re-parsing: the signed element
// is found once, canonicalized and digested once, and SignedInfo is canonicalized once and checked against each
// certificate of the provider until one verifies.
// Resists signature wrapping: the Signature must be a direct child of the element it signs and have exactly one
// Reference, whose URI is that element's ID; no other element of the document carries that id (in an ID, Id or
// id attribute, as xml-crypto counts); the Reference's transforms are the enveloped-signature transform and one
// canonicalization, and comments are discarded (a same-document reference). The element returned is the one
// verified, and the only one the callers read. KeyInfo in the message is ignored.
import { createPublicKey, timingSafeEqual, type KeyObject } from 'node:crypto';
import { SignedXml, type CanonicalizationOrTransformationAlgorithm, type NamespacePrefix } from 'xml-crypto';
import { AwsError } from '../../contracts/errors.ts';
import { attr, children, NS, onlyChild, text } from './dom.ts';

export const SIGNATURE_INVALID = 'Response signature invalid';

const invalid = (cause?: unknown) => new AwsError('InvalidIdentityToken', SIGNATURE_INVALID, cause ? { cause } : undefined);

/** xml-crypto's algorithm registries (documented as the place to look algorithms up and add new ones). */
const REGISTRY = new SignedXml();
const ENVELOPED = 'http://www.w3.org/2000/09/xmldsig#enveloped-signature';
const INCLUSIVE_C14N = 'http://www.w3.org/TR/2001/REC-xml-c14n-20010315';
const CANONICALIZATIONS = new Set([INCLUSIVE_C14N, `${INCLUSIVE_C14N}#WithComments`, 'http://www.w3.org/2001/10/xml-exc-c14n#', 'http://www.w3.org/2001/10/xml-exc-c14n#WithComments']);

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
 * Verifies `signature` (a child of `element`) against the certificates (base64 DER). Returns `element` itself,
 * now known to be what the IdP signed; throws InvalidIdentityToken otherwise.
 */
export function verifySignedElement(element: Element, signature: Element, certificates: readonly string[]): Element {
  let ok = false;
  try {
    const signedInfo = checkReference(element, signature);
    const canonicalSignedInfo = canonicalize(signedInfo, algorithm(attr(onlyChild(signedInfo, NS.dsig, 'CanonicalizationMethod'), 'Algorithm')), { signature, discardComments: false });
    const method = attr(onlyChild(signedInfo, NS.dsig, 'SignatureMethod'), 'Algorithm');
    const Signer = registered(REGISTRY.SignatureAlgorithms, method);
    const value = (text(onlyChild(signature, NS.dsig, 'SignatureValue')) ?? '').replace(/\s+/g, '');
    if (!Signer || !value) throw invalid();
    const signer = new Signer();
    // As before with one SignedXml per certificate: a certificate that cannot be used is skipped.
    ok = certificates.some((cert) => {
      try {
        return signer.verifySignature(canonicalSignedInfo, publicKey(cert, method!), value);
      } catch {
        return false;
      }
    });
  } catch (err) {
    throw err instanceof AwsError ? err : invalid(err);
  }
  if (!ok) throw invalid();
  return element;
}

/** Checks the one Reference (URI, uniqueness of the id, transforms) and its digest; returns SignedInfo. */
function checkReference(element: Element, signature: Element): Element {
  const id = element.getAttribute('ID');
  const signedInfo = onlyChild(signature, NS.dsig, 'SignedInfo');
  if (!id || signature.parentNode !== element || !signedInfo) throw invalid();
  const refs = children(signedInfo, NS.dsig, 'Reference');
  if (refs.length !== 1 || refs[0].getAttribute('URI') !== `#${id}`) throw invalid();
  if (elementsWithId(element.ownerDocument, id) !== 1) throw invalid();

  const ref = refs[0];
  const transformsEl = onlyChild(ref, NS.dsig, 'Transforms');
  const transforms = transformsEl ? children(transformsEl, NS.dsig, 'Transform') : [];
  const names = transforms.map((t) => attr(t, 'Algorithm') ?? '');
  // As xml-crypto: no transform, or enveloped-signature last, means inclusive C14N after it.
  if (names.length === 0 || names[names.length - 1] === ENVELOPED) names.push(INCLUSIVE_C14N);
  const enveloped = names.length === 2 && names[0] === ENVELOPED;
  if (!(names.length === 1 || enveloped) || !CANONICALIZATIONS.has(names[names.length - 1])) throw invalid();
  const last = transforms[transforms.length - 1];
  // As xml-crypto: InclusiveNamespaces (in any namespace) of the last Transform.
  const prefixes = last ? childElements(last).filter((e) => e.localName === 'InclusiveNamespaces').flatMap((e) => (e.getAttribute('PrefixList') ?? '').split(' ').filter((p) => p)) : [];

  const canonical = canonicalize(element, algorithm(names[names.length - 1]), { signature, discardComments: true, removeSignature: enveloped, inclusiveNamespacesPrefixList: prefixes });
  const digestMethod = attr(onlyChild(ref, NS.dsig, 'DigestMethod'), 'Algorithm');
  const Hash = registered(REGISTRY.HashAlgorithms, digestMethod);
  if (!Hash) throw invalid();
  const computed = Buffer.from(new Hash().getHash(canonical), 'base64');
  const claimed = Buffer.from(text(onlyChild(ref, NS.dsig, 'DigestValue')) ?? '', 'base64');
  if (computed.length !== claimed.length || !timingSafeEqual(computed, claimed)) throw invalid();
  return signedInfo;
}

function algorithm(name: string | undefined): CanonicalizationOrTransformationAlgorithm {
  const Algorithm = name !== undefined && CANONICALIZATIONS.has(name) ? registered(REGISTRY.CanonicalizationAlgorithms, name) : undefined;
  if (!Algorithm) throw invalid();
  return new Algorithm();
}

/** xml-crypto's RSA-PSS class takes the key as PEM text only; the others take a parsed key (no certificate parsing per call). */
const PEM_ONLY = new Set(['http://www.w3.org/2007/05/xmldsig-more#sha256-rsa-MGF1']);
const keys = new Map<string, KeyObject>();

function publicKey(base64Der: string, method: string): KeyObject | string {
  if (PEM_ONLY.has(method)) return certificatePem(base64Der);
  let key = keys.get(base64Der);
  if (!key) {
    if (keys.size >= 1000) keys.clear(); // certificates come from provider metadata: few, and rarely changed
    key = createPublicKey(certificatePem(base64Der));
    keys.set(base64Der, key);
  }
  return key;
}

const registered = <T>(table: Record<string, T>, name: string | undefined): T | undefined => (name !== undefined && Object.hasOwn(table, name) ? table[name] : undefined);

const childElements = (e: Element): Element[] => Array.from(e.childNodes).filter((n): n is Element => n.nodeType === 1);

/** Elements of the document with an ID, Id or id attribute (any namespace) equal to `id`; counts up to 2. */
function elementsWithId(doc: Document, id: string): number {
  let count = 0;
  const visit = (e: Element): void => {
    for (let i = 0; i < e.attributes.length && count < 2; i++) {
      const a = e.attributes[i];
      if ((a.localName === 'ID' || a.localName === 'Id' || a.localName === 'id') && a.value === id) count++;
    }
    for (let n = e.firstChild; n && count < 2; n = n.nextSibling) if (n.nodeType === 1) visit(n as Element);
  };
  visit(doc.documentElement!);
  return count;
}

/** The namespaces declared on the ancestors of `e` and in scope there, that `e` does not declare itself. */
function ancestorNamespaces(e: Element): NamespacePrefix[] {
  const own = new Set([e.prefix ?? '']);
  for (let i = 0; i < e.attributes.length; i++) {
    const n = e.attributes[i].nodeName;
    if (n === 'xmlns' || n.startsWith('xmlns:')) own.add(n.slice(6));
  }
  const seen = new Set<string>();
  const out: NamespacePrefix[] = [];
  for (let p = e.parentNode; p && p.nodeType === 1; p = p.parentNode) {
    const attrs = (p as Element).attributes;
    for (let i = 0; i < attrs.length; i++) {
      const n = attrs[i].nodeName;
      if (n !== 'xmlns' && !n.startsWith('xmlns:')) continue;
      const prefix = n.slice(6);
      if (seen.has(prefix)) continue;
      seen.add(prefix);
      if (attrs[i].nodeValue && !own.has(prefix)) out.push({ prefix, namespaceURI: attrs[i].nodeValue! });
    }
  }
  return out;
}

/**
 * xml-crypto's canonicalization of a node as its SignedXml does it (comments dropped for a same-document
 * reference, the enveloped Signature removed), without locating the node again by XPath. SignedXml works on a
 * deep copy; so does this when there are comments to drop or the canonicalization could change the node (an
 * InclusiveNamespaces list); otherwise the enveloped Signature is set aside for the moment of the
 * canonicalization and the node rendered as it is (xmldom's deep copy costs more than the canonicalization).
 */
function canonicalize(
  node: Element,
  c14n: CanonicalizationOrTransformationAlgorithm,
  o: { signature: Element; discardComments: boolean; removeSignature?: boolean; inclusiveNamespacesPrefixList?: string[] },
): string {
  const options = {
    ancestorNamespaces: ancestorNamespaces(node),
    defaultNsForPrefix: SignedXml.defaultNsForPrefix,
    ...(o.inclusiveNamespacesPrefixList ? { inclusiveNamespacesPrefixList: o.inclusiveNamespacesPrefixList } : {}),
  };
  const index = o.signature.parentNode === node ? (Array.prototype.indexOf.call(node.childNodes, o.signature) as number) : -1;
  const inPlace = (!o.removeSignature || index >= 0) && !(o.discardComments && hasComment(node)) && !mayDeclareNamespaces(node, o.inclusiveNamespacesPrefixList);
  if (inPlace) {
    const removed = o.removeSignature ? o.signature : undefined;
    const next = removed?.nextSibling ?? null;
    if (removed) node.removeChild(removed);
    try {
      return c14n.process(node, { ...options, signatureNode: removed ? null : o.signature }).toString();
    } finally {
      if (removed) node.insertBefore(removed, next);
    }
  }
  const copy = node.cloneNode(true) as Element;
  const signatureCopy = index >= 0 ? copy.childNodes[index] : null; // same position under the copy
  if (o.removeSignature && signatureCopy) copy.removeChild(signatureCopy);
  if (o.discardComments) dropComments(copy);
  return c14n.process(copy, { ...options, signatureNode: signatureCopy }).toString();
}

/** Whether exclusive canonicalization may add namespace declarations to the node (an InclusiveNamespaces list). */
function mayDeclareNamespaces(node: Element, prefixes: string[] | undefined): boolean {
  if (prefixes?.length) return true;
  return childElements(node).some((e) => e.localName === 'CanonicalizationMethod' && childElements(e).some((i) => i.localName === 'InclusiveNamespaces'));
}

function hasComment(e: Node): boolean {
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 8 || (n.nodeType === 1 && hasComment(n))) return true;
  return false;
}

function dropComments(e: Node): void {
  for (let n = e.firstChild; n; ) {
    const next = n.nextSibling;
    if (n.nodeType === 8) e.removeChild(n);
    else if (n.nodeType === 1) dropComments(n);
    n = next;
  }
}
