// The request a verifier sees and what its SigV4 authentication claims.

export interface IncomingSignedRequest {
  method: string; // 'POST' | 'GET'
  /** Raw request path as received, without the query string, e.g. '/'. */
  path: string;
  /** Raw query string without '?', '' if none. */
  rawQuery: string;
  /** As node's http gives them (lower-case names). */
  headers: Record<string, string | string[] | undefined>;
  /** node's `req.rawHeaders`, optional: lets repeated signed headers be joined exactly as sent. */
  rawHeaders?: readonly string[];
  /** Raw body bytes. */
  body: Buffer;
}

export interface SigV4Auth {
  accessKeyId: string;
  scopeDate: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  amzDate: Date;
  securityToken?: string;
  presigned: boolean;
  expiresSeconds?: number;
  /** The request timestamp as the string to sign carries it (X-Amz-Date verbatim). */
  amzDateText?: string;
  /** The fifth credential element; AWS requires 'aws4_request'. */
  terminator?: string;
}

export interface VerifyOptions {
  now: Date;
  /** The service the credential scope must name ('sts', 'iam', 'cloudtrail'; a relying service's name for POST /authorize). */
  expectedService: string;
  /** Regions this endpoint answers for; absent: any well-formed region (custom endpoints sign with the client's region). */
  regions?: ReadonlySet<string>;
  /**
   * Append what the server computed to SignatureDoesNotMatch, as STS does on the wire
   * ("\n\nThe Canonical String for this request should have been\n'…'\n\nThe String-to-Sign should
   * have been\n'…'\n", boto/boto3#756). Off by default: the message is then the first sentence block only.
   */
  explainMismatch?: boolean;
}
