// POST /authorize: how a relying service accepts the broker's credentials. The service signs this call with its own
// key (SigV4, service `idbroker`) and forwards the signed request it received (method, path, query, headers, body)
// with the service and host it serves (`expect`), the action, the resource and its own condition keys; the broker
// checks that the service may ask (idbroker:Authorize on arn:aws:idbroker::<its account>:service/<service>/<host>),
// verifies the forwarded signature for exactly that service and host, evaluates the signer's policies and answers
// allow or deny — with AWS's encoded message on deny. Steps (outermost first):
//   recordAuthorizeAudit → renderAuthorizeErrors → auditGate → limitSource → readAuthorizeBody →
//   authenticateRelyingService → limitRelyingService → parseAuthorizeRequest → authorizeRelyingService →
//   authenticateForwarded → bindForwarded → refuseDerivedKeys → decide
import type { Context } from 'koa';
import { z } from 'zod';
import { DENIED_CODES, newEventId, userIdentity } from '../audit/event.ts';
import { AwsError } from '../contracts/errors.ts';
import { toWireError } from '../contracts/wire-error.ts';
import type { Authorizer, ResourceSide } from '../iam/authorizer.ts';
import { compileDocument } from '../iam/documents.ts';
import type { ResourcePolicies, StoredResourcePolicies } from '../iam/resource-policies.ts';
import { resourcePolicyRequired, type CompiledPolicy } from '../policy/index.ts';
import type { Caller } from '../iam/caller.ts';
import { overriddenDerivedKey } from '../iam/derived-keys.ts';
import { parseSigV4, type IncomingSignedRequest } from '../sts/sigv4/index.ts';
import { auditGate, limitPrincipal, limitSource, type AdmissionDeps } from './admission.ts';
import { authenticateRequest, type AuthenticateDeps } from './authenticate.ts';
import { compose, type Step } from './pipeline.ts';
import { readBody } from './read-body.ts';

const contextValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);
const SERVICE = /^[a-z0-9][a-z0-9-]{0,62}$/;

const requestSchema = z.strictObject({
  expect: z.strictObject({
    service: z.string().regex(SERVICE, 'expected the service name the requests are signed for (files, s3…)'),
    host: z.string().min(1).max(255).regex(/^[^\s/]+$/, 'expected a host (name or name:port)'),
  }),
  request: z.strictObject({
    method: z.string().min(1),
    path: z.string().startsWith('/'),
    query: z.string().default(''),
    headers: z.record(z.string(), z.union([z.string(), z.array(z.string())])),
    body: z.string().default(''), // base64
  }),
  action: z.string().regex(/^[A-Za-z0-9-]+:[A-Za-z0-9*?]+$/, 'expected service:Action'),
  resource: z.string().min(1),
  context: z.record(z.string(), contextValue).default({}),
  /** The resource's own policy (a JSON document, as text or object); absent: the one registered for its prefix. */
  resourcePolicy: z.union([z.string(), z.record(z.string(), z.unknown())]).optional(),
  /** The resource's owner account; absent: the registered one, else the resource ARN's, else the caller's. */
  resourceAccount: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id').optional(),
});

export type AuthorizeRequest = z.infer<typeof requestSchema>;

export interface AuthorizeDeps extends AuthenticateDeps, AdmissionDeps {
  authorizer: Authorizer;
  bodyLimit: number;
  /** The broker's region (the audit record's awsRegion). */
  region?: string;
  clock?: () => Date;
  /** Resource policies registered per ARN prefix (config relyingServices.resourcePolicies). */
  resourcePolicies?: ResourcePolicies;
  /** Resource policies the relying services registered through the JSON API (looked up in the relying service's account first). */
  storedResourcePolicies?: StoredResourcePolicies;
  /** Services whose resources' own policy must grant (config relyingServices.resourcePolicyRequired). */
  resourcePolicyRequiredServices?: readonly string[];
}

interface AuthorizeState {
  requestId: string;
  started: Date;
  now: Date;
  /** This call as the relying service signed it. */
  call?: IncomingSignedRequest;
  /** The relying service, once its signature is verified. */
  relying?: Caller;
  /** Set once the relying service may ask: failures after it are answers (200), not HTTP errors. */
  admitted?: boolean;
  input?: AuthorizeRequest;
  /** The resource's policy given in the request (compiled), else registered for its prefix. */
  resourceSide?: ResourceSide;
  /** The forwarded request and its signer, once verified. */
  forwarded?: IncomingSignedRequest;
  caller?: Caller;
  decision?: string;
  failure?: { code: string; message: string };
}

const principalOf = (s: AuthorizeState) => s.caller && { arn: s.caller.arn, account: s.caller.account, userId: s.caller.userId };

/** The resource a relying service is authorized on: its own account, the service and host it serves. */
export function relyingServiceArn(account: string, service: string, host: string): string {
  return `arn:aws:idbroker::${account}:service/${service}/${host.toLowerCase()}`;
}

