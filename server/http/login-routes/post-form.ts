// The SAML HTTP-POST binding's hand-off page: a form that the browser posts to the IdP (a nonce'd script submits
// it; without JavaScript the person presses Continue). Its own CSP allows posting to that one origin only.
import { randomBytes } from 'node:crypto';
import type { Context } from 'koa';
import { html } from '../portal/html.ts';

export function renderPostForm(ctx: Context, url: string, fields: Record<string, string>): void {
  const nonce = randomBytes(16).toString('base64');
  ctx.set('Content-Security-Policy', `default-src 'none'; script-src 'nonce-${nonce}'; form-action ${new URL(url).origin}; base-uri 'none'; frame-ancestors 'none'`);
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.type = 'text/html; charset=utf-8';
  ctx.body = html`<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Signing in · idbroker</title></head>
<body>
<form method="post" action="${url}">
${Object.entries(fields).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}">`)}
<noscript><p>Continue to your identity provider to sign in.</p><button type="submit">Continue</button></noscript>
</form>
<script nonce="${nonce}">document.forms[0].submit();</script>
</body></html>
`.text;
}
