// Server-side SigV4 verification: AWS's checks in AWS's order, then the signature in constant time.
import { timingSafeEqual } from 'node:crypto';
import { formatAmzDate } from './amz-date.ts';
import { canonicalHeaders, canonicalQuery, canonicalRequest, canonicalUri, sha256Hex, signedHeaderValue, stringToSign } from './canonical.ts';
import { msg, SIGNATURE_MISMATCH, signatureDoesNotMatch } from './messages.ts';
import { hmac, signingKeys } from './signing-key.ts';
import type { IncomingSignedRequest, SigV4Auth, VerifyOptions } from './types.ts';

const SKEW_MS = 15 * 60 * 1000;
// What the SDKs accept as a region (a host label); custom endpoints sign with whatever the client is configured with.
const REGION = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/;

/** "60 sec", "15 min": how AWS's expiry message names a window. */
function windowText(seconds: number): string {
  return seconds % 60 === 0 ? `${seconds / 60} min` : `${seconds} sec`;
}

/**
 * The checks AWS makes before it looks the access key up: the request's age (an Authorization header, or
 * a presigned URL without X-Amz-Expires: ±15 min of clock skew; a presigned URL with X-Amz-Expires: that
 * many seconds from X-Amz-Date, 1 s to 7 days, and not more than 15 min ahead), `host` signed, and the
 * credential scope (region, service, terminator, date), the four scope problems reported in one message.
 */
export function checkSigV4Request(auth: SigV4Auth, opts: VerifyOptions): void {
  const now = Math.floor(opts.now.getTime() / 1000) * 1000;
  const at = auth.amzDate.getTime();
  const lifetime = auth.presigned && auth.expiresSeconds !== undefined ? auth.expiresSeconds * 1000 : SKEW_MS;
  if (at < now - lifetime) {
    throw signatureDoesNotMatch(msg.expired(formatAmzDate(auth.amzDate), formatAmzDate(new Date(now - lifetime)), formatAmzDate(new Date(now)), windowText(lifetime / 1000)));
  }
  if (at > now + SKEW_MS) {
    throw signatureDoesNotMatch(msg.notYetCurrent(formatAmzDate(auth.amzDate), formatAmzDate(new Date(now + SKEW_MS)), formatAmzDate(new Date(now))));
  }
  if (!auth.signedHeaders.includes('host') && !auth.signedHeaders.includes(':authority')) throw signatureDoesNotMatch(msg.hostNotSigned);

  let problems = '';
  if (!REGION.test(auth.region) || (opts.regions !== undefined && !opts.regions.has(auth.region))) problems += msg.scopeRegion(auth.region);
  if (auth.service !== opts.expectedService) problems += msg.scopeService(opts.expectedService);
  const terminator = auth.terminator ?? 'aws4_request';
  if (terminator !== 'aws4_request') problems += msg.scopeTerminator(terminator);
  const dateText = auth.amzDateText ?? formatAmzDate(auth.amzDate);
  const requestDay = dateText.slice(0, 8);
  if (auth.scopeDate !== requestDay) problems += msg.scopeDate(auth.scopeDate, requestDay, dateText);
  if (problems !== '') throw signatureDoesNotMatch(problems);
}

interface Computed {
  canonical: string;
  toSign: string;
  signature: string;
}

function compute(req: IncomingSignedRequest, auth: SigV4Auth, secretAccessKey: string, payloadHash: string, method: string): Computed {
  const canonical = canonicalRequest(
    method,
    canonicalUri(req.path),
    canonicalQuery(req.rawQuery, auth.presigned),
    canonicalHeaders(req, auth.signedHeaders),
    auth.signedHeaders.join(';'),
    payloadHash,
  );
  const scope = `${auth.scopeDate}/${auth.region}/${auth.service}/aws4_request`;
  const toSign = stringToSign(auth.amzDateText ?? formatAmzDate(auth.amzDate), scope, canonical);
  const key = signingKeys.get(secretAccessKey, auth.scopeDate, auth.region, auth.service);
  return { canonical, toSign, signature: hmac(key, toSign).toString('hex') };
}

/** The signature the request should carry, given the secret of its access key. */
export function expectedSignature(req: IncomingSignedRequest, auth: SigV4Auth, secretAccessKey: string): string {
  return compute(req, auth, secretAccessKey, sha256Hex(req.body), req.method).signature;
}

function matches(given: Buffer, expectedHex: string): boolean {
  const expected = Buffer.from(expectedHex, 'latin1');
  return given.length === expected.length && timingSafeEqual(given, expected);
}

// STS explains a mismatch with what it computed, as every awsQuery service does (boto/boto3#756).
function mismatch(c: Computed, explain: boolean | undefined) {
  if (!explain) return signatureDoesNotMatch();
  return signatureDoesNotMatch(
    `${SIGNATURE_MISMATCH}\n\nThe Canonical String for this request should have been\n'${c.canonical}'\n\nThe String-to-Sign should have been\n'${c.toSign}'\n`,
  );
}

export function verifySigV4(req: IncomingSignedRequest, auth: SigV4Auth, secretAccessKey: string, opts: VerifyOptions): void {
  checkSigV4Request(auth, opts);
  // The hash is always the body's own. A declared x-amz-content-sha256 (which the SDKs sign in its
  // place) must equal it, so UNSIGNED-PAYLOAD and streaming markers never pass on a Query API.
  const payloadHash = sha256Hex(req.body);
  const given = Buffer.from(auth.signature, 'latin1');
  const computed = compute(req, auth, secretAccessKey, payloadHash, req.method);
  const declared = signedHeaderValue(req, 'x-amz-content-sha256');
  if (declared !== undefined && declared !== payloadHash) throw mismatch(computed, opts.explainMismatch);
  if (matches(given, computed.signature)) return;
  // botocore's generate_presigned_url signs with the operation's method (POST) though the URL is then
  // fetched with GET. AWS refuses such URLs; the broker accepts them, as the parameters are all in the
  // signed query either way (a deliberate leniency, see README).
  if (auth.presigned && req.method === 'GET' && req.body.length === 0) {
    if (matches(given, compute(req, auth, secretAccessKey, payloadHash, 'POST').signature)) return;
  }
  throw mismatch(computed, opts.explainMismatch);
}
