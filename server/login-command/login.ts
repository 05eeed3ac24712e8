// `idbroker login`: credentials through the browser, written to an AWS CLI profile.
//   loopback (default): listen on 127.0.0.1 (a free port, or --redirect-port), push the request (redirect URI,
//     state, PKCE challenge, this machine's name) to the broker's /cli/par over the back channel, and open the
//     browser at our own listener; it sends that one browser on to the broker's approval page (request code,
//     machine) with a binding cookie. The person approves, signs in on the IdP's or the broker's own pages and
//     picks a role; the broker sends the browser back with a one-time code; we exchange it with the verifier.
//   device (--no-browser): ask /cli/device for a code, print the URL and the short code to approve on any
//     machine, poll /cli/token until the person is done (RFC 8628).
// No screen scraping: the person always signs in on the IdP's own pages.
//
// Someone else's session must never land in the profile silently. Another user of this machine can read the
// URL we open (the browser's command line, in `ps` or /proc/PID/cmdline), but:
//   - that URL is only http://127.0.0.1:PORT/ — the broker's request id, state and challenge never reach any
//     command line, and the PKCE verifier never leaves this process;
//   - our listener sends on only the FIRST browser that opens it, with a cookie binding that browser; a second
//     visit means someone else raced for the link: we stop, and write nothing. The broker's answer for this
//     request (its state) arriving in a browser without the cookie means someone else completed it: we stop;
//   - the broker lets one browser approve a request; a second approval cancels it;
//   - after the exchange we know who signed in (the token answer names the identity): when the profile
//     belongs to someone else (idbroker_identity, written at each login) or --expect names someone else, we
//     refuse and the profile keeps what it had; and we always print the identity we wrote.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { hostname } from 'node:os';
import type { CliCredentials, CliIdentity } from '../contracts/cli-login.ts';
import { awsPaths, type AwsPaths, configSection, readIniSection, updateIniFile } from './aws-files.ts';
import { writeCachedCredentials } from './credential-cache.ts';

export interface LoginOptions {
  url: string;
  profile: string;
  provider?: string;
  role?: string;
  duration?: number;
  region?: string;
  redirectPort?: number;
  noBrowser?: boolean;
  /** Opens the sign-in URL; false when no browser could be opened (the URL is printed either way). */
  open: (url: string) => Promise<boolean>;
  /** Progress and instructions for the person (stderr), never credentials. */
  say: (line: string) => void;
  paths?: AwsPaths;
  /** How long to wait for the person (default 10 minutes, the broker's own limit). */
  timeoutMs?: number;
  /** For tests: the device flow's polling interval floor. */
  minPollMs?: number;
  /** false: only cache the credentials (credential-process), leave ~/.aws/credentials and config alone. */
  writeProfile?: boolean;
  /** --expect: who must sign in (display name, subject, or `PROVIDER SUBJECT`); else the profile's last identity. */
  expect?: string;
  /** The machine name sent to the broker's approval page (default: os.hostname()). */
  clientHost?: string;
}

/** Who signed in in the browser, as the broker's token answer names them. */
export type LoginIdentity = CliIdentity;
export type Credentials = CliCredentials;

export class LoginError extends Error {}

/** How the profile remembers who signed in (config key idbroker_identity): `PROVIDER SUBJECT`. */
export const identityKey = (i: LoginIdentity): string => `${i.Provider} ${i.Subject}`;
/** The role session name the broker gave the person (alice in …:assumed-role/Platform/alice). */
const sessionName = (c: Credentials) => c.AssumedRoleArn.slice(c.AssumedRoleArn.lastIndexOf('/') + 1);
/** --expect accepts the session name, the display name, the subject or `PROVIDER SUBJECT`. */
const matches = (c: Credentials, expected: string) => [sessionName(c), c.Identity.DisplayName, c.Identity.Subject, identityKey(c.Identity)].includes(expected.trim());

const base64url = (b: Buffer) => b.toString('base64url');
const brokerUrl = (u: string) => u.replace(/\/+$/, '');

