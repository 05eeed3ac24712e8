// The only server file that imports adapters: configuration `type` → adapter factory.
import { openPostgresStore } from '../adapters/store/postgres/index.ts';
import { openSqliteStore } from '../adapters/store/sqlite/index.ts';
import type { Store } from './contracts/store.ts';

export type StoreConfig = { kind: 'sqlite'; file: string } | { kind: 'postgres'; url: string; schema?: string };

export function openStore(cfg: StoreConfig): Promise<Store> {
  switch (cfg.kind) {
    case 'sqlite':
      return openSqliteStore(cfg.file);
    case 'postgres':
      return openPostgresStore(cfg.url, { schema: cfg.schema });
  }
}
