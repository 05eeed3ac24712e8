// OIDC browser logins (authorization code + PKCE S256, state, nonce; the pending login in the Store):
//   GET /oidc/login/:provider  → 302 to the OP's authorization endpoint; a cookie binds the login to this browser
//   GET /oidc/callback         → the provider comes from the stored state (never from the URL) → portal session
import { createHash, randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { AwsError } from '../../contracts/errors.ts';
import { IdentityRejectedError, type IdentityProvider } from '../../contracts/identity.ts';
import type { OidcProviderData } from '../../iam/actions/oidc-providers.ts';
import { oidcBrowserIdentity } from '../../sts/web-identity/browser-login.ts';
import { cookieNames, readCookie, sameToken, setCookie } from '../portal/security.ts';
import type { LoginRouteDeps } from './deps.ts';
import { oidcName, oidcProviderByArn, oidcProviderNamed } from './provider-lookup.ts';
import { safeRelayState } from './relay-state.ts';

/** What the broker keeps in the pending login's relay state: where to go next, and the browser binding. */
interface Relay {
  next?: string;
  bind: string;
}

const hash = (v: string) => createHash('sha256').update(v).digest('base64url');
const forged = () => new AwsError('AccessDenied', 'This sign-in response does not belong to a sign-in started in this browser (unknown, forged or already used state). Start again from the sign-in page.');

export function oidcRoutes(d: LoginRouteDeps) {
  // One relying party per provider (it caches the OP's discovery document), rebuilt when the provider changes.
  const rps = new Map<string, { fingerprint: string; rp: IdentityProvider }>();
  const relyingParty = (p: OidcProviderData): { rp: IdentityProvider; clientId: string } => {
    const clientId = p.clientIds[0];
    if (!clientId) throw new AwsError('InvalidParameterValue', `OpenID Connect provider ${oidcName(p)} has no client id; add one (AddClientIDToOpenIDConnectProvider).`);
    const redirectUri = `${d.services.publicUrl.replace(/\/+$/, '')}/oidc/callback`;
    const fingerprint = JSON.stringify([p.url, clientId, p.settings?.sealedClientSecret, redirectUri]);
    let e = rps.get(p.arn);
    if (!e || e.fingerprint !== fingerprint) {
      const sealed = p.settings?.sealedClientSecret;
      const rp = d.oidc({ name: p.arn, issuer: p.url, clientId, ...(sealed ? { clientSecret: d.keys.open(sealed, p.arn) } : {}), redirectUri, timeoutSeconds: 5 }, d.oidcStates);
      e = { fingerprint, rp };
      rps.set(p.arn, e);
    }
    return { rp: e.rp, clientId };
  };
  const cookie = (ctx: Context) => {
    const names = cookieNames(d.services.publicUrl, ctx.secure);
    return { names, name: names.secure ? '__Host-idbroker-oidc' : 'idbroker-oidc' };
  };

  return {
    async login(ctx: Context, name: string) {
      const { data } = await oidcProviderNamed(d.store, d.services.accounts ?? [], name, ctx.query.account as string | undefined);
      const { rp } = relyingParty(data);
      const browser = randomBytes(32).toString('base64url');
      const next = safeRelayState(ctx.query.next);
      const relay: Relay = { bind: hash(browser), ...(next ? { next } : {}) };
      let start;
      try {
        start = await rp.start({ relayState: JSON.stringify(relay) });
      } catch (err) {
        throw new AwsError('IDPCommunicationError', `The OpenID provider ${name} could not be reached. Try again later.`, { cause: err });
      }
      if (start.kind !== 'redirect') throw new AwsError('InternalFailure', 'unexpected OIDC login start');
      const c = cookie(ctx);
      setCookie(ctx, c.names, c.name, browser, Math.floor(d.oidcLoginTtlMs / 1000));
      ctx.status = 302;
      ctx.redirect(start.url);
    },

    async callback(ctx: Context) {
      const params = Object.fromEntries(Object.entries(ctx.query).filter((e): e is [string, string] => typeof e[1] === 'string'));
      const c = cookie(ctx);
      setCookie(ctx, c.names, c.name, '', 0);
      const state = params.state ?? '';
      const pending = state ? await d.oidcStates.peek(state) : undefined;
      if (params.error) {
        if (pending) await d.oidcStates.take(state); // the login is over either way
        const detail = params.error_description ? `: ${params.error_description.slice(0, 200)}` : '';
        throw new AwsError('IDPRejectedClaim', `The identity provider did not sign you in (${params.error.slice(0, 64)}${detail}).`);
      }
      if (!pending) throw forged();
      let relay: Relay | undefined;
      try {
        relay = JSON.parse(pending.relayState ?? '') as Relay;
      } catch {
        relay = undefined;
      }
      if (!relay || !sameToken(hash(readCookie(ctx, c.name) ?? ''), relay.bind)) throw forged();
      if (d.clock().getTime() - pending.createdAt > d.oidcLoginTtlMs) {
        await d.oidcStates.take(state);
        throw new AwsError('ExpiredTokenException', 'The sign-in took too long. Start it again from the sign-in page.');
      }
      const provider = await oidcProviderByArn(d.store, pending.provider);
      if (!provider) {
        await d.oidcStates.take(state);
        throw new AwsError('NoSuchEntity', 'The OpenID Connect provider of this sign-in is no longer registered.');
      }
      const { rp, clientId } = relyingParty(provider);
      let login;
      try {
        login = await rp.finish({ params });
      } catch (err) {
        if (!(err instanceof IdentityRejectedError)) throw new AwsError('IDPCommunicationError', 'The OpenID provider could not be reached. Try again later.', { cause: err });
        throw new AwsError('InvalidIdentityToken', "The OpenID provider's answer could not be verified. Start the sign-in again.", { cause: err });
      }
      await d.signIn(ctx, oidcBrowserIdentity(login, provider, clientId, d.clock()));
      if (relay.next && safeRelayState(relay.next)) ctx.redirect(relay.next);
    },
  };
}
