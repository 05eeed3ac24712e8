// The portal's pages for `idbroker login`: the device page (enter the code shown in the terminal), the banner
// on the role list while a command-line sign-in is pending, and the page shown once its credentials are sent.
import { html, type Html } from '../portal/html.ts';
import { layout, type Viewer } from '../portal/pages.ts';
import type { PendingCliLogin } from './requests.ts';

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
<h2 id="cli-h">Signing in the idbroker command line${p.userCode ? html` (code <code>${p.userCode}</code>)` : ''}</h2>
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
