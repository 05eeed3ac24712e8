import { after } from 'node:test';
import { instanceProfileSuite } from '../../contracts/iam-instance-profiles.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';

let drop: (() => Promise<void>) | undefined;
after(async () => drop?.());

instanceProfileSuite('PostgreSQL', async () => {
  const db = await createTestDatabase('idbroker_instance_profiles');
  drop = db.drop;
  return { postgres: db.url };
});
