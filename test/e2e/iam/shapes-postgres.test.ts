import { after } from 'node:test';
import { shapesSuite } from '../../contracts/iam-shapes.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';

let drop: (() => Promise<void>) | undefined;
after(async () => drop?.());

shapesSuite('PostgreSQL', async () => {
  const db = await createTestDatabase('idbroker_iam_shapes');
  drop = db.drop;
  return { postgres: db.url };
});
