import { after } from 'node:test';
import { accountSuite } from '../../contracts/iam-account.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';

let drop: (() => Promise<void>) | undefined;
after(async () => drop?.());

accountSuite('PostgreSQL', async () => {
  const db = await createTestDatabase('idbroker_iam_account');
  drop = db.drop;
  return { postgres: db.url };
});
