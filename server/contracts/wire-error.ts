// Every HTTP edge's one mapping from a thrown error to what goes on the wire (code, status, fault type, message);
// each edge then renders it in its own form (Query API XML or JSON, /authorize and /cli/* JSON, portal HTML).
//   an AwsError                     → its code, its table row, its message
//   the store unreachable           → ServiceUnavailable (503, retryable)
//   anything else (a bug, a crash)  → the edge's internal code (InternalFailure; IAM says ServiceFailure)
// Messages are the error table's defaults unless the edge words a code for its readers (a page, a terminal).
import { AWS_ERRORS, AwsError, isStoreUnavailable, type AwsErrorCode } from './errors.ts';

export interface WireError {
  code: AwsErrorCode;
  status: number;
  type: 'Sender' | 'Receiver';
  message: string;
  /** Not an error the broker raised on purpose (unknown, or the store unreachable): the edge logs the original. */
  unexpected: boolean;
}

export interface WireWording {
  /** The code for failures the broker cannot explain (default InternalFailure). */
  internal?: 'InternalFailure' | 'ServiceFailure';
  /** The edge's own message for a code it maps (ServiceUnavailable, the internal code); else the table's. */
  messages?: Partial<Record<AwsErrorCode, string>>;
}

function mapped(code: AwsErrorCode, wording: WireWording): WireError {
  const row = AWS_ERRORS[code];
  return { code, status: row.status, type: row.type, message: wording.messages?.[code] ?? row.message ?? code, unexpected: true };
}

export function toWireError(err: unknown, wording: WireWording = {}): WireError {
  if (err instanceof AwsError) return { code: err.code, status: err.status, type: err.type, message: err.message, unexpected: false };
  if (isStoreUnavailable(err)) return mapped('ServiceUnavailable', wording); // retryable: the SDKs try again
  return mapped(wording.internal ?? 'InternalFailure', wording);
}
