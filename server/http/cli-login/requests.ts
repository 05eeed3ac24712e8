// Pending `idbroker login` requests, in the Store so a login started on one replica finishes on another.
//   loopback: the CLI listens on 127.0.0.1 and pushes its request (redirect URI, state, PKCE challenge, the
//             machine it runs on) to POST /cli/par (RFC 9126); the browser gets only the public request id,
//             shows what asks and a request code, and the person approves with a POST. Once they pick a
//             role, the broker redirects to the loopback address with a one-time code that only the holder
//             of the PKCE verifier can exchange (RFC 8252 + RFC 7636). One browser only: the approval is a
//             secret kept in that browser's cookie, and a second approval from another browser cancels the
//             request (someone else has seen its link).
//   device:   the CLI asks for a device code and shows a short user code; the person enters it on /device
//             in any browser, picks a role, and the CLI's polling gets the credentials (RFC 8628).
// Records are keyed by a hash of their secret (request id, code, device code), never the secret itself;
// issued credentials wait sealed with the key ring, and every code is taken once (delete wins).
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { CliCredentials } from '../../contracts/cli-login.ts';
import type { EntityRecord, Store } from '../../contracts/store.ts';
import type { KeyRing } from '../../keys/keyring.ts';

const ACCOUNT = '';
const KIND = { request: 'cli-login', code: 'cli-code', userCode: 'cli-user-code' } as const;
/** The kinds of Store record a CLI login leaves, all expiring. */
export const CLI_LOGIN_KINDS: readonly string[] = Object.values(KIND);

/** Time to sign in and pick a role; a code, once issued, must be exchanged within CODE_TTL. */
export const REQUEST_TTL_MS = 10 * 60_000;
export const CODE_TTL_MS = 2 * 60_000;
/** The Store keeps a request or code this long past its deadline, so that a late poll or exchange is told it
 *  expired rather than that it is unknown; then it expires in the Store (purgeExpired deletes it). */
const KEPT_MS = REQUEST_TTL_MS;
const storeExpiry = (deadline: number) => new Date(deadline + KEPT_MS);
/** RFC 8628 §3.2: the polling interval the CLI is told, and the one a too-eager poller is slowed to. */
export const POLL_INTERVAL_S = 5;

interface LoginRequest {
  mode: 'loopback' | 'device';
  expiresAt: number;
  /** What the command line says about itself (shown on the approval page; a claim, not a proof). */
  clientHost?: string;
  /** The address the command line's request came from, as the broker saw it. */
  clientIp?: string;
  /** loopback: the short code the terminal prints and the approval page shows, to compare. */
  requestCode?: string;
  /** loopback: the sign-in provider the command asked for. */
  provider?: string;
  /** loopback: hash of the approval secret kept in the approving browser's cookie. */
  approval?: string;
  /** What the CLI asked for (a hint: the person still chooses, and the trust policy still decides). */
  roleArn?: string;
  duration?: number;
  redirectUri?: string;
  state?: string;
  challenge?: string;
  userCode?: string;
  /** device mode: the person's answer */
  result?: { sealed: string } | { denied: true };
  lastPollAt?: number;
}

interface CodeRecord {
  sealed: string;
  challenge: string;
  redirectUri: string;
  expiresAt: number;
}

export interface PendingCliLogin {
  handle: string;
  /** loopback: the origin the browser is sent back to (the role list's CSP must allow that form target) */
  redirectOrigin?: string;
  mode: 'loopback' | 'device';
  roleArn?: string;
  duration?: number;
  userCode?: string;
  requestCode?: string;
  clientHost?: string;
  clientIp?: string;
}

/** What the approval page shows about a pushed loopback request. */
export interface LoopbackRequestView {
  requestCode: string;
  redirectOrigin: string;
  clientHost?: string;
  clientIp?: string;
  roleArn?: string;
  duration?: number;
  provider?: string;
}

export type ApproveResult = { handle: string; provider?: string } | { contested: true; redirect: string } | undefined;

export const REQUEST_URI_PREFIX = 'urn:ietf:params:oauth:request_uri:';

export type TokenResult =
  | { ok: true; credentials: CliCredentials }
  | { ok: false; error: 'invalid_grant' | 'authorization_pending' | 'slow_down' | 'expired_token' | 'access_denied'; description: string };

const hash = (s: string) => createHash('sha256').update(s).digest('base64url');
const token = () => randomBytes(32).toString('base64url');
/** RFC 8628 §6.1: consonants only (no vowels: no words), no look-alikes; 20^8 ≈ 2^34.6. */
const USER_CODE_CHARS = 'BCDFGHJKLMNPQRSTVWXZ';
export const normalizeUserCode = (s: string): string => s.toUpperCase().replace(/[^A-Z]/g, '');
const newUserCode = () => {
  const raw = Array.from({ length: 8 }, () => USER_CODE_CHARS[randomInt(USER_CODE_CHARS.length)]).join('');
  return `${raw.slice(0, 4)}-${raw.slice(4)}`;
};
const REQUEST_ID = /^[\w-]{43}$/;
const sameHash = (a: string | undefined, b: string) => !!a && a.length === b.length && timingSafeEqual(Buffer.from(a), Buffer.from(b));

