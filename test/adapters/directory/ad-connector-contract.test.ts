// The ad-connector passes the DirectoryBackend contract's read-only branch, relaying an AD-like
// upstream: the broker's own simple-ad over LDAP (the e2e's on-prem AD stand-in), seeded with the
// contract's directory plus the connector's service account. A refused bind is relayed as the DC's
// own LDAP result (UpstreamLdapError, carrying AD's data code), which the contract accepts.
import { after } from 'node:test';
import { openAdConnector, type AdConnector } from '../../../adapters/directory/ad-connector/index.ts';
import type { DirectoryConfig } from '../../../config/schema.ts';
import { directorySchema } from '../../../config/schema/directories.ts';
import { directoryBackendContract } from '../../contracts/directory-backend.ts';
import { closeTestStores, openTestStore } from '../../helpers/test-store.ts';
import { type Harness, startLdap } from '../../server/ldap/harness.ts';
import { openOn } from './simple-ad-helpers.ts';

const quiet = { info: () => {}, warn: () => {}, error: () => {} };
let shared: Promise<{ upstream: Harness; connector: AdConnector }> | undefined;

after(async () => {
  if (!shared) return;
  const { upstream, connector } = await shared;
  await connector.close();
  await upstream.close();
  await closeTestStores();
});

// read-only: one upstream and one connector serve every test of the contract
directoryBackendContract('ad-connector (read-only, simple-ad upstream over LDAP)', async (seed) => {
  shared ??= (async () => {
    const { backend } = await openOn(await openTestStore(), { ...seed, users: [...seed.users, { sam: 'svc-conn', password: 'Svc!conn12345' }] });
    const upstream = await startLdap({ backend });
    const config = directorySchema.parse({
      type: 'ad-connector',
      id: 'd-00000000c4',
      dnsName: seed.dnsName,
      netbiosName: seed.netbiosName,
      upstream: { urls: [upstream.url], serviceAccount: { username: `svc-conn@${seed.dnsName}`, password: 'Svc!conn12345' }, timeoutMs: 5000 },
      nameCacheSeconds: 0,
    }) as DirectoryConfig;
    return { upstream, connector: await openAdConnector({ config, logger: quiet, healthCheckIntervalMs: 0 }) };
  })();
  return (await shared).connector.backend;
}, { readOnly: true });
