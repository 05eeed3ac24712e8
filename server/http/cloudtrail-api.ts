// CloudTrail's LookupEvents over the AWS JSON 1.1 protocol, as the AWS CLI (`aws cloudtrail lookup-events
// --endpoint-url …`) and @aws-sdk/client-cloudtrail call it: POST / with X-Amz-Target
// com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents (botocore's target prefix; the JS SDK v3
// sends the short CloudTrail_20131101.LookupEvents), SigV4 for service "cloudtrail",
// authorized as cloudtrail:LookupEvents; errors as {"__type": …, "message": …}. The call is itself audited.
// Named steps as the Query API's (./query-api.ts), sharing its admission and SigV4 steps.
import type { Context } from 'koa';
import { AwsError } from '../contracts/errors.ts';
import { toWireError } from '../contracts/wire-error.ts';
import type { RateLimiter, Store } from '../contracts/store.ts';
import type { Authorizer } from '../iam/authorizer.ts';
import { auditGate, limitPrincipal, limitSource } from './admission.ts';
import { sigv4Authentication, type AuthenticateDeps, type SignedState, type SigV4Expectation } from './authenticate.ts';
import { compose, type Step } from './pipeline.ts';
import { readBody } from './read-body.ts';
import type { AuditLog } from '../audit/audit-log.ts';
import { CloudTrailError, lookupCloudTrailEvents, parseLookupRequest } from '../audit/cloudtrail-lookup.ts';
import { DENIED_CODES, newEventId, redact, userIdentity } from '../audit/event.ts';

/** X-Amz-Target of a CloudTrail operation: the long (botocore) or short (Smithy serviceTarget) form. */
const TARGET = /^(?:com\.amazonaws\.cloudtrail\.v20131101\.)?CloudTrail_20131101\.([A-Za-z]+)$/;
const CONTENT_TYPE = 'application/x-amz-json-1.1';

/** A request in CloudTrail's protocol (X-Amz-Target names a CloudTrail operation). */
export function isCloudTrailRequest(ctx: Context): boolean {
  return ctx.method === 'POST' && ctx.path === '/' && TARGET.test(ctx.get('x-amz-target'));
}

export interface CloudTrailApiDeps extends AuthenticateDeps {
  store: Store;
  authorizer: Authorizer;
  region: string;
  bodyLimit: number;
  audit?: AuditLog;
  limits?: { perSource?: RateLimiter; perPrincipal?: RateLimiter };
  clock?: () => Date;
}

// The Query API's error codes as AWS JSON services name them.
const JSON_CODES: Record<string, string> = {
  InvalidClientTokenId: 'UnrecognizedClientException',
  SignatureDoesNotMatch: 'InvalidSignatureException',
  AccessDenied: 'AccessDeniedException',
  Throttling: 'ThrottlingException',
  ExpiredToken: 'ExpiredTokenException',
  IncompleteSignature: 'IncompleteSignatureException',
  MissingAuthenticationToken: 'MissingAuthenticationTokenException',
  ServiceUnavailable: 'ServiceUnavailableException',
  RequestEntityTooLarge: 'SerializationException',
};

