// The credentials page: shown once, never cached, with copy buttons, an expiry countdown and ready-to-paste
// snippets for shells, the shared credentials file and credential_process. The endpoint reaches the AWS CLI in
// two ways: AWS_ENDPOINT_URL_STS/_IAM (and endpoint_url in ~/.aws/config), read by AWS CLI 2.13+ and the SDKs;
// and --endpoint-url on each command, for AWS CLI releases before 2.13 (Debian 12 ships 2.9), which ignore the
// variables and would send the call to AWS itself. IAM and STS are both at the broker's one URL.
import { html, type Html } from './html.ts';
import { formatDuration, layout, type Viewer } from './pages.ts';

export interface ShownCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken: string;
  expiration: Date;
  account: string;
  alias?: string;
  roleName: string;
  sessionArn: string;
  durationSeconds: number;
  region: string;
  /** The broker's endpoint: these credentials are for its IAM and STS APIs. */
  endpoint: string;
}

const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
const ps = (s: string) => `"${s.replace(/[`"$]/g, '`$&')}"`;

export function profileName(c: Pick<ShownCredentials, 'account' | 'alias' | 'roleName'>): string {
  return `${c.alias ?? c.account}-${c.roleName}`.replace(/[^\w.-]/g, '-');
}

export function snippets(c: ShownCredentials): Record<'bash' | 'bashBefore213' | 'powershell' | 'credentials' | 'process', string> {
  const exp = c.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const profile = profileName(c);
  return {
    bash: [
      `export AWS_ACCESS_KEY_ID=${q(c.accessKeyId)}`,
      `export AWS_SECRET_ACCESS_KEY=${q(c.secretAccessKey)}`,
      `export AWS_SESSION_TOKEN=${q(c.sessionToken)}`,
      `export AWS_REGION=${q(c.region)}`,
      `export AWS_DEFAULT_REGION=${q(c.region)}`,
      `export AWS_ENDPOINT_URL_STS=${q(c.endpoint)}`,
      `export AWS_ENDPOINT_URL_IAM=${q(c.endpoint)}`,
    ].join('\n'),
    bashBefore213: [
      `export AWS_ACCESS_KEY_ID=${q(c.accessKeyId)}`,
      `export AWS_SECRET_ACCESS_KEY=${q(c.secretAccessKey)}`,
      `export AWS_SESSION_TOKEN=${q(c.sessionToken)}`,
      `export AWS_DEFAULT_REGION=${q(c.region)}`,
      `# every aws command goes to the broker (IAM and STS); "command aws …" bypasses it, "unset -f aws" removes it`,
      `function aws { command aws --endpoint-url ${q(c.endpoint)} "$@"; }`,
    ].join('\n'),
    powershell: [
      `$Env:AWS_ACCESS_KEY_ID=${ps(c.accessKeyId)}`,
      `$Env:AWS_SECRET_ACCESS_KEY=${ps(c.secretAccessKey)}`,
      `$Env:AWS_SESSION_TOKEN=${ps(c.sessionToken)}`,
      `$Env:AWS_REGION=${ps(c.region)}`,
      `$Env:AWS_DEFAULT_REGION=${ps(c.region)}`,
      `$Env:AWS_ENDPOINT_URL_STS=${ps(c.endpoint)}`,
      `$Env:AWS_ENDPOINT_URL_IAM=${ps(c.endpoint)}`,
    ].join('\n'),
    credentials: [
      `[${profile}]`,
      `aws_access_key_id = ${c.accessKeyId}`,
      `aws_secret_access_key = ${c.secretAccessKey}`,
      `aws_session_token = ${c.sessionToken}`,
      `# expires ${exp}`,
    ].join('\n'),
    process: JSON.stringify({ Version: 1, AccessKeyId: c.accessKeyId, SecretAccessKey: c.secretAccessKey, SessionToken: c.sessionToken, Expiration: exp }, null, 2),
  };
}

function field(id: string, label: string, value: string): Html {
  return html`<div class="field"><span class="label" id="${id}-label">${label}</span>
<code id="${id}" class="secret" aria-labelledby="${id}-label">${value}</code>
<button type="button" class="copy" data-copy="${id}" aria-label="Copy ${label}">Copy</button></div>`;
}

function snippet(id: string, title: string, text: string, hint?: Html): Html {
  return html`<section class="snippet" aria-labelledby="${id}-title">
<div class="snippet-head"><h3 id="${id}-title">${title}</h3><button type="button" class="copy" data-copy="${id}" aria-label="Copy ${title}">Copy</button></div>
${hint ?? ''}<pre><code id="${id}">${text}</code></pre>
</section>`;
}

export function credentialsPage(viewer: Viewer, c: ShownCredentials): Html {
  const s = snippets(c);
  const exp = c.expiration.toISOString().replace(/\.\d{3}Z$/, 'Z');
  const profile = profileName(c);
  return layout(
    `Credentials for ${c.roleName}`,
    html`<h1>Credentials for ${c.roleName}</h1>
<p>Account <strong>${c.alias ?? c.account}</strong>${c.alias ? html` <span class="muted">${c.account}</span>` : ''} · <code>${c.sessionArn}</code></p>
<p class="expiry">Valid for ${formatDuration(c.durationSeconds)}, until <time datetime="${exp}">${exp}</time> ·
<span class="countdown" data-expires="${exp}" aria-live="off">expires in ${formatDuration(c.durationSeconds)}</span></p>
<p class="warning" role="note">Shown only once: the broker does not keep them. Copy them now.</p>
<section class="card">
${field('akid', 'Access key ID', c.accessKeyId)}
${field('secret', 'Secret access key', c.secretAccessKey)}
${field('token', 'Session token', c.sessionToken)}
</section>
<h2>Use them</h2>
<p class="muted">Check your version with <code>aws --version</code>: AWS CLI releases before 2.13 ignore <code>AWS_ENDPOINT_URL_STS</code>,
<code>AWS_ENDPOINT_URL_IAM</code> and <code>endpoint_url</code> and would call AWS itself; give them the broker's URL with <code>--endpoint-url</code>.</p>
${snippet('snippet-bash', 'bash / zsh — AWS CLI 2.13+ and SDKs', s.bash)}
${snippet('snippet-bash-before-2-13', 'bash / zsh — AWS CLI before 2.13', s.bashBefore213, html`<p class="muted">Passes <code>--endpoint-url ${c.endpoint}</code> to every <code>aws</code> command in this shell; the same URL serves IAM and STS.</p>`)}
${snippet('snippet-powershell', 'PowerShell — AWS CLI 2.13+ and SDKs', s.powershell, html`<p class="muted">AWS CLI before 2.13: add <code>--endpoint-url ${c.endpoint}</code> to each command.</p>`)}
${snippet('snippet-credentials', '~/.aws/credentials', s.credentials, html`<p class="muted">With, in <code>~/.aws/config</code>: <code>[profile ${profile}]</code> <code>region = ${c.region}</code> <code>endpoint_url = ${c.endpoint}</code> (AWS CLI 2.13+ and SDKs).
AWS CLI before 2.13 ignores <code>endpoint_url</code>: <code>aws sts get-caller-identity --profile ${profile} --endpoint-url ${c.endpoint}</code>.</p>`)}
${snippet('snippet-process', 'credential_process output', s.process, html`<p class="muted">What a <code>credential_process</code> command prints, e.g. <code>credential_process = idbroker credential-process --profile ${profile}</code> in <code>~/.aws/config</code>.</p>`)}
<p><a href="/roles">Back to your roles</a></p>`,
    viewer,
  );
}
