// Shared by the simple-ad tests: the contract seed as a directory config, and a backend on a store.
import type { DirectoryConfig } from '../../../config/schema.ts';
import { directorySchema } from '../../../config/schema/directories.ts';
import { openSimpleAd } from '../../../adapters/directory/simple-ad/index.ts';
import { fileTime } from '../../../adapters/directory/simple-ad/ad-values.ts';
import type { Store } from '../../../server/contracts/store.ts';
import type { DirectorySeed } from '../../contracts/directory-backend.ts';

/** Cheap scrypt for tests (the cost is stored with each hash). */
export const TEST_COST = { N: 2 ** 10, r: 8, p: 1 };
export const ADMIN_PASSWORD = 'Adm1nistrator!x';

export function seedConfig(seed: DirectorySeed, extra: Record<string, unknown> = {}): DirectoryConfig {
  const groups = (seed.groups ?? []).map((g) => ({ name: g.cn, ...(g.ou ? { ou: g.ou } : {}), members: [] as string[] }));
  for (const g of seed.groups ?? []) for (const parent of g.memberOf ?? []) groups.find((x) => x.name === parent)!.members.push(g.cn);
  const dayAgo = fileTime(new Date(Date.now() - 86_400_000));
  return directorySchema.parse({
    id: 'd-1000000001',
    type: 'simple-ad',
    dnsName: seed.dnsName,
    netbiosName: seed.netbiosName,
    adminPassword: ADMIN_PASSWORD,
    seed: {
      ous: (seed.ous ?? []).map((name) => ({ name })),
      groups,
      users: seed.users.map((u) => ({
        username: u.sam,
        password: u.password,
        ...(u.givenName ? { givenName: u.givenName } : {}),
        ...(u.sn ? { surname: u.sn } : {}),
        ...(u.displayName ? { displayName: u.displayName } : {}),
        ...(u.mail ? { email: u.mail } : {}),
        ...(u.ou ? { ou: u.ou } : {}),
        groups: [...(u.memberOf ?? []), ...((seed.admins ?? []).includes(u.sam) ? ['Domain Admins'] : [])],
        disabled: !!u.disabled,
        mustChangePassword: !!u.mustChangePassword,
        attributes: {
          ...(u.cn ? { cn: u.cn } : {}),
          ...(u.locked ? { lockoutTime: fileTime(new Date()) } : {}),
          ...(u.accountExpired ? { accountExpires: dayAgo } : {}),
        },
      })),
    },
    ...extra,
  }) as DirectoryConfig;
}

export async function openOn(store: Store, seed: DirectorySeed, extra: Record<string, unknown> = {}, now?: () => Date) {
  return openSimpleAd({ store, config: seedConfig(seed, extra), hashCost: TEST_COST, ...(now ? { now } : {}) });
}
