// The command line's side of `idbroker login` (OAuth 2.0 token-endpoint style, JSON, never cached):
//   POST /cli/device  [role, duration]                       → device_code, user_code, verification_uri, …
//   POST /cli/token   grant_type=authorization_code, code, code_verifier, redirect_uri
//                     grant_type=urn:ietf:params:oauth:grant-type:device_code, device_code
// Errors are RFC 6749 §5.2 / RFC 8628 §3.5 JSON: { error, error_description }, status 400.
import type { Context } from 'koa';
import { readBody } from '../read-body.ts';
import { type CliLogins, POLL_INTERVAL_S } from './requests.ts';

const FORM_LIMIT = 8 * 1024;
export const DEVICE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';

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
    async device(ctx: Context) {
      const f = await form(ctx).catch(() => undefined);
      if (!f) return oauthError(ctx, 'invalid_request', 'Send the parameters as application/x-www-form-urlencoded (at most 8 KiB).');
      const duration = f.get('duration') ? Number(f.get('duration')) : undefined;
      if (duration !== undefined && (!Number.isInteger(duration) || duration < 900 || duration > 43200)) return oauthError(ctx, 'invalid_request', 'duration must be 900 to 43200 seconds.');
      const role = f.get('role') ?? undefined;
      if (role && role.length > 2048) return oauthError(ctx, 'invalid_request', 'role is too long.');
      const { deviceCode, userCode, expiresIn } = await logins.startDevice({ ...(role ? { roleArn: role } : {}), ...(duration ? { duration } : {}) });
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
