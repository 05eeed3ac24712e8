// The AWS Query protocol endpoint (POST / or GET /?Action=…): IAM (2010-05-08) and STS (2011-06-15).
// Authenticates with SigV4 (long-term keys from the store, temporary ones from their session token),
// dispatches to the service's action, renders AWS's XML.
import type { Context } from 'koa';
import { AwsError, isStoreUnavailable } from '../contracts/errors.ts';
import type { RateLimiter, Store } from '../contracts/store.ts';
import type { KeyRing } from '../keys/keyring.ts';
import type { ActionContext, ActionServices, IamAction } from '../iam/action.ts';
import type { Authorizer } from '../iam/authorizer.ts';
import type { Caller } from '../iam/caller.ts';
import type { CredentialResolver } from '../iam/credentials.ts';
import { ParamReader } from '../iam/params.ts';
import { requireRequestAuthorization } from '../iam/request-authorization.ts';
import type { RevocationList } from '../sts/revocation.ts';
import type { DirectorySessionChecker } from '../sts/directory-sessions.ts';
import type { IncomingSignedRequest } from '../sts/sigv4/index.ts';
import { authenticateRequest } from './authenticate.ts';
import { parseQueryParams } from './query-params.ts';
import { readBody } from './read-body.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { DENIED_CODES, newEventId, redact, userIdentity } from '../audit/event.ts';
import type { XmlNode } from './xml.ts';
import { jsonError, jsonSuccess, value, wantsJson } from './json-response.ts';
import { errorResponse, successResponse } from './xml.ts';

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

export const IAM_NAMESPACE = 'https://iam.amazonaws.com/doc/2010-05-08/';

const INVALID_TOKEN = 'The security token included in the request is invalid.';

function send(ctx: Context, status: number, body: string, requestId: string, json = false): void {
  ctx.status = status;
  ctx.body = body;
  ctx.set('Content-Type', json ? 'application/json' : 'text/xml');
  ctx.set('x-amzn-RequestId', requestId);
}

/** What temporary credentials may call, as AWS documents (GetSessionToken / GetFederationToken sessions are limited). */
function checkSessionScope(caller: Caller, service: 'iam' | 'sts', action: string): void {
  const s = caller.session;
  if (!s) return;
  if (s.type === 'User') {
    if (service === 'iam' && !s.mfa) throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
    if (service === 'sts' && !['AssumeRole', 'GetCallerIdentity', 'GetSessionToken'].includes(action)) throw new AwsError('AccessDenied', `Cannot call ${action} with session credentials`);
  } else if (s.type === 'FederatedUser') {
    if (service === 'iam') throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
    if (!['GetCallerIdentity', 'GetFederationToken', 'AssumeRole'].includes(action)) throw new AwsError('AccessDenied', `Cannot call ${action} with session credentials`);
  }
}

const READ_ONLY = /^(Get|List|Simulate|Decode|Lookup)/;
const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);

function requestParameters(params: ReadonlyMap<string, string> | undefined): Record<string, unknown> | null {
  if (!params) return null;
  const out: Record<string, unknown> = {};
  for (const [k, v] of params) if (k !== 'Action' && k !== 'Version') out[k.split('.').map(lowerFirst).join('.')] = v;
  return Object.keys(out).length ? (redact(out) as Record<string, unknown>) : null;
}

