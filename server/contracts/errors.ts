// The error catalog: every error the AWS Query APIs (IAM, STS) can answer with.
// Each code maps to its HTTP status and fault type; a new code without a mapping does not compile.

export type AwsErrorCode =
  // common to every awsQuery service
  | 'AccessDenied'
  | 'IncompleteSignature'
  | 'InternalFailure'
  | 'InvalidAction'
  | 'InvalidClientTokenId'
  | 'InvalidParameterCombination'
  | 'InvalidParameterValue'
  | 'InvalidQueryParameter'
  | 'MalformedQueryString'
  | 'MissingAction'
  | 'MissingAuthenticationToken'
  | 'MissingParameter'
  | 'OptInRequired'
  | 'RequestExpired'
  | 'ServiceUnavailable'
  | 'SignatureDoesNotMatch'
  | 'Throttling'
  | 'ValidationError'
  | 'ExpiredToken'
  | 'RequestEntityTooLarge'
  // the broker's POST /authorize: a body that is not the documented JSON
  | 'InvalidRequest'
  // IAM
  | 'NoSuchEntity'
  | 'EntityAlreadyExists'
  | 'DeleteConflict'
  | 'LimitExceeded'
  | 'MalformedPolicyDocument'
  | 'InvalidInput'
  | 'InvalidAuthenticationCode'
  | 'EntityTemporarilyUnmodifiable'
  | 'ConcurrentModification'
  | 'UnmodifiableEntity'
  | 'PolicyNotAttachable'
  | 'PolicyEvaluation'
  | 'ServiceFailure'
  // STS
  | 'PackedPolicyTooLarge'
  | 'RegionDisabledException'
  | 'ExpiredTokenException'
  | 'IDPRejectedClaim'
  | 'InvalidIdentityToken'
  | 'IDPCommunicationError'
  | 'InvalidAuthorizationMessageException';

export interface WireMapping {
  status: number;
  type: 'Sender' | 'Receiver';
  /** What the edges say when they raise this code themselves without a message of their own (server/contracts/wire-error.ts). */
  message?: string;
}

const UNKNOWN_FAILURE = 'The request processing has failed because of an unknown error, exception or failure.';

export const AWS_ERRORS: Record<AwsErrorCode, WireMapping> = {
  AccessDenied: { status: 403, type: 'Sender' },
  IncompleteSignature: { status: 400, type: 'Sender' },
  InternalFailure: { status: 500, type: 'Receiver', message: UNKNOWN_FAILURE },
  InvalidAction: { status: 400, type: 'Sender' },
  InvalidClientTokenId: { status: 403, type: 'Sender' },
  InvalidParameterCombination: { status: 400, type: 'Sender' },
  InvalidParameterValue: { status: 400, type: 'Sender' },
  InvalidQueryParameter: { status: 400, type: 'Sender' },
  MalformedQueryString: { status: 404, type: 'Sender' },
  MissingAction: { status: 400, type: 'Sender' },
  MissingAuthenticationToken: { status: 403, type: 'Sender', message: 'Request is missing Authentication Token' },
  MissingParameter: { status: 400, type: 'Sender' },
  OptInRequired: { status: 403, type: 'Sender' },
  RequestExpired: { status: 400, type: 'Sender' },
  ServiceUnavailable: { status: 503, type: 'Receiver', message: 'The service is unavailable. Please try again shortly.' },
  SignatureDoesNotMatch: { status: 403, type: 'Sender' },
  Throttling: { status: 400, type: 'Sender', message: 'Rate exceeded' },
  ValidationError: { status: 400, type: 'Sender' },
  ExpiredToken: { status: 403, type: 'Sender' },
  RequestEntityTooLarge: { status: 413, type: 'Sender' },
  InvalidRequest: { status: 400, type: 'Sender' },
  NoSuchEntity: { status: 404, type: 'Sender' },
  EntityAlreadyExists: { status: 409, type: 'Sender' },
  DeleteConflict: { status: 409, type: 'Sender' },
  LimitExceeded: { status: 409, type: 'Sender' },
  MalformedPolicyDocument: { status: 400, type: 'Sender' },
  InvalidInput: { status: 400, type: 'Sender' },
  InvalidAuthenticationCode: { status: 403, type: 'Sender' },
  EntityTemporarilyUnmodifiable: { status: 409, type: 'Sender' },
  ConcurrentModification: { status: 409, type: 'Sender' },
  UnmodifiableEntity: { status: 400, type: 'Sender' },
  PolicyNotAttachable: { status: 400, type: 'Sender' },
  PolicyEvaluation: { status: 500, type: 'Receiver' },
  ServiceFailure: { status: 500, type: 'Receiver', message: UNKNOWN_FAILURE },
  PackedPolicyTooLarge: { status: 400, type: 'Sender' },
  RegionDisabledException: { status: 403, type: 'Sender' },
  ExpiredTokenException: { status: 400, type: 'Sender' },
  IDPRejectedClaim: { status: 403, type: 'Sender' },
  InvalidIdentityToken: { status: 400, type: 'Sender' },
  IDPCommunicationError: { status: 400, type: 'Sender' },
  InvalidAuthorizationMessageException: { status: 400, type: 'Sender' },
};

/** An error that the Query API edge renders as AWS's ErrorResponse. */
export class AwsError extends Error {
  readonly code: AwsErrorCode;
  readonly status: number;
  readonly type: 'Sender' | 'Receiver';
  readonly expose = true;

  /** Without a message: the table's default for the code (or the code itself). */
  constructor(code: AwsErrorCode, message?: string, options?: { cause?: unknown }) {
    super(message ?? AWS_ERRORS[code].message ?? code, options);
    this.name = code;
    this.code = code;
    this.status = AWS_ERRORS[code].status;
    this.type = AWS_ERRORS[code].type;
  }
}

/** Raised by the store when a unique key already exists; actions map it to EntityAlreadyExists. */
export class ConflictError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'ConflictError';
  }
}

/** Raised by the store when it cannot be reached (database down, restarting, connection lost): a retryable
 *  condition that the edges answer with ServiceUnavailable (503) / LDAP unavailable (52). */
export class StoreUnavailableError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'StoreUnavailableError';
  }
}

/** Is a StoreUnavailableError somewhere in err's cause chain? */
export function isStoreUnavailable(err: unknown): boolean {
  for (let e = err, depth = 0; e instanceof Error && depth < 5; e = e.cause, depth++) if (e instanceof StoreUnavailableError) return true;
  return false;
}

/** What a page or the command line is told when the store cannot be reached (retryable). */
export const STORE_UNAVAILABLE_MESSAGE = 'The broker cannot reach its store right now. Try again in a moment.';
