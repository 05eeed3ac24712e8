// SAML browser logins:
//   GET  /saml/login/:provider  SP-initiated: a signed AuthnRequest to the IdP's SSO URL from its metadata
//                               (HTTP-Redirect, else HTTP-POST), its ID kept in the Store for the InResponseTo check
//   POST /saml/acs              the IdP's SAMLResponse (SP-initiated or IdP-initiated) → portal session
import type { Context } from 'koa';
import { AwsError } from '../../contracts/errors.ts';
import { parseSamlMetadata } from '../../iam/saml-metadata.ts';
import { verifySamlBrowserLogin } from '../../sts/saml/browser-login.ts';
import { spEndpoints } from '../../sts/saml/sp-endpoints.ts';
import { loadSpKeyPair } from '../../sts/saml/sp-key.ts';
import { readBody } from '../read-body.ts';
import type { LoginRouteDeps } from './deps.ts';
import { renderPostForm } from './post-form.ts';
import { samlProviderNamed } from './provider-lookup.ts';
import { safeRelayState } from './relay-state.ts';

const REDIRECT = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect';
const POST = 'urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST';
/** A SAMLResponse is at most 100,000 characters (as AssumeRoleWithSAML); the form adds RelayState. */
const ACS_BODY_LIMIT = 128 * 1024;

export function samlRoutes(d: LoginRouteDeps) {
  return {
    async login(ctx: Context, name: string) {
      const { data } = await samlProviderNamed(d.store, d.services.accounts ?? [], name, ctx.query.account as string | undefined);
      const metadata = parseSamlMetadata(data.metadata);
      const sso = metadata.ssoUrls.find((s) => s.binding === REDIRECT) ?? metadata.ssoUrls.find((s) => s.binding === POST);
      if (!sso) throw new AwsError('InvalidParameterValue', `The metadata of SAML provider ${name} has no HTTP-Redirect or HTTP-POST SingleSignOnService.`);
      const sp = await loadSpKeyPair(d.store, d.keys);
      const now = d.clock();
      const idp = d.saml(
        { name: data.name, idpEntityId: metadata.entityId, idpCertificates: metadata.signingCertificates, ssoUrl: sso.location, binding: sso.binding === POST ? 'post' : 'redirect' },
        // Signed always: the SP metadata promises AuthnRequestsSigned, whether or not the IdP asks (WantAuthnRequestsSigned).
        { ...spEndpoints(d.services.publicUrl), ...(sp ? { privateKey: sp.privateKey, certificate: sp.certificate, signRequests: true } : {}) },
        (id) => d.samlRequests.save(id, data.arn, now),
      );
      const start = await idp.start({ relayState: safeRelayState(ctx.query.next) });
      if (start.kind === 'redirect') {
        ctx.status = 302;
        ctx.redirect(start.url);
      } else renderPostForm(ctx, start.url, start.fields);
    },

    async acs(ctx: Context) {
      if (!ctx.is('application/x-www-form-urlencoded')) throw new AwsError('ValidationError', 'The SAML response must be posted as application/x-www-form-urlencoded (HTTP-POST binding).');
      const form = new URLSearchParams((await readBody(ctx.req, ACS_BODY_LIMIT)).toString('utf8'));
      const response = form.get('SAMLResponse');
      if (!response) throw new AwsError('MissingParameter', 'The request has no SAMLResponse.');
      const { identity } = await verifySamlBrowserLogin(
        { store: d.store, keys: d.keys, publicUrl: d.services.publicUrl, accounts: d.services.accounts ?? [], requests: d.samlRequests },
        response,
        d.clock(),
      );
      await d.signIn(ctx, identity);
      const next = safeRelayState(form.get('RelayState'));
      if (next) ctx.redirect(next);
    },
  };
}
