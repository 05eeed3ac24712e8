// Resolves the access key that signed a request to its secret and caller, and the principals that temporary
// credentials stand on (their unique ids). Long-term keys (AKIA…) live in the store, sealed; lookups are
// cached until an IAM write in this process or `ttlMs` (other replicas see a deletion within that bound).
import { AwsError } from '../contracts/errors.ts';
import type { Store } from '../contracts/store.ts';
import type { KeyRing } from '../keys/keyring.ts';
import type { Caller } from './caller.ts';
import { IamModel, type PrincipalData } from './model.ts';

export interface ResolvedKey {
  secretAccessKey: string;
  caller: Caller;
}

const INVALID = 'The security token included in the request is invalid.';

export class CredentialResolver {
  private readonly cache = new Map<string, { at: number; value: ResolvedKey }>();
  private readonly ids = new Map<string, { at: number; id: string | undefined }>();

  constructor(private readonly store: Store, private readonly keys: KeyRing, private readonly ttlMs = 2000) {}

  invalidate(): void {
    this.cache.clear();
    this.ids.clear();
  }

  /** The unique id (AIDA…, AROA…) of a user or role now, undefined when it does not exist; cached like keys. */
  async principalId(account: string, kind: 'user' | 'role', name: string, now: number): Promise<string | undefined> {
    const key = `${account}/${kind}/${name.toLowerCase()}`;
    const hit = this.ids.get(key);
    if (hit && now - hit.at < this.ttlMs) return hit.id;
    const id = (await new IamModel(this.store).getPrincipal<PrincipalData>(account, kind, name))?.data.id;
    if (this.ids.size > 10000) this.ids.clear();
    this.ids.set(key, { at: now, id });
    return id;
  }

  /** The secret and caller for a long-term access key id; InvalidClientTokenId when unknown or inactive. */
  async resolve(accessKeyId: string, now: number): Promise<ResolvedKey> {
    const hit = this.cache.get(accessKeyId);
    if (hit && now - hit.at < this.ttlMs) return hit.value;
    const m = new IamModel(this.store);
    const key = await m.getAccessKey(accessKeyId);
    if (!key || key.data.status !== 'Active') throw new AwsError('InvalidClientTokenId', INVALID);
    const user = await m.getPrincipal<PrincipalData>(key.account, 'user', key.data.userName);
    if (!user) throw new AwsError('InvalidClientTokenId', INVALID);
    const value: ResolvedKey = {
      secretAccessKey: this.keys.open(key.data.sealedSecret, accessKeyId),
      caller: { type: 'User', account: key.account, arn: user.data.arn, userId: user.data.id, userName: user.data.name, accessKeyId, temporary: false },
    };
    if (this.cache.size > 10000) this.cache.clear();
    this.cache.set(accessKeyId, { at: now, value });
    return value;
  }
}
