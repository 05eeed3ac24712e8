// Table types shared by both SQL dialects.
export interface EntitiesTable {
  account: string;
  kind: string;
  key: string;
  parent: string | null;
  ref: string | null;
  data: string;
  created_at: string;
  /** Epoch milliseconds (PostgreSQL bigint: read back as a string); null: never expires. */
  expires_at: number | string | null;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface AuditEventsTable {
  event_id: string;
  event_time: string;
  account: string;
  principal_arn: string;
  event_source: string;
  event_name: string;
  denied: number;
  error_code: string | null;
  data: string;
}

export interface Database {
  entities: EntitiesTable;
  meta: MetaTable;
  audit_events: AuditEventsTable;
}
