// Session tags from identity attributes (ABAC): a provider or directory declares in the config file
// `sessionTags: { <tag key>: <claim or attribute name> }` and `transitiveTagKeys`. The mapped tags join the
// tags the identity asserts itself (SAML `PrincipalTag:*`, the OIDC `https://aws.amazon.com/tags` claim) under
// these rules:
//   - a claim or attribute that is absent gives no tag (and its key is dropped from the transitive keys);
//   - a string is the value; a number or boolean its text; several values (groups, amr) are joined with ':';
//     anything else (an object) is refused;
//   - every tag then meets AWS's session-tag limits, as AWS words them: key 1–128 and value ≤ 256 characters
//     of AWS's tag charset, no `aws:` prefix, at most 50 tags in all, keys unique ignoring case — a mapped
//     key that the identity also asserts is an error, never a silent override;
//   - transitive keys are the union of the asserted ones and the mapping's.
import { AwsError, type AwsErrorCode } from '../contracts/errors.ts';
import type { Tag } from '../iam/params.ts';

export interface TagMapping {
  /** Tag key → claim / attribute name. */
  sessionTags: Record<string, string>;
  transitiveTagKeys: string[];
}

export interface SessionTagging {
  tags: Tag[];
  transitiveTagKeys: string[];
}

export const MAX_SESSION_TAGS = 50;
const CHARSET = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;

/** The mapping kept in a provider's settings (from the config file); empty when absent or malformed. */
export function tagMappingOf(settings: { sessionTags?: unknown; transitiveTagKeys?: unknown } | undefined): TagMapping {
  const raw = settings?.sessionTags;
  const sessionTags: Record<string, string> = {};
  if (raw && typeof raw === 'object' && !Array.isArray(raw)) for (const [k, v] of Object.entries(raw)) if (typeof v === 'string') sessionTags[k] = v;
  const tk = settings?.transitiveTagKeys;
  return { sessionTags, transitiveTagKeys: Array.isArray(tk) ? tk.filter((k): k is string => typeof k === 'string') : [] };
}

/** `lookup(name)` gives a claim's / attribute's value(s), or undefined when the identity has none. */
export function mappedTags(mapping: TagMapping, lookup: (name: string) => unknown, fail: (message: string) => AwsError): SessionTagging {
  const tags: Tag[] = [];
  for (const [Key, source] of Object.entries(mapping.sessionTags)) {
    const v = lookup(source);
    const values = v === undefined || v === null ? [] : Array.isArray(v) ? v : [v];
    if (values.length === 0) continue;
    const text = values.map((x) => {
      if (typeof x === 'string') return x;
      if (typeof x === 'number' || typeof x === 'boolean') return String(x);
      if (Buffer.isBuffer(x)) return x.toString('utf8');
      throw fail(`Session tag ${Key}: ${source} is not a string, a number or a list of them`);
    });
    tags.push({ Key, Value: text.join(':') });
  }
  const present = new Set(tags.map((t) => t.Key.toLowerCase()));
  return { tags, transitiveTagKeys: mapping.transitiveTagKeys.filter((k) => present.has(k.toLowerCase())) };
}

/** Asserted tags first, then mapped ones; checked against AWS's limits as a whole. */
export function mergeSessionTags(asserted: SessionTagging, mapped: SessionTagging, code: AwsErrorCode): SessionTagging {
  const tags = [...asserted.tags, ...mapped.tags];
  const v = (m: string) => new AwsError(code, `1 validation error detected: ${m}`);
  if (tags.length > MAX_SESSION_TAGS)
    throw v(`Value at 'tags' failed to satisfy constraint: Member must have length less than or equal to ${MAX_SESSION_TAGS} (${asserted.tags.length} session tags from the identity provider, ${mapped.tags.length} mapped from attributes)`);
  tags.forEach((t, i) => {
    const at = `'tags.${i + 1}.member`;
    if (t.Key.length < 1 || t.Key.length > 128) throw v(`Value at ${at}.key' failed to satisfy constraint: Member must have length less than or equal to 128 (session tag ${t.Key.slice(0, 128)}…)`);
    if (!CHARSET.test(t.Key)) throw v(`Value '${t.Key}' at ${at}.key' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+`);
    if (t.Key.toLowerCase().startsWith('aws:')) throw new AwsError(code, `Session tag ${t.Key}: tag keys starting with aws: are reserved.`);
    if (t.Value.length > 256) throw v(`Value at ${at}.value' failed to satisfy constraint: Member must have length less than or equal to 256 (session tag ${t.Key}: ${t.Value.length} characters)`);
    if (!CHARSET.test(t.Value)) throw v(`Value at ${at}.value' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]* (session tag ${t.Key})`);
  });
  const seen = new Set<string>();
  for (const t of tags) {
    const k = t.Key.toLowerCase();
    if (seen.has(k)) throw new AwsError(code, `Duplicate tag keys found. Please note that Tag keys are case insensitive. (session tag ${t.Key})`);
    seen.add(k);
  }
  const transitive = new Map<string, string>();
  for (const k of [...asserted.transitiveTagKeys, ...mapped.transitiveTagKeys]) transitive.set(k.toLowerCase(), k);
  return { tags, transitiveTagKeys: [...transitive.values()] };
}
