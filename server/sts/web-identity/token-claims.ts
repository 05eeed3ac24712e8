// What AWS reads from a verified web identity token besides iss/sub/aud: the condition keys of the trust
// policy (`<host/path>:aud`, `:sub`, `:amr`, `:azp`, `:oaud`), the session tags claim and the source identity.
import { AwsError } from '../../contracts/errors.ts';
import type { Tag } from '../../iam/params.ts';
import { NOT_VALIDATED, type VerifiedToken } from './verify-token.ts';

export const TAGS_CLAIM = 'https://aws.amazon.com/tags';
export const SOURCE_IDENTITY_CLAIM = 'https://aws.amazon.com/source_identity';

const strings = (v: unknown): string[] | undefined =>
  typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : undefined;

/**
 * Condition keys, prefixed by the provider id (issuer without scheme). `:aud` is the matched audience,
 * `:oaud` every `aud` value (AWS documents the pair for Google, where `:aud` is `azp`); `:amr` multi-valued.
 */
export function webIdentityConditionKeys(t: VerifiedToken): Record<string, string | string[]> {
  const p = t.providerId;
  const keys: Record<string, string | string[]> = { [`${p}:aud`]: t.audience, [`${p}:sub`]: t.sub };
  const amr = strings(t.claims.amr);
  if (amr) keys[`${p}:amr`] = amr;
  if (typeof t.claims.azp === 'string') keys[`${p}:azp`] = t.claims.azp;
  const oaud = strings(t.claims.aud);
  if (oaud) keys[`${p}:oaud`] = oaud.length === 1 ? oaud[0] : oaud;
  return keys;
}

/** `{"principal_tags": {"K": ["v"]}, "transitive_tag_keys": ["K"]}`; each value an array of exactly one string. */
export function sessionTagsFromClaims(claims: Record<string, unknown>): { tags: Tag[]; transitiveTagKeys: string[] } {
  const raw = claims[TAGS_CLAIM];
  if (raw === undefined) return { tags: [], transitiveTagKeys: [] };
  const bad = () => new AwsError('InvalidIdentityToken', NOT_VALIDATED);
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw bad();
  const { principal_tags: pt, transitive_tag_keys: tk } = raw as Record<string, unknown>;
  const tags: Tag[] = [];
  if (pt !== undefined) {
    if (!pt || typeof pt !== 'object' || Array.isArray(pt)) throw bad();
    for (const [Key, v] of Object.entries(pt)) {
      const one = Array.isArray(v) && v.length === 1 && typeof v[0] === 'string' ? v[0] : undefined;
      if (one === undefined) throw bad();
      tags.push({ Key, Value: one });
    }
  }
  const transitiveTagKeys = tk === undefined ? [] : strings(tk);
  if (!transitiveTagKeys) throw bad();
  // Session-tag rules (keys 1–128, values ≤ 256, AWS's tag charset, no aws: prefix, unique ignoring case, ≤ 50).
  const charset = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]*$/u;
  const present = new Set(tags.map((t) => t.Key.toLowerCase()));
  const badTag = (t: Tag) => t.Key.length < 1 || t.Key.length > 128 || t.Value.length > 256 || !charset.test(t.Key) || !charset.test(t.Value) || t.Key.toLowerCase().startsWith('aws:');
  if (tags.length > 50 || present.size !== tags.length || tags.some(badTag) || transitiveTagKeys.some((k) => !present.has(k.toLowerCase()))) throw bad();
  return { tags, transitiveTagKeys };
}

export function sourceIdentityFromClaims(claims: Record<string, unknown>): string | undefined {
  const v = claims[SOURCE_IDENTITY_CLAIM];
  if (v === undefined) return undefined;
  if (typeof v !== 'string' || v.length < 2 || v.length > 64 || !/^[\w+=,.@-]+$/.test(v) || v.toLowerCase().startsWith('aws:')) {
    throw new AwsError('InvalidIdentityToken', NOT_VALIDATED);
  }
  return v;
}
