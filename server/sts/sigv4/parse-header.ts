// The Authorization header form:
//   AWS4-HMAC-SHA256 Credential=AKID/20261128/us-east-1/sts/aws4_request, SignedHeaders=host;x-amz-date, Signature=<hex>
import { formatAmzDate, parseHttpDate } from './amz-date.ts';
import { sigV4Auth } from './credential.ts';
import { incompleteSignature, msg } from './messages.ts';
import type { IncomingSignedRequest, SigV4Auth } from './types.ts';

export const ALGORITHM = 'AWS4-HMAC-SHA256';

// What splits the parts of the header: whitespace (as JS \s does for Latin-1) and commas.
function isSeparator(c: number): boolean {
  return c === 0x20 || c === 0x2c || (c >= 0x09 && c <= 0x0d) || c === 0xa0;
}

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** Parses a header that starts with `AWS4-`; throws IncompleteSignature with AWS's messages when malformed. */
export function parseAuthorizationHeader(req: IncomingSignedRequest, header: string): SigV4Auth {
  // The algorithm ends at the first whitespace; then come key=value parts (the last of a key wins).
  const n = header.length;
  let i = 0;
  while (i < n && (header.charCodeAt(i) === 0x2c || !isSeparator(header.charCodeAt(i)))) i++;
  const algorithm = header.slice(0, i);
  let credential: string | undefined;
  let signature: string | undefined;
  let signedHeaders: string | undefined;
  while (i < n) {
    if (isSeparator(header.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i;
    while (j < n && !isSeparator(header.charCodeAt(j))) j++;
    const eq = header.indexOf('=', i);
    if (eq < 0 || eq >= j) throw incompleteSignature(msg.notKeyValue(header.slice(i, j), header));
    const key = header.slice(i, eq);
    if (key === 'Credential') credential = header.slice(eq + 1, j);
    else if (key === 'Signature') signature = header.slice(eq + 1, j);
    else if (key === 'SignedHeaders') signedHeaders = header.slice(eq + 1, j);
    i = j;
  }

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
  const token = first(req.headers['x-amz-security-token']);
  const auth = sigV4Auth(credential!, signedHeaders!, signature!, amzDate, xAmzDate ?? formatAmzDate(amzDate), false);
  if (token !== undefined) auth.securityToken = token;
  return auth;
}
