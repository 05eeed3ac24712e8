// Reads and validates action parameters the way AWS's Query services do: every violation is
// collected and reported in one ValidationError ("2 validation errors detected: Value 'x' at 'roleName' …").
import { AwsError } from '../contracts/errors.ts';
import type { QueryParams } from '../query-protocol/query-params.ts';

export interface StringConstraint {
  min?: number;
  max?: number;
  pattern?: string; // Java-style pattern text as in the service model; matched whole
}

export interface Tag {
  Key: string;
  Value: string;
}

const regexCache = new Map<string, RegExp>();
function fullMatch(pattern: string): RegExp {
  let r = regexCache.get(pattern);
  if (!r) {
    const js = pattern.replace(/\\u([0-9A-Fa-f]{5,6})/g, (_m, h: string) => `\\u{${h}}`);
    r = new RegExp(`^(?:${js})$`, 'u');
    regexCache.set(pattern, r);
  }
  return r;
}

/** 'RoleName' → 'roleName'; 'Tags.member.1.Key' → 'tags.1.member.key' (AWS's path form). */
export function memberPath(name: string): string {
  const parts = name.split('.');
  const lc = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
  const out: string[] = [];
  for (let i = 0; i < parts.length; i++) {
    if (parts[i] === 'member' && /^\d+$/.test(parts[i + 1] ?? '')) {
      out.push(parts[i + 1], 'member');
      i++;
    } else out.push(lc(parts[i]));
  }
  return out.join('.');
}

/** [...v].length (code points: a surrogate pair counts once, a lone surrogate once) without an array per value
 *  (a SAMLAssertion is 8 KiB or more). */
const SURROGATE = /[\uD800-\uDFFF]/;

function codePointLength(v: string): number {
  if (!SURROGATE.test(v)) return v.length;
  let n = v.length;
  for (let i = 0; i < v.length - 1; i++) {
    const c = v.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = v.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        n--;
        i++;
      }
    }
  }
  return n;
}

function quote(v: string): string {
  return `'${v}'`;
}

export class ParamReader {
  private readonly errors: string[] = [];

  constructor(readonly params: QueryParams) {}

  private fail(name: string, value: string | null, constraint: string): void {
    this.errors.push(`Value ${value === null ? 'null' : quote(value)} at '${memberPath(name)}' failed to satisfy constraint: ${constraint}`);
  }

  private check(name: string, v: string, c: StringConstraint): void {
    const len = codePointLength(v);
    if (c.min !== undefined && len < c.min) this.fail(name, v, `Member must have length greater than or equal to ${c.min}`);
    if (c.max !== undefined && len > c.max) this.fail(name, v, `Member must have length less than or equal to ${c.max}`);
    if (c.pattern !== undefined && !fullMatch(c.pattern).test(v)) this.fail(name, v, `Member must satisfy regular expression pattern: ${c.pattern}`);
  }

  required(name: string, c: StringConstraint = {}): string {
    const v = this.params.get(name);
    if (v === undefined) {
      this.fail(name, null, 'Member must not be null');
      return '';
    }
    this.check(name, v, c);
    return v;
  }

  optional(name: string, c: StringConstraint = {}): string | undefined {
    const v = this.params.get(name);
    if (v !== undefined) this.check(name, v, c);
    return v;
  }

  int(name: string, c: { min?: number; max?: number; required?: boolean } = {}): number | undefined {
    const v = this.params.get(name);
    if (v === undefined) {
      if (c.required) this.fail(name, null, 'Member must not be null');
      return undefined;
    }
    if (!/^-?\d{1,10}$/.test(v)) {
      this.errors.push(`Value '${v}' at '${memberPath(name)}' failed to satisfy constraint: Member must be a number`);
      return undefined;
    }
    const n = Number(v);
    if (c.min !== undefined && n < c.min) this.fail(name, v, `Member must have value greater than or equal to ${c.min}`);
    if (c.max !== undefined && n > c.max) this.fail(name, v, `Member must have value less than or equal to ${c.max}`);
    return n;
  }

  bool(name: string): boolean | undefined {
    const v = this.params.get(name);
    if (v === undefined) return undefined;
    if (v !== 'true' && v !== 'false') {
      this.errors.push(`Value '${v}' at '${memberPath(name)}' failed to satisfy constraint: Member must be a boolean`);
      return undefined;
    }
    return v === 'true';
  }

  enumOf<T extends string>(name: string, values: readonly T[], required = false): T | undefined {
    const v = required ? this.required(name) : this.optional(name);
    if (v === undefined || (required && v === '' && !this.params.has(name))) return undefined;
    if (!values.includes(v as T)) {
      this.fail(name, v, `Member must satisfy enum value set: [${values.join(', ')}]`);
      return undefined;
    }
    return v as T;
  }

