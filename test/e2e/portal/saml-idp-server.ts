// A SAML IdP with its own sign-in page, for the browser tests: samlify parses and verifies the broker's signed
// AuthnRequest (HTTP-Redirect), shows a page where the person enters a user name, and answers with a samlify-signed
// Response that the page POSTs to the broker's ACS (HTTP-POST binding), with InResponseTo and RelayState.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import samlify from 'samlify';
import { fixture, IDP_ENTITY, samlResponse } from '../../server/sts/saml/test-idp.ts';

export interface SamlIdpServer {
  url: string;
  metadata: string;
  close(): Promise<void>;
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** `attributes(user)`: the SAML attributes for the user who signs in. */
export async function startSamlIdp(o: { spMetadataUrl: () => string; attributes: (user: string) => Record<string, string[]> }): Promise<SamlIdpServer> {
  const server: Server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const sso = [{ Binding: samlify.Constants.namespace.binding.redirect, Location: `${url}/sso` }];
  const idp = samlify.IdentityProvider({ entityID: IDP_ENTITY, signingCert: fixture('idp-cert.pem'), privateKey: fixture('idp-key.pem'), wantAuthnRequestsSigned: true, singleSignOnService: sso, singleLogoutService: sso });

  server.on('request', (req, res) => {
    void (async () => {
      const u = new URL(req.url ?? '/', url);
      if (req.method === 'GET' && u.pathname === '/sso') {
        const sp = samlify.ServiceProvider({ metadata: await (await fetch(o.spMetadataUrl())).text() });
        const octetString = u.search.slice(1).split('&').filter((p) => !p.startsWith('Signature=')).join('&');
        const parsed = await idp.parseLoginRequest(sp, 'redirect', { query: Object.fromEntries(u.searchParams), octetString } as never);
        const r = (parsed.extract as { request: { id: string; assertionConsumerServiceUrl: string } }).request;
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<!doctype html><title>TestIdP sign-in</title><form method="post" action="/sso/login">
<input type="hidden" name="id" value="${esc(r.id)}"><input type="hidden" name="acs" value="${esc(r.assertionConsumerServiceUrl)}">
<input type="hidden" name="relay" value="${esc(u.searchParams.get('RelayState') ?? '')}">
<label for="user">IdP user name</label><input id="user" name="user"><button type="submit">Log in to TestIdP</button></form>`);
        return;
      }
      if (req.method === 'POST' && u.pathname === '/sso/login') {
        let body = '';
        for await (const c of req) body += String(c);
        const f = new URLSearchParams(body);
        const user = f.get('user') ?? '';
        const spEntityId = new URL(o.spMetadataUrl()).href;
        const response = await samlResponse({ acsUrl: f.get('acs')!, spEntityId, nameId: `${user}@example.test`, attributes: o.attributes(user), values: { InResponseTo: f.get('id')! } });
        res.setHeader('content-type', 'text/html; charset=utf-8');
        res.end(`<!doctype html><title>Returning to the broker</title><form method="post" action="${esc(f.get('acs')!)}">
<input type="hidden" name="SAMLResponse" value="${esc(response)}">${f.get('relay') ? `<input type="hidden" name="RelayState" value="${esc(f.get('relay')!)}">` : ''}
<noscript><button type="submit">Continue</button></noscript></form><script>document.forms[0].submit()</script>`);
        return;
      }
      res.statusCode = 404;
      res.end();
    })().catch((err: Error) => {
      res.statusCode = 400;
      res.end(`IdP error: ${err.message}`);
    });
  });

  return {
    url,
    metadata: idp.getMetadata(),
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
