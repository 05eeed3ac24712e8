// First start on an empty store: an administrator user with AdministratorAccess and one access key,
// printed once (or taken from IDBROKER_ADMIN_ACCESS_KEY_ID / IDBROKER_ADMIN_SECRET_ACCESS_KEY). On a later start the
// given key is not imported: `givenIgnored` says so when it is not the administrator's key as stored.
import type { Store } from '../contracts/store.ts';
import type { KeyRing } from '../keys/keyring.ts';
import { issueAccessKey } from './actions/access-keys.ts';
import { iamArn } from './arn.ts';
import { newUniqueId } from './ids.ts';
import { IamModel } from './model.ts';

export interface AdminBootstrap {
  created: boolean;
  userName: string;
  accessKeyId?: string;
  /** Only when generated on this start: shown once, never stored in plain text. */
  secretAccessKey?: string;
  /** A key was given (config admin / IDBROKER_ADMIN_*) but the store already had its administrator, and the given
   *  key is not one of its keys (or its secret differs): it was not used. */
  givenIgnored?: boolean;
}

export const ADMIN_USER = 'admin';

export async function bootstrapAdmin(store: Store, keys: KeyRing, account: string, given: { accessKeyId?: string; secretAccessKey?: string }, now: Date): Promise<AdminBootstrap> {
  return store.transaction(async (tx) => {
    // The meta flag makes this happen once, even with several replicas starting together.
    if (!(await tx.meta.setIfAbsent('bootstrap:admin', now.toISOString()))) {
      if (!given.accessKeyId && !given.secretAccessKey) return { created: false, userName: ADMIN_USER };
      const k = given.accessKeyId ? await new IamModel(tx).getAccessKey(given.accessKeyId) : undefined;
      const secretOf = (sealed: string, id: string) => {
        try {
          return keys.open(sealed, id);
        } catch {
          return undefined; // sealed with a key no longer in the ring: not the given key either
        }
      };
      const inEffect = k !== undefined && k.account === account && k.data.userName === ADMIN_USER && secretOf(k.data.sealedSecret, k.data.accessKeyId) === given.secretAccessKey;
      return { created: false, userName: ADMIN_USER, ...(inEffect ? {} : { givenIgnored: true }) };
    }
    const m = new IamModel(tx);
    if (!(await m.getPrincipal(account, 'user', ADMIN_USER))) {
      await m.insertPrincipal(account, 'user', { name: ADMIN_USER, id: newUniqueId('AIDA'), path: '/', arn: iamArn(account, 'user', '/', ADMIN_USER), createDate: now.toISOString(), tags: [] });
    }
    await m.attach(account, 'user', ADMIN_USER, { policyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', policyName: 'AdministratorAccess' });
    const imported = given.accessKeyId && given.secretAccessKey ? { accessKeyId: given.accessKeyId, secretAccessKey: given.secretAccessKey } : undefined;
    const { data, secretAccessKey } = await issueAccessKey(tx, keys, account, ADMIN_USER, now, imported);
    return { created: true, userName: ADMIN_USER, accessKeyId: data.accessKeyId, secretAccessKey: imported ? undefined : secretAccessKey };
  });
}