/** RFC 6749 §4.1.2.1: the loopback redirect with error=access_denied, a description and the request's state. */
function errorRedirect(r: LoginRequest, description: string): string {
  const url = new URL(r.redirectUri!);
  url.searchParams.set('error', 'access_denied');
  url.searchParams.set('error_description', description);
  url.searchParams.set('state', r.state!);
  return url.toString();
}

export function challengeOf(verifier: string): string {
  return createHash('sha256').update(verifier).digest('base64url');
}

export class CliLogins {
  constructor(
    private readonly store: Store,
    private readonly keys: KeyRing,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  private now = () => this.clock().getTime();
  #lastPrune = 0;

  /** Expired requests and codes are swept at most every 10 minutes, when a login starts. */
  async #maybePrune(): Promise<void> {
    const now = this.now();
    if (now - this.#lastPrune < REQUEST_TTL_MS) return;
    this.#lastPrune = now;
    await this.prune();
  }

  /**
   * A pushed loopback request (POST /cli/par). Returns its public id (the browser's URL carries only this) and
   * the request code the terminal prints and the approval page shows. Nothing is attached to any browser yet.
   */
  async startLoopback(o: { redirectUri: string; state: string; challenge: string; roleArn?: string; duration?: number; provider?: string; clientHost?: string; clientIp?: string }): Promise<{ requestId: string; requestCode: string; expiresIn: number }> {
    await this.#maybePrune();
    const requestId = token();
    const requestCode = newUserCode();
    const data: LoginRequest = { mode: 'loopback', expiresAt: this.now() + REQUEST_TTL_MS, requestCode, ...o };
    await this.store.entities.insert({ account: ACCOUNT, kind: KIND.request, key: hash(requestId), data, expiresAt: storeExpiry(data.expiresAt) });
    return { requestId, requestCode, expiresIn: REQUEST_TTL_MS / 1000 };
  }

  async #loopbackRecord(requestId: string): Promise<EntityRecord<LoginRequest> | undefined> {
    if (!REQUEST_ID.test(requestId)) return undefined;
    const rec = await this.store.entities.get<LoginRequest>(ACCOUNT, KIND.request, hash(requestId));
    if (!rec || rec.data.mode !== 'loopback' || rec.data.expiresAt <= this.now()) return undefined;
    return rec;
  }

