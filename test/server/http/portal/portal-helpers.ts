// Test helpers: a broker with the portal mounted on its own loopback Koa server, and a cookie-keeping
// browser stand-in built on fetch (manual redirects, so tests see every status and cookie).
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import Koa from 'koa';
import { portalRoutes, type PortalDeps } from '../../../../server/http/portal/index.ts';
import type { TestBroker } from '../../../helpers/broker.ts';

export const DS = 'arn:aws:ds:us-east-1:111122223333:directory/d-1000000001';

export const PORTAL_YAML = `
directories:
  - id: d-1000000001
    type: simple-ad
    dnsName: corp.example.com
    netbiosName: CORP
    adminPassword: "Adm1n-Passw0rd!"
    seed:
      groups:
        - { name: engineers, members: [alice] }
        - { name: platform, members: [engineers] }
        - { name: auditors, members: [bob] }
      users:
        - { username: alice, password: "Al1ce-Passw0rd!" }
        - { username: bob, password: "B0b-Passw0rd!!" }
roles:
  - name: Platform
    description: Platform engineers
    maxSessionDuration: 7200
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - { Effect: Allow, Principal: { Federated: "${DS}" }, Action: sts:AssumeRoleWithLDAPIdentity, Condition: { "ForAnyValue:StringEquals": { "ds:Groups": platform } } }
  - name: Auditor
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - { Effect: Allow, Principal: { Federated: "${DS}" }, Action: sts:AssumeRoleWithLDAPIdentity, Condition: { "ForAnyValue:StringEquals": { "ds:Groups": auditors } } }
  - name: Everyone
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - { Effect: Allow, Principal: { Federated: "${DS}" }, Action: sts:AssumeRoleWithLDAPIdentity }
  - name: SamlReaders
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - { Effect: Allow, Principal: { Federated: "arn:aws:iam::111122223333:saml-provider/okta" }, Action: sts:AssumeRoleWithSAML, Condition: { StringEquals: { "saml:aud": "http://127.0.0.1/saml/acs" } } }
  - name: CiOnly
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - { Effect: Allow, Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: sts:AssumeRole }
`;

export interface Portal {
  url: string;
  close(): Promise<void>;
}

/** Serves portalRoutes for a running test broker (the same deps main.ts passes). */
export async function startPortal(b: TestBroker, extra: Partial<PortalDeps> = {}): Promise<Portal> {
  const app = new Koa();
  app.silent = true;
  app.use(
    portalRoutes({
      store: b.store,
      keys: b.keys,
      audit: b.audit,
      services: { region: 'us-east-1', publicUrl: b.publicUrl, accounts: [{ id: '111122223333', alias: 'main' }], directories: new Map(b.directories.running.map((d) => [d.id, d.backend])) },
      ...extra,
    }),
  );
  const server: Server = createServer(app.callback());
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

export interface Page {
  status: number;
  headers: Headers;
  text: string;
  location?: string;
}

/** A minimal browser: keeps cookies (by name), sends forms, does not follow redirects. */
export class Browser {
  readonly cookies = new Map<string, string>();

  async request(url: string, init: { method?: string; form?: Record<string, string> } = {}): Promise<Page> {
    const headers: Record<string, string> = {};
    if (this.cookies.size) headers.cookie = [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    if (init.form) headers['content-type'] = 'application/x-www-form-urlencoded';
    const res = await fetch(url, { method: init.method ?? (init.form ? 'POST' : 'GET'), headers, body: init.form ? new URLSearchParams(init.form).toString() : undefined, redirect: 'manual' });
    for (const c of res.headers.getSetCookie()) {
      const [pair, ...attrs] = c.split(';');
      const i = pair.indexOf('=');
      const name = pair.slice(0, i).trim();
      if (attrs.some((a) => /^\s*max-age=0\s*$/i.test(a))) this.cookies.delete(name);
      else this.cookies.set(name, pair.slice(i + 1).trim());
    }
    return { status: res.status, headers: res.headers, text: await res.text(), location: res.headers.get('location') ?? undefined };
  }

  get(url: string) {
    return this.request(url);
  }

  post(url: string, form: Record<string, string>) {
    return this.request(url, { form });
  }
}

/** The value of the first `name="csrf"` hidden input on a page. */
export const csrfOf = (html: string) => /name="csrf" value="([^"]+)"/.exec(html)?.[1];

/** Signs in at the portal; returns the roles page. */
export async function signIn(b: Browser, url: string, username: string, password: string): Promise<Page> {
  const page = await b.get(`${url}/`);
  const res = await b.post(`${url}/login/directory/d-1000000001`, { csrf: csrfOf(page.text)!, username, password });
  if (res.status !== 303) return res;
  return b.get(`${url}${res.location}`);
}

/** HTML text → plain text (the five entities the portal escapes). */
export const decode = (s: string) => s.replace(/&#39;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');

/** The credential fields shown on the credentials page. */
export function credentialsOf(html: string) {
  const field = (id: string) => {
    const m = new RegExp(`<code id="${id}"[^>]*>([^<]+)</code>`).exec(html);
    return m ? decode(m[1]) : undefined;
  };
  return { accessKeyId: field('akid')!, secretAccessKey: field('secret')!, sessionToken: field('token')! };
}
