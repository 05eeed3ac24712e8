// simple-ad with the Store on PostgreSQL (IDBROKER_TEST_POSTGRES): the DirectoryBackend contract,
// plus two replicas sharing one database (lockout counters, writes seen by the other replica).
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openPostgresStore } from '../../../adapters/store/postgres/index.ts';
import type { Store } from '../../../server/contracts/store.ts';
import { Entry } from '../../../server/contracts/directory.ts';
import { CONTRACT_SEED, directoryBackendContract } from '../../contracts/directory-backend.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';
import { openOn } from '../../adapters/directory/simple-ad-helpers.ts';

// One database per backend (kysely's migrator does not tell schemas of one database apart).
const dbs: { url: string; drop: () => Promise<void> }[] = [];
const stores: Store[] = [];
let n = 0;
const database = async (): Promise<string> => {
  const db = await createTestDatabase(`simple_ad_${n++}`);
  dbs.push(db);
  return db.url;
};
const fresh = async (): Promise<Store> => {
  const s = await openPostgresStore(await database());
  stores.push(s);
  return s;
};

after(async () => {
  for (const s of stores) await s.close();
  for (const db of dbs) await db.drop();
});

directoryBackendContract('simple-ad (postgres)', async (seed) => (await openOn(await fresh(), seed)).backend);

describe('simple-ad on PostgreSQL: two replicas, one database', () => {
  it('provisions once when both open together, and each sees the other\'s writes', async () => {
    const url = await database();
    const s1 = await openPostgresStore(url);
    const s2 = await openPostgresStore(url); // after s1: migrations are not ours to race
    stores.push(s1, s2);
    const [a, b] = await Promise.all([openOn(s1, CONTRACT_SEED), openOn(s2, CONTRACT_SEED)]);
    const admins = await a.backend.bind('CORP\\admin', 'Adm1n!pass');
    assert.ok(admins.ok);
    const dn = 'CN=Replica Test,CN=Users,DC=corp,DC=example,DC=com';
    await a.backend.add!(admins.principal, new Entry(dn, { objectClass: 'user', sAMAccountName: 'replica' }));
    const seen = [];
    for await (const e of b.backend.search(dn, 'base', { type: 'present', attribute: 'objectClass' }, { principal: null, attributes: [], sizeLimit: 0 })) seen.push(e);
    assert.equal(seen.length, 1);
    const all = [];
    const eq = { type: 'equality' as const, attribute: 'sAMAccountName', value: Buffer.from('Administrator') };
    for await (const e of b.backend.search('DC=corp,DC=example,DC=com', 'sub', eq, { principal: null, attributes: [], sizeLimit: 0 })) all.push(e);
    assert.equal(all.length, 1, 'one Administrator, not two');
    // concurrent writes from both replicas all land
    await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        (i % 2 ? a : b).backend.add!(admins.principal, new Entry(`CN=C${i},CN=Users,DC=corp,DC=example,DC=com`, { objectClass: 'user', sAMAccountName: `c${i}` })),
      ),
    );
    const cs = [];
    const sub = { type: 'substrings' as const, attribute: 'sAMAccountName', initial: Buffer.from('c'), any: [] };
    for await (const e of a.backend.search('CN=Users,DC=corp,DC=example,DC=com', 'one', sub, { principal: null, attributes: [], sizeLimit: 0 })) cs.push(e.first('sAMAccountName'));
    assert.deepEqual(cs.filter((x) => /^c\d$/.test(x!)).sort(), ['c0', 'c1', 'c2', 'c3', 'c4', 'c5']);
  });

  it('counts failed binds on both replicas together and locks on both', async () => {
    const url = await database();
    const s1 = await openPostgresStore(url);
    const s2 = await openPostgresStore(url);
    stores.push(s1, s2);
    const lockout = { lockout: { threshold: 3, windowSeconds: 600, durationSeconds: 600 } };
    const a = (await openOn(s1, CONTRACT_SEED, lockout)).backend;
    const b = (await openOn(s2, CONTRACT_SEED, lockout)).backend;
    for (const x of [a, b, a]) assert.deepEqual(await x.bind('CORP\\alice', 'wrong'), { ok: false, adCode: '52e' });
    assert.deepEqual(await b.bind('CORP\\alice', 'Alice!pass1'), { ok: false, adCode: '775' });
    assert.deepEqual(await a.bind('CORP\\alice', 'Alice!pass1'), { ok: false, adCode: '775' });
    assert.equal((await a.bind('CORP\\bob', 'Bob!pass12')).ok, true, 'only alice is locked');
  });
});