  /** For the approval page (GET: reads only). Undefined when unknown, finished or expired. */
  async describe(requestId: string): Promise<LoopbackRequestView | undefined> {
    const d = (await this.#loopbackRecord(requestId))?.data;
    if (!d) return undefined;
    const { requestCode, clientHost, clientIp, roleArn, duration, provider } = d;
    return { requestCode: requestCode!, redirectOrigin: new URL(d.redirectUri!).origin, ...(clientHost ? { clientHost } : {}), ...(clientIp ? { clientIp } : {}), ...(roleArn ? { roleArn } : {}), ...(duration ? { duration } : {}), ...(provider ? { provider } : {}) };
  }

  /**
   * The person approved the request in a browser (POST with a CSRF token). The first approval wins and gets a
   * handle with a fresh secret; the same browser approving again gets its handle back; another browser
   * approving an approved request cancels it — two browsers mean someone else has seen its link.
   */
  async approve(requestId: string, browserHandle: string | undefined): Promise<ApproveResult> {
    const rec = await this.#loopbackRecord(requestId);
    if (!rec) return undefined;
    const provider = rec.data.provider ? { provider: rec.data.provider } : {};
    if (rec.data.approval) {
      const mine = browserHandle?.startsWith(`l.${requestId}.`) ? browserHandle.slice(requestId.length + 3) : undefined;
      if (mine && sameHash(rec.data.approval, hash(mine))) return { handle: browserHandle!, ...provider };
      if (!(await this.store.entities.delete(ACCOUNT, KIND.request, rec.key))) return undefined;
      // back to the command line with the reason: if this browser is the person's own, the command stops now
      return { contested: true, redirect: errorRedirect(rec.data, 'This sign-in was approved in another browser, so it was cancelled: someone else may have seen its link.') };
    }
    const secret = token();
    if (!(await this.store.entities.update({ ...rec, data: { ...rec.data, approval: hash(secret) } }))) return undefined;
    return { handle: `l.${requestId}.${secret}`, ...provider };
  }

  /** The person refused in the browser: the request is dropped; the browser goes back with error=access_denied. */
  async denyLoopback(requestId: string): Promise<{ redirect: string } | undefined> {
    const rec = await this.#loopbackRecord(requestId);
    if (!rec || !(await this.store.entities.delete(ACCOUNT, KIND.request, rec.key))) return undefined;
    return { redirect: errorRedirect(rec.data, 'The sign-in was refused in the browser.') };
  }

  async startDevice(o: { roleArn?: string; duration?: number; clientHost?: string; clientIp?: string }): Promise<{ deviceCode: string; userCode: string; expiresIn: number }> {
    await this.#maybePrune();
    const deviceCode = token();
    for (;;) {
      const userCode = newUserCode();
      const raw = normalizeUserCode(userCode);
      const data: LoginRequest = { mode: 'device', expiresAt: this.now() + REQUEST_TTL_MS, userCode, ...o };
      const existing = await this.store.entities.get<{ request: string; expiresAt: number }>(ACCOUNT, KIND.userCode, raw);
      if (existing && existing.data.expiresAt > this.now()) continue; // a live code is never reused
      if (existing) await this.store.entities.delete(ACCOUNT, KIND.userCode, raw);
      await this.store.transaction(async (tx) => {
        await tx.entities.insert({ account: ACCOUNT, kind: KIND.request, key: hash(deviceCode), data, expiresAt: storeExpiry(data.expiresAt) });
        await tx.entities.insert({ account: ACCOUNT, kind: KIND.userCode, key: raw, data: { request: deviceCode, expiresAt: data.expiresAt }, expiresAt: storeExpiry(data.expiresAt) });
      });
      return { deviceCode, userCode, expiresIn: REQUEST_TTL_MS / 1000 };
    }
  }

  /**
   * The browser's handle on a pending request, kept in the portal's CLI cookie: `l.<request id>.<approval
   * secret>` (loopback, set by the approval POST) or `d.<user code>` (device: the code the person typed —
   * knowing it is what RFC 8628 asks of them).
   */
  async #resolve(handle: string | undefined): Promise<{ key: string; data: LoginRequest; rec: EntityRecord<LoginRequest> } | undefined> {
    if (!handle || handle.length > 100) return undefined;
    let key: string | undefined;
    let secret: string | undefined;
    if (handle.startsWith('l.')) {
      const [id, approval] = handle.slice(2).split('.');
      if (!id || !approval) return undefined;
      key = hash(id);
      secret = approval;
    } else if (handle.startsWith('d.')) {
      const u = await this.store.entities.get<{ request: string; expiresAt: number }>(ACCOUNT, KIND.userCode, normalizeUserCode(handle.slice(2)));
      if (u) key = hash(u.data.request);
    }
    if (!key) return undefined;
    const rec = await this.store.entities.get<LoginRequest>(ACCOUNT, KIND.request, key);
    if (!rec || rec.data.expiresAt <= this.now() || rec.data.result) return undefined;
    if (rec.data.mode === 'loopback' && !(secret && sameHash(rec.data.approval, hash(secret)))) return undefined;
    return { key, data: rec.data, rec };
  }

  /** The pending request behind a browser handle, or undefined when unknown, finished or expired. */
  async pending(handle: string | undefined): Promise<PendingCliLogin | undefined> {
    const r = await this.#resolve(handle);
    if (!r) return undefined;
    const { mode, roleArn, duration, userCode, redirectUri, requestCode, clientHost, clientIp } = r.data;
    return {
      handle: handle!,
      mode,
      ...(redirectUri ? { redirectOrigin: new URL(redirectUri).origin } : {}),
      ...(roleArn ? { roleArn } : {}),
      ...(duration ? { duration } : {}),
      ...(userCode ? { userCode } : {}),
      ...(requestCode ? { requestCode } : {}),
      ...(clientHost ? { clientHost } : {}),
      ...(clientIp ? { clientIp } : {}),
    };
  }

  /** The handle for a user code the person typed on /device, when it belongs to a pending request. */
  async handleForUserCode(userCode: string): Promise<string | undefined> {
    const raw = normalizeUserCode(userCode);
    if (raw.length !== 8) return undefined;
    return (await this.pending(`d.${raw}`))?.handle;
  }

