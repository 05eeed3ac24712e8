// Rate limiters: in memory (one SQLite process) or in PostgreSQL over rate-limiter-flexible (shared by replicas).
import type pg from 'pg';
import { RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimiter } from '../../../server/contracts/store.ts';

function wrap(limiter: RateLimiterAbstract, toStoreError: (err: unknown) => unknown = (e) => e): RateLimiter {
  return {
    async consume(key: string) {
      try {
        await limiter.consume(key, 1);
        return { allowed: true, retryAfterMs: 0 };
      } catch (res) {
        if (res instanceof RateLimiterRes) return { allowed: false, retryAfterMs: res.msBeforeNext };
        throw toStoreError(res);
      }
    },
    async refund(key: string) {
      try {
        await limiter.reward(key, 1);
      } catch (err) {
        throw toStoreError(err);
      }
    },
  };
}

/**
 * Limiters in this process (SQLite: one process) on the Store's clock, as RateLimiterMemory counts: a fixed window
 * per key from its first point. Windows that have ended are dropped at most once a window, once there are many.
 */
export function memoryLimiter(clock: () => Date) {
  return (opts: { name: string; points: number; durationSeconds: number }): RateLimiter => {
    const windowMs = opts.durationSeconds * 1000;
    const windows = new Map<string, { used: number; endsAt: number }>();
    let sweptAt = 0;
    return {
      async consume(key: string) {
        const now = clock().getTime();
        let w = windows.get(key);
        if (!w || w.endsAt <= now) {
          if (windows.size >= 10_000 && now - sweptAt >= windowMs) {
            sweptAt = now;
            for (const [k, v] of windows) if (v.endsAt <= now) windows.delete(k);
          }
          w = { used: 0, endsAt: now + windowMs };
          windows.set(key, w);
        }
        w.used++;
        return w.used <= opts.points ? { allowed: true, retryAfterMs: 0 } : { allowed: false, retryAfterMs: w.endsAt - now };
      },
      async refund(key: string) {
        const w = windows.get(key);
        if (w && w.endsAt > clock().getTime() && w.used > 0) w.used--;
      },
    };
  };
}

/** Limiters in PostgreSQL, on the table the store's migrations create (0003-rate-limits). */
export function postgresLimiter(pool: pg.Pool, toStoreError?: (err: unknown) => unknown) {
  return (opts: { name: string; points: number; durationSeconds: number }): RateLimiter =>
    wrap(
      new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'idbroker_rate_limits', tableCreated: true, keyPrefix: opts.name, points: opts.points, duration: opts.durationSeconds, clearExpiredByTimeout: false }),
      toStoreError,
    );
}
