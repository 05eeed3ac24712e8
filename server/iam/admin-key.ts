// `idbroker admin create-key`: a new access key for the administrator created on first start, when the printed
// one is lost. It is made with the store and the key ring (the data directory), not through the API: whoever can
// read those already holds every secret. IAM's limit of two keys per user stands; `replace` deletes a named key
// of the same user in the same transaction first.
import { AwsError } from '../contracts/errors.ts';
import type { Store } from '../contracts/store.ts';
import type { KeyRing } from '../keys/keyring.ts';
import { issueAccessKey } from './actions/access-keys.ts';
import { ADMIN_USER } from './bootstrap-admin.ts';
import { IamModel } from './model.ts';

export class AdminKeyError extends Error {}

export interface NewAdminKey {
  userName: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** The key deleted by `replace`. */
  replaced?: string;
}

export async function createAdminKey(store: Store, keys: KeyRing, account: string, opts: { replace?: string; now?: Date } = {}): Promise<NewAdminKey> {
  const now = opts.now ?? new Date();
  return store.transaction(async (tx) => {
    const m = new IamModel(tx);
    if (!(await m.getPrincipal(account, 'user', ADMIN_USER))) {
      const started = await tx.meta.get('bootstrap:admin');
      throw new AdminKeyError(
        started
          ? `account ${account} has no IAM user "${ADMIN_USER}" (it was deleted or renamed through the API)`
          : `this store has no administrator yet: start the broker once (idbroker start) to create it`,
      );
    }
    const existing = (await m.listAccessKeys(account, ADMIN_USER)).map((r) => r.data);
    if (opts.replace !== undefined) {
      if (!existing.some((k) => k.accessKeyId === opts.replace)) {
        throw new AdminKeyError(`user "${ADMIN_USER}" in account ${account} has no access key ${opts.replace} (its keys: ${existing.map((k) => k.accessKeyId).join(', ') || 'none'})`);
      }
      await m.deleteAccessKey(account, opts.replace);
    }
    try {
      const { data, secretAccessKey } = await issueAccessKey(tx, keys, account, ADMIN_USER, now);
      return { userName: ADMIN_USER, accessKeyId: data.accessKeyId, secretAccessKey, ...(opts.replace ? { replaced: opts.replace } : {}) };
    } catch (err) {
      if (err instanceof AwsError && err.code === 'LimitExceeded') {
        const list = existing.map((k) => `${k.accessKeyId} (${k.status}, created ${k.createDate})`).join(', ');
        throw new AdminKeyError(`user "${ADMIN_USER}" already has two access keys, IAM's limit: ${list}. Replace the lost one: idbroker admin create-key --replace AKIA…`);
      }
      throw err;
    }
  });
}
