// The portal's pages for `idbroker login`: the approval page (which command line asks, approve or deny), the
// device page (enter the code shown in the terminal), the banner on the role list while a command-line
// sign-in is pending, and the page shown once its credentials are sent.
import { html, type Html } from '../portal/html.ts';
import { layout, type Viewer } from '../portal/pages.ts';
import type { LoopbackRequestView, PendingCliLogin } from './requests.ts';

/** GET /cli/login: what asks, and a POST to approve or deny (the login CSRF token). */
export function approvalPage(o: { requestUri: string; csrf: string; request: LoopbackRequestView }): Html {
  const r = o.request;
  return layout(
    'Approve a command-line sign-in',
    html`<section class="card" aria-labelledby="approve-h">
<h1 id="approve-h">Approve a command-line sign-in?</h1>
<p>An <code>idbroker login</code> asks to receive credentials through this browser. Approve only if you have just run it yourself and your terminal shows the same code.</p>
<dl class="facts">
<dt>Request code</dt><dd><code id="request-code">${r.requestCode}</code></dd>
<dt>Machine</dt><dd><code id="client-host">${r.clientHost ?? '(not given)'}</code>${r.clientIp ? html` <span class="muted">from ${r.clientIp}</span>` : ''}</dd>
<dt>Answer sent to</dt><dd><code>${r.redirectOrigin}</code> on that machine</dd>
${r.roleArn ? html`<dt>Role asked for</dt><dd><code>${r.roleArn}</code></dd>` : ''}
${r.duration ? html`<dt>Duration</dt><dd>${r.duration} seconds</dd>` : ''}
</dl>
<form method="post" action="/cli/login" class="stack">
<input type="hidden" name="csrf" value="${o.csrf}">
<input type="hidden" name="request_uri" value="${o.requestUri}">
<button type="submit" name="decision" value="approve">Approve</button>
<button type="submit" name="decision" value="deny" class="secondary">Deny</button>
</form>
</section>`,
  );
}

/** After approval with --provider: the provider's login route (a Refresh header, not a redirect: see browser.ts). */
export function continuePage(provider: string, path: string): Html {
  return layout(
    'Continue to sign in',
    html`<section class="card" aria-labelledby="continue-h">
<h1 id="continue-h">Approved</h1>
<p><a id="continue" href="${path}">Continue to sign in with ${provider}</a></p>
</section>`,
  );
}

export function devicePage(o: { csrf: string; userCode?: string; viewer?: Viewer }): Html {
  return layout(
    'Sign in the command line',
    html`<section class="card" aria-labelledby="device-h">
<h1 id="device-h">Sign in the idbroker command line</h1>
<p>Enter the code that <code>idbroker login --no-browser</code> shows in your terminal. Only enter a code you started yourself.</p>
<form method="post" action="/device" class="stack">
<input type="hidden" name="csrf" value="${o.csrf}">
<label for="user_code">Code</label>
<input id="user_code" name="user_code" required autocomplete="off" autocapitalize="characters" spellcheck="false" maxlength="9" pattern="[A-Za-z]{4}-?[A-Za-z]{4}" placeholder="BCDF-GHJK" value="${o.userCode ?? ''}">
<button type="submit">Continue</button>
</form>
</section>`,
    o.viewer,
  );
}

/** Shown above the role list while this browser completes a command-line sign-in. */
export function cliBanner(p: PendingCliLogin): Html {
  return html`<section class="card notice" role="status" aria-labelledby="cli-h">
<h2 id="cli-h">Signing in the idbroker command line${p.userCode ?? p.requestCode ? html` (code <code>${p.userCode ?? p.requestCode}</code>)` : ''}${p.clientHost ? html` on <code>${p.clientHost}</code>` : ''}</h2>
<p>Choose a role: its credentials go to your terminal, not to this page.${p.roleArn ? html` The command asked for <code>${p.roleArn}</code>.` : ''}</p>
</section>`;
}

export function cliDonePage(viewer: Viewer, o: { roleName: string; userCode?: string }): Html {
  return layout(
    'Command line signed in',
    html`<section class="card" role="status" aria-labelledby="done-h">
<h1 id="done-h">Done</h1>
<p>Credentials for <strong>${o.roleName}</strong> were sent to the command line${o.userCode ? html` that showed <code>${o.userCode}</code>` : ''}. You can close this page and return to your terminal.</p>
<p><a href="/roles">Your roles</a></p>
</section>`,
    viewer,
  );
}
