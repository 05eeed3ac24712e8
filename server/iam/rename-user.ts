// Renaming an IAM user (UpdateUser NewUserName) moves everything keyed by the user's name: inline policies,
// attachments, group memberships, access keys and MFA devices, in the caller's transaction.
import { ConflictError } from '../contracts/errors.ts';
import type { Repos } from '../contracts/store.ts';
import { ACCESS_KEY, attachmentKind, IamModel, inlineKind, MEMBERSHIP, MFA_DEVICE, nameKey, type AccessKeyData, type MfaDeviceData, type PrincipalData } from './model.ts';

export async function renameUser(tx: Repos, account: string, user: PrincipalData, next: PrincipalData): Promise<void> {
  const from = nameKey(user.name);
  const to = nameKey(next.name);
  const e = tx.entities;
  if (from !== to && (await e.get(account, 'user', to))) throw new ConflictError(`user ${next.name} exists`);
  await e.delete(account, 'user', from);
  await new IamModel(tx).insertPrincipal(account, 'user', next);
  const rekey = (key: string) => to + key.slice(from.length);
  for (const kind of [inlineKind('user'), attachmentKind('user'), MEMBERSHIP]) {
    for (const r of await e.list(account, kind, { parent: from })) {
      await e.delete(account, kind, r.key);
      const data = kind === MEMBERSHIP ? { ...(r.data as object), userKey: to } : r.data;
      await e.insert({ ...r, key: rekey(r.key), parent: to, data });
    }
  }
  for (const r of await e.list<AccessKeyData>(account, ACCESS_KEY, { parent: from })) await e.update({ ...r, parent: to, data: { ...r.data, userName: next.name } });
  for (const r of await e.list<MfaDeviceData>(account, MFA_DEVICE, { parent: from })) await e.update({ ...r, parent: to, data: { ...r.data, userName: next.name } });
}
