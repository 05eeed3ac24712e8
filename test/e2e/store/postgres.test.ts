// The Store contract on the PostgreSQL at IDBROKER_TEST_POSTGRES (default postgres://postgres@127.0.0.1:5432/test),
// each run in a fresh schema that is dropped afterwards.
import { after } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from '../../../adapters/store/postgres/index.ts';
import { storeContract } from '../../contracts/store.ts';
import { storeExpiryContract, storeExpiryMigration } from '../../contracts/store-expiry.ts';

const url = process.env.IDBROKER_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `contract_${process.pid}_${Date.now()}`;
const old = `${schema}_before_expiry`;

after(async () => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`drop schema if exists ${schema} cascade`);
  await c.query(`drop schema if exists ${old} cascade`);
  await c.end();
});

storeContract('postgres', () => openPostgresStore(url, { schema }));

storeExpiryContract('postgres', (clock) => openPostgresStore(url, { schema, clock }));

storeExpiryMigration('postgres', () => openPostgresStore(url, { schema: old }), async (statements) => {
  const c = new pg.Client({ connectionString: url, options: `-c search_path=${old}` });
  await c.connect();
  try {
    for (const st of statements) await c.query(st);
  } finally {
    await c.end();
  }
});
