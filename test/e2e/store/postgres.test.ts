// The Store contract on the PostgreSQL at IDBROKER_TEST_POSTGRES (default postgres://postgres@127.0.0.1:5432/test),
// each run in a fresh schema that is dropped afterwards.
import { after } from 'node:test';
import pg from 'pg';
import { openPostgresStore } from '../../../adapters/store/postgres/index.ts';
import { storeContract } from '../../contracts/store.ts';

const url = process.env.IDBROKER_TEST_POSTGRES ?? 'postgres://postgres@127.0.0.1:5432/test';
const schema = `contract_${process.pid}_${Date.now()}`;

after(async () => {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  await c.query(`drop schema if exists ${schema} cascade`);
  await c.end();
});

storeContract('postgres', () => openPostgresStore(url, { schema }));
