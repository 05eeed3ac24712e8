// Shared by the managed-ad tests: a managed-ad on SQLite whose trusted domain is another simple-ad
// (onprem.example.com) behind a fake TrustConnection, so routing, referrals, foreign principals and
// trust status run without slapd (test/e2e/directory/managed-ad-trusts.test.ts uses a real one).
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import { openSimpleAd } from '../../../adapters/directory/simple-ad/index.ts';
import { openManagedAd, type TrustConnection } from '../../../adapters/directory/managed-ad/index.ts';
import { directorySchema } from '../../../config/schema/directories.ts';
import type { DirectoryConfig } from '../../../config/schema.ts';
import { LdapError } from '../../../server/contracts/directory.ts';
import { TEST_COST } from './simple-ad-helpers.ts';

export const ONPREM = { dnsName: 'onprem.example.com', netbiosName: 'ONPREM', baseDN: 'DC=onprem,DC=example,DC=com' };

export const trustConfig = (direction = 'two-way') => ({
  dnsName: ONPREM.dnsName, netbiosName: ONPREM.netbiosName, direction,
  upstream: { urls: ['ldap://dc1.onprem.example.com:389'], serviceAccount: { username: 'svc', password: 'pw' } },
});

/** The trusted domain: a simple-ad with dana (in eng) and erik. Its DCs can be taken "down". */
export async function openTrustedDomain() {
  const store = await openSqliteStore(':memory:');
  const { backend } = await openSimpleAd({
    store,
    hashCost: TEST_COST,
    config: directorySchema.parse({
      id: 'd-2000000001', type: 'simple-ad', dnsName: ONPREM.dnsName, netbiosName: ONPREM.netbiosName, adminPassword: 'Adm1nistrator!x',
      seed: { groups: [{ name: 'eng' }], users: [{ username: 'dana', password: 'Dana!pass12', groups: ['eng'] }, { username: 'erik', password: 'Erik!pass12' }] },
    }) as DirectoryConfig,
  });
  let down = false;
  const checks = { count: 0 };
  const guard = <T>(f: () => T): T => {
    if (down) throw new LdapError('unavailable', 'No domain controller answered');
    return f();
  };
  const connection: TrustConnection = {
    backend: {
      kind: 'ad-connector',
      domain: backend.domain,
      bind: (n, p) => guard(() => backend.bind(n, p)),
      search: (base, scope, filter, opts) => guard(() => backend.search(base, scope, filter, opts)),
      groupsOf: (p) => guard(() => backend.groupsOf(p)),
    },
    checkHealth: async () => {
      checks.count++;
      guard(() => undefined);
    },
    close: async () => {},
  };
  return { backend, connection, checks, setDown: (d: boolean) => (down = d) };
}

export async function openManagedOn(opts: { extra?: Record<string, unknown>; trusted?: Awaited<ReturnType<typeof openTrustedDomain>>; seed?: unknown } = {}) {
  const trusted = opts.trusted ?? (await openTrustedDomain());
  const store = await openSqliteStore(':memory:');
  const config = directorySchema.parse({
    id: 'd-3000000001', type: 'managed-ad', dnsName: 'cloud.example.com', netbiosName: 'CLOUD', adminPassword: 'Adm1nistrator!x',
    trusts: [trustConfig()], seed: opts.seed ?? {}, ...opts.extra,
  }) as DirectoryConfig;
  const managed = await openManagedAd({
    config,
    store,
    openLocal: (c) => openSimpleAd({ store, config: c, hashCost: TEST_COST }),
    openTrust: async () => trusted.connection,
    trustCheckIntervalMs: 0,
  });
  return { managed, trusted, store };
}
