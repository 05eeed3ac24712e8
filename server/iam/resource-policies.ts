// Resource-based policies a relying service registers once per resource ARN prefix (config relyingServices.
// resourcePolicies, or the JSON API into the store), so that every replica evaluates the same document for POST /authorize: the longest registered
// prefix of the resource ARN names the policy and the resource's owner account.
import type { Store } from '../contracts/store.ts';
import type { CompiledPolicy } from '../policy/index.ts';
import { compileDocument } from './documents.ts';

export interface RegisteredPolicy {
  prefix: string;
  account?: string;
  policy: CompiledPolicy;
}

export class ResourcePolicies {
  private readonly byPrefix: RegisteredPolicy[] = [];

  /** Compiles and registers (throws MalformedPolicyDocument); a prefix registered again is replaced. */
  register(prefix: string, document: string | object, account?: string): void {
    const policy = compileDocument(typeof document === 'string' ? document : JSON.stringify(document), 'resource', prefix);
    const i = this.byPrefix.findIndex((r) => r.prefix === prefix);
    if (i >= 0) this.byPrefix.splice(i, 1);
    this.byPrefix.push({ prefix, account, policy });
    this.byPrefix.sort((a, b) => b.prefix.length - a.prefix.length);
  }

  /** The policy of the longest registered prefix of `resource`. */
  lookup(resource: string): RegisteredPolicy | undefined {
    return this.byPrefix.find((r) => resource.startsWith(r.prefix));
  }
}

/** The registry from the config's list (a malformed document stops the start, naming its prefix). */
export function registeredResourcePolicies(list: readonly { prefix: string; account?: string; policy: string | object }[]): ResourcePolicies {
  const r = new ResourcePolicies();
  for (const e of list) {
    try {
      r.register(e.prefix, e.policy, e.account);
    } catch (err) {
      throw new Error(`relyingServices.resourcePolicies ${e.prefix}: ${(err as Error).message}`);
    }
  }
  return r;
}

const KIND = 'relying-resource-policy';

interface StoredPolicy {
  prefix: string;
  account?: string;
  document: string;
}

/**
 * Resource policies a relying service registers through the JSON API (PUT /authorize/resource-policies), kept in the
 * store under its own account so that every replica evaluates the same document; read back at most `ttlMs` old.
 */
export class StoredResourcePolicies {
  private readonly cache = new Map<string, { at: number; policies: ResourcePolicies }>();

  constructor(private readonly store: Store, private readonly ttlMs = 2000) {}

  async put(account: string, prefix: string, document: string, resourceAccount?: string): Promise<void> {
    new ResourcePolicies().register(prefix, document, resourceAccount); // MalformedPolicyDocument before anything is stored
    await this.store.entities.upsert({ account, kind: KIND, key: prefix, data: { prefix, account: resourceAccount, document } satisfies StoredPolicy });
    this.cache.delete(account);
  }

  async delete(account: string, prefix: string): Promise<boolean> {
    this.cache.delete(account);
    return this.store.entities.delete(account, KIND, prefix);
  }

  async list(account: string): Promise<StoredPolicy[]> {
    return (await this.store.entities.list<StoredPolicy>(account, KIND)).map((r) => r.data);
  }

  /** The policy registered by `account` for the longest prefix of `resource`. */
  async lookup(account: string, resource: string, now: number): Promise<RegisteredPolicy | undefined> {
    let hit = this.cache.get(account);
    if (!hit || now - hit.at >= this.ttlMs) {
      const policies = new ResourcePolicies();
      for (const p of await this.list(account)) policies.register(p.prefix, p.document, p.account);
      hit = { at: now, policies };
      this.cache.set(account, hit);
    }
    return hit.policies.lookup(resource);
  }
}
