// The browser side of `idbroker login`: GET /cli/login (loopback start), GET and POST /device (device start),
// and the two hooks the portal calls — which pending CLI sign-in this browser is completing, and handing the
// issued credentials to it instead of showing them. Mounted through the portal (same CSP, errors, cookies).
import type { Context } from 'koa';
import { AwsError } from '../../contracts/errors.ts';
import type { KeyRing } from '../../keys/keyring.ts';
import { checkLoginCsrf, type CookieNames, loginCsrfToken, readCookie, readForm, setCookie } from '../portal/security.ts';
import { randomToken } from '../portal/sessions.ts';
import type { Viewer } from '../portal/pages.ts';
import { cliDonePage, devicePage } from './pages.ts';
import { type CliCredentials, type CliLogins, type PendingCliLogin, REQUEST_TTL_MS } from './requests.ts';

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
const STATE = /^[\w.~-]{16,256}$/;
const CHALLENGE = /^[\w-]{43}$/;

export const cliExpired = () =>
  new AwsError('ExpiredToken', 'This command-line sign-in has expired or was already completed. Run idbroker login again.');

/** RFC 8252 §7.3: only a loopback IP literal over http, with a port; no user info, no fragment. */
export function loopbackRedirect(raw: string | undefined): string | undefined {
  if (!raw || raw.length > 512) return undefined;
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return undefined;
  }
  if (u.protocol !== 'http:' || !['127.0.0.1', '[::1]', 'localhost'].includes(u.hostname) || !u.port || u.username || u.password || u.hash) return undefined;
  return u.toString();
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
    ctx.status = 303;
    if (await d.signedIn(ctx)) return ctx.redirect('/roles');
    ctx.redirect((provider && (await d.providerLoginPath(provider))) || '/');
  };

  return {
    /** GET /cli/login?redirect_uri=http://127.0.0.1:PORT/…&state=…&code_challenge=…&code_challenge_method=S256[&role=ARN][&duration=S][&provider=NAME] */
    async startLoopback(ctx: Context) {
      const q = ctx.query as Record<string, string | undefined>;
      const redirectUri = loopbackRedirect(q.redirect_uri);
      if (!redirectUri) throw new AwsError('InvalidParameterValue', 'redirect_uri must be http://127.0.0.1:PORT/… (a loopback address with a port), as idbroker login sends it.');
      if (!q.state || !STATE.test(q.state)) throw new AwsError('InvalidParameterValue', 'state is missing or malformed.');
      if (q.code_challenge_method !== 'S256' || !q.code_challenge || !CHALLENGE.test(q.code_challenge)) {
        throw new AwsError('InvalidParameterValue', 'A PKCE code_challenge with code_challenge_method=S256 is required.');
      }
      const duration = q.duration === undefined ? undefined : Number(q.duration);
      if (duration !== undefined && (!Number.isInteger(duration) || duration < 900 || duration > 43200)) throw new AwsError('InvalidParameterValue', 'duration must be 900 to 43200 seconds.');
      const roleArn = q.role && q.role.length <= 2048 ? q.role : undefined;
      const handle = await d.logins.startLoopback({ redirectUri, state: q.state, challenge: q.code_challenge, ...(roleArn ? { roleArn } : {}), ...(duration ? { duration } : {}) });
      remember(ctx, handle);
      await onward(ctx, q.provider);
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
      const csp = ctx.response.get('Content-Security-Policy');
      if (p?.redirectOrigin && csp) ctx.set('Content-Security-Policy', csp.replace("form-action 'self'", `form-action 'self' ${p.redirectOrigin}`));
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
