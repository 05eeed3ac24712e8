// Verifies temporary credentials (ASIA… + X-Amz-Security-Token) with the key ring, the revocation list and
// the session's principal (still the role or user of the same unique id); returns the session's secret and
// the caller it stands for.
import { AwsError } from '../contracts/errors.ts';
import type { KeyRing } from '../keys/keyring.ts';
import type { Caller } from '../iam/caller.ts';
import type { CredentialResolver } from '../iam/credentials.ts';
import type { DirectorySessionChecker } from './directory-sessions.ts';
import { stillBound } from './principal-binding.ts';
import type { RevocationList } from './revocation.ts';
import { openSession, SessionTokenError } from '../sessions/session-token.ts';

const INVALID = 'The security token included in the request is invalid.';

export async function resolveTemporary(
  keys: KeyRing,
  revocations: RevocationList,
  principals: Pick<CredentialResolver, 'principalId'>,
  accessKeyId: string,
  token: string | undefined,
  now: Date,
  directorySessions?: DirectorySessionChecker,
): Promise<{ secretAccessKey: string; caller: Caller }> {
  if (!token) throw new AwsError('InvalidClientTokenId', INVALID);
  let session;
  try {
    session = await openSession(keys, token);
  } catch (err) {
    if (err instanceof SessionTokenError) throw new AwsError('InvalidClientTokenId', INVALID, { cause: err });
    throw err;
  }
  if (session.accessKeyId !== accessKeyId) throw new AwsError('InvalidClientTokenId', INVALID);
  if (now.getTime() >= session.expiresAt * 1000) throw new AwsError('ExpiredToken', 'The security token included in the request is expired');
  if (await revocations.revoked(session, now.getTime())) throw new AwsError('InvalidClientTokenId', INVALID);
  // the role (or user) deleted, even if one of the same name exists again: the session died with it
  if (!(await stillBound(session, (a, k, n, t) => principals.principalId(a, k, n, t), now.getTime()))) throw new AwsError('InvalidClientTokenId', INVALID);
  if (directorySessions && !(await directorySessions.stillAllowed(session, now))) throw new AwsError('InvalidClientTokenId', INVALID);
  return {
    secretAccessKey: session.secretAccessKey,
    caller: { type: session.type, account: session.account, arn: session.arn, userId: session.userId, userName: session.userName, accessKeyId, temporary: true, session },
  };
}
