// The SAML IdentityProvider adapter (browser login) on @node-saml: SP metadata, AuthnRequest redirect (signed),
// finish() with responses made and signed by samlify, and the Koa-shaped handlers over a real socket.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import Koa from 'koa';
import { storeCacheProvider } from '../../../../adapters/identity/saml/request-cache.ts';
import { openSqliteStore } from '../../../../adapters/store/sqlite/index.ts';
import { createSamlIdentityProvider, type SamlIdpSettings, type SamlSpSettings } from '../../../../adapters/identity/saml/saml-identity-provider.ts';
import { acsHandler, metadataHandler } from '../../../../adapters/identity/saml/koa-handlers.ts';
import { spMetadataXml } from '../../../../adapters/identity/saml/sp-metadata.ts';
import { IdentityRejectedError } from '../../../../server/contracts/identity.ts';
import { fixture, IDP_ENTITY, samlResponse } from '../../../server/sts/saml/test-idp.ts';

const certBody = (pem: string) => pem.replace(/-----[^-]+-----/g, '').replace(/\s+/g, '');
const sp: SamlSpSettings = { entityId: 'http://127.0.0.1:8080/saml/metadata', acsUrl: 'http://127.0.0.1:8080/saml/acs', privateKey: fixture('sp-key.pem'), certificate: fixture('sp-cert.pem'), signRequests: true };
const idp: SamlIdpSettings = { name: 'TestIdP', idpEntityId: IDP_ENTITY, idpCertificates: [certBody(fixture('idp-cert.pem'))], ssoUrl: 'https://idp.example.test/sso' };
const A = 'https://aws.amazon.com/SAML/Attributes/';
const respond = (o: Parameters<typeof samlResponse>[0] extends infer T ? Partial<T> : never = {}) =>
  samlResponse({ spEntityId: sp.entityId, acsUrl: sp.acsUrl, attributes: { [`${A}RoleSessionName`]: ['alice'], mail: ['alice@example.test'] }, ...o });

