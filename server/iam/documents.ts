// Policy documents as IAM stores them: validated by the policy engine, sized like AWS
// (whitespace not counted), compiled once and cached by their text.
import { AwsError } from '../contracts/errors.ts';
import { compilePolicy, PolicyParseError, type CompiledPolicy, type PolicyKind } from '../policy/index.ts';

/** AWS's quotas count policy characters without whitespace. */
export function policySize(text: string): number {
  let n = 0;
  for (const ch of text) if (!/\s/.test(ch)) n++;
  return n;
}

export const QUOTAS = {
  managedPolicySize: 6144,
  inlineAggregate: { user: 2048, group: 5120, role: 10240 },
  trustPolicySize: 2048,
  versionsPerPolicy: 5,
  attachedPerPrincipal: 10,
  groupsPerUser: 10,
  accessKeysPerUser: 2,
  tagsPerEntity: 50,
} as const;

const cache = new Map<string, CompiledPolicy>();
const CACHE_MAX = 5000;

/** Compiles (or takes from the cache) a document; throws MalformedPolicyDocument naming the fault. */
export function compileDocument(text: string, kind: PolicyKind, id?: string): CompiledPolicy {
  const key = `${kind}\u0000${id ?? ''}\u0000${text}`;
  let c = cache.get(key);
  if (c) return c;
  try {
    c = compilePolicy(text, kind, id);
  } catch (err) {
    if (err instanceof PolicyParseError) throw new AwsError('MalformedPolicyDocument', err.message, { cause: err });
    throw err;
  }
  if (cache.size >= CACHE_MAX) cache.delete(cache.keys().next().value as string);
  cache.set(key, c);
  return c;
}

/** RFC 3986 encoding, as IAM returns documents (botocore and the JS SDK decode it). */
export function encodeDocument(text: string): string {
  return encodeURIComponent(text);
}
