// The query layer shared by the SQLite and PostgreSQL adapters.
import type { ExpressionBuilder, Kysely, Transaction } from 'kysely';
import { CompiledQuery, sql } from 'kysely';
import { ConflictError } from '../../../server/contracts/errors.ts';
import type { AuditQuery, AuditRecord, AuditRepo, EntityRecord, EntityRepo, ListOptions, MetaRepo, RateLimiter, Repos, Store } from '../../../server/contracts/store.ts';
import type { Database, EntitiesTable } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

/** Tells a unique-key violation from other failures, per dialect. */
export type IsUniqueViolation = (err: unknown) => boolean;

/** The time expiry is judged by (tests inject theirs). */
export type StoreClock = () => Date;

/** A record is live while it has no expiry or its expiry is after `now` (epoch ms). */
const live = (now: number) => (eb: ExpressionBuilder<Database, 'entities'>) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]);

function toRecord<T>(row: EntitiesTable): EntityRecord<T> {
  const r: EntityRecord<T> = { account: row.account, kind: row.kind, key: row.key, parent: row.parent, ref: row.ref, data: JSON.parse(row.data) as T };
  if (row.expires_at !== null) r.expiresAt = new Date(Number(row.expires_at));
  return r;
}

/** The column order of toRow's object, which is the order of the compiled INSERT's parameters. */
const ROW_COLUMNS = ['account', 'kind', 'key', 'parent', 'ref', 'data', 'created_at', 'expires_at'] as const satisfies readonly (keyof EntitiesTable)[];

function toRow(r: EntityRecord): EntitiesTable {
  return {
    account: r.account,
    kind: r.kind,
    key: r.key,
    parent: r.parent ?? null,
    ref: r.ref ?? null,
    data: JSON.stringify(r.data),
    created_at: new Date().toISOString(),
    expires_at: r.expiresAt ? r.expiresAt.getTime() : null,
  };
}

class SqlEntities implements EntityRepo {
  constructor(
    private readonly db: Db,
    private readonly isUnique: IsUniqueViolation,
    private readonly dialect: 'sqlite' | 'postgres',
    private readonly clock: StoreClock,
  ) {}

  private live() {
    return live(this.clock().getTime());
  }

  // The two reads every signed request makes run as SQL compiled once per dialect: building and compiling the
  // kysely query each time cost more than SQLite's own work.
  #getSql?: string;
  #findSql?: string;
  #clearSql?: string;
  #insertSql?: string;

