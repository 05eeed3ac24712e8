// PostgreSQL adapter (scale-out): pg pool under kysely; every replica shares the same database.
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Store } from '../../../server/contracts/store.ts';
import { migrateToLatest } from '../sql/migrations.ts';
import type { Database } from '../sql/schema.ts';
import { SqlStore } from '../sql/sql-store.ts';
import { postgresLimiter } from '../sql/rate-limiters.ts';
import { guardPool, toStoreError } from './unavailable.ts';

function isUniqueViolation(err: unknown): boolean {
  return (err as { code?: string })?.code === '23505';
}

/** Connects to PostgreSQL at `url`, optionally inside `schema` (created if missing), and migrates; `clock` judges expiry. */
export async function openPostgresStore(url: string, opts: { schema?: string; poolSize?: number; onConnectionError?: (err: Error) => void; clock?: () => Date } = {}): Promise<Store> {
  const schema = opts.schema;
  if (schema !== undefined) {
    if (!/^[a-z_][a-z0-9_]*$/.test(schema)) throw new Error(`invalid schema name ${schema}`);
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${schema}`);
    } finally {
      await admin.end();
    }
  }
  // connectionTimeoutMillis: while the server is unreachable a request waits at most this long for a connection
  const pool = new pg.Pool({ connectionString: url, max: opts.poolSize ?? 10, connectionTimeoutMillis: 10_000, ...(schema ? { options: `-c search_path=${schema}` } : {}) });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardPool(pool, opts.onConnectionError ?? (() => {})) }) });
  try {
    await migrateToLatest(db, 'postgres', schema);
  } catch (err) {
    await db.destroy();
    throw err;
  }
  return new SqlStore('postgres', db, isUniqueViolation, postgresLimiter(pool, toStoreError), opts.clock);
}
