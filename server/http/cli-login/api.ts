// The command line's side of `idbroker login` (OAuth 2.0 token-endpoint style, JSON, never cached):
//   POST /cli/par     redirect_uri, state, code_challenge, code_challenge_method=S256 [role, duration, provider,
//                     client_host]                            → 201 request_uri, expires_in, request_code,
//                                                               authorization_uri (RFC 9126 pushed request)
//   POST /cli/device  [role, duration, client_host]           → device_code, user_code, verification_uri, …
//   POST /cli/token   grant_type=authorization_code, code, code_verifier, redirect_uri
//                     grant_type=urn:ietf:params:oauth:grant-type:device_code, device_code
// Errors are RFC 6749 §5.2 / RFC 8628 §3.5 JSON: { error, error_description }, status 400.
import type { Context } from 'koa';
import { readBody } from '../read-body.ts';
import { type CliLogins, POLL_INTERVAL_S, REQUEST_URI_PREFIX } from './requests.ts';

const FORM_LIMIT = 8 * 1024;
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
const STATE = /^[\w.~-]{16,256}$/;
const CHALLENGE = /^[\w-]{43}$/;
/** A host name as `hostname` prints it (letters, digits, . - _), shown on the approval page. */
const HOST = /^[\w.-]{1,253}$/;

/** RFC 8252 §7.3: only a loopback IP literal over http, with a port; no user info, no fragment. */
export function loopbackRedirect(raw: string | null | undefined): string | undefined {
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

/** The optional hints both flows take: role, duration, client_host; or the error to answer. */
function hints(f: URLSearchParams): { roleArn?: string; duration?: number; clientHost?: string } | string {
  const duration = f.get('duration') ? Number(f.get('duration')) : undefined;
  if (duration !== undefined && (!Number.isInteger(duration) || duration < 900 || duration > 43200)) return 'duration must be 900 to 43200 seconds.';
  const role = f.get('role') ?? undefined;
  if (role && role.length > 2048) return 'role is too long.';
  const host = f.get('client_host') ?? undefined;
  if (host && !HOST.test(host)) return 'client_host must be a host name (letters, digits, . - _; at most 253).';
  return { ...(role ? { roleArn: role } : {}), ...(duration ? { duration } : {}), ...(host ? { clientHost: host } : {}) };
}

function json(ctx: Context, status: number, body: unknown): void {
  ctx.status = status;
  ctx.type = 'application/json';
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Pragma', 'no-cache');
  ctx.body = JSON.stringify(body);
}

const oauthError = (ctx: Context, error: string, description: string) => json(ctx, 400, { error, error_description: description });

async function form(ctx: Context): Promise<URLSearchParams | undefined> {
  if (!ctx.is('application/x-www-form-urlencoded')) return undefined;
  return new URLSearchParams((await readBody(ctx.req, FORM_LIMIT)).toString('utf8'));
}

export function cliApi(logins: CliLogins, publicUrl: () => string) {
  return {
    /**
     * RFC 9126: the loopback login's parameters go over this back channel, never through the browser: the
     * browser's URL (visible to other local users in `ps`) carries only the public request id.
     */
    async par(ctx: Context) {
      const f = await form(ctx).catch(() => undefined);
      if (!f) return oauthError(ctx, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded (at most 8 KiB).');
      const redirectUri = loopbackRedirect(f.get('redirect_uri'));
      if (!redirectUri) return oauthError(ctx, 'invalid_request', 'redirect_uri must be http://127.0.0.1:PORT/… (a loopback address with a port).');
      const state = f.get('state');
      if (!state || !STATE.test(state)) return oauthError(ctx, 'invalid_request', 'state is missing or malformed.');
      const challenge = f.get('code_challenge');
      if (f.get('code_challenge_method') !== 'S256' || !challenge || !CHALLENGE.test(challenge)) return oauthError(ctx, 'invalid_request', 'A PKCE code_challenge with code_challenge_method=S256 is required.');
      const h = hints(f);
      if (typeof h === 'string') return oauthError(ctx, 'invalid_request', h);
      const provider = f.get('provider') ?? undefined;
      if (provider && !/^[\w.-]{1,128}$/.test(provider)) return oauthError(ctx, 'invalid_request', 'provider must be a provider name.');
      const { requestId, requestCode, expiresIn } = await logins.startLoopback({ redirectUri, state, challenge, ...h, ...(provider ? { provider } : {}), clientIp: ctx.ip });
      const requestUri = `${REQUEST_URI_PREFIX}${requestId}`;
      json(ctx, 201, {
        request_uri: requestUri,
        expires_in: expiresIn,
        request_code: requestCode,
        authorization_uri: `${publicUrl()}/cli/login?${new URLSearchParams({ request_uri: requestUri })}`,
      });
    },

    async device(ctx: Context) {
      const f = await form(ctx).catch(() => undefined);
      if (!f) return oauthError(ctx, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded (at most 8 KiB).');
      const h = hints(f);
      if (typeof h === 'string') return oauthError(ctx, 'invalid_request', h);
      const { deviceCode, userCode, expiresIn } = await logins.startDevice({ ...h, clientIp: ctx.ip });
      const verification = `${publicUrl()}/device`;
      json(ctx, 200, {
        device_code: deviceCode,
        user_code: userCode,
        verification_uri: verification,
        verification_uri_complete: `${verification}?user_code=${userCode}`,
        expires_in: expiresIn,
        interval: POLL_INTERVAL_S,
      });
    },

    async token(ctx: Context) {
      const f = await form(ctx).catch(() => undefined);
      if (!f) return oauthError(ctx, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded (at most 8 KiB).');
      const grant = f.get('grant_type');
      const r =
        grant === 'authorization_code'
          ? await logins.exchangeCode(f.get('code') ?? '', f.get('code_verifier') ?? '', f.get('redirect_uri') ?? '')
          : grant === DEVICE_GRANT
            ? await logins.pollDevice(f.get('device_code') ?? '')
            : undefined;
      if (!r) return oauthError(ctx, 'unsupported_grant_type', `grant_type must be authorization_code or ${DEVICE_GRANT}.`);
      if (!r.ok) return oauthError(ctx, r.error, r.description);
      json(ctx, 200, r.credentials);
    },
  };
}
