// Strict XML parsing (no DOCTYPE, errors are fatal) and namespace-aware element helpers for SAML documents.
import { DOMParser } from '@xmldom/xmldom';

export const NS = {
  protocol: 'urn:oasis:names:tc:SAML:2.0:protocol',
  assertion: 'urn:oasis:names:tc:SAML:2.0:assertion',
  dsig: 'http://www.w3.org/2000/09/xmldsig#',
  xenc: 'http://www.w3.org/2001/04/xmlenc#',
} as const;

/** Parses XML; throws an Error on anything not well-formed, and on DOCTYPE (entity expansion, XXE). */
export function parseXml(xml: string): Document {
  if (/<!DOCTYPE/i.test(xml)) throw new Error('DOCTYPE is not allowed');
  const fail = (msg: string) => {
    throw new Error(`not well-formed XML: ${msg}`);
  };
  const doc = new DOMParser({ errorHandler: { warning: () => {}, error: fail, fatalError: fail } }).parseFromString(xml, 'text/xml');
  if (!doc?.documentElement) throw new Error('not well-formed XML: no root element');
  return doc;
}

const isElement = (n: Node): n is Element => n.nodeType === 1;

/** The element children of `parent` with the given namespace and local name. */
export function children(parent: Element, ns: string, name: string): Element[] {
  const out: Element[] = [];
  for (let n = parent.firstChild; n; n = n.nextSibling) if (isElement(n) && n.namespaceURI === ns && n.localName === name) out.push(n);
  return out;
}

/** The single child with that name; undefined when absent; throws when repeated. */
export function onlyChild(parent: Element, ns: string, name: string): Element | undefined {
  const list = children(parent, ns, name);
  if (list.length > 1) throw new Error(`more than one ${name} in ${parent.localName}`);
  return list[0];
}

/** Text content of an element (comments are not text: in signed, canonicalized input there are none). */
export function text(e: Element | undefined): string | undefined {
  if (!e) return undefined;
  let s = '';
  for (let n = e.firstChild; n; n = n.nextSibling) if (n.nodeType === 3 || n.nodeType === 4) s += n.nodeValue ?? '';
  return s.trim();
}

export function attr(e: Element | undefined, name: string): string | undefined {
  if (!e || !e.hasAttribute(name)) return undefined;
  return e.getAttribute(name) ?? undefined;
}