  /**
   * The person chose a role and the broker issued its credentials. Loopback: the request is consumed and a
   * one-time code returned, with where to send the browser. Device: the credentials wait for the CLI's poll.
   */
  async complete(handle: string, credentials: CliCredentials): Promise<{ redirect: string } | { device: true } | undefined> {
    const r = await this.#resolve(handle);
    if (!r) return undefined;
    const { key, rec } = r;
    if (rec.data.mode === 'device') {
      const sealed = this.keys.seal(JSON.stringify(credentials), `cli-login:${key}`);
      const done = await this.store.entities.update({ ...rec, data: { ...rec.data, result: { sealed } } });
      return done ? { device: true } : undefined;
    }
    if (!(await this.store.entities.delete(ACCOUNT, KIND.request, key))) return undefined; // taken by a concurrent submit
    const code = token();
    const codeKey = hash(code);
    const data: CodeRecord = {
      sealed: this.keys.seal(JSON.stringify(credentials), `cli-code:${codeKey}`),
      challenge: rec.data.challenge!,
      redirectUri: rec.data.redirectUri!,
      expiresAt: this.now() + CODE_TTL_MS,
    };
    await this.store.entities.insert({ account: ACCOUNT, kind: KIND.code, key: codeKey, data, expiresAt: storeExpiry(data.expiresAt) });
    const url = new URL(rec.data.redirectUri!);
    url.searchParams.set('code', code);
    url.searchParams.set('state', rec.data.state!);
    return { redirect: url.toString() };
  }

  /** The person refused: a loopback request is dropped, a device request answers access_denied to the CLI. */
  async deny(handle: string): Promise<void> {
    const r = await this.#resolve(handle);
    if (r?.data.mode === 'device') await this.store.entities.update({ ...r.rec, data: { ...r.data, result: { denied: true } } });
    else if (r) await this.store.entities.delete(ACCOUNT, KIND.request, r.key);
  }

  /** grant_type=authorization_code: the code once, with the verifier whose S256 is the challenge. */
  async exchangeCode(code: string, verifier: string, redirectUri: string): Promise<TokenResult> {
    const invalid = (description: string): TokenResult => ({ ok: false, error: 'invalid_grant', description });
    if (!code || code.length > 100) return invalid('The code is missing or malformed.');
    const key = hash(code);
    const rec = await this.store.entities.get<CodeRecord>(ACCOUNT, KIND.code, key);
    // taken before it is checked: a code is spent by any attempt, so a stolen code cannot be tried twice
    if (!rec || !(await this.store.entities.delete(ACCOUNT, KIND.code, key))) return invalid('The code is unknown or was already used.');
    if (rec.data.expiresAt <= this.now()) return invalid('The code has expired. Run idbroker login again.');
    if (rec.data.redirectUri !== redirectUri) return invalid('redirect_uri does not match the one the login started with.');
    const got = Buffer.from(challengeOf(verifier ?? ''));
    const want = Buffer.from(rec.data.challenge);
    if (!verifier || got.length !== want.length || !timingSafeEqual(got, want)) return invalid('The PKCE code_verifier does not match the code_challenge.');
    return { ok: true, credentials: JSON.parse(this.keys.open(rec.data.sealed, `cli-code:${key}`)) as CliCredentials };
  }

  /** grant_type=device_code (RFC 8628 §3.4–3.5). */
  async pollDevice(deviceCode: string): Promise<TokenResult> {
    if (!deviceCode || deviceCode.length > 100) return { ok: false, error: 'invalid_grant', description: 'The device code is missing or malformed.' };
    const key = hash(deviceCode);
    const rec = await this.store.entities.get<LoginRequest>(ACCOUNT, KIND.request, key);
    if (!rec || rec.data.mode !== 'device') return { ok: false, error: 'invalid_grant', description: 'The device code is unknown or was already used.' };
    const now = this.now();
    const r = rec.data.result;
    if (r && 'sealed' in r) {
      if (!(await this.store.entities.delete(ACCOUNT, KIND.request, key))) return { ok: false, error: 'invalid_grant', description: 'The device code was already used.' };
      await this.store.entities.delete(ACCOUNT, KIND.userCode, normalizeUserCode(rec.data.userCode ?? ''));
      return { ok: true, credentials: JSON.parse(this.keys.open(r.sealed, `cli-login:${key}`)) as CliCredentials };
    }
    if (r && 'denied' in r) return { ok: false, error: 'access_denied', description: 'The sign-in was refused in the browser.' };
    if (rec.data.expiresAt <= now) return { ok: false, error: 'expired_token', description: 'The device code has expired. Run idbroker login again.' };
    const tooSoon = rec.data.lastPollAt !== undefined && now - rec.data.lastPollAt < (POLL_INTERVAL_S * 1000) / 2;
    await this.store.entities.update({ ...rec, data: { ...rec.data, lastPollAt: now } });
    return tooSoon
      ? { ok: false, error: 'slow_down', description: `Poll at most every ${POLL_INTERVAL_S} seconds.` }
      : { ok: false, error: 'authorization_pending', description: 'Waiting for the sign-in in the browser.' };
  }

  /** Deletes the requests and codes expired in the Store; returns how many. */
  prune(): Promise<number> {
    return this.store.entities.purgeExpired(CLI_LOGIN_KINDS, this.clock());
  }
}