async function tokenRequest(url: string, params: Record<string, string>): Promise<{ status: number; body: Record<string, unknown> }> {
  let res: Response;
  try {
    res = await fetch(`${brokerUrl(url)}/cli/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) });
  } catch (err) {
    throw new LoginError(`cannot reach the broker at ${url}: ${(err as Error).message}`);
  }
  const text = await res.text();
  try {
    return { status: res.status, body: JSON.parse(text) as Record<string, unknown> };
  } catch {
    throw new LoginError(`the broker answered ${res.status} without JSON: is ${url} an idbroker?`);
  }
}

function credentialsFrom(body: Record<string, unknown>): Credentials {
  for (const k of ['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration', 'AssumedRoleArn']) {
    if (typeof body[k] !== 'string') throw new LoginError(`the broker's answer has no ${k}`);
  }
  const id = body.Identity as Partial<LoginIdentity> | undefined;
  if (typeof id?.Provider !== 'string' || typeof id.Subject !== 'string' || typeof id.DisplayName !== 'string') {
    throw new LoginError('the broker\'s answer does not say who signed in (an older broker?): nothing was written');
  }
  return body as unknown as Credentials;
}

const sameSecret = (a: string | undefined, b: string) => !!a && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

function cookie(req: IncomingMessage, name: string): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const i = part.indexOf('=');
    if (i > 0 && part.slice(0, i).trim() === name) return part.slice(i + 1).trim();
  }
  return undefined;
}

/** POST /cli/par (RFC 9126): the request goes over the back channel; the answer names what the browser opens. */
async function pushRequest(o: LoginOptions, params: Record<string, string>): Promise<{ authorizationUri: string; requestCode: string }> {
  let res: Response;
  try {
    res = await fetch(`${brokerUrl(o.url)}/cli/par`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) });
  } catch (err) {
    throw new LoginError(`cannot reach the broker at ${o.url}: ${(err as Error).message}`);
  }
  const body = (await res.json().catch(() => ({}))) as Record<string, unknown>;
  if (res.status !== 201 || typeof body.authorization_uri !== 'string' || typeof body.request_code !== 'string') {
    if (body.error) throw refused(body);
    throw new LoginError(`the broker answered ${res.status} to /cli/par: is ${o.url} an idbroker (of this version)?`);
  }
  return { authorizationUri: body.authorization_uri, requestCode: body.request_code };
}

const refused = (body: Record<string, unknown>) => new LoginError(`the broker refused: ${String(body.error)}: ${String(body.error_description ?? '')}`);

