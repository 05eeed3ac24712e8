// Table types shared by both SQL dialects.
export interface EntitiesTable {
  account: string;
  kind: string;
  key: string;
  parent: string | null;
  ref: string | null;
  data: string;
  created_at: string;
}

export interface MetaTable {
  key: string;
  value: string;
}

export interface Database {
  entities: EntitiesTable;
  meta: MetaTable;
}
