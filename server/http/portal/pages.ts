// The portal's pages other than the credentials page: layout, sign-in options, role list, error page.
import type { AssumableRole } from '../../sts/verified-identity.ts';
import { html, type Html } from './html.ts';

export const ASSET_PATH = '/portal/static';

export interface Viewer {
  displayName: string;
  csrf: string;
}

export function layout(title: string, body: Html, viewer?: Viewer): Html {
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>${title} · idbroker</title>
<link rel="stylesheet" href="${ASSET_PATH}/portal.css">
<script src="${ASSET_PATH}/portal.js" defer></script>
</head>
<body>
<header class="top">
<a class="brand" href="/">idbroker</a>
${viewer
  ? html`<form method="post" action="/logout" class="signout"><span>Signed in as <strong>${viewer.displayName}</strong></span>
<input type="hidden" name="csrf" value="${viewer.csrf}"><button type="submit">Sign out</button></form>`
  : ''}
</header>
<main id="main">
${body}
</main>
</body>
</html>
`;
}

export interface DirectoryOption {
  id: string;
  dnsName: string;
  netbiosName: string;
  /** The directory requires a one-time code (MFA) with the password. */
  mfa?: boolean;
}

export interface ProviderOption {
  name: string;
  href: string;
  account: string;
}

export function signInPage(o: { directories: DirectoryOption[]; saml: ProviderOption[]; oidc: ProviderOption[]; csrf: string }): Html {
  const dirs = o.directories.map(
    (d) => html`<section class="card" aria-labelledby="dir-${d.id}">
<h2 id="dir-${d.id}">${d.netbiosName} directory</h2>
<p class="muted">${d.dnsName} · ${d.id}</p>
<form method="post" action="/login/directory/${d.id}">
<input type="hidden" name="csrf" value="${o.csrf}">
<label for="u-${d.id}">User name</label>
<input id="u-${d.id}" name="username" autocomplete="username" required maxlength="512" placeholder="alice or ${d.netbiosName}\\alice">
<label for="p-${d.id}">Password</label>
<input id="p-${d.id}" name="password" type="password" autocomplete="current-password" required maxlength="1024">
${d.mfa
  ? html`<label for="c-${d.id}">One-time code (MFA)</label>
<input id="c-${d.id}" name="code" inputmode="numeric" autocomplete="one-time-code" required maxlength="128">`
  : ''}
<button type="submit">Sign in</button>
</form>
</section>`,
  );
  const providers = (title: string, list: ProviderOption[]) =>
    list.length === 0
      ? ''
      : html`<section class="card"><h2>${title}</h2><ul class="providers">${list.map((p) => html`<li><a class="button" href="${p.href}">Sign in with ${p.name}</a> <span class="muted">account ${p.account}</span></li>`)}</ul></section>`;
  const none = o.directories.length + o.saml.length + o.oidc.length === 0;
  return layout(
    'Sign in',
    html`<h1>Sign in</h1>
${none ? html`<p>No directory or identity provider is configured on this broker.</p>` : ''}
<div class="options">${dirs}${providers('SAML identity providers', o.saml)}${providers('OpenID Connect providers', o.oidc)}</div>`,
  );
}

const DURATIONS = [900, 1800, 3600, 7200, 14400, 28800, 43200];

export function durationChoices(max: number): number[] {
  const list = DURATIONS.filter((d) => d <= max);
  return list.includes(max) ? list : [...list, max];
}

export function formatDuration(s: number): string {
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return [h ? `${h} h` : '', m ? `${m} min` : '', !h && !m ? `${s} s` : ''].filter(Boolean).join(' ');
}

/** While a command-line sign-in is pending: a banner, forms marked for it, and the duration the command asked for. */
export interface CliChoice {
  banner: Html;
  duration?: number;
}

export function rolesPage(viewer: Viewer, roles: AssumableRole[], cli?: CliChoice): Html {
  const accounts = [...new Set(roles.map((r) => r.account))];
  const body = accounts.map((a) => {
    const list = roles.filter((r) => r.account === a);
    const alias = list[0].alias;
    return html`<section class="card account" aria-labelledby="acct-${a}">
<h2 id="acct-${a}">${alias ? html`${alias} <span class="muted">${a}</span>` : a}</h2>
<ul class="roles">
${list.map((r) => {
  const choices = durationChoices(r.role.maxSessionDuration);
  const asked = cli?.duration && cli.duration <= r.role.maxSessionDuration ? cli.duration : undefined;
  if (asked && !choices.includes(asked)) {
    choices.push(asked);
    choices.sort((x, y) => x - y);
  }
  const preset = asked ?? (choices.includes(3600) ? 3600 : choices[choices.length - 1]);
  return html`<li class="role">
<form method="post" action="/credentials">
<input type="hidden" name="csrf" value="${viewer.csrf}">
<input type="hidden" name="roleArn" value="${r.role.arn}">${cli ? html`
<input type="hidden" name="cli" value="1">` : ''}
<div class="role-name"><strong>${r.role.name}</strong>${r.role.description ? html` <span class="muted">${r.role.description}</span>` : ''}<br><code>${r.role.arn}</code></div>
<label for="d-${r.role.id}">Duration</label>
<select id="d-${r.role.id}" name="duration">${choices.map((d) => html`<option value="${d}"${d === preset ? html` selected` : ''}>${formatDuration(d)}</option>`)}</select>
<button type="submit" aria-label="${cli ? 'Send credentials to the command line' : 'Get credentials'} for ${r.role.name} in ${alias ?? a}">${cli ? 'Send to command line' : 'Get credentials'}</button>
</form>
</li>`;
})}
</ul>
</section>`;
  });
  return layout(
    'Roles',
    html`<h1>Your roles</h1>
${cli ? cli.banner : ''}
${roles.length === 0 ? html`<p>No role trusts your identity. Ask an administrator to allow it in a role's trust policy.</p>` : body}`,
    viewer,
  );
}

export function errorPage(o: { status: number; code: string; message: string; requestId: string; viewer?: Viewer }): Html {
  return layout(
    `Error: ${o.code}`,
    html`<section class="card error" role="alert">
<h1>${o.status >= 500 ? 'Something went wrong' : 'Request refused'}</h1>
<p class="code">${o.code}</p>
<p>${o.message}</p>
<p class="muted">Request id: <code>${o.requestId}</code></p>
<p><a href="/">Back to sign-in</a>${o.viewer ? html` · <a href="/roles">Your roles</a>` : ''}</p>
</section>`,
    o.viewer,
  );
}