/** Loopback flow: returns the credentials once the browser came back with a code we could exchange. */
async function loopback(o: LoginOptions): Promise<Credentials> {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const state = base64url(randomBytes(24));
  const binding = base64url(randomBytes(32));
  let server: Server | undefined;
  try {
    const code = await new Promise<{ code: string; redirectUri: string }>((resolve, reject) => {
      let redirectUri = '';
      let cookieName = '';
      let authorizationUri: string | undefined;
      let opened = false;
      const timer = setTimeout(() => reject(new LoginError('timed out waiting for the sign-in in the browser')), o.timeoutMs ?? 600_000);
      timer.unref();
      const fail = (err: LoginError) => {
        clearTimeout(timer);
        reject(err);
      };
      server = createServer((req, res) => {
        const u = new URL(req.url ?? '/', 'http://127.0.0.1');
        const page = (status: number, text: string, headers: Record<string, string> = {}) => {
          res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'", 'referrer-policy': 'no-referrer', ...headers });
          res.end(`<!doctype html><meta charset="utf-8"><title>idbroker login</title><p>${text}</p>`);
        };
        if (req.method !== 'GET') return void res.writeHead(405).end();
        if (u.pathname === '/' && authorizationUri) {
          if (opened) {
            // the link reached a second browser: someone else has seen it; whoever came first, stop here
            page(409, 'This sign-in link was already opened in another browser, so the idbroker login was stopped. Nothing was written. Run idbroker login again.');
            fail(new LoginError('the sign-in link was opened in a second browser (someone else on this machine may have seen it): the login was stopped and nothing was written. Run idbroker login again.'));
            return;
          }
          opened = true;
          res.writeHead(303, { location: authorizationUri, 'set-cookie': `${cookieName}=${binding}; Path=/; HttpOnly; SameSite=Lax; Max-Age=900`, 'cache-control': 'no-store', 'referrer-policy': 'no-referrer' });
          res.end();
          return;
        }
        if (u.pathname !== '/callback') return void res.writeHead(404).end();
        const got = u.searchParams.get('state');
        const stateOk = !!got && got.length === state.length && sameSecret(got, state);
        if (!sameSecret(cookie(req, cookieName), binding)) {
          page(400, 'This browser did not start this idbroker login. Nothing was issued to it.');
          if (stateOk) {
            // the broker's own answer for THIS request, in a browser we never sent there: someone else completed it
            fail(new LoginError('this login was completed in a browser that did not open its link (someone else on this machine may have seen it): the login was stopped and nothing was written. Run idbroker login again.'));
            return;
          }
          // noise or a forgery: refuse it, keep waiting for the real one
          o.say('ignored a sign-in answer from a browser that did not open this login\'s link');
          return;
        }
        if (!stateOk) {
          // a forged or stale redirect: refuse it, and keep waiting for the real one
          page(400, 'This sign-in does not belong to the idbroker login that is waiting. Nothing was issued.');
          o.say('ignored a redirect with a wrong state (not from this login)');
          return;
        }
        const c = u.searchParams.get('code');
        if (!c) {
          page(400, 'The sign-in was not completed.');
          fail(new LoginError(`the sign-in failed: ${u.searchParams.get('error') ?? 'no code'}${u.searchParams.get('error_description') ? ` (${u.searchParams.get('error_description')})` : ''}`));
          return;
        }
        page(200, 'Signed in. You can close this tab and return to your terminal.', { 'set-cookie': `${cookieName}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0` });
        clearTimeout(timer);
        resolve({ code: c, redirectUri });
      });
      server.once('error', (err) => fail(new LoginError(`cannot listen on 127.0.0.1:${o.redirectPort ?? 0}: ${err.message}`)));
      server.listen(o.redirectPort ?? 0, '127.0.0.1', () => {
        const port = (server!.address() as AddressInfo).port;
        redirectUri = `http://127.0.0.1:${port}/callback`;
        cookieName = `idbroker-login-${port}`;
        const q: Record<string, string> = { redirect_uri: redirectUri, state, code_challenge: challenge, code_challenge_method: 'S256', client_host: clientHost(o) };
        if (o.role) q.role = o.role;
        if (o.provider) q.provider = o.provider;
        if (o.duration) q.duration = String(o.duration);
        pushRequest(o, q).then(({ authorizationUri: a, requestCode }) => {
          authorizationUri = a;
          const start = `http://127.0.0.1:${port}/`;
          o.say(`Sign in at: ${start}`);
          o.say(`The browser shows request code ${requestCode}: approve only if it matches.`);
          void o.open(start).then((ok) => {
            if (!ok) o.say('(could not open a browser: open the URL above yourself, on this machine, or use --no-browser)');
          });
        }, fail);
      });
    });
    const r = await tokenRequest(o.url, { grant_type: 'authorization_code', code: code.code, code_verifier: verifier, redirect_uri: code.redirectUri });
    if (r.status !== 200) throw refused(r.body);
    return credentialsFrom(r.body);
  } finally {
    server?.close();
  }
}

/** This machine's name for the approval page: a host name the broker accepts, else nothing. */
function clientHost(o: LoginOptions): string {
  const h = (o.clientHost ?? hostname()).slice(0, 253);
  return /^[\w.-]{1,253}$/.test(h) ? h : 'unknown-host';
}