export function queryApi(deps: QueryApiDeps) {
  const byVersion = new Map(deps.services.map((s) => [s.version, s]));
  const byName = new Map(deps.services.map((s) => [s.name, s]));
  const clock = deps.clock ?? (() => new Date());

  const authenticate = (req: IncomingSignedRequest, service: QueryService, now: Date): Promise<Caller> => authenticateRequest(deps, req, service.name, now);

  return async function handleQuery(ctx: Context): Promise<void> {
    const requestId = ctx.state.requestId as string;
    const json = wantsJson(ctx.get('accept'));
    let service = byName.get('iam') ?? deps.services[0];
    let params: ReadonlyMap<string, string> | undefined;
    let caller: Caller | undefined;
    let actionName: string | undefined;
    let result: XmlNode[] | undefined;
    let failure: AwsError | undefined;
    const started = deps.clock?.() ?? new Date();
    try {
      if (deps.audit && !deps.audit.accepting) throw new AwsError('ServiceUnavailable', 'The audit trail is behind; try again shortly.');
      if (deps.limits?.perSource && !(await deps.limits.perSource.consume(ctx.ip)).allowed) throw new AwsError('Throttling', 'Rate exceeded');
      const body = ctx.method === 'POST' ? await readBody(ctx.req, deps.bodyLimit) : Buffer.alloc(0);
      const contentType = String(ctx.get('content-type') ?? '');
      if (ctx.method === 'POST' && contentType !== '' && !contentType.startsWith('application/x-www-form-urlencoded')) {
        throw new AwsError('InvalidParameterValue', `Unsupported Content-Type ${contentType}: the Query API takes application/x-www-form-urlencoded.`);
      }
      const rawQuery = ctx.querystring;
      const req: IncomingSignedRequest = { method: ctx.method, path: ctx.path, rawQuery, headers: ctx.req.headers, rawHeaders: ctx.req.rawHeaders, body };
      params = parseQueryParams(rawQuery, body.toString('utf8'));
      const now = clock();

      const version = params.get('Version');
      const scoped = /Credential=[^/,&]+%2F[^%,&]+%2F[^%,&]+%2F([a-z]+)|Credential=[^/,]+\/[^/,]+\/[^/,]+\/([a-z]+)/.exec(`${ctx.get('authorization')}&${rawQuery}`);
      const scopeService = (scoped?.[1] ?? scoped?.[2]) as 'iam' | 'sts' | undefined;
      service = (version !== undefined ? byVersion.get(version) : undefined) ?? (scopeService ? byName.get(scopeService) : undefined) ?? service;
      actionName = params.get('Action');
      if (actionName === undefined || actionName === '') throw new AwsError('MissingAction', 'Missing Action');
      ctx.state.action = `${service.name}:${actionName}`;
      const action = version === service.version ? service.actions.get(actionName) : undefined;

      if (!action || !service.unsigned?.has(actionName)) caller = await authenticate(req, service, now);
      if (version === undefined) throw new AwsError('MissingParameter', 'The request must contain the parameter Version.');
      if (!action) throw new AwsError('InvalidAction', `Could not find operation ${actionName} for version ${version}`);
      if (caller) checkSessionScope(caller, service.name, action.name);
      if (caller && deps.limits?.perPrincipal && !(await deps.limits.perPrincipal.consume(caller.arn)).allowed) throw new AwsError('Throttling', 'Rate exceeded');

      const base: ActionContext = {
        store: deps.store,
        keys: deps.keys,
        caller: caller as Caller,
        requestId,
        now,
        account: caller?.account ?? '',
        authorizer: deps.authorizer,
        request: { sourceIp: ctx.ip, secureTransport: ctx.secure, region: deps.actionServices.region, userAgent: ctx.get('user-agent') || undefined },
        changed: deps.onWrite,
        services: deps.actionServices,
      };
      const reader = new ParamReader(params);
      const p = action.parse(reader, base);
      reader.done();
      // The resource ARN and condition keys, from the action's row of the authorization table.
      const authorization = await requireRequestAuthorization(`${service.name}:${action.name}`, params, { store: deps.store, account: base.account, caller });
      const actx: ActionContext = { ...base, authorization };
      if (action.authorize) await action.authorize(p, actx);
      else if (caller) {
        await deps.authorizer.authorize(caller, authorization.action, authorization.resource, now, {
          ...authorization.context,
          'aws:SourceIp': ctx.ip,
          'aws:SecureTransport': ctx.secure,
          'aws:RequestedRegion': deps.actionServices.region,
        });
      }
      result = await action.run(p, actx);
      if (action.writes) deps.onWrite();
      send(ctx, 200, json ? jsonSuccess(action.name, requestId, result) : successResponse(action.name, service.namespace, requestId, result), requestId, json);
    } catch (caught) {
      // the store down or restarting: a retryable 503 that the SDKs retry, not InternalFailure
      const err = isStoreUnavailable(caught) ? new AwsError('ServiceUnavailable', 'The service is unavailable. Please try again shortly.', { cause: caught }) : caught;
      if (err !== caught) ctx.state.error = caught;
      if (!(err instanceof AwsError)) {
        ctx.state.error = err;
        const internal = new AwsError(service.internalError, 'The request processing has failed because of an unknown error, exception or failure.');
        failure = internal;
        ctx.state.errorCode = internal.code;
        send(ctx, internal.status, json ? jsonError(requestId, internal) : errorResponse(service.namespace, requestId, internal), requestId, json);
      } else {
        failure = err;
        ctx.state.errorCode = err.code;
        const e = { type: err.type, code: err.code, message: err.message };
        send(ctx, err.status, json ? jsonError(requestId, e) : errorResponse(service.namespace, requestId, e), requestId, json);
      }
    } finally {
      if (deps.audit && actionName && !(failure?.code === 'ServiceUnavailable')) {
        const readOnly = READ_ONLY.test(actionName);
        deps.audit.record({
          eventVersion: '1.08',
          eventTime: started.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          eventSource: `${service.name}.amazonaws.com`,
          eventName: actionName,
          awsRegion: deps.actionServices.region,
          sourceIPAddress: ctx.ip,
          userAgent: ctx.get('user-agent') || undefined,
          userIdentity: userIdentity(caller),
          requestParameters: requestParameters(params),
          responseElements: result && (!readOnly || service.name === 'sts') ? redact(value(result)) : null,
          ...(failure ? { errorCode: failure.code, errorMessage: failure.message.replace(/ Encoded authorization failure message: .*$/s, '') } : {}),
          requestID: requestId,
          eventID: newEventId(),
          readOnly,
          denied: failure !== undefined && DENIED_CODES.has(failure.code),
        });
      }
    }
  };
}
