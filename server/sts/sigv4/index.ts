// Server-side AWS Signature Version 4 for the IAM and STS Query APIs, exactly as AWS checks it.
//   parseSigV4     what a request claims (Authorization header or presigned query), or undefined
//   verifySigV4    AWS's checks and the signature, given the access key's secret
//   signRequest    the client side, for tests and benchmarks (presignUrl for presigned GETs)
export type { IncomingSignedRequest, SigV4Auth, VerifyOptions } from './types.ts';
export { parseSigV4 } from './parse.ts';
export { checkSigV4Request, expectedSignature, verifySigV4 } from './verify.ts';
export { presignUrl, signRequest } from './sign.ts';
export type { SigningCredentials, SigningOptions } from './sign.ts';
export {
  canonicalHeaders,
  canonicalHeaderValue,
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  EMPTY_SHA256,
  sha256Hex,
  stringToSign,
} from './canonical.ts';
export { deriveSigningKey, SigningKeyCache, signingKeys } from './signing-key.ts';
export { formatAmzDate, parseAmzDate } from './amz-date.ts';
export { SIGNATURE_MISMATCH } from './messages.ts';
