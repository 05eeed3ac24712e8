// POST /authorize: how an internal service accepts the broker's credentials. The service forwards the
// signed request it received (method, path, query, headers, body) with the action, resource and any extra
// condition keys; the broker verifies the signature (for whatever service name the request was signed
// for), evaluates the caller's policies and answers allow or deny — with AWS's encoded message on deny.
// Steps: renderAuthorizeErrors → readAuthorizeRequest → authenticateSigV4 (the Query API's) → decide.
import type { Context } from 'koa';
import { z } from 'zod';
import { AwsError } from '../contracts/errors.ts';
import { toWireError } from '../contracts/wire-error.ts';
import type { Authorizer } from '../iam/authorizer.ts';
import { sigv4Authentication, type AuthenticateDeps, type SignedState, type SigV4Expectation } from './authenticate.ts';
import { compose, type Step } from './pipeline.ts';
import { readBody } from './read-body.ts';

const contextValue = z.union([z.string(), z.number(), z.boolean(), z.array(z.string())]);

const requestSchema = z.strictObject({
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
});

export interface AuthorizeDeps extends AuthenticateDeps {
  authorizer: Authorizer;
  bodyLimit: number;
}

interface AuthorizeState extends SignedState {
  input?: z.infer<typeof requestSchema>;
}

/** Any service's signature, as signed; a mismatch is not explained (the forwarding service is not the signer). */
const AS_SIGNED: SigV4Expectation = { service: 'as-signed', explainMismatch: false };

const principalOf = (s: AuthorizeState) => s.caller && { arn: s.caller.arn, account: s.caller.account, userId: s.caller.userId };

/** A malformed request (or a failure of the broker) is an HTTP error; a refused signature or a denial is an answer (200). */
const renderAuthorizeErrors: Step<AuthorizeState> = async function renderAuthorizeErrors(ctx, state, next) {
  try {
    await next();
  } catch (caught) {
    const e = toWireError(caught);
    if (e.unexpected) ctx.state.error = caught;
    ctx.state.errorCode = e.code;
    const error = { code: e.code, message: e.message };
    if (!state.input || e.unexpected) {
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

function readAuthorizeRequest(deps: AuthorizeDeps): Step<AuthorizeState> {
  return async function readAuthorizeRequest(ctx, state, next) {
    const raw = await readBody(ctx.req, deps.bodyLimit);
    let input: z.infer<typeof requestSchema>;
    try {
      input = requestSchema.parse(JSON.parse(raw.toString('utf8')));
    } catch (err) {
      throw new AwsError('InvalidRequest', err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message);
    }
    const headers = Object.fromEntries(Object.entries(input.request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    state.signed = { method: input.request.method.toUpperCase(), path: input.request.path, rawQuery: input.request.query, headers, body: Buffer.from(input.request.body, 'base64') };
    state.input = input;
    state.now = new Date();
    return next();
  };
}

function decide(deps: AuthorizeDeps): Step<AuthorizeState> {
  return async function decide(ctx, state, next) {
    const { caller, input, now } = state as Required<AuthorizeState>;
    // the service's keys (iam:PassedToService…), then what the broker knows of an IAM resource (its tags)
    const context = { ...input.context, ...(await deps.authorizer.resourceContext(caller, input.action, input.resource)) };
    const d = await deps.authorizer.authorize(caller, input.action, input.resource, now, context);
    ctx.body = { allowed: true, authenticated: true, decision: d.decision, principal: principalOf(state) };
    return next();
  };
}

export function authorizeEndpoint(deps: AuthorizeDeps) {
  const run = compose<AuthorizeState>([renderAuthorizeErrors, readAuthorizeRequest(deps), sigv4Authentication(deps, () => AS_SIGNED), decide(deps)]);
  return function handleAuthorize(ctx: Context): Promise<void> {
    ctx.state.action = 'idbroker:Authorize';
    return run(ctx, {});
  };
}
