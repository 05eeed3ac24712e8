// The portal's route handlers: sign-in page, directory sign-in, role list, credentials, sign-out.
// Each reads what it needs from the request, checks the session and CSRF token, and renders a page.
import type { Context } from 'koa';
import { AwsError } from '../../contracts/errors.ts';
import type { Store } from '../../contracts/store.ts';
import { parseArn } from '../../iam/arn.ts';
import type { ActionServices } from '../../iam/action.ts';
import { IamModel, type RoleData } from '../../iam/model.ts';
import type { KeyRing } from '../../keys/keyring.ts';
import { directorySignIn } from '../../sts/directory-sign-in.ts';
import { applyDirectoryMfa, mfaUnavailableMessage, MfaUnavailableError } from '../../sts/directory-mfa-sign-in.ts';
import type { VerifiedIdentity } from '../../contracts/identity.ts';
import { assumableRoles, issueRoleCredentials, trustAllows, type TrustEnvironment } from '../../sts/verified-identity.ts';
import type { PortalAuditor } from './audit.ts';
import { credentialsPage } from './credentials-page.ts';
import type { Html } from './html.ts';
import { rolesPage, signInPage, type Viewer } from './pages.ts';
import { listProviders } from './providers.ts';
import { checkLoginCsrf, cookieNames, loginCsrfToken, readCookie, readForm, sameToken, setCookie } from './security.ts';
import { randomToken, type PortalSession, type PortalSessions } from './sessions.ts';
import { type CliBrowser, cliExpired } from '../cli-login/browser.ts';
import { cliBanner } from '../cli-login/pages.ts';

export interface HandlerDeps {
  store: Store;
  keys: KeyRing;
  services: ActionServices;
  sessions: PortalSessions;
  clock: () => Date;
  audit: PortalAuditor;
  /** idbroker login: the command-line sign-in this browser completes, if any (server/http/cli-login). */
  cli?: CliBrowser;
}

const LOGIN_COOKIE_SECONDS = 3600;
const ACTIONS = { directory: 'sts:AssumeRoleWithLDAPIdentity', saml: 'sts:AssumeRoleWithSAML', oidc: 'sts:AssumeRoleWithWebIdentity' } as const;

export const csrfRefused = () => new AwsError('AccessDenied', 'The form was refused: its CSRF token is missing or does not match your session. Reload the page and try again.');
const sessionEnded = () => new AwsError('ExpiredToken', 'Your portal session has ended (signed out, idle too long or too old). Sign in again.');

const viewerOf = (s: PortalSession): Viewer => ({ displayName: s.identity.displayName, csrf: s.csrf });

function render(ctx: Context, page: Html, status = 200): void {
  ctx.status = status;
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = page.text;
}

