// SigV4 authentication of an API request, shared by the Query API (iam, sts) and the AWS JSON API
// (cloudtrail): long-term keys from the store, temporary ones from their session token.
import { AwsError } from '../contracts/errors.ts';
import type { Caller } from '../iam/caller.ts';
import type { CredentialResolver } from '../iam/credentials.ts';
import type { KeyRing } from '../keys/keyring.ts';
import type { DirectorySessionChecker } from '../sts/directory-sessions.ts';
import type { RevocationList } from '../sts/revocation.ts';
import { checkSigV4Request, parseSigV4, verifySigV4, type IncomingSignedRequest, type VerifyOptions } from '../sts/sigv4/index.ts';
import { resolveTemporary } from '../sts/temporary-credentials.ts';

export interface AuthenticateDeps {
  keys: KeyRing;
  credentials: CredentialResolver;
  revocations: RevocationList;
  directorySessions?: DirectorySessionChecker;
}

export async function authenticateRequest(deps: AuthenticateDeps, req: IncomingSignedRequest, service: VerifyOptions['expectedService'], now: Date): Promise<Caller> {
  const auth = parseSigV4(req);
  if (!auth) throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token');
  const opts = { now, expectedService: service, explainMismatch: true };
  checkSigV4Request(auth, opts); // clock skew and scope come before key lookup, as on AWS
  const resolved = auth.accessKeyId.startsWith('ASIA')
    ? await resolveTemporary(deps.keys, deps.revocations, deps.credentials, auth.accessKeyId, auth.securityToken, now, deps.directorySessions)
    : await deps.credentials.resolve(auth.accessKeyId, now.getTime());
  verifySigV4(req, auth, resolved.secretAccessKey, opts);
  return resolved.caller;
}