/** The CloudTrail-shaped record of every call (not the 503s): the relying service, what it asked, the decision. */
function recordAuthorizeAudit(deps: AuthorizeDeps): Step<AuthorizeState> {
  return async function recordAuthorizeAudit(ctx, state, next) {
    try {
      await next();
    } finally {
      const { failure, input } = state;
      const refused = failure && !state.admitted; // the relying service's own call failed
      if (deps.audit && failure?.code !== 'ServiceUnavailable') {
        deps.audit.record({
          eventVersion: '1.08',
          eventTime: state.started.toISOString().replace(/\.\d{3}Z$/, 'Z'),
          eventSource: 'idbroker.amazonaws.com',
          eventName: 'Authorize',
          awsRegion: deps.region ?? 'us-east-1',
          sourceIPAddress: ctx.ip,
          userAgent: ctx.get('user-agent') || undefined,
          userIdentity: userIdentity(state.relying),
          requestParameters: input ? { expect: input.expect, action: input.action, resource: input.resource } : null,
          responseElements: state.admitted
            ? { allowed: state.decision === 'allowed', decision: state.decision ?? 'denied', principal: state.caller?.arn ?? null, ...(failure ? { errorCode: failure.code } : {}) }
            : null,
          ...(refused ? { errorCode: failure.code, errorMessage: failure.message.replace(/ Encoded authorization failure message: .*$/s, '') } : {}),
          requestID: state.requestId,
          eventID: newEventId(),
          readOnly: true,
          denied: Boolean(refused && DENIED_CODES.has(failure.code)),
        });
      }
    }
  };
}

/** The relying service's own failures are HTTP errors; a refused forwarded signature or a denial is an answer (200). */
const renderAuthorizeErrors: Step<AuthorizeState> = async function renderAuthorizeErrors(ctx, state, next) {
  try {
    await next();
  } catch (caught) {
    const e = toWireError(caught);
    if (e.unexpected) ctx.state.error = caught;
    ctx.state.errorCode = e.code;
    state.failure = { code: e.code, message: e.message };
    const error = { code: e.code, message: e.message };
    if (!state.admitted || e.unexpected || e.code === 'InvalidRequest') {
      ctx.status = e.status;
      ctx.body = { error: e.code, message: e.message };
    } else if (!state.caller) {
      ctx.status = 200;
      ctx.body = { allowed: false, authenticated: false, error };
    } else {
      ctx.status = 200;
      ctx.body = { allowed: false, authenticated: true, decision: 'denied', principal: principalOf(state), error };
    }
  }
};

function readAuthorizeBody(deps: AuthorizeDeps): Step<AuthorizeState> {
  return async function readAuthorizeBody(ctx, state, next) {
    const body = await readBody(ctx.req, deps.bodyLimit);
    state.call = { method: ctx.method, path: ctx.path, rawQuery: ctx.querystring, headers: ctx.req.headers, rawHeaders: ctx.req.rawHeaders, body };
    return next();
  };
}

/** The relying service signs this call with its own principal (scope service `idbroker`). */
function authenticateRelyingService(deps: AuthorizeDeps): Step<AuthorizeState> {
  return async function authenticateRelyingService(_ctx, state, next) {
    state.relying = await authenticateRequest(deps, state.call!, { service: 'idbroker', explainMismatch: true }, state.now);
    return next();
  };
}

function limitRelyingService(deps: AuthorizeDeps): Step<AuthorizeState> {
  const limit = limitPrincipal(deps);
  return function limitRelyingService(ctx, state, next) {
    return limit(ctx, { caller: state.relying }, next);
  };
}

const parseAuthorizeRequest: Step<AuthorizeState> = async function parseAuthorizeRequest(_ctx, state, next) {
  let input: AuthorizeRequest;
  try {
    input = requestSchema.parse(JSON.parse(state.call!.body.toString('utf8')));
  } catch (err) {
    throw new AwsError('InvalidRequest', err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message);
  }
  const key = overriddenDerivedKey(input.context);
  if (key) throw derivedKeyError(key);
  const headers = Object.fromEntries(Object.entries(input.request.headers).map(([k, v]) => [k.toLowerCase(), v]));
  state.forwarded = { method: input.request.method.toUpperCase(), path: input.request.path, rawQuery: input.request.query, headers, body: Buffer.from(input.request.body, 'base64') };
  state.input = input;
  if (input.resourcePolicy !== undefined) {
    try {
      const doc = typeof input.resourcePolicy === 'string' ? input.resourcePolicy : JSON.stringify(input.resourcePolicy);
      state.resourceSide = { policy: compiledResourcePolicy(doc), account: input.resourceAccount };
    } catch (err) {
      throw new AwsError('InvalidRequest', `resourcePolicy: ${(err as Error).message}`);
    }
  }
  return next();
};

