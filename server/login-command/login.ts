// `idbroker login`: credentials through the browser, written to an AWS CLI profile.
//   loopback (default): listen on 127.0.0.1 (a free port, or --redirect-port), open the broker's /cli/login
//     with a PKCE challenge and a state; the person signs in on the IdP's or the broker's own pages and picks
//     a role; the broker sends the browser back with a one-time code; we exchange it with the verifier.
//   device (--no-browser): ask /cli/device for a code, print the URL and the short code to approve on any
//     machine, poll /cli/token until the person is done (RFC 8628).
// No screen scraping: the person always signs in on the IdP's own pages.
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { awsPaths, type AwsPaths, configSection, updateIniFile } from './aws-files.ts';
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
}

export interface Credentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  Expiration: string;
  RoleArn: string;
  AssumedRoleArn: string;
  Region: string;
  Endpoint: string;
}

export class LoginError extends Error {}

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
  for (const k of ['AccessKeyId', 'SecretAccessKey', 'SessionToken', 'Expiration']) {
    if (typeof body[k] !== 'string') throw new LoginError(`the broker's answer has no ${k}`);
  }
  return body as unknown as Credentials;
}

const refused = (body: Record<string, unknown>) => new LoginError(`the broker refused: ${String(body.error)}: ${String(body.error_description ?? '')}`);

/** Loopback flow: returns the credentials once the browser came back with a code we could exchange. */
async function loopback(o: LoginOptions): Promise<Credentials> {
  const verifier = base64url(randomBytes(32));
  const challenge = base64url(createHash('sha256').update(verifier).digest());
  const state = base64url(randomBytes(24));
  let server: Server | undefined;
  try {
    const code = await new Promise<{ code: string; redirectUri: string }>((resolve, reject) => {
      let redirectUri = '';
      const timer = setTimeout(() => reject(new LoginError('timed out waiting for the sign-in in the browser')), o.timeoutMs ?? 600_000);
      timer.unref();
      server = createServer((req, res) => {
        const u = new URL(req.url ?? '/', 'http://127.0.0.1');
        if (u.pathname !== '/callback') {
          res.writeHead(404).end();
          return;
        }
        const page = (status: number, text: string) => {
          res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': "default-src 'none'" });
          res.end(`<!doctype html><meta charset="utf-8"><title>idbroker login</title><p>${text}</p>`);
        };
        const got = u.searchParams.get('state');
        if (!got || got !== state) {
          // a forged or stale redirect: refuse it, and keep waiting for the real one
          page(400, 'This sign-in does not belong to the idbroker login that is waiting. Nothing was issued.');
          o.say('ignored a redirect with a wrong state (not from this login)');
          return;
        }
        const c = u.searchParams.get('code');
        if (!c) {
          page(400, 'The broker sent no code.');
          clearTimeout(timer);
          reject(new LoginError(`the sign-in failed: ${u.searchParams.get('error') ?? 'no code'}`));
          return;
        }
        page(200, 'Signed in. You can close this tab and return to your terminal.');
        clearTimeout(timer);
        resolve({ code: c, redirectUri });
      });
      server.once('error', (err) => {
        clearTimeout(timer);
        reject(new LoginError(`cannot listen on 127.0.0.1:${o.redirectPort ?? 0}: ${err.message}`));
      });
      server.listen(o.redirectPort ?? 0, '127.0.0.1', () => {
        const port = (server!.address() as AddressInfo).port;
        redirectUri = `http://127.0.0.1:${port}/callback`;
        const q = new URLSearchParams({ redirect_uri: redirectUri, state, code_challenge: challenge, code_challenge_method: 'S256' });
        if (o.role) q.set('role', o.role);
        if (o.provider) q.set('provider', o.provider);
        if (o.duration) q.set('duration', String(o.duration));
        const url = `${brokerUrl(o.url)}/cli/login?${q}`;
        o.say(`Sign in at: ${url}`);
        void o.open(url).then((opened) => {
          if (!opened) o.say('(could not open a browser: open the URL above yourself, or use --no-browser)');
        });
      });
    });
    const r = await tokenRequest(o.url, { grant_type: 'authorization_code', code: code.code, code_verifier: verifier, redirect_uri: code.redirectUri });
    if (r.status !== 200) throw refused(r.body);
    return credentialsFrom(r.body);
  } finally {
    server?.close();
  }
}

/** Device flow: prints the URL and the code, polls until the person approves, refuses or the code expires. */
async function device(o: LoginOptions): Promise<Credentials> {
  const params: Record<string, string> = {};
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
  const creds = o.noBrowser ? await device(o) : await loopback(o);
  const paths = o.paths ?? awsPaths();
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
    ...(o.provider ? { idbroker_provider: o.provider } : {}),
    ...(o.duration ? { idbroker_duration: String(o.duration) } : {}),
  });
  o.say(`Credentials for ${creds.AssumedRoleArn} written to profile "${o.profile}" (expire ${creds.Expiration}).`);
  return creds;
}