  async get<T>(account: string, kind: string, key: string) {
    this.#getSql ??= this.db.selectFrom('entities').selectAll().where('account', '=', '').where('kind', '=', '').where('key', '=', '').where(live(0)).compile().sql;
    const [row] = (await this.db.executeQuery<EntitiesTable>(CompiledQuery.raw(this.#getSql, [account, kind, key, this.clock().getTime()]))).rows;
    return row ? toRecord<T>(row) : undefined;
  }

  // SQLite: the store's one connection runs one transaction at a time, so a plain read is already held.
  async getForUpdate<T>(account: string, kind: string, key: string) {
    const q = this.db.selectFrom('entities').selectAll().where('account', '=', account).where('kind', '=', kind).where('key', '=', key).where(this.live());
    const row = await (this.dialect === 'postgres' ? q.forUpdate() : q).executeTakeFirst();
    return row ? toRecord<T>(row) : undefined;
  }

  async find<T>(kind: string, key: string) {
    this.#findSql ??= this.db.selectFrom('entities').selectAll().where('kind', '=', '').where('key', '=', '').where(live(0)).compile().sql;
    const [row] = (await this.db.executeQuery<EntitiesTable>(CompiledQuery.raw(this.#findSql, [kind, key, this.clock().getTime()]))).rows;
    return row ? toRecord<T>(row) : undefined;
  }

  async list<T>(account: string, kind: string, opts: ListOptions = {}) {
    let q = this.db.selectFrom('entities').selectAll().where('account', '=', account).where('kind', '=', kind).where(this.live());
    if (opts.parent !== undefined) q = q.where('parent', '=', opts.parent);
    if (opts.keyPrefix) q = q.where('key', '>=', opts.keyPrefix).where('key', '<', opts.keyPrefix + '\uffff');
    if (opts.afterKey !== undefined) q = q.where('key', '>', opts.afterKey);
    q = q.orderBy('key');
    if (opts.limit !== undefined) q = q.limit(opts.limit);
    return (await q.execute()).map((r) => toRecord<T>(r));
  }

  async listByRef<T>(kind: string, ref: string) {
    const rows = await this.db.selectFrom('entities').selectAll().where('kind', '=', kind).where('ref', '=', ref).where(this.live()).orderBy('account').orderBy('key').execute();
    return rows.map((r) => toRecord<T>(r));
  }

  async count(account: string, kind: string, opts: { parent?: string } = {}) {
    let q = this.db.selectFrom('entities').select((eb) => eb.fn.countAll<number | string>().as('n')).where('account', '=', account).where('kind', '=', kind).where(this.live());
    if (opts.parent !== undefined) q = q.where('parent', '=', opts.parent);
    return Number((await q.executeTakeFirstOrThrow()).n);
  }

  async countByRef(kind: string, ref: string) {
    const r = await this.db.selectFrom('entities').select((eb) => eb.fn.countAll<number | string>().as('n')).where('kind', '=', kind).where('ref', '=', ref).where(this.live()).executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /** An expired record under the same key is deleted first (it is as if absent); a live one is a conflict. (Not one
   *  INSERT … ON CONFLICT DO UPDATE … WHERE expired: PostgreSQL locks the conflicting row even when it does not
   *  update it, and the two-replica lockout race, test/e2e/scale-out/lockout-race-postgres.test.ts, failed so.) */
  async insert(record: EntityRecord) {
    // Compiled once, like get/find: single-use records (the SAML replay cache) are inserted on every such request.
    this.#clearSql ??= this.db.deleteFrom('entities').where('account', '=', '').where('kind', '=', '').where('key', '=', '').where('expires_at', '<=', 0).compile().sql;
    const row = toRow(record);
    this.#insertSql ??= this.db.insertInto('entities').values(row).compile().sql;
    const clearExpired = () => this.db.executeQuery(CompiledQuery.raw(this.#clearSql!, [record.account, record.kind, record.key, this.clock().getTime()]));
    const put = () => this.db.executeQuery(CompiledQuery.raw(this.#insertSql!, ROW_COLUMNS.map((c) => row[c])));
    const conflict = (err: unknown) => new ConflictError(`${record.kind} ${record.key} already exists`, { cause: err });
    // Usually no record holds the key, so the INSERT goes first (one write); on a conflict an expired holder is
    // deleted and the INSERT tried once more. In a PostgreSQL transaction a failed statement aborts the
    // transaction, so there the delete goes first.
    const insertFirst = this.dialect === 'sqlite' || !this.db.isTransaction;
    if (!insertFirst) await clearExpired();
    try {
      await put();
      return;
    } catch (err) {
      if (!this.isUnique(err)) throw err;
      if (!insertFirst) throw conflict(err);
    }
    await clearExpired();
    try {
      await put();
    } catch (err) {
      if (this.isUnique(err)) throw conflict(err);
      throw err;
    }
  }

  async update(record: EntityRecord) {
    const r = await this.db
      .updateTable('entities')
      .set({ data: JSON.stringify(record.data), parent: record.parent ?? null, ref: record.ref ?? null, expires_at: record.expiresAt ? record.expiresAt.getTime() : null })
      .where('account', '=', record.account)
      .where('kind', '=', record.kind)
      .where('key', '=', record.key)
      .where(this.live())
      .executeTakeFirst();
    return Number(r.numUpdatedRows) > 0;
  }

  async upsert(record: EntityRecord) {
    const row = toRow(record);
    await this.db
      .insertInto('entities')
      .values(row)
      .onConflict((oc) => oc.columns(['account', 'kind', 'key']).doUpdateSet({ data: row.data, parent: row.parent, ref: row.ref, expires_at: row.expires_at }))
      .execute();
  }

  async delete(account: string, kind: string, key: string) {
    const r = await this.db.deleteFrom('entities').where('account', '=', account).where('kind', '=', kind).where('key', '=', key).where(this.live()).executeTakeFirst();
    return Number(r.numDeletedRows) > 0;
  }

  async deleteByParent(account: string, kinds: string[], parent: string) {
    if (kinds.length === 0) return 0;
    const r = await this.db.deleteFrom('entities').where('account', '=', account).where('kind', 'in', kinds).where('parent', '=', parent).executeTakeFirst();
    return Number(r.numDeletedRows);
  }

  async purgeExpired(kinds: readonly string[], now: Date) {
    if (kinds.length === 0) return 0;
    const r = await this.db.deleteFrom('entities').where('kind', 'in', [...kinds]).where('expires_at', '<=', now.getTime()).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

class SqlMeta implements MetaRepo {
  constructor(private readonly db: Db) {}

  async get(key: string) {
    const row = await this.db.selectFrom('meta').select('value').where('key', '=', key).executeTakeFirst();
    return row?.value;
  }

  async set(key: string, value: string) {
    await this.db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doUpdateSet({ value })).execute();
  }

  async setIfAbsent(key: string, value: string) {
    const r = await this.db.insertInto('meta').values({ key, value }).onConflict((oc) => oc.column('key').doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
  }
}

class SqlAudit implements AuditRepo {
  constructor(private readonly db: Db) {}

  async append(events: AuditRecord[]) {
    if (events.length === 0) return;
    const rows = events.map((e) => ({
      event_id: e.eventId,
      event_time: e.eventTime,
      account: e.account,
      principal_arn: e.principalArn,
      event_source: e.eventSource,
      event_name: e.eventName,
      denied: e.denied ? 1 : 0,
      error_code: e.errorCode ?? null,
      data: JSON.stringify(e.data),
    }));
    await this.db.insertInto('audit_events').values(rows).onConflict((oc) => oc.column('event_id').doNothing()).execute();
  }

  async query(q: AuditQuery) {
    let s = this.db.selectFrom('audit_events').selectAll();
    if (q.since) s = s.where('event_time', '>=', q.since);
    if (q.until) s = s.where('event_time', '<', q.until);
    if (q.principalArn) s = s.where('principal_arn', '=', q.principalArn);
    if (q.account) s = s.where('account', '=', q.account);
    if (q.eventName) s = s.where('event_name', '=', q.eventName);
    if (q.denied !== undefined) s = s.where('denied', '=', q.denied ? 1 : 0);
    if (q.before) {
      const { eventTime, eventId } = q.before;
      s = s.where((eb) => eb.or([eb('event_time', '<', eventTime), eb.and([eb('event_time', '=', eventTime), eb('event_id', '<', eventId)])]));
    }
    const rows = await s.orderBy('event_time', 'desc').orderBy('event_id', 'desc').limit(q.limit).execute();
    return rows.map((r) => ({
      eventId: r.event_id,
      eventTime: r.event_time,
      account: r.account,
      principalArn: r.principal_arn,
      eventSource: r.event_source,
      eventName: r.event_name,
      denied: Number(r.denied) === 1,
      errorCode: r.error_code ?? undefined,
      data: JSON.parse(r.data) as unknown,
    }));
  }

  async prune(before: string) {
    const r = await this.db.deleteFrom('audit_events').where('event_time', '<', before).executeTakeFirst();
    return Number(r.numDeletedRows);
  }
}

function repos(db: Db, isUnique: IsUniqueViolation, dialect: 'sqlite' | 'postgres', clock: StoreClock): Repos {
  return { entities: new SqlEntities(db, isUnique, dialect, clock), meta: new SqlMeta(db), audit: new SqlAudit(db) };
}

export class SqlStore implements Store {
  readonly entities: EntityRepo;
  readonly meta: MetaRepo;
  readonly audit: AuditRepo;

  constructor(
    readonly dialect: 'sqlite' | 'postgres',
    private readonly db: Kysely<Database>,
    private readonly isUnique: IsUniqueViolation,
    private readonly limiters: (opts: { name: string; points: number; durationSeconds: number }) => RateLimiter,
    private readonly clock: StoreClock = () => new Date(),
  ) {
    const r = repos(db, isUnique, dialect, clock);
    this.entities = r.entities;
    this.meta = r.meta;
    this.audit = r.audit;
  }

  rateLimiter(opts: { name: string; points: number; durationSeconds: number }): RateLimiter {
    return this.limiters(opts);
  }

  transaction<T>(fn: (tx: Repos) => Promise<T>): Promise<T> {
    return this.db.transaction().execute((trx) => fn(repos(trx, this.isUnique, this.dialect, this.clock)));
  }

  async ping() {
    await sql`select 1`.execute(this.db);
  }

  async close() {
    await this.db.destroy();
  }
}
