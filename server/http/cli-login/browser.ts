// The browser side of `idbroker login`: GET /cli/login (the approval page of a pushed loopback request) and
// POST /cli/login (approve or deny it, CSRF-checked), GET and POST /device (device start), and the two hooks
// the portal calls — which pending CLI sign-in this browser is completing, and handing the issued credentials
// to it instead of showing them. Mounted through the portal (same CSP, errors, cookies).
// GET changes nothing: a link to /cli/login (from anyone) only shows what asks; only the approval POST, with
// the token of this browser's login cookie (SameSite=Lax: never sent on a cross-site POST), attaches it.
import type { Context } from 'koa';
import { AwsError } from '../../contracts/errors.ts';
import type { KeyRing } from '../../keys/keyring.ts';
import { checkLoginCsrf, type CookieNames, loginCsrfToken, readCookie, readForm, setCookie } from '../portal/security.ts';
import { randomToken } from '../portal/sessions.ts';
import type { Viewer } from '../portal/pages.ts';
import { approvalPage, cliDonePage, continuePage, devicePage } from './pages.ts';
import type { CliCredentials } from '../../contracts/cli-login.ts';
import { type CliLogins, type PendingCliLogin, REQUEST_TTL_MS, REQUEST_URI_PREFIX } from './requests.ts';

export interface CliBrowserDeps {
  logins: CliLogins;
  keys: KeyRing;
  names: (ctx: Context) => CookieNames;
  /** Whether this browser already has a portal session. */
  signedIn: (ctx: Context) => Promise<boolean>;
  /** Where a provider name sends the browser to sign in (its SAML or OIDC login route), if it is one. */
  providerLoginPath: (name: string) => Promise<string | undefined>;
}

const LOGIN_COOKIE_SECONDS = 3600;

export const cliExpired = () =>
  new AwsError('ExpiredToken', 'This command-line sign-in has expired or was already completed. Run idbroker login again.');

const csrfRefused = () => new AwsError('AccessDenied', 'The form was refused: its CSRF token is missing or does not match. Reload the page and try again.');

/** The request id in `request_uri=urn:ietf:params:oauth:request_uri:ID`, or undefined. */
function requestIdOf(raw: string | null | undefined): string | undefined {
  return raw?.startsWith(REQUEST_URI_PREFIX) ? raw.slice(REQUEST_URI_PREFIX.length) : undefined;
}

/** The page's CSP also lets its forms end at the loopback origin (form-action governs redirects too). */
function allowFormTarget(ctx: Context, origin: string): void {
  const csp = ctx.response.get('Content-Security-Policy');
  if (csp) ctx.set('Content-Security-Policy', csp.replace("form-action 'self'", `form-action 'self' ${origin}`));
}

function render(ctx: Context, page: { text: string }, status = 200): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = page.text;
}