/** Relying services send the same bucket policies again and again: the last few compiled, by their text. */
const compiled = new Map<string, CompiledPolicy>();
function compiledResourcePolicy(doc: string): CompiledPolicy {
  let policy = compiled.get(doc);
  if (!policy) {
    policy = compileDocument(doc, 'resource', 'resourcePolicy');
    if (compiled.size >= 256) compiled.delete(compiled.keys().next().value!);
    compiled.set(doc, policy);
  }
  return policy;
}

const derivedKeyError = (key: string) => new AwsError('InvalidRequest', `context: ${key} is derived by the broker from the verified request and cannot be set.`);

/** idbroker:Authorize on the service and host the relying service names, from its own account. */
function authorizeRelyingService(deps: AuthorizeDeps): Step<AuthorizeState> {
  return async function authorizeRelyingService(ctx, state, next) {
    const { relying, input, now } = state as Required<AuthorizeState>;
    const arn = relyingServiceArn(relying.account, input.expect.service, input.expect.host);
    await deps.authorizer.authorize(relying, 'idbroker:Authorize', arn, now, { 'aws:SourceIp': ctx.ip, 'aws:SecureTransport': ctx.secure, 'aws:RequestedRegion': deps.region ?? 'us-east-1' });
    state.admitted = true;
    return next();
  };
}

/** The forwarded signature, for exactly the service the relying service serves. */
function authenticateForwarded(deps: AuthorizeDeps): Step<AuthorizeState> {
  return async function authenticateForwarded(_ctx, state, next) {
    state.caller = await authenticateRequest(deps, state.forwarded!, { service: state.input!.expect.service, explainMismatch: false }, state.now);
    return next();
  };
}

function signedHost(req: IncomingSignedRequest): string | undefined {
  const h = req.headers.host ?? req.headers[':authority'];
  return Array.isArray(h) ? h[0] : h;
}

/** The signed Host must be the one the relying service serves: a request signed for another host is not for it. */
const bindForwarded: Step<AuthorizeState> = async function bindForwarded(_ctx, state, next) {
  const host = signedHost(state.forwarded!);
  const expected = state.input!.expect.host;
  if (host === undefined || host.trim().toLowerCase() !== expected.toLowerCase()) {
    state.caller = undefined; // not authenticated for this service
    throw new AwsError('SignatureDoesNotMatch', `The request was signed for host '${host ?? ''}', not '${expected}'.`);
  }
  return next();
};

/** Keys the broker derived for this caller (its session's claims included) cannot come from the relying service. */
function refuseDerivedKeys(deps: AuthorizeDeps): Step<AuthorizeState> {
  return async function refuseDerivedKeys(_ctx, state, next) {
    const { context } = await deps.authorizer.inputFor(state.caller!, state.now);
    const key = overriddenDerivedKey(state.input!.context, context);
    if (key) throw derivedKeyError(key);
    return next();
  };
}

function decide(deps: AuthorizeDeps): Step<AuthorizeState> {
  return async function decide(ctx, state, next) {
    const { caller, input, now, forwarded } = state as Required<AuthorizeState>;
    const region = parseSigV4(forwarded)?.region;
    // the service's keys, the signature's region, then what the broker knows of an IAM resource (its tags)
    const context = { ...input.context, ...(region ? { 'aws:RequestedRegion': region } : {}), ...(await deps.authorizer.resourceContext(caller, input.action, input.resource)) };
    const registered = state.resourceSide
      ? undefined
      : ((await deps.storedResourcePolicies?.lookup(state.relying!.account, input.resource, now.getTime())) ?? deps.resourcePolicies?.lookup(input.resource));
    const side: ResourceSide = {
      ...(state.resourceSide ?? { policy: registered?.policy, account: input.resourceAccount ?? registered?.account }),
      required: resourcePolicyRequired(input.action, input.resource, deps.resourcePolicyRequiredServices),
    };
    const d = await deps.authorizer.decide(caller, input.action, input.resource, now, context, side);
    state.decision = d.decision.decision;
    if (d.decision.decision !== 'allowed') throw await deps.authorizer.denied(caller, input.action, input.resource, d.decision, d.context, now, side.policy ? 'resource' : 'identity');
    ctx.body = { allowed: true, authenticated: true, decision: d.decision.decision, principal: principalOf(state) };
    return next();
  };
}

export function authorizeEndpoint(deps: AuthorizeDeps) {
  const clock = deps.clock ?? (() => new Date());
  const run = compose<AuthorizeState>([
    recordAuthorizeAudit(deps),
    renderAuthorizeErrors,
    auditGate(deps),
    limitSource(deps),
    readAuthorizeBody(deps),
    authenticateRelyingService(deps),
    limitRelyingService(deps),
    parseAuthorizeRequest,
    authorizeRelyingService(deps),
    authenticateForwarded(deps),
    bindForwarded,
    refuseDerivedKeys(deps),
    decide(deps),
  ]);
  return function handleAuthorize(ctx: Context): Promise<void> {
    ctx.state.action = 'idbroker:Authorize';
    const now = clock();
    return run(ctx, { requestId: (ctx.state.requestId as string | undefined) ?? newEventId(), started: now, now });
  };
}
