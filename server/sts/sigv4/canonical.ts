// The SigV4 canonical request, built the way AWS builds it for non-S3 services:
//   Method \n CanonicalURI \n CanonicalQueryString \n CanonicalHeaders \n SignedHeaders \n HashedPayload
import { createHash } from 'node:crypto';
import { normalizeComponent, uriEncode } from './uri-encoding.ts';

export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

export function sha256Hex(data: string | Buffer): string {
  if (data.length === 0) return EMPTY_SHA256;
  return createHash('sha256').update(data).digest('hex');
}

/**
 * CanonicalURI from the path as it came over the wire (still percent-encoded once): drop empty and `.`
 * segments, resolve `..`, keep a trailing `/`, then percent-encode again keeping `/`, so `%2F` becomes
 * `%252F` (botocore `remove_dot_segments` + `quote(safe='/~')`, @smithy/signature-v4 `getCanonicalPath`).
 */
export function canonicalUri(path: string): string {
  if (path === '/' || path === '') return '/';
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  let normalized = (path.startsWith('/') ? '/' : '') + segments.join('/');
  if (segments.length > 0 && path.endsWith('/')) normalized += '/';
  return uriEncode(normalized, true);
}

function byKeyThenValue(a: [string, string], b: [string, string]): number {
  if (a[0] !== b[0]) return a[0] < b[0] ? -1 : 1;
  return a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0;
}

/**
 * CanonicalQueryString from the raw query: every key and value decoded and re-encoded per RFC 3986,
 * `key=` for a key without value, pairs sorted by encoded key then encoded value. A presigned request
 * leaves out its own `X-Amz-Signature`.
 */
export function canonicalQuery(rawQuery: string, presigned: boolean): string {
  if (rawQuery === '') return '';
  const pairs: [string, string][] = [];
  for (const part of rawQuery.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const key = normalizeComponent(eq < 0 ? part : part.slice(0, eq));
    if (presigned && key === 'X-Amz-Signature') continue;
    pairs.push([key, eq < 0 ? '' : normalizeComponent(part.slice(eq + 1))]);
  }
  if (pairs.length > 1) pairs.sort(byKeyThenValue);
  let out = '';
  for (let i = 0; i < pairs.length; i++) out += (i === 0 ? '' : '&') + pairs[i][0] + '=' + pairs[i][1];
  return out;
}

const NEEDS_TRIM = /^[ \t]|[ \t]$|[ \t]{2}|\t|[\r\n]/;

/** A header value as SigV4 signs it: trimmed, runs of spaces and tabs collapsed to one space. */
export function canonicalHeaderValue(value: string): string {
  if (!NEEDS_TRIM.test(value)) return value;
  return value.replace(/[\r\n]/g, ' ').replace(/[ \t]+/g, ' ').trim();
}

export interface HeaderSource {
  headers: Record<string, string | string[] | undefined>;
  /** node's `req.rawHeaders`: when given, repeated headers are joined with `,` exactly as sent. */
  rawHeaders?: readonly string[];
}

/** The canonical value of one (lower-case) header, repeated occurrences joined with `,`; undefined if absent. */
export function signedHeaderValue(src: HeaderSource, name: string): string | undefined {
  if (src.rawHeaders) {
    let out: string | undefined;
    for (let i = 0; i + 1 < src.rawHeaders.length; i += 2) {
      if (src.rawHeaders[i].length !== name.length || src.rawHeaders[i].toLowerCase() !== name) continue;
      const v = canonicalHeaderValue(src.rawHeaders[i + 1]);
      out = out === undefined ? v : `${out},${v}`;
    }
    if (out !== undefined || name !== 'host') return out;
  }
  let value = src.headers[name];
  if (value === undefined && name === 'host') value = src.headers[':authority'];
  if (value === undefined) return undefined;
  if (typeof value === 'string') return canonicalHeaderValue(value);
  return value.map(canonicalHeaderValue).join(',');
}

/** CanonicalHeaders: one `name:value\n` line per signed header present, in SignedHeaders order. */
export function canonicalHeaders(src: HeaderSource, signedHeaders: readonly string[]): string {
  let out = '';
  for (const name of signedHeaders) {
    const value = signedHeaderValue(src, name);
    if (value !== undefined) out += `${name}:${value}\n`;
  }
  return out;
}

export function canonicalRequest(
  method: string,
  uri: string,
  query: string,
  headers: string,
  signedHeaders: string,
  payloadHash: string,
): string {
  return `${method}\n${uri}\n${query}\n${headers}\n${signedHeaders}\n${payloadHash}`;
}

export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return `AWS4-HMAC-SHA256\n${amzDate}\n${scope}\n${sha256Hex(canonical)}`;
}