  /** A list of strings: Name.member.1, Name.member.2, … (or `Name=` for an empty list). */
  list(name: string, item: StringConstraint = {}, c: { max?: number; required?: boolean } = {}): string[] | undefined {
    const out: string[] = [];
    for (let i = 1; ; i++) {
      const key = `${name}.member.${i}`;
      const v = this.params.get(key);
      if (v === undefined) break;
      this.check(key, v, item);
      out.push(v);
    }
    if (out.length === 0 && !this.params.has(name)) {
      if (c.required) this.fail(name, null, 'Member must not be null');
      return undefined;
    }
    if (c.max !== undefined && out.length > c.max) this.errors.push(`Value '[${out.join(', ')}]' at '${memberPath(name)}' failed to satisfy constraint: Member must have length less than or equal to ${c.max}`);
    return out;
  }

  /** Tags.member.N.Key / .Value with IAM's constraints (at most 50). */
  tags(name = 'Tags'): Tag[] | undefined {
    const out: Tag[] = [];
    for (let i = 1; ; i++) {
      const base = `${name}.member.${i}`;
      if (!this.params.has(`${base}.Key`) && !this.params.has(`${base}.Value`)) break;
      const Key = this.required(`${base}.Key`, { min: 1, max: 128, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' });
      const Value = this.required(`${base}.Value`, { min: 0, max: 256, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*' });
      out.push({ Key, Value });
    }
    if (out.length === 0 && !this.params.has(name)) return undefined;
    if (out.length > 50) this.errors.push(`Value at '${memberPath(name)}' failed to satisfy constraint: Member must have length less than or equal to 50`);
    return out;
  }

  /** Throws the collected ValidationError, if any. Call once all parameters are read. */
  done(): void {
    if (this.errors.length === 0) return;
    const n = this.errors.length;
    throw new AwsError('ValidationError', `${n} validation error${n === 1 ? '' : 's'} detected: ${this.errors.join('; ')}`);
  }
}

/** IAM's shapes (botocore iam/2010-05-08/service-2.json). */
export const C = {
  userName: { min: 1, max: 64, pattern: '[\\w+=,.@-]+' },
  existingUserName: { min: 1, max: 128, pattern: '[\\w+=,.@-]+' },
  groupName: { min: 1, max: 128, pattern: '[\\w+=,.@-]+' },
  roleName: { min: 1, max: 64, pattern: '[\\w+=,.@-]+' },
  policyName: { min: 1, max: 128, pattern: '[\\w+=,.@-]+' },
  path: { min: 1, max: 512, pattern: '(\\u002F)|(\\u002F[\\u0021-\\u007E]+\\u002F)' },
  pathPrefix: { min: 1, max: 512, pattern: '\\u002F[\\u0021-\\u007F]*' },
  policyPathPrefix: { min: 1, max: 512, pattern: '((/[A-Za-z0-9\\.,\\+@=_-]+)*)/' },
  policyDocument: { min: 1, max: 131072, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' },
  arn: { min: 20, max: 2048 },
  roleDescription: { min: 0, max: 1000, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u00A1-\\u00FF]*' },
  policyDescription: { min: 0, max: 1000 },
  marker: { min: 1, max: 320, pattern: '[\\u0020-\\u00FF]+' },
  policyVersionId: { pattern: 'v[1-9][0-9]*(\\.[A-Za-z0-9-]*)?' },
  accessKeyId: { min: 16, max: 128, pattern: '[\\w]+' },
  samlProviderName: { min: 1, max: 128, pattern: '[\\w._-]+' },
  samlMetadata: { min: 1000, max: 10000000 },
  oidcUrl: { min: 1, max: 255 },
  clientId: { min: 1, max: 255 },
  thumbprint: { min: 40, max: 40 },
  serialNumber: { min: 9, max: 256, pattern: '[\\w+=/:,.@-]+' },
  authenticationCode: { min: 6, max: 6, pattern: '[\\d]+' },
  virtualMfaDeviceName: { min: 1, max: 226, pattern: '[\\w+=,.@-]+' },
  tagKey: { min: 1, max: 128, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' },
} satisfies Record<string, StringConstraint>;

/** Marker/MaxItems pagination parameters of List* actions. */
export function readPaging(r: ParamReader): { marker?: string; maxItems: number } {
  const marker = r.optional('Marker', C.marker);
  const maxItems = r.int('MaxItems', { min: 1, max: 1000 }) ?? 100;
  return { marker, maxItems };
}
