// Schema migrations, written once for both dialects (kysely's schema builder).
import { Migrator, sql, type ColumnDefinitionBuilder, type Kysely, type Migration, type MigrationProvider } from 'kysely';

/** Keys sort by code point on both dialects (PostgreSQL's default collation may be a locale's). */
function binaryKey(dialect: 'sqlite' | 'postgres') {
  return (c: ColumnDefinitionBuilder) => (dialect === 'postgres' ? c.notNull().modifyEnd(sql`collate "C"`) : c.notNull());
}


function migrations(dialect: 'sqlite' | 'postgres'): Record<string, Migration> {
  return {
  '0001-entities-and-meta': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('entities')
        .addColumn('account', 'varchar(32)', (c) => c.notNull())
        .addColumn('kind', 'varchar(64)', (c) => c.notNull())
        .addColumn('key', 'varchar(1024)', binaryKey(dialect))
        .addColumn('parent', 'varchar(1024)')
        .addColumn('ref', 'varchar(2048)')
        .addColumn('data', 'text', (c) => c.notNull())
        .addColumn('created_at', 'varchar(32)', (c) => c.notNull())
        .addPrimaryKeyConstraint('entities_pk', ['account', 'kind', 'key'])
        .execute();
      await db.schema.createIndex('entities_parent').on('entities').columns(['account', 'kind', 'parent']).execute();
      await db.schema.createIndex('entities_ref').on('entities').columns(['kind', 'ref']).execute();
      await db.schema.createIndex('entities_kind_key').on('entities').columns(['kind', 'key']).execute();
      await db.schema
        .createTable('meta')
        .addColumn('key', 'varchar(256)', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();
    },
  },
  '0002-audit-events': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('audit_events')
        .addColumn('event_id', 'varchar(64)', (c) => c.primaryKey())
        .addColumn('event_time', 'varchar(32)', binaryKey(dialect))
        .addColumn('account', 'varchar(32)', (c) => c.notNull())
        .addColumn('principal_arn', 'varchar(2048)', (c) => c.notNull())
        .addColumn('event_source', 'varchar(64)', (c) => c.notNull())
        .addColumn('event_name', 'varchar(128)', (c) => c.notNull())
        .addColumn('denied', 'integer', (c) => c.notNull())
        .addColumn('error_code', 'varchar(128)')
        .addColumn('data', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_time').on('audit_events').columns(['event_time', 'event_id']).execute();
      await db.schema.createIndex('audit_principal').on('audit_events').columns(['principal_arn', 'event_time']).execute();
    },
  },
  // The table rate-limiter-flexible's RateLimiterPostgres uses (its own schema), made here rather than by each
  // limiter on first use: limiters creating it concurrently (several per process, replicas starting together)
  // race in PostgreSQL ("type … already exists"), and a limiter whose creation failed refuses every call.
  '0003-rate-limits': {
    async up(db: Kysely<any>) {
      if (dialect !== 'postgres') return; // SQLite: limiters are in memory
      await db.schema
        .createTable('idbroker_rate_limits')
        .ifNotExists()
        .addColumn('key', 'varchar(255)', (c) => c.primaryKey())
        .addColumn('points', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('expire', 'bigint')
        .execute();
    },
  },
  // Records that expire (sign-in states, the SAML replay cache, portal sessions, CLI logins, TOTP markers): rows
  // already stored keep null (never expire) and are judged by the code that reads them, as before.
  '0004-entity-expiry': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('entities').addColumn('expires_at', 'bigint').execute();
      await db.schema.createIndex('entities_expiry').on('entities').columns(['kind', 'expires_at']).execute();
    },
  },
  };
}

/**
 * Brings the schema up to date; throws with the failing migration's error. `schema` (PostgreSQL): the one the
 * store lives in — kysely looks for its migration tables in every schema unless told which, so a second store
 * in another schema of the same database would otherwise find the first one's tables and fail.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: 'sqlite' | 'postgres', schema?: string): Promise<void> {
  const provider: MigrationProvider = { getMigrations: async () => migrations(dialect) };
  const migrator = new Migrator({ db, provider, migrationTableName: 'idbroker_migrations', migrationLockTableName: 'idbroker_migrations_lock', ...(schema ? { migrationTableSchema: schema } : {}) });
  let { error, results } = await migrator.migrateToLatest();
  // Replicas starting together may race on creating the migration tables themselves; the loser retries.
  for (let attempt = 1; error && attempt <= 3; attempt++) {
    await new Promise((r) => setTimeout(r, 100 * attempt + Math.random() * 100));
    ({ error, results } = await migrator.migrateToLatest());
  }
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`store migration ${failed} failed`, { cause: error });
  }
}
