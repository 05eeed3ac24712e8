// Who is calling: the principal behind a verified signature.
import type { Session } from '../sessions/session-token.ts';

export interface Caller {
  type: 'User' | 'AssumedRole' | 'FederatedUser' | 'Root';
  account: string;
  arn: string;
  /** AIDA… for users; AROA…:session for assumed roles. */
  userId: string;
  /** The IAM user's name (type User). */
  userName?: string;
  /** The access key id that signed the request. */
  accessKeyId: string;
  /** True when the caller authenticated with temporary credentials. */
  temporary: boolean;
  /** The session behind temporary credentials. */
  session?: Session;
}