export function portalHandlers(d: HandlerDeps) {
  const names = (ctx: Context) => cookieNames(d.services.publicUrl, ctx.secure);
  const current = async (ctx: Context) => {
    const id = readCookie(ctx, names(ctx).session);
    return { id, session: await d.sessions.get(id) };
  };
  const env = (ctx: Context): TrustEnvironment => ({ region: d.services.region, now: d.clock(), sourceIp: ctx.ip, secureTransport: ctx.secure });

  /** Every sign-in path ends here with a verified identity: a fresh session (no fixation), its cookie, /roles. */
  const completeSignIn = async (ctx: Context, identity: VerifiedIdentity, params: Record<string, unknown> = {}) => {
    const n = names(ctx);
    const old = readCookie(ctx, n.session);
    if (old) await d.sessions.delete(old);
    const { id } = await d.sessions.create(identity);
    setCookie(ctx, n, n.session, id, d.sessions.limits.absoluteSeconds);
    setCookie(ctx, n, n.login, '', 0);
    d.audit(ctx, { name: 'Authenticate', identity, params: { provider: identity.provider, ...params } });
    ctx.status = 303;
    ctx.redirect('/roles');
  };

  return {
    completeSignIn,

    async signInPage(ctx: Context) {
      const { session } = await current(ctx);
      if (session) return ctx.redirect('/roles');
      const n = names(ctx);
      let nonce = readCookie(ctx, n.login);
      if (!nonce || !/^[\w-]{43}$/.test(nonce)) {
        nonce = randomToken();
        setCookie(ctx, n, n.login, nonce, LOGIN_COOKIE_SECONDS);
      }
      const directories = [...(d.services.directories ?? new Map()).entries()].map(([id, b]) => ({ id, dnsName: b.domain.dnsName, netbiosName: b.domain.netbiosName, mfa: d.services.directoryMfa?.has(id) ?? false }));
      const { saml, oidc } = await listProviders(d.store, d.services.accounts ?? []);
      render(ctx, signInPage({ directories, saml, oidc, csrf: loginCsrfToken(d.keys, nonce)! }));
    },

    async directorySignIn(ctx: Context, directoryId: string) {
      const form = await readForm(ctx);
      const n = names(ctx);
      if (!checkLoginCsrf(d.keys, readCookie(ctx, n.login), form.get('csrf') ?? undefined)) throw csrfRefused();
      const backend = d.services.directories?.get(directoryId);
      if (!backend) throw new AwsError('InvalidParameterValue', `Directory ${directoryId} is not served by this broker.`);
      const username = form.get('username')?.trim() ?? '';
      const password = form.get('password') ?? '';
      if (!username || !password || username.length > 512 || password.length > 1024) throw new AwsError('ValidationError', 'Enter your user name and password.');
      let result;
      try {
        result = await directorySignIn(directoryId, backend, username, password, d.clock());
      } catch (err) {
        throw new AwsError('ServiceUnavailable', `Directory ${directoryId} could not be reached. Try again later.`, { cause: err });
      }
      if (!result.ok) {
        d.audit(ctx, { name: 'Authenticate', userName: username, params: { directoryId, userName: username }, errorCode: 'AccessDenied', errorMessage: `${result.message} (data ${result.adCode})` });
        throw new AwsError('AccessDenied', result.message);
      }
      // MFA (config `mfa`): the one-time code from the same form; the session's identity records it
      const code = form.get('code')?.trim();
      const mfa = await applyDirectoryMfa(d.services.directoryMfa?.get(directoryId), result.identity, code, d.clock()).catch((err: unknown) => {
        throw err instanceof MfaUnavailableError ? new AwsError('ServiceUnavailable', mfaUnavailableMessage(directoryId, err), { cause: err }) : err;
      });
      if (!mfa.ok) {
        d.audit(ctx, { name: 'Authenticate', userName: username, params: { directoryId, userName: username }, errorCode: 'AccessDenied', errorMessage: mfa.message });
        throw new AwsError('AccessDenied', mfa.reason === 'missing' ? `${mfa.message} Enter the code from your authenticator.` : mfa.message);
      }
      await completeSignIn(ctx, mfa.identity, { directoryId, userName: username, ...(mfa.identity.mfa ? { mfa: true } : {}) });
    },

    async roles(ctx: Context) {
      const { session } = await current(ctx);
      if (!session) return ctx.redirect('/');
      const all = await assumableRoles(d.store, session.identity, d.services.accounts ?? [], env(ctx));
      const cli = await d.cli?.pending(ctx);
      // the command asked for one role: show just that one when it is among them
      const roles = cli?.roleArn && all.some((r) => r.role.arn === cli.roleArn) ? all.filter((r) => r.role.arn === cli.roleArn) : all;
      render(ctx, rolesPage(viewerOf(session), roles, cli ? { banner: cliBanner(cli), ...(cli.duration ? { duration: cli.duration } : {}) } : undefined));
    },

    async credentials(ctx: Context) {
      const form = await readForm(ctx);
      const { session } = await current(ctx);
      if (!session) throw sessionEnded();
      if (!sameToken(form.get('csrf') ?? undefined, session.csrf)) throw csrfRefused();
      const { identity } = session;
      const cli = form.get('cli') === '1' ? await d.cli?.pending(ctx) : undefined;
      if (form.get('cli') === '1' && !cli) throw cliExpired();
      const roleArn = form.get('roleArn') ?? '';
      const refuse = (e: AwsError) => {
        d.audit(ctx, { name: 'GetRoleCredentials', identity, params: { roleArn: roleArn.slice(0, 2048), duration: form.get('duration')?.slice(0, 20) }, errorCode: e.code, errorMessage: e.message });
        return e;
      };
      const denied = () => refuse(new AwsError('AccessDenied', `Not authorized to perform ${ACTIONS[identity.source]} on this role.`));
      const arn = parseArn(roleArn);
      const account = d.services.accounts?.find((a) => a.id === arn?.account);
      if (!arn || arn.service !== 'iam' || !arn.resource.startsWith('role/') || !account) throw denied();
      const name = arn.resource.slice(arn.resource.lastIndexOf('/') + 1);
      const role = (await new IamModel(d.store).getPrincipal<RoleData>(account.id, 'role', name))?.data;
      if (!role || role.arn !== roleArn || !trustAllows(identity, role, account.id, env(ctx))) throw denied();
      const duration = Number(form.get('duration') ?? 3600);
      if (!Number.isInteger(duration) || duration < 900 || duration > role.maxSessionDuration) {
        throw refuse(new AwsError('ValidationError', `The duration must be between 900 seconds and the role's maximum, ${role.maxSessionDuration} seconds.`));
      }
      const now = d.clock();
      const issued = await issueRoleCredentials(d.keys, identity, role, account.id, { region: d.services.region, now, durationSeconds: duration });
      d.audit(ctx, {
        name: 'GetRoleCredentials',
        identity,
        account: account.id,
        params: { roleArn, duration },
        response: { assumedRoleUser: { arn: issued.sessionArn }, credentials: { accessKeyId: issued.session.accessKeyId, expiration: new Date(issued.session.expiresAt * 1000).toISOString() } },
      });
      if (cli && d.cli) {
        const credentials = {
          AccessKeyId: issued.session.accessKeyId,
          SecretAccessKey: issued.session.secretAccessKey,
          SessionToken: issued.token,
          Expiration: new Date(issued.session.expiresAt * 1000).toISOString(),
          RoleArn: role.arn,
          AssumedRoleArn: issued.sessionArn,
          Region: d.services.region,
          Endpoint: d.services.publicUrl,
          Identity: { Source: identity.source, Provider: identity.provider, Subject: identity.subject, DisplayName: identity.displayName },
        };
        return d.cli.complete(ctx, cli, credentials, viewerOf(session), role.name);
      }
      render(
        ctx,
        credentialsPage(viewerOf(session), {
          accessKeyId: issued.session.accessKeyId,
          secretAccessKey: issued.session.secretAccessKey,
          sessionToken: issued.token,
          expiration: new Date(issued.session.expiresAt * 1000),
          account: account.id,
          alias: account.alias,
          roleName: role.name,
          sessionArn: issued.sessionArn,
          durationSeconds: duration,
          region: d.services.region,
          endpoint: d.services.publicUrl,
        }),
      );
    },

    async signOut(ctx: Context) {
      const form = await readForm(ctx);
      const { id, session } = await current(ctx);
      if (session && !sameToken(form.get('csrf') ?? undefined, session.csrf)) throw csrfRefused();
      await d.sessions.delete(id);
      if (session) d.audit(ctx, { name: 'Logout', identity: session.identity, params: {} });
      const n = names(ctx);
      setCookie(ctx, n, n.session, '', 0);
      ctx.status = 303;
      ctx.redirect('/');
    },
  };
}
