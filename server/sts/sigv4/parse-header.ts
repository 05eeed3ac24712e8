// The Authorization header form:
//   AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=<hex>
import { formatAmzDate, parseHttpDate } from './amz-date.ts';
import { parseCredential } from './credential.ts';
import { incompleteSignature, msg } from './messages.ts';
import type { IncomingSignedRequest, SigV4Auth } from './types.ts';

export const ALGORITHM = 'AWS4-HMAC-SHA256';
const SEPARATORS = /[\s,]+/;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Parses a header that starts with `AWS4-`; throws IncompleteSignature with AWS's messages when malformed. */
export function parseAuthorizationHeader(req: IncomingSignedRequest, header: string): SigV4Auth {
  const space = header.search(/\s/);
  const algorithm = space < 0 ? header : header.slice(0, space);
  const params = new Map<string, string>();
  if (space >= 0) {
    for (const token of header.slice(space + 1).split(SEPARATORS)) {
      if (token === '') continue;
      const eq = token.indexOf('=');
      if (eq < 0) throw incompleteSignature(msg.notKeyValue(token, header));
      params.set(token.slice(0, eq), token.slice(eq + 1)); // the last occurrence wins
    }
  }

  const credential = params.get('Credential');
  const signature = params.get('Signature');
  const signedHeaders = params.get('SignedHeaders');
  const xAmzDate = first(req.headers['x-amz-date']);
  const dateText = xAmzDate ?? first(req.headers['date']);
  const missing: string[] = [];
  if (!credential) missing.push(msg.headerRequiresCredential);
  if (!signature) missing.push(msg.headerRequiresSignature);
  if (signedHeaders === undefined) missing.push(msg.headerRequiresSignedHeaders);
  if (dateText === undefined) missing.push(msg.headerRequiresDate);
  if (missing.length > 0) {
    missing.push(msg.headerMissingSuffix(header));
    throw incompleteSignature(missing.join(' '));
  }

  const amzDate = parseHttpDate(dateText!);
  if (!amzDate) throw incompleteSignature(msg.badDate(dateText!));
  if (algorithm !== ALGORITHM) throw incompleteSignature(msg.unsupportedAlgorithm(algorithm));
  const scope = parseCredential(credential!);
  const token = first(req.headers['x-amz-security-token']);
  const auth: SigV4Auth = {
    ...scope,
    signedHeaders: signedHeaders === '' ? [] : signedHeaders!.split(';'),
    signature: signature!,
    amzDate,
    amzDateText: xAmzDate ?? formatAmzDate(amzDate),
    presigned: false,
  };
  if (token !== undefined) auth.securityToken = token;
  return auth;
}
