// Where a request's SigV4 authentication is, and what it claims. Order and wording follow AWS's
// authenticator: both forms at once → error; a non-AWS4 Authorization header or a foreign
// X-Amz-Algorithm counts as no authentication (AWS answers MissingAuthenticationToken).
import { signatureDoesNotMatch, msg } from './messages.ts';
import { ALGORITHM, parseAuthorizationHeader } from './parse-header.ts';
import { parsePresigned, readQueryAuth } from './parse-query.ts';
import type { IncomingSignedRequest, SigV4Auth } from './types.ts';

export function parseSigV4(req: IncomingSignedRequest): SigV4Auth | undefined {
  const raw = req.headers['authorization'];
  const header = (Array.isArray(raw) ? raw[0] : raw)?.trim() || undefined;
  const query = readQueryAuth(req.rawQuery);
  if (header !== undefined && query !== undefined) throw signatureDoesNotMatch(msg.bothHeaderAndQuery);
  if (header !== undefined) return header.startsWith('AWS4-') ? parseAuthorizationHeader(req, header) : undefined;
  if (query !== undefined) return query.get('X-Amz-Algorithm') === ALGORITHM ? parsePresigned(req, query) : undefined;
  return undefined;
}
