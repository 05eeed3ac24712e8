// PostgreSQL down, restarting or a connection lost mid-query: translated at the adapter's edge into the
// contract's StoreUnavailableError (retryable), so that nothing from pg leaks out and callers answer 503.
import type pg from 'pg';
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { StoreUnavailableError } from '../../../server/contracts/errors.ts';

// 57P01 admin_shutdown, 57P02 crash_shutdown, 57P03 cannot_connect_now, 53300 too_many_connections; class 08: connection exceptions
const UNAVAILABLE = new Set(['57P01', '57P02', '57P03', '53300', 'ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN', 'ENOTFOUND']);
const UNAVAILABLE_MESSAGE = /Connection terminated|not queryable|timeout exceeded when trying to connect|Client was closed/i;

export function isUnavailable(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  if (typeof code === 'string' && (UNAVAILABLE.has(code) || code.startsWith('08'))) return true;
  return err instanceof Error && UNAVAILABLE_MESSAGE.test(err.message);
}

export function toStoreError(err: unknown): unknown {
  if (err instanceof StoreUnavailableError || !isUnavailable(err)) return err;
  return new StoreUnavailableError('The PostgreSQL store could not be reached', { cause: err });
}

const rethrow = (err: unknown): never => {
  throw toStoreError(err);
};

/**
 * The pool as kysely sees it: connection failures become StoreUnavailableError. pg emits 'error' on the pool
 * for an idle client whose server went away (a restart) and on a checked-out client between queries; without
 * listeners either would be an uncaught exception. The client is dropped by the pool (not queryable) and its
 * next query, if any, fails with an error that is translated here.
 */
export function guardPool(pool: pg.Pool, onError: (err: Error) => void): PostgresPool {
  pool.on('error', onError);
  const guarded = new WeakSet<pg.PoolClient>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect().catch(rethrow);
      if (!guarded.has(client)) {
        guarded.add(client);
        client.on('error', onError);
      }
      return {
        query: ((...args: unknown[]) => {
          const r = (client.query as (...a: unknown[]) => unknown)(...args);
          return r instanceof Promise ? r.catch(rethrow) : r;
        }) as PostgresPoolClient['query'],
        release: (destroy?: boolean) => client.release(destroy),
      };
    },
    end: () => pool.end(),
  };
}
