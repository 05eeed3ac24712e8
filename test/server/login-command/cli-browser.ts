// The person's browser in `idbroker login` tests (the cookie-keeping stand-in): opens the link the command
// prints — its own loopback listener, which sends this browser on to the broker's approval page with a binding
// cookie — approves with the page's CSRF token, and later sends a role, following the code back to the command.
import assert from 'node:assert/strict';
import { type Browser, csrfOf, decode, type Page } from '../http/portal/portal-helpers.ts';

export interface Approval {
  /** the broker's approval page */
  page: Page;
  requestUri: string;
  requestCode: string;
  host: string;
  /** the answer to the approval POST */
  approved: Page;
}

/** Opens the command's link, shows the approval page; approves unless `approve` is false. */
export async function openAndApprove(br: Browser, startUrl: string, o: { approve?: boolean } = {}): Promise<Approval> {
  const start = await br.get(startUrl);
  assert.equal(start.status, 303, `the command's link sends the browser on: ${start.text.slice(0, 200)}`);
  const page = await br.get(start.location!);
  assert.equal(page.status, 200, page.text.slice(0, 400));
  const requestUri = decode(/name="request_uri" value="([^"]+)"/.exec(page.text)![1]);
  const requestCode = /<code id="request-code">([A-Z-]+)<\/code>/.exec(page.text)![1];
  const host = decode(/<code id="client-host">([^<]*)<\/code>/.exec(page.text)![1]);
  const approved = o.approve === false ? page : await br.post(new URL('/cli/login', start.location!).href, { csrf: csrfOf(page.text)!, request_uri: requestUri, decision: 'approve' });
  return { page, requestUri, requestCode, host, approved };
}

/** The role form for `roleArn` on a roles page, as fields to post. */
export function roleForm(html: string, roleArn: string): Record<string, string> {
  const forms = html.split('<form method="post" action="/credentials">').slice(1);
  const f = forms.find((x) => x.includes(`value="${roleArn}"`));
  assert.ok(f, `a form for ${roleArn}`);
  const fields: Record<string, string> = {};
  for (const m of f.split('</form>')[0].matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) fields[m[1]] = m[2];
  fields.duration = /<option value="(\d+)" selected>/.exec(f)?.[1] ?? '3600';
  return fields;
}

/** Sends `roleArn` to the command line from a roles page; returns the broker's 303 and the command's page. */
export async function sendRole(br: Browser, brokerUrl: string, rolesHtml: string, roleArn: string): Promise<{ sent: Page; back: Page }> {
  const sent = await br.post(`${brokerUrl}/credentials`, roleForm(rolesHtml, roleArn));
  assert.equal(sent.status, 303, sent.text.slice(0, 300));
  return { sent, back: await br.get(sent.location!) };
}
