// awsQuery request parameters: form-encoded body and query string merged, each name at most once.
// The query string is decoded exactly as the SigV4 verifier canonicalizes it (RFC 3986: `%XX` only, a `+` is a
// literal plus), so an operation always gets the value that was signed. The body is
// application/x-www-form-urlencoded (`+` is a space there); it is signed as bytes, so any decoding agrees.
import { AwsError } from '../contracts/errors.ts';

export type QueryParams = ReadonlyMap<string, string>;

// The signature parameters of presigned URLs are not operation parameters.
const AUTH_PARAMS = new Set(['X-Amz-Algorithm', 'X-Amz-Credential', 'X-Amz-Date', 'X-Amz-SignedHeaders', 'X-Amz-Signature', 'X-Amz-Expires', 'X-Amz-Security-Token']);

function decode(s: string, plusIsSpace: boolean): string {
  try {
    return decodeURIComponent(plusIsSpace ? s.replace(/\+/g, ' ') : s);
  } catch {
    throw new AwsError('MalformedQueryString', 'The query string or body could not be decoded: bad percent-encoding.');
  }
}

function addPairs(target: Map<string, string>, raw: string, plusIsSpace: boolean): void {
  if (!raw) return;
  for (const part of raw.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const name = decode(eq < 0 ? part : part.slice(0, eq), plusIsSpace);
    const value = eq < 0 ? '' : decode(part.slice(eq + 1), plusIsSpace);
    if (AUTH_PARAMS.has(name)) continue;
    if (target.has(name)) throw new AwsError('InvalidQueryParameter', `The parameter ${name} appears more than once in the request.`);
    target.set(name, value);
  }
}

export function parseQueryParams(rawQuery: string, body: string): QueryParams {
  const params = new Map<string, string>();
  addPairs(params, rawQuery, false);
  addPairs(params, body, true);
  return params;
}
