// The portal's defences: response headers (CSP with a per-response nonce, no framing, no referrer),
// cookies (__Host- prefixed and Secure behind HTTPS, HttpOnly, SameSite=Lax), form bodies, and the
// sign-in form's CSRF token (before there is a session: an HMAC, under a key-ring key, of a random
// value kept in a short-lived cookie; after sign-in every form carries the session's own token).
import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Context } from 'koa';
import { AwsError } from '../../contracts/errors.ts';
import type { KeyRing } from '../../keys/keyring.ts';
import { readBody } from '../read-body.ts';

export function securityHeaders(ctx: Context): string {
  const nonce = randomBytes(16).toString('base64');
  ctx.set('Content-Security-Policy', [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}'`,
    "style-src 'self'",
    "img-src 'self' data:",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join('; '));
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
  ctx.set('Cross-Origin-Resource-Policy', 'same-origin');
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Pragma', 'no-cache');
  return nonce;
}

export interface CookieNames {
  session: string;
  login: string;
  /** a pending `idbroker login` this browser is completing (server/http/cli-login) */
  cli: string;
  secure: boolean;
}

/** `__Host-` names and the Secure flag when the portal is reached over HTTPS. */
export function cookieNames(publicUrl: string, requestSecure: boolean): CookieNames {
  const secure = publicUrl.startsWith('https:') || requestSecure;
  return secure
    ? { session: '__Host-idbroker', login: '__Host-idbroker-login', cli: '__Host-idbroker-cli', secure }
    : { session: 'idbroker', login: 'idbroker-login', cli: 'idbroker-cli', secure };
}

export function readCookie(ctx: Context, name: string): string | undefined {
  for (const part of (ctx.get('Cookie') || '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** Appends a Set-Cookie; maxAge 0 deletes the cookie. Values are base64url, so never need quoting. */
export function setCookie(ctx: Context, names: CookieNames, name: string, value: string, maxAgeSeconds: number): void {
  const attrs = [`${name}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (names.secure) attrs.push('Secure');
  ctx.append('Set-Cookie', attrs.join('; '));
}

export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** The sign-in form's CSRF token for the login cookie's value: `kid.HMAC(k, value)` with k derived from the ring key. */
export function loginCsrfToken(keys: KeyRing, nonce: string, kid = keys.current.kid): string | undefined {
  const key = keys.byKid(kid);
  if (!key) return undefined;
  const k = Buffer.from(hkdfSync('sha256', key.secret, Buffer.alloc(0), 'idbroker portal-login-csrf', 32));
  return `${kid}.${createHmac('sha256', k).update(nonce).digest('base64url')}`;
}

export function checkLoginCsrf(keys: KeyRing, nonce: string | undefined, token: string | undefined): boolean {
  if (!nonce || !token) return false;
  const kid = token.slice(0, token.indexOf('.'));
  return kid.length > 0 && sameToken(loginCsrfToken(keys, nonce, kid), token);
}

const FORM_LIMIT = 16 * 1024;

/** Reads an application/x-www-form-urlencoded body (the only kind the portal accepts). */
export async function readForm(ctx: Context): Promise<URLSearchParams> {
  if (!ctx.is('application/x-www-form-urlencoded')) throw new AwsError('ValidationError', 'The form must be sent as application/x-www-form-urlencoded.');
  return new URLSearchParams((await readBody(ctx.req, FORM_LIMIT)).toString('utf8'));
}