/** CloudTrail's own errors as they are; the rest through toWireError (the mapping every edge shares), renamed. */
function asCloudTrailError(err: unknown): CloudTrailError {
  if (err instanceof CloudTrailError) return err;
  const e = toWireError(err);
  if (e.unexpected && e.code === 'InternalFailure') return new CloudTrailError(e.code, e.message, e.status); // AWS JSON services say InternalFailure too
  const code = JSON_CODES[e.code] ?? (e.code.endsWith('Exception') ? e.code : `${e.code}Exception`);
  return new CloudTrailError(code, e.message.replace(/ Encoded authorization failure message: .*$/s, ''), e.status >= 500 ? e.status : 400);
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
const DENIED_JSON = new Set(['UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException', 'MissingAuthenticationTokenException']);

/** One LookupEvents request as its steps fill it in. */
interface CloudTrailState extends SignedState {
  readonly requestId: string;
  readonly operation: string;
  readonly now: Date;
  raw?: Buffer;
  /** The parsed JSON body (the audit record's requestParameters). */
  body?: unknown;
  failure?: CloudTrailError;
}

function send(ctx: Context, state: CloudTrailState, status: number, payload: unknown): void {
  ctx.status = status;
  ctx.body = JSON.stringify(payload);
  ctx.set('Content-Type', CONTENT_TYPE);
  ctx.set('x-amzn-RequestId', state.requestId);
}

/** Outermost: the call's own audit record once answered (not the 503s). */
function recordLookupAudit(deps: CloudTrailApiDeps): Step<CloudTrailState> {
  return async function recordLookupAudit(ctx, state, next) {
    try {
      await next();
    } finally {
      const { audit } = deps;
      const { body, failure } = state;
      if (audit && state.operation && failure?.status !== 503) {
        const params = body !== null && typeof body === 'object' && !Array.isArray(body) ? Object.fromEntries(Object.entries(body).map(([k, v]) => [lowerFirst(k), v])) : null;
        audit.record({
          eventVersion: '1.08',
          eventTime: state.now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          eventSource: 'cloudtrail.amazonaws.com',
          eventName: state.operation,
          awsRegion: deps.region,
          sourceIPAddress: ctx.ip,
          userAgent: ctx.get('user-agent') || undefined,
          userIdentity: userIdentity(state.caller),
          requestParameters: params && Object.keys(params).length ? (redact(params) as Record<string, unknown>) : null,
          responseElements: null,
          ...(failure ? { errorCode: failure.code, errorMessage: failure.message } : {}),
          requestID: state.requestId,
          eventID: newEventId(),
          readOnly: true,
          denied: failure !== undefined && (DENIED_CODES.has(failure.code) || DENIED_JSON.has(failure.code)),
        });
      }
    }
  };
}

/** Whatever the steps after it throw, as AWS JSON's {"__type", "message"}. */
const renderLookupErrors: Step<CloudTrailState> = async function renderLookupErrors(ctx, state, next) {
  try {
    await next();
  } catch (caught) {
    const failure = asCloudTrailError(caught);
    if (!(caught instanceof CloudTrailError || caught instanceof AwsError)) ctx.state.error = caught;
    ctx.state.errorCode = failure.code;
    state.failure = failure;
    send(ctx, state, failure.status, { __type: failure.code, message: failure.message });
  }
};

function readSignedRequest(deps: CloudTrailApiDeps): Step<CloudTrailState> {
  return async function readSignedRequest(ctx, state, next) {
    const raw = await readBody(ctx.req, deps.bodyLimit);
    state.raw = raw;
    state.signed = { method: ctx.method, path: ctx.path, rawQuery: ctx.querystring, headers: ctx.req.headers, rawHeaders: ctx.req.rawHeaders, body: raw };
    return next();
  };
}

function lookupEvents(deps: CloudTrailApiDeps): Step<CloudTrailState> {
  return async function lookupEvents(ctx, state, next) {
    const { operation, raw, now } = state;
    const caller = state.caller!;
    if (operation !== 'LookupEvents') throw new CloudTrailError('UnknownOperationException', `idbroker answers CloudTrail's LookupEvents only, not ${operation}.`);
    try {
      state.body = raw!.length === 0 ? {} : JSON.parse(raw!.toString('utf8'));
    } catch {
      throw new CloudTrailError('SerializationException', 'The request body is not valid JSON.');
    }
    const lookup = parseLookupRequest(state.body);
    await deps.authorizer.authorize(caller, 'cloudtrail:LookupEvents', '*', now, {
      'aws:SourceIp': ctx.ip,
      'aws:SecureTransport': ctx.secure,
      'aws:RequestedRegion': deps.region,
    });
    send(ctx, state, 200, await lookupCloudTrailEvents(deps.store, caller.account, lookup));
    return next();
  };
}

const CLOUDTRAIL: SigV4Expectation = { service: 'cloudtrail', explainMismatch: true };

export function cloudTrailApi(deps: CloudTrailApiDeps) {
  const clock = deps.clock ?? (() => new Date());
  const run = compose<CloudTrailState>([
    recordLookupAudit(deps),
    renderLookupErrors,
    auditGate(deps),
    limitSource(deps),
    readSignedRequest(deps),
    sigv4Authentication(deps, () => CLOUDTRAIL), // the Query API's step
    limitPrincipal(deps),
    lookupEvents(deps),
  ]);
  return function handleCloudTrail(ctx: Context): Promise<void> {
    const operation = TARGET.exec(ctx.get('x-amz-target'))?.[1] ?? '';
    ctx.state.action = `cloudtrail:${operation}`;
    return run(ctx, { requestId: ctx.state.requestId as string, operation, now: clock() });
  };
}
