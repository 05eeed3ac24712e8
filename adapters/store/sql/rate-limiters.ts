// Rate limiters over rate-limiter-flexible: in memory (one SQLite process) or in PostgreSQL (shared by replicas).
import type pg from 'pg';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimiter } from '../../../server/contracts/store.ts';

function wrap(limiter: RateLimiterAbstract, ready: Promise<void> = Promise.resolve(), toStoreError: (err: unknown) => unknown = (e) => e): RateLimiter {
  return {
    async consume(key: string) {
      try {
        await ready; // PostgreSQL: the limiter's table is created on first use
        await limiter.consume(key, 1);
        return { allowed: true, retryAfterMs: 0 };
      } catch (res) {
        if (res instanceof RateLimiterRes) return { allowed: false, retryAfterMs: res.msBeforeNext };
        throw toStoreError(res);
      }
    },
  };
}

export function memoryLimiter(opts: { name: string; points: number; durationSeconds: number }): RateLimiter {
  return wrap(new RateLimiterMemory({ keyPrefix: opts.name, points: opts.points, duration: opts.durationSeconds }));
}

export function postgresLimiter(pool: pg.Pool, toStoreError?: (err: unknown) => unknown) {
  return (opts: { name: string; points: number; durationSeconds: number }): RateLimiter => {
    let limiter!: RateLimiterPostgres;
    const ready = new Promise<void>((resolve, reject) => {
      limiter = new RateLimiterPostgres(
        { storeClient: pool, storeType: 'pool', tableName: 'idbroker_rate_limits', keyPrefix: opts.name, points: opts.points, duration: opts.durationSeconds, clearExpiredByTimeout: false },
        (err?: unknown) => (err ? reject(err) : resolve()),
      );
    });
    ready.catch(() => {}); // surfaced on the first consume()
    return wrap(limiter, ready, toStoreError);
  };
}
