// POST /authorize as a relying service calls it: the JSON body signed with the service's own key (SigV4, service
// `idbroker`), naming the service and host it serves (`expect`). The forwarded request is signed separately.
import { signRequest, type SigningCredentials } from '../../server/sts/sigv4/index.ts';
import { ADMIN_KEY } from './broker.ts';

export interface Forwarded {
  method: string;
  path: string;
  query: string;
  headers: Record<string, string>;
  body: string;
}

/** A GET of `url` signed by `creds` for `service`, as a relying service forwards it. */
export function forwardedRequest(url: URL, creds: SigningCredentials, service: string, now = new Date()): Forwarded {
  const headers = signRequest({ method: 'GET', url, headers: {}, body: '' }, creds, { region: 'us-east-1', service, now });
  return { method: 'GET', path: url.pathname, query: url.search.slice(1), headers: { ...headers, host: url.host }, body: '' };
}

/** Sends `body` to `${brokerUrl}/authorize`, signed by `relying` (default: the test broker's administrator); `relying: null` sends it unsigned. */
export async function postAuthorize(brokerUrl: string, body: unknown, relying: SigningCredentials | null = ADMIN_KEY): Promise<Response> {
  const url = new URL(`${brokerUrl}/authorize`);
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (relying) Object.assign(headers, signRequest({ method: 'POST', url, headers, body: text }, relying, { region: 'us-east-1', service: 'idbroker', now: new Date() }));
  return fetch(url, { method: 'POST', headers, body: text });
}
