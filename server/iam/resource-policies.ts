// Resource-based policies a relying service registers once per resource ARN prefix (config relyingServices.
// resourcePolicies), so that every replica evaluates the same document for POST /authorize: the longest registered
// prefix of the resource ARN names the policy and the resource's owner account.
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