describe('SAML identity provider adapter', () => {
  const provider = createSamlIdentityProvider(idp, sp);

  it('publishes SP metadata with the entity id, an HTTP-POST ACS and the certificate', () => {
    const xml = spMetadataXml(sp);
    assert.match(xml, new RegExp(`entityID="${sp.entityId}"`));
    assert.match(xml, /Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST"/);
    assert.ok(xml.includes(`Location="${sp.acsUrl}"`));
    assert.ok(xml.includes(certBody(fixture('sp-cert.pem')).slice(0, 60)));
    assert.match(xml, /use="encryption"/);
  });

  it('start() redirects to the IdP with a signed AuthnRequest and the RelayState', async () => {
    const s = await provider.start({ relayState: 'r-123' });
    assert.equal(s.kind, 'redirect');
    const url = new URL((s as { url: string }).url);
    assert.equal(url.origin + url.pathname, idp.ssoUrl);
    assert.ok(url.searchParams.get('SAMLRequest'));
    assert.equal(url.searchParams.get('RelayState'), 'r-123');
    assert.ok(url.searchParams.get('Signature'));
    assert.match(url.searchParams.get('SigAlg') ?? '', /rsa-sha256/);
  });

  it('finish() accepts IdP-initiated responses signed on the Assertion, the Response, or encrypted', async () => {
    for (const o of [{}, { sign: 'response' as const }, { encryptTo: fixture('sp-cert.pem') }]) {
      const id = await provider.finish({ params: { SAMLResponse: await respond(o), RelayState: 'x' } });
      assert.equal(id.subject, 'alice@example.test');
      assert.equal(id.issuer, IDP_ENTITY);
      assert.equal(id.subjectFormat, 'urn:oasis:names:tc:SAML:2.0:nameid-format:persistent');
      assert.deepEqual(id.attributes[`${A}RoleSessionName`], ['alice']);
      assert.equal(id.relayState, 'x');
    }
  });

  it('finish() refuses a wrong key, a tampered response, a wrong audience, an expired one', async () => {
    const tamper = (b64: string) => Buffer.from(Buffer.from(b64, 'base64').toString().replace('>alice<', '>admin<')).toString('base64');
    const past = new Date(Date.now() - 600_000).toISOString();
    const bad = [
      await respond({ key: 'attacker' }),
      tamper(await respond()),
      await respond({ values: { Audience: 'urn:amazon:webservices' } }),
      await respond({ values: { ConditionsNotOnOrAfter: past, SubjectConfirmationDataNotOnOrAfter: past, ConditionsNotBefore: new Date(Date.now() - 900_000).toISOString() } }),
    ];
    const stripped = Buffer.from(Buffer.from(await respond(), 'base64').toString().replace(/<ds:Signature[\s\S]*?<\/ds:Signature>/g, '')).toString('base64');
    assert.doesNotMatch(Buffer.from(stripped, 'base64').toString(), /Signature/);
    bad.push(stripped);
    for (const r of bad) await assert.rejects(provider.finish({ params: { SAMLResponse: r } }), IdentityRejectedError);
    await assert.rejects(provider.finish({ params: {} }), IdentityRejectedError);
  });

  it('SP-initiated: InResponseTo must be an AuthnRequest id this SP issued (kept in the Store)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'saml-cache-'));
    const store = await openSqliteStore(join(dir, 'db.sqlite'));
    try {
      const withCache = createSamlIdentityProvider(idp, sp, storeCacheProvider(store));
      const s = (await withCache.start({})) as { url: string };
      const request = inflateRawSync(Buffer.from(new URL(s.url).searchParams.get('SAMLRequest')!, 'base64')).toString();
      const id = /ID="([^"]+)"/.exec(request)![1];
      // Another replica (a second provider object over the same store) finishes the login.
      const other = createSamlIdentityProvider(idp, sp, storeCacheProvider(store));
      assert.equal((await other.finish({ params: { SAMLResponse: await respond({ values: { InResponseTo: id } }) } })).subject, 'alice@example.test');
      await assert.rejects(other.finish({ params: { SAMLResponse: await respond({ values: { InResponseTo: '_never-issued' } }) } }), IdentityRejectedError);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  describe('handlers over HTTP', () => {
    let url: string;
    const server = createServer();
    const logins: string[] = [];
    before(async () => {
      const app = new Koa();
      const acs = acsHandler(async () => provider, async (ctx, id) => {
        logins.push(id.subject);
        ctx.body = `hello ${id.subject}`;
      });
      const meta = metadataHandler(() => spMetadataXml(sp));
      app.use(async (ctx) => {
        if (ctx.method === 'GET' && ctx.path === '/saml/metadata') return meta(ctx);
        if (ctx.method === 'POST' && ctx.path === '/saml/acs') {
          let raw = '';
          for await (const chunk of ctx.req) raw += chunk;
          (ctx.request as { body?: unknown }).body = Object.fromEntries(new URLSearchParams(raw));
          return acs(ctx);
        }
        ctx.status = 404;
      });
      server.on('request', app.callback());
      await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
      url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    });
    after(() => new Promise<void>((r) => server.close(() => r())));

    it('GET /saml/metadata serves the metadata; POST /saml/acs logs in or answers 403', async () => {
      const m = await fetch(`${url}/saml/metadata`);
      assert.equal(m.headers.get('content-type'), 'application/samlmetadata+xml');
      assert.match(await m.text(), /EntityDescriptor/);
      const ok = await fetch(`${url}/saml/acs`, { method: 'POST', body: new URLSearchParams({ SAMLResponse: await respond() }) });
      assert.equal(ok.status, 200);
      assert.equal(await ok.text(), 'hello alice@example.test');
      const no = await fetch(`${url}/saml/acs`, { method: 'POST', body: new URLSearchParams({ SAMLResponse: await respond({ key: 'attacker' }) }) });
      assert.equal(no.status, 403);
      assert.deepEqual(logins, ['alice@example.test']);
    });
  });
});
