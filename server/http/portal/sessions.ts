// Portal sessions, kept in the Store so that any replica serves them: the cookie carries a random id, the
// Store keeps its SHA-256 (a leaked database does not yield live cookies) with the verified identity, the
// session's CSRF token and its idle and absolute deadlines.
import { createHash, randomBytes } from 'node:crypto';
import type { Store } from '../../contracts/store.ts';
import type { VerifiedIdentity } from '../../contracts/identity.ts';

export const PORTAL_SESSION = 'portal-session';
const ACCOUNT = '';

export interface PortalSession {
  identity: VerifiedIdentity;
  csrf: string;
  createdAt: number; // epoch ms
  lastSeenAt: number; // epoch ms
  expiresAt: number; // epoch ms: absolute limit
}

export interface SessionLimits {
  /** Seconds without a request after which the session ends (default 30 minutes). */
  idleSeconds: number;
  /** Seconds after sign-in after which the session ends whatever happens (default 8 hours). */
  absoluteSeconds: number;
}

export const DEFAULT_LIMITS: SessionLimits = { idleSeconds: 30 * 60, absoluteSeconds: 8 * 3600 };
/** lastSeenAt is written at most this often, so that browsing does not write on every request. */
const TOUCH_MS = 60_000;

const keyOf = (id: string) => createHash('sha256').update(id).digest('base64url');
export const randomToken = () => randomBytes(32).toString('base64url');

/** Expired sessions are swept at most this often, on a sign-in (an unread expired session is only a dead row). */
const PRUNE_MS = 10 * 60_000;

export class PortalSessions {
  private lastPrune = 0;

  constructor(
    private readonly store: Store,
    private readonly clock: () => Date,
    readonly limits: SessionLimits = DEFAULT_LIMITS,
  ) {}

  async create(identity: VerifiedIdentity): Promise<{ id: string; session: PortalSession }> {
    const id = randomToken();
    const now = this.clock().getTime();
    const session: PortalSession = { identity, csrf: randomToken(), createdAt: now, lastSeenAt: now, expiresAt: now + this.limits.absoluteSeconds * 1000 };
    await this.store.entities.insert({ account: ACCOUNT, kind: PORTAL_SESSION, key: keyOf(id), data: session, expiresAt: this.#deadline(session) });
    if (now - this.lastPrune >= PRUNE_MS) {
      this.lastPrune = now;
      await this.prune();
    }
    return { id, session };
  }

  /** The live session for a cookie value, or undefined (unknown, signed out, idle too long, too old). */
  async get(id: string | undefined): Promise<PortalSession | undefined> {
    if (!id || id.length > 100) return undefined;
    const key = keyOf(id);
    const rec = await this.store.entities.get<PortalSession>(ACCOUNT, PORTAL_SESSION, key);
    if (!rec) return undefined;
    const s = rec.data;
    const now = this.clock().getTime();
    if (now >= s.expiresAt || now - s.lastSeenAt >= this.limits.idleSeconds * 1000) {
      await this.store.entities.delete(ACCOUNT, PORTAL_SESSION, key);
      return undefined;
    }
    if (now - s.lastSeenAt >= TOUCH_MS) {
      s.lastSeenAt = now;
      await this.store.entities.update({ account: ACCOUNT, kind: PORTAL_SESSION, key, data: s, expiresAt: this.#deadline(s) });
    }
    return s;
  }

  async delete(id: string | undefined): Promise<void> {
    if (id && id.length <= 100) await this.store.entities.delete(ACCOUNT, PORTAL_SESSION, keyOf(id));
  }

  /** The Store's expiry of a session: the earlier of its absolute and idle deadlines. */
  #deadline(s: PortalSession): Date {
    return new Date(Math.min(s.expiresAt, s.lastSeenAt + this.limits.idleSeconds * 1000));
  }

  /** Deletes sessions past their deadlines; returns how many. */
  prune(): Promise<number> {
    return this.store.entities.purgeExpired([PORTAL_SESSION], this.clock());
  }
}
