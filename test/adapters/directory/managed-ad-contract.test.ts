// managed-ad (its local directory, with a two-way trust configured beside it) passes the DirectoryBackend contract.
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import { openSimpleAd } from '../../../adapters/directory/simple-ad/index.ts';
import { openManagedAd } from '../../../adapters/directory/managed-ad/index.ts';
import { directoryBackendContract } from '../../contracts/directory-backend.ts';
import { seedConfig, TEST_COST } from './simple-ad-helpers.ts';
import { openTrustedDomain, trustConfig } from './managed-ad-helpers.ts';

directoryBackendContract('managed-ad (local part, sqlite)', async (seed) => {
  const store = await openSqliteStore(':memory:');
  const trusted = await openTrustedDomain();
  const m = await openManagedAd({
    config: seedConfig(seed, { type: 'managed-ad', trusts: [trustConfig()] }),
    store,
    openLocal: (config) => openSimpleAd({ store, config, hashCost: TEST_COST }),
    openTrust: async () => trusted.connection,
    trustCheckIntervalMs: 0,
  });
  return m.backend;
});
