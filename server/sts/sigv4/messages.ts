// AWS's wording for every SigV4 failure, in one place. Sources (see README in this folder):
// real STS/IAM/SES/DynamoDB responses quoted in public issues, dynalite's captures of AWS's
// authenticator, and scratchstack-aws-signature's reconstruction of AWS's error ordering.
import { AwsError } from '../../contracts/errors.ts';

export const SIGNATURE_MISMATCH =
  'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.';

export function signatureDoesNotMatch(message = SIGNATURE_MISMATCH): AwsError {
  return new AwsError('SignatureDoesNotMatch', message);
}

export function incompleteSignature(message: string): AwsError {
  return new AwsError('IncompleteSignature', message);
}

export const msg = {
  bothHeaderAndQuery: "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
  notKeyValue: (token: string, header: string) =>
    `'${token}' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`,
  headerRequiresCredential: "Authorization header requires 'Credential' parameter.",
  headerRequiresSignature: "Authorization header requires 'Signature' parameter.",
  headerRequiresSignedHeaders: "Authorization header requires 'SignedHeaders' parameter.",
  headerRequiresDate: "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  headerMissingSuffix: (header: string) => `Authorization=${header}`,
  queryRequires: (name: string) => `AWS query-string parameters must include '${name}'.`,
  queryMissingSuffix: 'Re-examine the query-string parameters.',
  badDate: (text: string) => `Date must be in ISO-8601 'basic format'. Got '${text}'. See http://en.wikipedia.org/wiki/ISO_8601`,
  unsupportedAlgorithm: (alg: string) => `Unsupported AWS 'algorithm': '${alg}' (only AWS4-HMAC-SHA256 for now). `,
  credentialElements: (credential: string) =>
    `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${credential}'`,
  expiresNotNumber: 'X-Amz-Expires should be a number',
  expiresNegative: 'X-Amz-Expires must be non-negative',
  expiresZero: 'X-Amz-Expires must be at least 1 second',
  expiresTooLong:
    'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
  /** `window`: the skew allowed (15 min) or a presigned URL's X-Amz-Expires ("60 sec", "2 min"). */
  expired: (request: string, limit: string, now: string, window = '15 min') => `Signature expired: ${request} is now earlier than ${limit} (${now} - ${window}.)`,
  notYetCurrent: (request: string, limit: string, now: string) =>
    `Signature not yet current: ${request} is still later than ${limit} (${now} + 15 min.)`,
  hostNotSigned: "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
  // The four scope checks are reported together, each sentence as AWS ends it (". " except the date one).
  scopeRegion: (region: string) => `Credential should be scoped to a valid region, not '${region}'. `,
  scopeService: (service: string) => `Credential should be scoped to correct service: '${service}'. `,
  scopeTerminator: (terminator: string) => `Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'. `,
  scopeDate: (scopeDate: string, requestDate: string, amzDate: string) =>
    `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${scopeDate}' != '${requestDate}', from '${amzDate}'.`,
} as const;
