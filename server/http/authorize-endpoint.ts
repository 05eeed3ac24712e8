// POST /authorize: how an internal service accepts the broker's credentials. The service forwards the
// signed request it received (method, path, query, headers, body) with the action, resource and any extra
// condition keys; the broker verifies the signature (for whatever service name the request was signed
// for), evaluates the caller's policies and answers allow or deny — with AWS's encoded message on deny.
import type { Context } from 'koa';
import { z } from 'zod';
import { AwsError } from '../contracts/errors.ts';
import type { Authorizer } from '../iam/authorizer.ts';
import type { Caller } from '../iam/caller.ts';
import type { CredentialResolver } from '../iam/credentials.ts';
import type { KeyRing } from '../keys/keyring.ts';
import type { RevocationList } from '../sts/revocation.ts';
import type { DirectorySessionChecker } from '../sts/directory-sessions.ts';
import { checkSigV4Request, parseSigV4, verifySigV4, type IncomingSignedRequest } from '../sts/sigv4/index.ts';
import { resolveTemporary } from '../sts/temporary-credentials.ts';
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

export interface AuthorizeDeps {
  keys: KeyRing;
  credentials: CredentialResolver;
  revocations: RevocationList;
  directorySessions?: DirectorySessionChecker;
  authorizer: Authorizer;
  bodyLimit: number;
}

export function authorizeEndpoint(deps: AuthorizeDeps) {
  return async function handleAuthorize(ctx: Context): Promise<void> {
    ctx.state.action = 'idbroker:Authorize';
    let parsed: z.infer<typeof requestSchema>;
    try {
      const raw = await readBody(ctx.req, deps.bodyLimit);
      parsed = requestSchema.parse(JSON.parse(raw.toString('utf8')));
    } catch (err) {
      ctx.status = err instanceof AwsError ? err.status : 400;
      ctx.body = { error: err instanceof AwsError ? err.code : 'InvalidRequest', message: err instanceof z.ZodError ? z.prettifyError(err) : (err as Error).message };
      return;
    }
    const now = new Date();
    const headers = Object.fromEntries(Object.entries(parsed.request.headers).map(([k, v]) => [k.toLowerCase(), v]));
    const req: IncomingSignedRequest = { method: parsed.request.method.toUpperCase(), path: parsed.request.path, rawQuery: parsed.request.query, headers, body: Buffer.from(parsed.request.body, 'base64') };
    let caller: Caller;
    try {
      const auth = parseSigV4(req);
      if (!auth) throw new AwsError('MissingAuthenticationToken', 'Request is missing Authentication Token');
      const opts = { now, expectedService: auth.service as 'iam' };
      checkSigV4Request(auth, opts);
      const resolved = auth.accessKeyId.startsWith('ASIA')
        ? await resolveTemporary(deps.keys, deps.revocations, deps.credentials, auth.accessKeyId, auth.securityToken, now, deps.directorySessions)
        : await deps.credentials.resolve(auth.accessKeyId, now.getTime());
      verifySigV4(req, auth, resolved.secretAccessKey, opts);
      caller = resolved.caller;
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      ctx.status = 200;
      ctx.body = { allowed: false, authenticated: false, error: { code: err.code, message: err.message } };
      return;
    }
    const principal = { arn: caller.arn, account: caller.account, userId: caller.userId };
    try {
      // the service's keys (iam:PassedToService…), then what the broker knows of an IAM resource (its tags)
      const context = { ...parsed.context, ...(await deps.authorizer.resourceContext(caller, parsed.action, parsed.resource)) };
      const d = await deps.authorizer.authorize(caller, parsed.action, parsed.resource, now, context);
      ctx.body = { allowed: true, authenticated: true, decision: d.decision, principal };
    } catch (err) {
      if (!(err instanceof AwsError)) throw err;
      ctx.body = { allowed: false, authenticated: true, decision: 'denied', principal, error: { code: err.code, message: err.message } };
    }
  };
}
