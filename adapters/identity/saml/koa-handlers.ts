// HTTP handlers for the SAML SP endpoints, framework-light (they take Koa's ctx shape, no Koa import):
//   GET  /saml/metadata  → SP metadata XML
//   POST /saml/acs       → validates the SAMLResponse with the provider's IdentityProvider, then onLogin()
import type { IdentityProvider, VerifiedIdentity } from '../../../server/contracts/identity.ts';
import { IdentityRejectedError } from '../../../server/contracts/identity.ts';

interface Ctx {
  status: number;
  type: string;
  body: unknown;
  /** Parsed form body at request.body (Koa body parsers put it there). */
  request: object;
}

export function metadataHandler(xml: () => Promise<string> | string) {
  return async (ctx: Ctx): Promise<void> => {
    ctx.type = 'application/samlmetadata+xml';
    ctx.body = await xml();
  };
}

/**
 * `pick` chooses the provider for a response (e.g. by the Issuer the caller extracted, or a RelayState).
 * The form body must already be parsed into ctx.request.body (application/x-www-form-urlencoded).
 */
export function acsHandler(pick: (params: Record<string, string>) => Promise<IdentityProvider | undefined>, onLogin: (ctx: Ctx, id: VerifiedIdentity) => Promise<void>) {
  return async (ctx: Ctx): Promise<void> => {
    const params = Object.fromEntries(Object.entries(((ctx.request as { body?: unknown }).body ?? {}) as Record<string, unknown>).filter(([, v]) => typeof v === 'string')) as Record<string, string>;
    const provider = await pick(params);
    if (!provider) {
      ctx.status = 400;
      ctx.type = 'text/plain';
      ctx.body = 'Unknown SAML identity provider';
      return;
    }
    try {
      await onLogin(ctx, await provider.finish({ params }));
    } catch (err) {
      if (!(err instanceof IdentityRejectedError)) throw err;
      ctx.status = 403;
      ctx.type = 'text/plain';
      ctx.body = 'The SAML response was refused.';
    }
  };
}