export function cliBrowser(d: CliBrowserDeps) {
  const remember = (ctx: Context, handle: string) => {
    const n = d.names(ctx);
    setCookie(ctx, n, n.cli, handle, REQUEST_TTL_MS / 1000);
  };
  const loginNonce = (ctx: Context): string => {
    const n = d.names(ctx);
    let nonce = readCookie(ctx, n.login);
    if (!nonce || !/^[\w-]{43}$/.test(nonce)) {
      nonce = randomToken();
      setCookie(ctx, n, n.login, nonce, LOGIN_COOKIE_SECONDS);
    }
    return nonce;
  };
  const onward = async (ctx: Context, provider?: string) => {
    if (await d.signedIn(ctx)) {
      ctx.status = 303;
      return ctx.redirect('/roles');
    }
    const path = provider && (await d.providerLoginPath(provider));
    if (!path) {
      ctx.status = 303;
      return ctx.redirect('/');
    }
    // not a redirect: the approval form's CSP (form-action) would block the provider's own redirect onward
    ctx.set('Refresh', `0; url=${path}`);
    render(ctx, continuePage(provider!, path));
  };

  return {
    /** GET /cli/login?request_uri=urn:ietf:params:oauth:request_uri:ID — shows what asks; changes nothing. */
    async approvalPage(ctx: Context) {
      const q = ctx.query as Record<string, string | undefined>;
      if (q.redirect_uri || q.code_challenge) {
        throw new AwsError('InvalidParameterValue', 'This sign-in link is from an older idbroker login, which the broker no longer accepts. Update idbroker and run idbroker login again.');
      }
      const id = requestIdOf(q.request_uri);
      const request = id ? await d.logins.describe(id) : undefined;
      if (!id || !request) throw cliExpired();
      allowFormTarget(ctx, request.redirectOrigin);
      render(ctx, approvalPage({ requestUri: q.request_uri!, csrf: loginCsrfToken(d.keys, loginNonce(ctx))!, request }));
    },

    /** POST /cli/login [csrf, request_uri, decision=approve|deny]: this browser completes the sign-in, or refuses it. */
    async approvalSubmit(ctx: Context) {
      const form = await readForm(ctx);
      const n = d.names(ctx);
      if (!checkLoginCsrf(d.keys, readCookie(ctx, n.login), form.get('csrf') ?? undefined)) throw csrfRefused();
      const id = requestIdOf(form.get('request_uri'));
      if (!id) throw cliExpired();
      const decision = form.get('decision');
      if (decision === 'deny') {
        const denied = await d.logins.denyLoopback(id);
        if (!denied) throw cliExpired();
        ctx.status = 303;
        return ctx.redirect(denied.redirect);
      }
      if (decision !== 'approve') throw new AwsError('ValidationError', 'decision must be approve or deny.');
      const r = await d.logins.approve(id, readCookie(ctx, n.cli));
      if (!r) throw cliExpired();
      if ('contested' in r) {
        // approved in another browser first: cancelled, and this browser takes the reason back to the command
        ctx.status = 303;
        return ctx.redirect(r.redirect);
      }
      remember(ctx, r.handle);
      await onward(ctx, r.provider);
    },

    /** GET /device[?user_code=…]: the form to enter the code the terminal shows. */
    async devicePage(ctx: Context) {
      const userCode = typeof ctx.query.user_code === 'string' ? ctx.query.user_code.slice(0, 9) : undefined;
      render(ctx, devicePage({ csrf: loginCsrfToken(d.keys, loginNonce(ctx))!, ...(userCode ? { userCode } : {}) }));
    },

    /** POST /device: a known, pending code → this browser completes that sign-in (after signing in if needed). */
    async deviceSubmit(ctx: Context) {
      const form = await readForm(ctx);
      if (!checkLoginCsrf(d.keys, readCookie(ctx, d.names(ctx).login), form.get('csrf') ?? undefined)) {
        throw new AwsError('AccessDenied', 'The form was refused: its CSRF token is missing or does not match. Reload the page and try again.');
      }
      const handle = await d.logins.handleForUserCode(form.get('user_code') ?? '');
      if (!handle) throw new AwsError('InvalidParameterValue', 'That code is unknown or has expired. Check the code in your terminal, or run idbroker login again.');
      remember(ctx, handle);
      await onward(ctx);
    },

    /**
     * The command-line sign-in this browser is completing, if any (the role list shows a banner). For a loopback
     * one, the page's CSP lets its forms end at the loopback address (form-action also governs redirects).
     */
    async pending(ctx: Context): Promise<PendingCliLogin | undefined> {
      const p = await d.logins.pending(readCookie(ctx, d.names(ctx).cli));
      if (p?.redirectOrigin) allowFormTarget(ctx, p.redirectOrigin);
      return p;
    },

    /** Instead of showing them, hands issued credentials to the waiting command line. */
    async complete(ctx: Context, pending: PendingCliLogin, credentials: CliCredentials, viewer: Viewer, roleName: string) {
      const done = await d.logins.complete(pending.handle, credentials);
      const n = d.names(ctx);
      setCookie(ctx, n, n.cli, '', 0);
      if (!done) throw cliExpired();
      if ('redirect' in done) {
        ctx.status = 303;
        return ctx.redirect(done.redirect);
      }
      render(ctx, cliDonePage(viewer, { roleName, ...(pending.userCode ? { userCode: pending.userCode } : {}) }));
    },
  };
}

export type CliBrowser = ReturnType<typeof cliBrowser>;
