// Transitive groups at depth: a user in 500 groups nested 10 deep (groupsOf, tokenGroups and the
// in-chain rule agree), and cycles in nesting terminate.
import assert from 'node:assert/strict';
import { after, describe, it } from 'node:test';
import { openSimpleAd } from '../../../adapters/directory/simple-ad/index.ts';
import type { DirectoryBackend, Entry, Filter } from '../../../server/contracts/directory.ts';
import { seedConfig, TEST_COST } from './simple-ad-helpers.ts';
import { closeTestStores, openTestStore, TEST_STORE } from '../../helpers/test-store.ts';

const BASE = 'DC=corp,DC=example,DC=com';
const USER_DN = `CN=deep,CN=Users,${BASE}`;
const group = (level: number, i: number) => `L${level}G${i}`;

async function all(b: DirectoryBackend, base: string, scope: 'base' | 'sub', filter: Filter, attributes: string[] = []): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const e of b.search(base, scope, filter, { principal: null, attributes, sizeLimit: 0 })) out.push(e);
  return out;
}

describe(`simple-ad nested groups (store: ${TEST_STORE})`, () => {
  after(closeTestStores);
  it('resolves 500 groups nested 10 deep the same way in groupsOf, tokenGroups and LDAP_MATCHING_RULE_IN_CHAIN', async (t) => {
    const config = seedConfig({ dnsName: 'corp.example.com', netbiosName: 'CORP', users: [{ sam: 'deep', password: 'Deep!pass123' }] });
    const seed = (config as { seed: { groups: { name: string; members: string[] }[] } }).seed;
    for (let level = 0; level < 10; level++) {
      for (let i = 0; i < 50; i++) seed.groups.push({ name: group(level, i), members: level === 0 ? ['deep'] : [group(level - 1, i)] });
    }
    seed.groups.find((g) => g.name === group(0, 0))!.members.push(group(9, 0)); // a cycle: L9G0 → L0G0
    const { backend } = await openSimpleAd({ store: await openTestStore(), config, hashCost: TEST_COST });
    const r = await backend.bind('CORP\\deep', 'Deep!pass123');
    assert.ok(r.ok);
    let start = performance.now();
    const groups = await backend.groupsOf(r.principal);
    t.diagnostic(`groupsOf: ${(performance.now() - start).toFixed(1)} ms`);
    assert.equal(groups.length, 500);
    assert.equal(new Set(groups.map((g) => g.toLowerCase())).size, 500);
    start = performance.now();
    const chain = await all(backend, BASE, 'sub', { type: 'extensible', rule: '1.2.840.113556.1.4.1941', attribute: 'member', value: Buffer.from(USER_DN), dnAttributes: false }, ['1.1']);
    t.diagnostic(`in-chain search: ${(performance.now() - start).toFixed(1)} ms`);
    assert.deepEqual(chain.map((e) => e.dn).sort(), [...groups].sort());
    const top = `CN=${group(9, 49)},CN=Users,${BASE}`;
    const members = await all(backend, BASE, 'sub', { type: 'extensible', rule: '1.2.840.113556.1.4.1941', attribute: 'memberOf', value: Buffer.from(top), dnAttributes: false }, ['1.1']);
    assert.equal(members.length, 10, 'deep and the 9 groups below L9G49');
    const [self] = await all(backend, USER_DN, 'base', { type: 'present', attribute: 'objectClass' }, ['tokenGroups']);
    assert.equal(self.get('tokenGroups')!.length, 500 + 2, 'plus Domain Users and BUILTIN\\Users');
    assert.equal(self.get('memberOf')!.length, 50, 'memberOf is direct only');
  });
});
