// The presigned (query-string) form: X-Amz-Algorithm, X-Amz-Credential, X-Amz-Date, X-Amz-Expires,
// X-Amz-SignedHeaders, X-Amz-Signature and optionally X-Amz-Security-Token, all in the URL.
import { parseAmzDate } from './amz-date.ts';
import { sigV4Auth } from './credential.ts';
import { incompleteSignature, msg } from './messages.ts';
import type { IncomingSignedRequest, SigV4Auth } from './types.ts';
import { decodeComponent } from './uri-encoding.ts';

const MAX_EXPIRES = 604800; // one week, the longest any SigV4 presigned URL may claim (the shortest: 1 s)

/** The first value of each `X-Amz-*` query parameter (decoded); undefined when there is no X-Amz-Algorithm. */
export function readQueryAuth(rawQuery: string): Map<string, string> | undefined {
  if (rawQuery === '' || !rawQuery.includes('X-Amz-Algorithm')) return undefined;
  const found = new Map<string, string>();
  for (const part of rawQuery.split('&')) {
    if (!part.startsWith('X-Amz-')) continue;
    const eq = part.indexOf('=');
    const key = eq < 0 ? part : part.slice(0, eq);
    if (!found.has(key)) found.set(key, eq < 0 ? '' : decodeComponent(part.slice(eq + 1)));
  }
  return found.has('X-Amz-Algorithm') ? found : undefined;
}

function parseExpires(text: string): number {
  if (!/^-?\d+$/.test(text)) throw incompleteSignature(msg.expiresNotNumber);
  const value = Number(text);
  if (value < 0) throw incompleteSignature(msg.expiresNegative);
  if (value === 0) throw incompleteSignature(msg.expiresZero);
  if (value > MAX_EXPIRES) throw incompleteSignature(msg.expiresTooLong);
  return value;
}

/** Parses a presigned request whose X-Amz-Algorithm is AWS4-HMAC-SHA256. */
export function parsePresigned(req: IncomingSignedRequest, q: Map<string, string>): SigV4Auth {
  const credential = q.get('X-Amz-Credential');
  const signature = q.get('X-Amz-Signature');
  const signedHeaders = q.get('X-Amz-SignedHeaders');
  const dateText = q.get('X-Amz-Date');
  const missing: string[] = [];
  if (!credential) missing.push(msg.queryRequires('X-Amz-Credential'));
  if (!signature) missing.push(msg.queryRequires('X-Amz-Signature'));
  if (signedHeaders === undefined) missing.push(msg.queryRequires('X-Amz-SignedHeaders'));
  if (!dateText) missing.push(msg.queryRequires('X-Amz-Date'));
  if (missing.length > 0) {
    missing.push(msg.queryMissingSuffix);
    throw incompleteSignature(missing.join(' '));
  }

  const amzDate = parseAmzDate(dateText!);
  if (!amzDate) throw incompleteSignature(msg.badDate(dateText!));
  const expires = q.get('X-Amz-Expires');
  const token = q.get('X-Amz-Security-Token') ?? req.headers['x-amz-security-token'];
  const auth = sigV4Auth(credential!, signedHeaders!, signature!, amzDate, dateText!, true);
  if (expires !== undefined) auth.expiresSeconds = parseExpires(expires);
  if (token !== undefined) auth.securityToken = Array.isArray(token) ? token[0] : token;
  return auth;
}
