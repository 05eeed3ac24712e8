// managed-ad's local directory answers AD's filters as simple-ad does: string SIDs, sAMAccountType,
// anr, and the change counter for the rootDSE.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { openManagedAd } from '../../../adapters/directory/managed-ad/index.ts';
import { openSimpleAd } from '../../../adapters/directory/simple-ad/index.ts';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import { sidBytesToString } from '../../../server/contracts/ad-binary.ts';
import type { DirectoryBackend, Entry, Filter } from '../../../server/contracts/directory.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { openTrustedDomain, trustConfig } from './managed-ad-helpers.ts';
import { seedConfig, TEST_COST } from './simple-ad-helpers.ts';

const BASE = 'DC=corp,DC=example,DC=com';
const eq = (attribute: string, value: string | Buffer): Filter => ({ type: 'equality', attribute, value: Buffer.from(value) });

describe('managed-ad: AD filters on the local directory', () => {
  let b: DirectoryBackend;
  const sams = async (filter: Filter) => {
    const out: Entry[] = [];
    for await (const e of b.search(BASE, 'sub', filter, { principal: null, attributes: ['sAMAccountName', 'objectSid'], sizeLimit: 0 })) out.push(e);
    return out.map((e) => e.first('sAMAccountName')).sort();
  };
  before(async () => {
    const store = await openSqliteStore(':memory:');
    const trusted = await openTrustedDomain();
    b = (await openManagedAd({
      config: seedConfig(CONTRACT_SEED, { type: 'managed-ad', trusts: [trustConfig()] }),
      store,
      openLocal: (config) => openSimpleAd({ store, config, hashCost: TEST_COST }),
      openTrust: async () => trusted.connection,
      trustCheckIntervalMs: 0,
    })).backend;
  });

  it('matches string SIDs, sAMAccountType and anr, and reports its highest USN', async () => {
    let sid = '';
    for await (const e of b.search(BASE, 'sub', eq('sAMAccountName', 'bob'), { principal: null, attributes: ['objectSid'], sizeLimit: 1 })) sid = sidBytesToString(e.get('objectSid')![0] as Buffer);
    assert.deepEqual(await sams(eq('objectSid', sid)), ['bob']);
    assert.deepEqual(await sams(eq('objectSid', sid.replace(/-\d+$/, '-512'))), ['Domain Admins']);
    assert.ok((await sams(eq('sAMAccountType', '805306368'))).includes('bob'));
    assert.deepEqual(await sams(eq('anr', 'Alice Lid')), ['alice']);
    assert.ok((await b.highestCommittedUSN!()) > 0);
  });
});
