// The Store port: the broker's state, behind small named repositories.
// Adapters: adapters/store/sqlite (embedded default) and adapters/store/postgres, sharing one SQL layer.

/** One stored object: IAM entities, providers, MFA devices... `data` is a JSON-serialisable value. */
export interface EntityRecord<T = unknown> {
  account: string; // 12-digit account id ('aws' for AWS-managed policies, '' for global)
  kind: string; // 'user', 'role', 'policy', 'user-policy', ...
  key: string; // unique within (account, kind); names are stored lower-cased where AWS compares them case-insensitively
  parent?: string | null; // owning object's key, for listing and cascading deletes
  ref?: string | null; // a secondary reference (e.g. the policy ARN of an attachment), for counting
  data: T;
  /** When set, the record expires at this instant (by the Store's clock): it is then as if absent — reads skip it,
   *  insert replaces it, update and delete leave it — until `purgeExpired` deletes it. */
  expiresAt?: Date | null;
}

export interface ListOptions {
  parent?: string;
  keyPrefix?: string;
  afterKey?: string; // keys strictly greater than this (pagination)
  limit?: number;
}

export interface EntityRepo {
  get<T>(account: string, kind: string, key: string): Promise<EntityRecord<T> | undefined>;
  /** `get` that, inside `Store.transaction`, also holds the record against every other transaction (on any replica)
   *  until this one ends: read-modify-write counters are atomic (PostgreSQL: SELECT … FOR UPDATE; SQLite: one
   *  writer at a time). A record absent here may be inserted concurrently: insert then throws ConflictError. */
  getForUpdate<T>(account: string, kind: string, key: string): Promise<EntityRecord<T> | undefined>;
  /** Looks a key up in every account (access key ids, unique ids are unique across accounts). */
  find<T>(kind: string, key: string): Promise<EntityRecord<T> | undefined>;
  list<T>(account: string, kind: string, opts?: ListOptions): Promise<EntityRecord<T>[]>;
  listByRef<T>(kind: string, ref: string): Promise<EntityRecord<T>[]>;
  count(account: string, kind: string, opts?: { parent?: string }): Promise<number>;
  countByRef(kind: string, ref: string): Promise<number>;
  /** Throws ConflictError when (account, kind, key) exists. */
  insert(record: EntityRecord): Promise<void>;
  /** Returns false when the record does not exist. */
  update(record: EntityRecord): Promise<boolean>;
  upsert(record: EntityRecord): Promise<void>;
  delete(account: string, kind: string, key: string): Promise<boolean>;
  /** Deletes every record of the given kinds whose parent is `parent` (expired ones too); returns how many. */
  deleteByParent(account: string, kinds: string[], parent: string): Promise<number>;
  /** Deletes, in one statement, every record of the given kinds (in every account) expired at `now`; returns how many. */
  purgeExpired(kinds: readonly string[], now: Date): Promise<number>;
}

export interface MetaRepo {
  get(key: string): Promise<string | undefined>;
  set(key: string, value: string): Promise<void>;
  /** Sets the value only if the key is absent; true when this call set it. */
  setIfAbsent(key: string, value: string): Promise<boolean>;
}

/** One audit event as stored (CloudTrail's record shape lives in `data`). */
export interface AuditRecord {
  eventId: string;
  eventTime: string; // ISO 8601
  account: string;
  principalArn: string;
  eventSource: string;
  eventName: string;
  denied: boolean;
  errorCode?: string;
  data: unknown;
}

export interface AuditQuery {
  since?: string;
  until?: string;
  principalArn?: string;
  account?: string;
  eventName?: string;
  denied?: boolean;
  /** Events strictly before this (eventTime, eventId) cursor, newest first. */
  before?: { eventTime: string; eventId: string };
  limit: number;
}

export interface AuditRepo {
  /** Appends events; an event id already stored is skipped (retries are idempotent). */
  append(events: AuditRecord[]): Promise<void>;
  /** Newest first. */
  query(q: AuditQuery): Promise<AuditRecord[]>;
  /** Deletes events older than `before`; returns how many. */
  prune(before: string): Promise<number>;
}

export interface Repos {
  readonly entities: EntityRepo;
  readonly meta: MetaRepo;
  readonly audit: AuditRepo;
}

/** A fixed-window rate limit shared by every replica that uses the same store. */
export interface RateLimiter {
  /** Takes one point for `key`; not allowed once the window's points are used up. */
  consume(key: string): Promise<{ allowed: boolean; retryAfterMs: number }>;
  /** Gives back the point a consume took (an attempt that turned out good is not counted against the key). */
  refund(key: string): Promise<void>;
}

export interface Store extends Repos {
  /** A limiter of `points` per `durationSeconds` per key (SQLite: in this process; PostgreSQL: shared). */
  rateLimiter(opts: { name: string; points: number; durationSeconds: number }): RateLimiter;
  readonly dialect: 'sqlite' | 'postgres';
  /** Runs fn in one transaction: everything it writes lands, or nothing does. */
  transaction<T>(fn: (tx: Repos) => Promise<T>): Promise<T>;
  /** Throws when the database cannot be reached (readiness). */
  ping(): Promise<void>;
  close(): Promise<void>;
}
