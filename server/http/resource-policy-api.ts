// The small JSON API through which a relying service registers its resources' policies once per ARN prefix, for
// POST /authorize (kept in the store: every replica evaluates the same document). Signed like /authorize (SigV4,
// service `idbroker`) and authorized on arn:aws:idbroker::<the caller's account>:resource-policy/<prefix>:
//   PUT    /authorize/resource-policies  {"prefix", "policy", "account"?}  idbroker:PutResourcePolicy
//   DELETE /authorize/resource-policies  {"prefix"}                       idbroker:DeleteResourcePolicy
//   GET    /authorize/resource-policies                                   idbroker:ListResourcePolicies (on …/*)
import type { Context } from 'koa';
import { z } from 'zod';
import { AwsError } from '../contracts/errors.ts';
import { toWireError } from '../contracts/wire-error.ts';
import type { Authorizer } from '../iam/authorizer.ts';
import type { StoredResourcePolicies } from '../iam/resource-policies.ts';
import { auditGate, limitPrincipal, limitSource, type AdmissionDeps } from './admission.ts';
import { authenticateRequest, type AuthenticateDeps } from './authenticate.ts';
import { readBody } from './read-body.ts';

export interface ResourcePolicyApiDeps extends AuthenticateDeps, AdmissionDeps {
  authorizer: Authorizer;
  policies: StoredResourcePolicies;
  bodyLimit: number;
}

const putSchema = z.strictObject({
  prefix: z.string().min(1).max(2048),
  policy: z.union([z.string(), z.record(z.string(), z.unknown())]),
  account: z.string().regex(/^\d{12}$/, 'expected a 12-digit account id').optional(),
});
const deleteSchema = z.strictObject({ prefix: z.string().min(1).max(2048) });

export const resourcePolicyArn = (account: string, prefix: string) => `arn:aws:idbroker::${account}:resource-policy/${prefix}`;

function parse<T>(schema: z.ZodType<T>, body: Buffer): T {
  try {
    return schema.parse(JSON.parse(body.toString('utf8')));
  } catch (err) {
    throw new AwsError('InvalidRequest', err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message);
  }
}

export function resourcePolicyApi(deps: ResourcePolicyApiDeps) {
  const steps = [auditGate(deps), limitSource(deps)];
  const pass = () => Promise.resolve();
  return async function handleResourcePolicies(ctx: Context): Promise<void> {
    try {
      for (const step of steps) await step(ctx, {}, pass);
      const now = new Date();
      const body = ctx.method === 'GET' ? Buffer.alloc(0) : await readBody(ctx.req, deps.bodyLimit);
      const caller = await authenticateRequest(deps, { method: ctx.method, path: ctx.path, rawQuery: ctx.querystring, headers: ctx.req.headers, rawHeaders: ctx.req.rawHeaders, body }, { service: 'idbroker', explainMismatch: true }, now);
      await limitPrincipal(deps)(ctx, { caller }, pass);
      const allow = (action: string, prefix: string) => deps.authorizer.authorize(caller, `idbroker:${action}`, resourcePolicyArn(caller.account, prefix), now, { 'aws:SourceIp': ctx.ip, 'aws:SecureTransport': ctx.secure });
      if (ctx.method === 'PUT') {
        const p = parse(putSchema, body);
        await allow('PutResourcePolicy', p.prefix);
        try {
          await deps.policies.put(caller.account, p.prefix, typeof p.policy === 'string' ? p.policy : JSON.stringify(p.policy), p.account);
        } catch (err) {
          if (err instanceof AwsError && err.code === 'MalformedPolicyDocument') throw new AwsError('InvalidRequest', `policy: ${err.message}`);
          throw err;
        }
        ctx.body = { prefix: p.prefix };
      } else if (ctx.method === 'DELETE') {
        const p = parse(deleteSchema, body);
        await allow('DeleteResourcePolicy', p.prefix);
        if (!(await deps.policies.delete(caller.account, p.prefix))) throw new AwsError('NoSuchEntity', `No resource policy is registered for ${p.prefix}.`);
        ctx.body = { prefix: p.prefix };
      } else if (ctx.method === 'GET') {
        await allow('ListResourcePolicies', '*');
        ctx.body = { resourcePolicies: (await deps.policies.list(caller.account)).map((p) => ({ prefix: p.prefix, account: p.account, policy: JSON.parse(p.document) as unknown })) };
      } else {
        ctx.status = 405;
        ctx.set('Allow', 'GET, PUT, DELETE');
        ctx.body = { error: 'MethodNotAllowed', message: 'GET, PUT or DELETE.' };
      }
    } catch (caught) {
      const e = toWireError(caught);
      if (e.unexpected) ctx.state.error = caught;
      ctx.state.errorCode = e.code;
      ctx.status = e.status;
      ctx.body = { error: e.code, message: e.message };
    }
  };
}