/** Device flow: prints the URL and the code, polls until the person approves, refuses or the code expires. */
async function device(o: LoginOptions): Promise<Credentials> {
  const params: Record<string, string> = { client_host: clientHost(o) };
  if (o.role) params.role = o.role;
  if (o.duration) params.duration = String(o.duration);
  let res: Response;
  try {
    res = await fetch(`${brokerUrl(o.url)}/cli/device`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(params) });
  } catch (err) {
    throw new LoginError(`cannot reach the broker at ${o.url}: ${(err as Error).message}`);
  }
  const d = (await res.json().catch(() => ({}))) as { device_code?: string; user_code?: string; verification_uri?: string; verification_uri_complete?: string; interval?: number; expires_in?: number; error?: string; error_description?: string };
  if (!res.ok || !d.device_code) throw refused(d as Record<string, unknown>);
  o.say(`On any device, open ${d.verification_uri} and enter the code ${d.user_code}`);
  o.say(`(or open ${d.verification_uri_complete})`);
  let interval = Math.max((d.interval ?? 5) * 1000, o.minPollMs ?? 0);
  const deadline = Date.now() + Math.min((d.expires_in ?? 600) * 1000, o.timeoutMs ?? Infinity);
  for (;;) {
    await new Promise((r) => setTimeout(r, interval));
    const r = await tokenRequest(o.url, { grant_type: 'urn:ietf:params:oauth:grant-type:device_code', device_code: d.device_code });
    if (r.status === 200) return credentialsFrom(r.body);
    if (r.body.error === 'authorization_pending') {
      if (Date.now() > deadline) throw new LoginError('the code expired before the sign-in was approved');
      continue;
    }
    if (r.body.error === 'slow_down') {
      interval += 5000;
      continue;
    }
    throw refused(r.body);
  }
}

/** Runs the login and writes the profile; returns the credentials (for credential-process). */
export async function login(o: LoginOptions): Promise<Credentials> {
  if (!/^https?:\/\//.test(o.url)) throw new LoginError('--url must be the broker\'s http(s) URL');
  if (!/^[\w.@+-]{1,64}$/.test(o.profile)) throw new LoginError('--profile must be a plain name (letters, digits, . _ - @ +)');
  const paths = o.paths ?? awsPaths();
  const creds = o.noBrowser ? await device(o) : await loopback(o);
  checkIdentity(o, creds, readIniSection(paths.config, configSection(o.profile))?.idbroker_identity);
  o.say(`Signed in as ${creds.Identity.DisplayName} (${creds.Identity.Provider}).`);
  writeCachedCredentials(paths, o.profile, creds);
  if (o.writeProfile === false) return creds;
  updateIniFile(paths.credentials, o.profile, {
    aws_access_key_id: creds.AccessKeyId,
    aws_secret_access_key: creds.SecretAccessKey,
    aws_session_token: creds.SessionToken,
  });
  updateIniFile(paths.config, configSection(o.profile), {
    region: o.region ?? creds.Region,
    output: 'json',
    // what credential-process needs to sign in again (ignored by the AWS CLI and SDKs)
    idbroker_url: brokerUrl(o.url),
    idbroker_role: creds.RoleArn,
    idbroker_identity: identityKey(creds.Identity),
    ...(o.provider ? { idbroker_provider: o.provider } : {}),
    ...(o.duration ? { idbroker_duration: String(o.duration) } : {}),
  });
  o.say(`Wrote profile "${o.profile}": ${creds.AssumedRoleArn} (expires ${creds.Expiration}).`);
  return creds;
}

/**
 * Refuses credentials of someone other than expected: --expect when given, else the identity the profile was
 * last written for. Nothing is written then: the profile keeps what it had.
 */
function checkIdentity(o: LoginOptions, c: Credentials, previous: string | undefined): void {
  const got = c.Identity;
  const who = `${got.DisplayName} (${identityKey(got)})`;
  if (o.expect !== undefined) {
    if (!matches(c, o.expect)) throw new LoginError(`the browser signed in as ${who}, not ${o.expect} (--expect): nothing was written to profile "${o.profile}". If you did not sign in as ${got.DisplayName}, someone else completed this login.`);
    return;
  }
  if (previous && previous !== identityKey(got)) {
    throw new LoginError(
      `the browser signed in as ${who}, but profile "${o.profile}" belongs to ${previous}: nothing was written (the profile keeps its credentials). ` +
        `If you did not sign in as ${got.DisplayName}, someone else completed this login. To switch the profile to ${got.DisplayName}, run idbroker login again with --expect ${sessionName(c)}.`,
    );
  }
}
