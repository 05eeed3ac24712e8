// Drives federated sign-ins over real HTTP like a browser: follows redirects with one cookie jar (the broker's and
// the OpenID provider's cookies, as a browser keeps them), fills oidc-provider's login and consent forms, and stops
// on the first page that is neither a redirect nor an IdP form. Then picks a role and reads the credentials.
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { Browser, credentialsOf, csrfOf, type Page } from '../portal/portal-helpers.ts';

export interface Landing extends Page {
  url: string;
}

/** Follows `url` until a page that is not a redirect; on the OP's own pages (`opOrigin`) fills login / consent. */
export async function follow(b: Browser, url: string, o: { opOrigin?: string; login?: string; stopAt?: (url: string) => boolean } = {}): Promise<Landing> {
  let next: { url: string; form?: Record<string, string> } = { url };
  for (let i = 0; i < 20; i++) {
    if (o.stopAt?.(next.url)) return { url: next.url, status: 0, headers: new Headers(), text: '' };
    const page = next.form ? await b.post(next.url, next.form) : await b.get(next.url);
    if (page.location) {
      next = { url: new URL(page.location, next.url).href };
      continue;
    }
    const onOp = o.opOrigin !== undefined && next.url.startsWith(o.opOrigin);
    const action = /<form[^>]*action="([^"]+)"/.exec(page.text)?.[1];
    if (!onOp || page.status !== 200 || !action) return { ...page, url: next.url };
    const fields: Record<string, string> = {};
    for (const m of page.text.matchAll(/<input[^>]*type="hidden"[^>]*name="([^"]+)"[^>]*value="([^"]*)"/g)) fields[m[1]] = m[2];
    if (/name="login"/.test(page.text)) Object.assign(fields, { login: o.login ?? 'alice', password: 'any' });
    next = { url: new URL(action.replace(/&amp;/g, '&'), next.url).href, form: fields };
  }
  throw new Error('too many redirects');
}

/** The role names on a roles page. */
export const roleNames = (html: string) => [...html.matchAll(/<div class="role-name"><strong>([^<]+)<\/strong>/g)].map((m) => m[1]);

/** Picks a role on the roles page and returns the issued credentials. */
export async function credentialsFor(b: Browser, portalUrl: string, roleArn: string, duration = 3600) {
  const roles = await b.get(`${portalUrl}/roles`);
  const page = await b.post(`${portalUrl}/credentials`, { csrf: csrfOf(roles.text)!, roleArn, duration: String(duration) });
  if (page.status !== 200) throw new Error(`credentials page ${page.status}: ${page.text.slice(0, 300)}`);
  return credentialsOf(page.text);
}

export async function callerArn(endpoint: string, c: { accessKeyId: string; secretAccessKey: string; sessionToken: string }): Promise<string> {
  const sts = new STSClient({ endpoint, region: 'us-east-1', credentials: c, maxAttempts: 1 });
  return (await sts.send(new GetCallerIdentityCommand({}))).Arn!;
}

/** The error code the portal's error page shows. */
export const errorCode = (html: string) => /<p class="code">([^<]+)<\/p>/.exec(html)?.[1];

/** True when the response started a portal session (a session cookie was set). */
export const sessionSet = (p: Page) => p.headers.getSetCookie().some((c) => /^(__Host-)?idbroker=[^;]+/.test(c) && !/max-age=0/i.test(c));
