// SigV4 authentication of an API request, shared by the Query API (iam, sts), the AWS JSON API (cloudtrail) and
// POST /authorize: long-term keys from the store, temporary ones from their session token.
import { AwsError } from '../contracts/errors.ts';
import type { Caller } from '../iam/caller.ts';
import type { CredentialResolver } from '../iam/credentials.ts';
import type { KeyRing } from '../keys/keyring.ts';
import type { DirectorySessionChecker } from '../sts/directory-sessions.ts';
import type { RevocationList } from '../sts/revocation.ts';
import { checkSigV4Request, parseSigV4, verifySigV4, type IncomingSignedRequest, type VerifyOptions } from '../sts/sigv4/index.ts';
import { resolveTemporary } from '../sts/temporary-credentials.ts';
import type { Step } from './pipeline.ts';

export interface AuthenticateDeps {
  keys: KeyRing;
  credentials: CredentialResolver;
  revocations: RevocationList;
  directorySessions?: DirectorySessionChecker;
}

/** The service the signature's scope must name, and whether a mismatch tells the caller the string the broker
 *  signed (AWS does; /authorize does not for a forwarded request, whose forwarder is not the signer). */
export interface SigV4Expectation {
  service: VerifyOptions['expectedService'];
  explainMismatch: boolean;
}

const API: SigV4Expectation = { service: 'iam', explainMismatch: true };

export async function authenticateRequest(
  deps: AuthenticateDeps,
  req: IncomingSignedRequest,
  service: VerifyOptions['expectedService'] | SigV4Expectation,
  now: Date,
): Promise<Caller> {
  const expect = typeof service === 'string' ? { ...API, service } : service;
  const auth = parseSigV4(req);
  if (!auth) throw new AwsError('MissingAuthenticationToken');
  const opts = { now, expectedService: expect.service, explainMismatch: expect.explainMismatch };
  checkSigV4Request(auth, opts); // clock skew and scope come before key lookup, as on AWS
  const resolved = auth.accessKeyId.startsWith('ASIA')
    ? await resolveTemporary(deps.keys, deps.revocations, deps.credentials, auth.accessKeyId, auth.securityToken, now, deps.directorySessions)
    : await deps.credentials.resolve(auth.accessKeyId, now.getTime());
  verifySigV4(req, auth, resolved.secretAccessKey, opts);
  return resolved.caller;
}

/** What the SigV4 step reads and writes in a route's request state. */
export interface SignedState {
  signed?: IncomingSignedRequest;
  now?: Date;
  caller?: Caller;
}

/**
 * The pipeline step: verifies state.signed and sets state.caller, or throws the AWS error (nothing after it
 * runs). `expect` answers what the signature must name for this request, or undefined to skip (unsigned actions).
 */
export function sigv4Authentication<S extends SignedState>(deps: AuthenticateDeps, expect: (state: S) => SigV4Expectation | undefined): Step<S> {
  return async function authenticateSigV4(_ctx, state, next) {
    const e = expect(state);
    if (e) state.caller = await authenticateRequest(deps, state.signed!, e, state.now ?? new Date());
    return next();
  };
}
