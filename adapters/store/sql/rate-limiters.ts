// Rate limiters over rate-limiter-flexible: in memory (one SQLite process) or in PostgreSQL (shared by replicas).
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
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

export function memoryLimiter(opts: { name: string; points: number; durationSeconds: number }): RateLimiter {
  return wrap(new RateLimiterMemory({ keyPrefix: opts.name, points: opts.points, duration: opts.durationSeconds }));
}

/** Limiters in PostgreSQL, on the table the store's migrations create (0003-rate-limits). */
export function postgresLimiter(pool: pg.Pool, toStoreError?: (err: unknown) => unknown) {
  return (opts: { name: string; points: number; durationSeconds: number }): RateLimiter =>
    wrap(
      new RateLimiterPostgres({ storeClient: pool, storeType: 'pool', tableName: 'idbroker_rate_limits', tableCreated: true, keyPrefix: opts.name, points: opts.points, duration: opts.durationSeconds, clearExpiredByTimeout: false }),
      toStoreError,
    );
}
