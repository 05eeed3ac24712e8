// CloudTrail's LookupEvents over the AWS JSON 1.1 protocol, as the AWS CLI (`aws cloudtrail lookup-events
// --endpoint-url …`) and @aws-sdk/client-cloudtrail call it: POST / with X-Amz-Target
// com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.LookupEvents (botocore's target prefix; the JS SDK v3
// sends the short CloudTrail_20131101.LookupEvents), SigV4 for service "cloudtrail",
// authorized as cloudtrail:LookupEvents; errors as {"__type": …, "message": …}. The call is itself audited.
import type { Context } from 'koa';
import { AwsError } from '../contracts/errors.ts';
import { toWireError } from '../contracts/wire-error.ts';
import type { RateLimiter, Store } from '../contracts/store.ts';
import type { Authorizer } from '../iam/authorizer.ts';
import type { Caller } from '../iam/caller.ts';
import { authenticateRequest, type AuthenticateDeps } from './authenticate.ts';
import { readBody } from './read-body.ts';
import type { IncomingSignedRequest } from '../sts/sigv4/index.ts';
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

export function cloudTrailApi(deps: CloudTrailApiDeps) {
  const clock = deps.clock ?? (() => new Date());
  return async function handleCloudTrail(ctx: Context): Promise<void> {
    const requestId = ctx.state.requestId as string;
    const operation = TARGET.exec(ctx.get('x-amz-target'))?.[1] ?? '';
    ctx.state.action = `cloudtrail:${operation}`;
    const now = clock();
    let caller: Caller | undefined;
    let body: unknown;
    let failure: CloudTrailError | undefined;
    const send = (status: number, payload: unknown) => {
      ctx.status = status;
      ctx.body = JSON.stringify(payload);
      ctx.set('Content-Type', CONTENT_TYPE);
      ctx.set('x-amzn-RequestId', requestId);
    };
    try {
      if (deps.audit && !deps.audit.accepting) throw new AwsError('ServiceUnavailable', 'The audit trail is behind; try again shortly.');
      if (deps.limits?.perSource && !(await deps.limits.perSource.consume(ctx.ip)).allowed) throw new AwsError('Throttling');
      const raw = await readBody(ctx.req, deps.bodyLimit);
      const req: IncomingSignedRequest = { method: ctx.method, path: ctx.path, rawQuery: ctx.querystring, headers: ctx.req.headers, rawHeaders: ctx.req.rawHeaders, body: raw };
      caller = await authenticateRequest(deps, req, 'cloudtrail', now);
      if (deps.limits?.perPrincipal && !(await deps.limits.perPrincipal.consume(caller.arn)).allowed) throw new AwsError('Throttling');
      if (operation !== 'LookupEvents') throw new CloudTrailError('UnknownOperationException', `idbroker answers CloudTrail's LookupEvents only, not ${operation}.`);
      try {
        body = raw.length === 0 ? {} : JSON.parse(raw.toString('utf8'));
      } catch {
        throw new CloudTrailError('SerializationException', 'The request body is not valid JSON.');
      }
      const lookup = parseLookupRequest(body);
      await deps.authorizer.authorize(caller, 'cloudtrail:LookupEvents', '*', now, {
        'aws:SourceIp': ctx.ip,
        'aws:SecureTransport': ctx.secure,
        'aws:RequestedRegion': deps.region,
      });
      send(200, await lookupCloudTrailEvents(deps.store, caller.account, lookup));
    } catch (caught) {
      failure = asCloudTrailError(caught);
      if (!(caught instanceof CloudTrailError || caught instanceof AwsError)) ctx.state.error = caught;
      ctx.state.errorCode = failure.code;
      send(failure.status, { __type: failure.code, message: failure.message });
    } finally {
      if (deps.audit && operation && failure?.status !== 503) {
        const params = body !== null && typeof body === 'object' && !Array.isArray(body) ? Object.fromEntries(Object.entries(body).map(([k, v]) => [lowerFirst(k), v])) : null;
        deps.audit.record({
          eventVersion: '1.08',
          eventTime: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          eventSource: 'cloudtrail.amazonaws.com',
          eventName: operation,
          awsRegion: deps.region,
          sourceIPAddress: ctx.ip,
          userAgent: ctx.get('user-agent') || undefined,
          userIdentity: userIdentity(caller),
          requestParameters: params && Object.keys(params).length ? (redact(params) as Record<string, unknown>) : null,
          responseElements: null,
          ...(failure ? { errorCode: failure.code, errorMessage: failure.message } : {}),
          requestID: requestId,
          eventID: newEventId(),
          readOnly: true,
          denied: failure !== undefined && (DENIED_CODES.has(failure.code) || ['UnrecognizedClientException', 'InvalidSignatureException', 'ExpiredTokenException', 'MissingAuthenticationTokenException'].includes(failure.code)),
        });
      }
    }
  };
}
