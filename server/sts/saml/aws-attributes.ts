// AWS's SAML attributes (https://aws.amazon.com/SAML/Attributes/…) → session name, role pairs, duration cap,
// session tags, SourceIdentity; and the result's SubjectType / NameQualifier.
import { createHash } from 'node:crypto';
import { AwsError } from '../../contracts/errors.ts';
import type { Tag } from '../../iam/params.ts';

const A = 'https://aws.amazon.com/SAML/Attributes/';
const NAME = /^[a-zA-Z_0-9+=,.@-]{2,64}$/;
const TAG_KEY = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{1,128}$/u;
const TAG_VALUE = /^[\p{L}\p{Z}\p{N}_.:/=+\-@]{0,256}$/u;

const token = (m: string) => new AwsError('InvalidIdentityToken', m);

export interface AwsAttributes {
  rolePairs: Array<{ roleArn: string; providerArn: string }>;
  sessionName: string;
  sessionDuration?: number;
  tags: Tag[];
  transitiveTagKeys: string[];
  sourceIdentity?: string;
}

/** "role-arn,provider-arn" in either order (AWS accepts both). */
function rolePair(v: string): { roleArn: string; providerArn: string } | undefined {
  const parts = v.split(',').map((s) => s.trim());
  if (parts.length !== 2) return undefined;
  const role = parts.find((p) => /^arn:[^:]+:iam::\d{12}:role\//.test(p));
  const provider = parts.find((p) => /^arn:[^:]+:iam::\d{12}:saml-provider\//.test(p));
  return role && provider ? { roleArn: role, providerArn: provider } : undefined;
}

export function readAwsAttributes(attrs: Map<string, string[]>): AwsAttributes {
  const names = attrs.get(`${A}RoleSessionName`);
  if (!names?.length) throw token('RoleSessionName is required in AuthnResponse');
  if (names.length !== 1 || !NAME.test(names[0])) throw token('RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}');
  const rolePairs = (attrs.get(`${A}Role`) ?? []).flatMap((v) => rolePair(v) ?? []);

  let sessionDuration: number | undefined;
  const d = attrs.get(`${A}SessionDuration`);
  if (d?.length) {
    const n = d.length === 1 && /^\d+$/.test(d[0]) ? Number(d[0]) : NaN;
    if (!(n >= 900 && n <= 43200)) throw token('SessionDuration in AuthnResponse must be an integer between 900 and 43200');
    sessionDuration = n;
  }

  const tags: Tag[] = [];
  for (const [name, values] of attrs) {
    if (!name.startsWith(`${A}PrincipalTag:`)) continue;
    const key = name.slice(`${A}PrincipalTag:`.length);
    if (values.length !== 1 || !TAG_KEY.test(key) || !TAG_VALUE.test(values[0]) || key.toLowerCase().startsWith('aws:')) throw token(`Invalid session tag ${key} in AuthnResponse`);
    if (tags.some((t) => t.Key.toLowerCase() === key.toLowerCase())) throw token(`Duplicate session tag ${key} in AuthnResponse`);
    tags.push({ Key: key, Value: values[0] });
  }
  if (tags.length > 50) throw token('AuthnResponse carries more than 50 session tags');
  const transitiveTagKeys = attrs.get(`${A}TransitiveTagKeys`) ?? [];
  for (const k of transitiveTagKeys)
    if (!tags.some((t) => t.Key.toLowerCase() === k.toLowerCase())) throw token(`Transitive tag key ${k} is not among the session tags in AuthnResponse`);

  const si = attrs.get(`${A}SourceIdentity`);
  let sourceIdentity: string | undefined;
  if (si?.length) {
    if (si.length !== 1 || !NAME.test(si[0]) || si[0].toLowerCase().startsWith('aws:')) throw token('Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"');
    sourceIdentity = si[0];
  }
  return { rolePairs, sessionName: names[0], sessionDuration, tags, transitiveTagKeys, sourceIdentity };
}

const V2 = 'urn:oasis:names:tc:SAML:2.0:nameid-format:';

/** AWS's SubjectType: SAML 2.0 formats lose their prefix; others stay as they are; absent → 'unspecified' (our choice). */
export function subjectType(format: string | undefined): string {
  if (!format) return 'unspecified';
  return format.startsWith(V2) ? format.slice(V2.length) : format;
}

/** Base64(SHA1(issuer + account + "/" + provider name)). */
export function nameQualifier(issuer: string, account: string, providerName: string): string {
  return createHash('sha1').update(`${issuer}${account}/${providerName}`, 'utf8').digest('base64');
}
