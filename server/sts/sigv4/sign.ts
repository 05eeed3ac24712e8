// The client side, for tests, benchmarks and the broker's own calls: sign a request the way the SDKs do.
import { formatAmzDate } from './amz-date.ts';
import { canonicalHeaderValue, canonicalQuery, canonicalRequest, canonicalUri, sha256Hex, stringToSign } from './canonical.ts';
import { ALGORITHM } from './parse-header.ts';
import { hmac, signingKeys } from './signing-key.ts';
import { uriEncode } from './uri-encoding.ts';

export interface SigningCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

export interface SigningOptions {
  region: string;
  service: string;
  now: Date;
}

// Headers the SDKs never sign (@smithy/signature-v4 ALWAYS_UNSIGNABLE_HEADERS, plus proxy-* and sec-*).
const UNSIGNABLE = new Set([
  'authorization', 'cache-control', 'connection', 'expect', 'from', 'keep-alive', 'max-forwards', 'pragma',
  'referer', 'te', 'trailer', 'transfer-encoding', 'upgrade', 'user-agent', 'x-amzn-trace-id',
]);

function signable(name: string): boolean {
  return !UNSIGNABLE.has(name) && !name.startsWith('proxy-') && !name.startsWith('sec-');
}

function signature(
  method: string,
  url: URL,
  rawQuery: string,
  headers: Map<string, string>,
  payloadHash: string,
  creds: SigningCredentials,
  opts: SigningOptions,
  amzDate: string,
): { signedHeaders: string; signature: string; scope: string } {
  const names = [...headers.keys()].sort();
  let lines = '';
  for (const name of names) lines += `${name}:${headers.get(name)}\n`;
  const signedHeaders = names.join(';');
  const canonical = canonicalRequest(method, canonicalUri(url.pathname), canonicalQuery(rawQuery, true), lines, signedHeaders, payloadHash);
  const scopeDate = amzDate.slice(0, 8);
  const scope = `${scopeDate}/${opts.region}/${opts.service}/aws4_request`;
  const key = signingKeys.get(creds.secretAccessKey, scopeDate, opts.region, opts.service);
  return { signedHeaders, signature: hmac(key, stringToSign(amzDate, scope, canonical)).toString('hex'), scope };
}

/**
 * Signs with an Authorization header, as botocore does (host, x-amz-date, the session token and every
 * signable header given). Returns the headers to add; `host` is signed from `url.host` unless given,
 * and not returned (HTTP clients set it from the URL).
 */
export function signRequest(
  req: { method: string; url: URL; headers: Record<string, string>; body: string | Buffer },
  creds: SigningCredentials,
  opts: SigningOptions,
): Record<string, string> {
  const amzDate = formatAmzDate(opts.now);
  const added: Record<string, string> = { 'x-amz-date': amzDate };
  if (creds.sessionToken !== undefined) added['x-amz-security-token'] = creds.sessionToken;
  const headers = new Map<string, string>();
  for (const [name, value] of Object.entries(req.headers)) {
    const lower = name.toLowerCase();
    if (signable(lower)) headers.set(lower, canonicalHeaderValue(value));
  }
  if (!headers.has('host')) headers.set('host', req.url.host);
  for (const [name, value] of Object.entries(added)) headers.set(name, value);
  const payloadHash = headers.get('x-amz-content-sha256') ?? sha256Hex(req.body);
  const s = signature(req.method, req.url, req.url.search.slice(1), headers, payloadHash, creds, opts, amzDate);
  added['authorization'] = `${ALGORITHM} Credential=${creds.accessKeyId}/${s.scope}, SignedHeaders=${s.signedHeaders}, Signature=${s.signature}`;
  return added;
}

/**
 * A presigned GET URL (botocore/SDK style: the empty body's hash, X-Amz-Expires default 900). Extra
 * `headers` are signed and must be sent with the URL (EKS tokens sign `x-k8s-aws-id` this way).
 */
export function presignUrl(
  url: URL,
  creds: SigningCredentials,
  opts: SigningOptions & { expiresSeconds?: number; headers?: Record<string, string> },
): URL {
  const amzDate = formatAmzDate(opts.now);
  const headers = new Map<string, string>([['host', url.host]]);
  for (const [name, value] of Object.entries(opts.headers ?? {})) headers.set(name.toLowerCase(), canonicalHeaderValue(value));
  const names = [...headers.keys()].sort().join(';');
  const scope = `${amzDate.slice(0, 8)}/${opts.region}/${opts.service}/aws4_request`;
  let query = url.search.slice(1);
  const add = (name: string, value: string) => {
    query += `${query === '' ? '' : '&'}${name}=${uriEncode(value)}`;
  };
  add('X-Amz-Algorithm', ALGORITHM);
  add('X-Amz-Credential', `${creds.accessKeyId}/${scope}`);
  add('X-Amz-Date', amzDate);
  add('X-Amz-Expires', String(opts.expiresSeconds ?? 900));
  add('X-Amz-SignedHeaders', names);
  if (creds.sessionToken !== undefined) add('X-Amz-Security-Token', creds.sessionToken);
  const s = signature('GET', url, query, headers, sha256Hex(''), creds, opts, amzDate);
  add('X-Amz-Signature', s.signature);
  const out = new URL(url.href);
  out.search = `?${query}`;
  return out;
}
