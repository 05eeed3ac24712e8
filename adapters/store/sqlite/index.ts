// SQLite adapter (the embedded default): better-sqlite3 under kysely, one file in the data directory.
import { chmodSync, closeSync, existsSync, fchmodSync, mkdirSync, openSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import type { Store } from '../../../server/contracts/store.ts';
import { migrateToLatest } from '../sql/migrations.ts';
import type { Database } from '../sql/schema.ts';
import { SqlStore } from '../sql/sql-store.ts';
import { memoryLimiter } from '../sql/rate-limiters.ts';

function isUniqueViolation(err: unknown): boolean {
  const code = (err as { code?: string })?.code;
  return code === 'SQLITE_CONSTRAINT_PRIMARYKEY' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** kysely prepares every query anew; better-sqlite3 statements are reusable, so keep them by SQL text. */
function withStatementCache(database: SQLite.Database): SQLite.Database {
  const cache = new Map<string, SQLite.Statement>();
  const prepare = database.prepare.bind(database);
  return new Proxy(database, {
    get(target, prop) {
      if (prop !== 'prepare') {
        const v = Reflect.get(target, prop, target) as unknown;
        return typeof v === 'function' ? (v as (...a: unknown[]) => unknown).bind(target) : v;
      }
      return (sql: string) => {
        let st = cache.get(sql);
        if (!st) {
          st = prepare(sql);
          if (cache.size >= 500) cache.delete(cache.keys().next().value as string);
          cache.set(sql, st);
        }
        return st;
      };
    },
  });
}

/**
 * The database holds every secret the broker keeps: it and its -wal and -shm files are owner-only (0600) whatever
 * the directory's mode (a Docker volume is often 0755) and the umask. SQLite creates -wal and -shm with the
 * database file's mode, so the file is created 0600 before SQLite opens it; files left group- or world-accessible
 * by an earlier version are tightened.
 */
function ownerOnlyDatabaseFiles(file: string): void {
  if (process.platform === 'win32') return;
  if (!existsSync(file)) {
    try {
      const fd = openSync(file, 'wx', 0o600);
      try {
        fchmodSync(fd, 0o600); // not left to the umask
      } finally {
        closeSync(fd);
      }
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err; // another replica created it first
    }
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (!existsSync(f)) continue;
    const st = statSync(f);
    if (st.mode & 0o077 && st.uid === process.getuid?.()) chmodSync(f, 0o600);
  }
}

/** Opens (creating if needed) the SQLite store at `file` (':memory:' for tests) and migrates it; `clock` judges expiry and rate-limit windows. */
export async function openSqliteStore(file: string, opts: { clock?: () => Date } = {}): Promise<Store> {
  if (file !== ':memory:') {
    mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
    ownerOnlyDatabaseFiles(file);
  }
  const database = new SQLite(file);
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('busy_timeout = 5000');
  database.pragma('foreign_keys = ON');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(database) }) });
  await migrateToLatest(db, 'sqlite');
  const clock = opts.clock ?? (() => new Date());
  return new SqlStore('sqlite', db, isUniqueViolation, memoryLimiter(clock), clock);
}
