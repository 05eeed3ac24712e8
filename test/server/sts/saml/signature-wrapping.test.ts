// The eight classic XML signature wrapping variants (XSW1–8, as SAML Raider builds them) and comment injection,
// applied to responses that samlify signed: each is refused with InvalidIdentityToken (the signature must be a
// direct child of the one Response/Assertion it references, no other element carries its id, and the element
// verified is the one read).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { NS } from '../../../../server/sts/saml/dom.ts';
import { openResponse } from '../../../../server/sts/saml/open-response.ts';
import { readAssertion } from '../../../../server/sts/saml/read-assertion.ts';
import { fixture, samlResponse } from './test-idp.ts';

const SP = { spEntityId: 'http://127.0.0.1:1/saml/metadata', acsUrl: 'http://127.0.0.1:1/saml/acs' };
const CERT = fixture('idp-cert.pem').replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');

type Mutation = (doc: Document, response: Element, assertion: Element) => void;

const byName = (e: Element, ns: string, n: string) => Array.from(e.getElementsByTagNameNS(ns, n));
const sigOf = (e: Element) => Array.from(e.childNodes).find((n) => (n as Element).localName === 'Signature') as Element;
function evilize(e: Element, id?: string): Element {
  if (id) e.setAttribute('ID', id);
  for (const n of byName(e, NS.assertion, 'NameID')) n.textContent = 'admin@example.test';
  return e;
}
const unsigned = (e: Element) => {
  const s = sigOf(e);
  if (s) e.removeChild(s);
  return e;
};

const XSW: Record<string, { signed: 'response' | 'assertion'; m: Mutation }> = {
  // Response signed: an evil Response carries the original signature; the original Response hides inside or beside it.
  XSW1: { signed: 'response', m: (doc, r) => {
    const orig = unsigned(r.cloneNode(true) as Element);
    evilize(r, '_evil');
    sigOf(r).appendChild(orig);
  } },
  XSW2: { signed: 'response', m: (doc, r) => {
    const orig = unsigned(r.cloneNode(true) as Element);
    evilize(r, '_evil');
    r.insertBefore(orig, sigOf(r));
  } },
  // Assertion signed.
  XSW3: { signed: 'assertion', m: (doc, r, a) => { r.insertBefore(evilize(unsigned(a.cloneNode(true) as Element), '_evil'), a); } },
  XSW4: { signed: 'assertion', m: (doc, r, a) => {
    const evil = evilize(unsigned(a.cloneNode(true) as Element), '_evil');
    r.replaceChild(evil, a);
    evil.appendChild(a);
  } },
  XSW5: { signed: 'assertion', m: (doc, r, a) => {
    const orig = unsigned(a.cloneNode(true) as Element);
    evilize(a);
    r.appendChild(orig);
  } },
  XSW6: { signed: 'assertion', m: (doc, r, a) => {
    const orig = unsigned(a.cloneNode(true) as Element);
    evilize(a, '_evil');
    sigOf(a).appendChild(orig);
  } },
  XSW7: { signed: 'assertion', m: (doc, r, a) => {
    const ext = doc.createElementNS(NS.protocol, 'samlp:Extensions');
    const evil = evilize(unsigned(a.cloneNode(true) as Element));
    r.replaceChild(evil, a);
    ext.appendChild(a);
    r.insertBefore(ext, evil);
  } },
  XSW8: { signed: 'assertion', m: (doc, r, a) => {
    const orig = unsigned(a.cloneNode(true) as Element);
    evilize(a);
    const obj = doc.createElementNS(NS.dsig, 'ds:Object');
    obj.appendChild(orig);
    sigOf(a).appendChild(obj);
  } },
};

async function attack(signed: 'response' | 'assertion', m: Mutation): Promise<string> {
  const b64 = await samlResponse({ ...SP, sign: signed });
  const doc = new DOMParser().parseFromString(Buffer.from(b64, 'base64').toString('utf8'), 'text/xml');
  const r = doc.documentElement!;
  m(doc, r, byName(r, NS.assertion, 'Assertion')[0]);
  return new XMLSerializer().serializeToString(doc);
}

async function outcome(xml: string): Promise<string> {
  try {
    const opened = await openResponse(xml, [CERT], undefined);
    return `accepted:${readAssertion(opened.assertion).nameId}`;
  } catch (err) {
    return `refused:${(err as { code?: string }).code}`;
  }
}

describe('XML signature wrapping', () => {
  it('the unmodified responses are accepted (the attacks below start from valid input)', async () => {
    for (const sign of ['response', 'assertion'] as const) assert.equal(await outcome(Buffer.from(await samlResponse({ ...SP, sign }), 'base64').toString()), 'accepted:alice@example.test');
  });
  for (const [name, { signed, m }] of Object.entries(XSW)) {
    it(`${name} (${signed} signed) is refused`, async () => {
      const r = await outcome(await attack(signed, m));
      assert.equal(r, 'refused:InvalidIdentityToken', name);
    });
  }
  it('comment injection in NameID after signing breaks the signature instead of truncating the name', async () => {
    const r = await outcome(await attack('assertion', (doc, _r, a) => {
      const n = byName(a, NS.assertion, 'NameID')[0];
      n.textContent = 'admin@example.test';
      n.appendChild(doc.createComment('x'));
      n.appendChild(doc.createTextNode('.alice@example.test'));
    }));
    assert.equal(r, 'refused:InvalidIdentityToken');
  });
  it('another element carrying the signed id (in an Id or id attribute too) is refused', async () => {
    for (const name of ['ID', 'Id', 'id']) {
      const r = await outcome(await attack('assertion', (doc, r, a) => {
        const ext = doc.createElementNS(NS.protocol, 'samlp:Extensions');
        ext.setAttribute(name, a.getAttribute('ID')!);
        r.insertBefore(ext, a);
      }));
      assert.equal(r, 'refused:InvalidIdentityToken', name);
    }
  });
  it('a Reference with other transforms, or a second Reference, is refused', async () => {
    const dsig = (doc: Document, a: Element) => byName(sigOf(a), NS.dsig, 'Transform');
    const extraTransform = await attack('assertion', (doc, _r, a) => {
      const t = dsig(doc, a)[1].cloneNode(true);
      dsig(doc, a)[1].parentNode!.appendChild(t); // exc-c14n twice
    });
    const secondRef = await attack('assertion', (doc, _r, a) => {
      const ref = byName(sigOf(a), NS.dsig, 'Reference')[0];
      ref.parentNode!.appendChild(ref.cloneNode(true));
    });
    for (const xml of [extraTransform, secondRef]) assert.equal(await outcome(xml), 'refused:InvalidIdentityToken');
  });
  it('comments an IdP left inside the signed assertion are not signed: accepted, and the value reads whole', async () => {
    const xml = await attack('assertion', (doc, _r, a) => {
      const n = byName(a, NS.assertion, 'NameID')[0];
      n.insertBefore(doc.createComment(' idp note '), n.lastChild);
      a.insertBefore(doc.createComment(' before the subject '), byName(a, NS.assertion, 'Subject')[0]);
    });
    assert.equal(await outcome(xml), 'accepted:alice@example.test');
  });
  it('verification leaves the document as it was parsed (the enveloped Signature back in place)', async () => {
    const xml = Buffer.from(await samlResponse({ ...SP, sign: 'assertion' }), 'base64').toString('utf8');
    const doc = new DOMParser().parseFromString(xml, 'text/xml');
    const before = new XMLSerializer().serializeToString(doc);
    await openResponse(doc, [CERT], undefined);
    assert.equal(new XMLSerializer().serializeToString(doc), before);
  });
});
