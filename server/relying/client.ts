// The relying service's side of POST /authorize, for Node services that accept the broker's credentials: forward the
// signed request the service received with the question (action, resource, the service's own keys, the resource's
// policy), the call signed with the service's own key (SigV4, service `idbroker`). Middleware: ./koa.ts, ./express.ts.
import { signRequest, type SigningCredentials } from '../sts/sigv4/index.ts';

export interface RelyingServiceOptions {
  /** The broker's base URL (http://broker:8080). */
  brokerUrl: string;
  /** The relying service's own key (its principal needs idbroker:Authorize on arn:aws:idbroker::<account>:service/<service>/<host>). */
  credentials: SigningCredentials;
  /** The service name the requests it accepts are signed for (the credential scope's service: files, s3…). */
  service: string;
  /** The host the requests are signed for; default: each request's Host header. */
  host?: string;
  /** The region to sign the call to the broker with (any; default us-east-1). */
  region?: string;
}

export interface AuthorizeQuestion {
  action: string;
  resource: string;
  /** The service's own condition keys (files:Prefix, aws:SourceIp as it saw it); never the broker-derived ones. */
  context?: Record<string, string | number | boolean | string[]>;
  /** The resource's own policy (a bucket policy), and its owner account. */
  resourcePolicy?: string | object;
  resourceAccount?: string;
}

export interface ReceivedRequest {
  method: string;
  /** The raw path, without the query string. */
  path: string;
  /** The raw query string, without '?'. */
  query: string;
  headers: Record<string, string | string[] | undefined>;
  body?: Buffer;
}

export interface AuthorizeAnswer {
  allowed: boolean;
  authenticated?: boolean;
  decision?: string;
  principal?: { arn: string; account: string; userId: string };
  error?: { code: string; message: string };
}

const single = (v: string | string[] | undefined) => (Array.isArray(v) ? v.join(',') : v);

/** Asks the broker; a failure of the call itself (the service's key refused, malformed, throttled) throws. */
export async function authorizeWithBroker(opts: RelyingServiceOptions, request: ReceivedRequest, question: AuthorizeQuestion): Promise<AuthorizeAnswer> {
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(request.headers)) if (v !== undefined) headers[k] = v;
  const host = opts.host ?? single(request.headers.host) ?? '';
  const payload = {
    expect: { service: opts.service, host },
    request: { method: request.method, path: request.path, query: request.query, headers, body: (request.body ?? Buffer.alloc(0)).toString('base64') },
    ...question,
  };
  const url = new URL('/authorize', opts.brokerUrl);
  const text = JSON.stringify(payload);
  const callHeaders: Record<string, string> = { 'content-type': 'application/json' };
  Object.assign(callHeaders, signRequest({ method: 'POST', url, headers: callHeaders, body: text }, opts.credentials, { region: opts.region ?? 'us-east-1', service: 'idbroker', now: new Date() }));
  const res = await fetch(url, { method: 'POST', headers: callHeaders, body: text });
  const json = (await res.json()) as AuthorizeAnswer & { message?: string };
  if (res.status !== 200) throw new Error(`POST /authorize: ${res.status} ${String((json as { error?: unknown }).error)}: ${json.message ?? ''}`);
  return json;
}

/** What a middleware answers a refused request with: AWS's error shape as JSON (403). */
export function refusal(answer: AuthorizeAnswer): { status: number; body: { Code: string; Message: string } } {
  return { status: 403, body: { Code: answer.error?.code ?? 'AccessDenied', Message: answer.error?.message ?? 'Access Denied' } };
}
