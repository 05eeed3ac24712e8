// The Query API's dependencies and the typed state its steps share for one request (./index.ts composes them).
import type { WireError } from '../../contracts/wire-error.ts';
import type { RateLimiter, Store } from '../../contracts/store.ts';
import type { KeyRing } from '../../keys/keyring.ts';
import type { ActionContext, ActionServices, IamAction } from '../../iam/action.ts';
import type { Authorizer } from '../../iam/authorizer.ts';
import type { Caller } from '../../iam/caller.ts';
import type { CredentialResolver } from '../../iam/credentials.ts';
import type { RevocationList } from '../../sts/revocation.ts';
import type { DirectorySessionChecker } from '../../sts/directory-sessions.ts';
import type { IncomingSignedRequest } from '../../sts/sigv4/index.ts';
import type { AuditLog } from '../../audit/audit-log.ts';
import type { XmlNode } from '../../query-protocol/xml.ts';

export interface QueryService {
  name: 'iam' | 'sts';
  version: string;
  namespace: string;
  actions: ReadonlyMap<string, IamAction>;
  /** Actions callable without a signature (AssumeRoleWithSAML, AssumeRoleWithWebIdentity). */
  unsigned?: ReadonlySet<string>;
  /** The code for failures the broker cannot explain (IAM: ServiceFailure, STS: InternalFailure). */
  internalError: 'ServiceFailure' | 'InternalFailure';
}

export interface QueryApiDeps {
  store: Store;
  keys: KeyRing;
  services: QueryService[];
  credentials: CredentialResolver;
  revocations: RevocationList;
  directorySessions?: DirectorySessionChecker;
  authorizer: Authorizer;
  actionServices: ActionServices;
  bodyLimit: number;
  /** Called after every successful write, so that caches drop what they hold. */
  onWrite: () => void;
  audit?: AuditLog;
  /** Per-source and per-principal request limits; absent: none. */
  limits?: { perSource?: RateLimiter; perPrincipal?: RateLimiter };
  clock?: () => Date;
}

/** One request as the steps fill it in, in step order. */
export interface QueryState {
  readonly requestId: string;
  /** Accept: application/json (the JSON form of awsQuery responses). */
  readonly json: boolean;
  /** When the request arrived (the audit record's eventTime). */
  readonly started: Date;
  /** The service answering: IAM until the request names one (Version, or the credential scope). */
  service: QueryService;
  // readRequest
  signed?: IncomingSignedRequest;
  params?: ReadonlyMap<string, string>;
  now?: Date;
  // routeAction
  version?: string;
  actionName?: string;
  action?: IamAction;
  // authenticateSigV4 (absent for the unsigned actions)
  caller?: Caller;
  // authorizeAction
  parsed?: unknown;
  context?: ActionContext;
  // runAction
  result?: XmlNode[];
  // renderErrors
  failure?: WireError;
}
