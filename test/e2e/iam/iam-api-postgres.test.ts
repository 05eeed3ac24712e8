import { after } from 'node:test';
import { iamApiSuite } from '../../contracts/iam-api.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';

let drop: (() => Promise<void>) | undefined;
after(async () => drop?.());

iamApiSuite('PostgreSQL', async () => {
  const db = await createTestDatabase('idbroker_iam');
  drop = db.drop;
  return { postgres: db.url };
});
