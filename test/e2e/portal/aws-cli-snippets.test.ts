// The portal's shell snippets pasted into bash with Debian's AWS CLI 2.9: the "AWS CLI before 2.13" form reaches
// the broker for STS and IAM; the "2.13+ and SDKs" form is not read by 2.9, whose call leaves for AWS itself
// (here into a closed proxy, so nothing leaves the machine) — why the page gives both and labels them.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { Browser, csrfOf, decode, PORTAL_YAML, signIn, startPortal, type Portal } from '../../server/http/portal/portal-helpers.ts';

const run = promisify(execFile);

describe('portal snippets with the AWS CLI 2.9', () => {
  const home = mkdtempSync(join(tmpdir(), 'idbroker-snippet-home-'));
  let b: TestBroker;
  let portal: Portal;
  let page: string;

  before(async () => {
    b = await startTestBroker({ yaml: PORTAL_YAML });
    portal = await startPortal(b);
    const alice = new Browser();
    const roles = await signIn(alice, portal.url, 'alice', 'Al1ce-Passw0rd!');
    const creds = await alice.post(`${portal.url}/credentials`, { csrf: csrfOf(roles.text)!, roleArn: 'arn:aws:iam::111122223333:role/Platform', duration: '900' });
    assert.equal(creds.status, 200, creds.text);
    page = creds.text;
  });
  after(async () => {
    await portal.close();
    await b.destroy();
    rmSync(home, { recursive: true, force: true });
  });

  const snippet = (id: string) => decode(new RegExp(`<code id="${id}">([^<]+)</code>`).exec(page)![1]);
  const title = (id: string) => decode(new RegExp(`<h3 id="${id}-title">([^<]+)</h3>`).exec(page)![1]);

  /** Pastes the snippet into bash, then runs the command; only Debian's aws on PATH, no AWS config, and any call
   *  to AWS itself goes into a closed proxy port. */
  async function paste(text: string, command: string): Promise<{ code: number; out: string; err: string }> {
    const env = { PATH: '/usr/bin:/bin', HOME: home, AWS_PAGER: '', HTTPS_PROXY: 'http://127.0.0.1:1', HTTP_PROXY: 'http://127.0.0.1:1', NO_PROXY: '127.0.0.1,localhost', AWS_MAX_ATTEMPTS: '1' };
    try {
      const { stdout, stderr } = await run('/bin/bash', ['--norc', '--noprofile', '-c', `${text}\naws --version >&2\n${command}`], { env, encoding: 'utf8', timeout: 120_000 });
      return { code: 0, out: stdout, err: stderr };
    } catch (e) {
      const x = e as { code?: number; stdout?: string; stderr?: string };
      return { code: typeof x.code === 'number' ? x.code : -1, out: x.stdout ?? '', err: x.stderr ?? '' };
    }
  }

  async function callerIdentityEvents(): Promise<number> {
    await b.audit.flush();
    return (await b.store.audit.query({ limit: 100, eventName: 'GetCallerIdentity' })).length;
  }

  it('labels the two forms', () => {
    assert.equal(title('snippet-bash'), 'bash / zsh — AWS CLI 2.13+ and SDKs');
    assert.equal(title('snippet-bash-before-2-13'), 'bash / zsh — AWS CLI before 2.13');
    assert.match(snippet('snippet-bash'), /^export AWS_ENDPOINT_URL_STS=/m);
    assert.match(snippet('snippet-bash-before-2-13'), new RegExp(`^function aws \\{ command aws --endpoint-url '${b.publicUrl}' "\\$@"; \\}$`, 'm'));
  });

  it('the "before 2.13" form: aws sts get-caller-identity and aws iam reach the broker', async () => {
    const before = await callerIdentityEvents();
    const r = await paste(snippet('snippet-bash-before-2-13'), 'aws sts get-caller-identity --output json');
    assert.match(r.err, /aws-cli\/2\.9\./);
    assert.equal(r.code, 0, r.err);
    assert.equal((JSON.parse(r.out) as { Arn: string }).Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    assert.equal(await callerIdentityEvents(), before + 1);
    // IAM is at the same URL: the broker answers (the role may not list roles)
    const iam = await paste(snippet('snippet-bash-before-2-13'), 'aws iam list-roles --output json');
    assert.match(iam.err, /AccessDenied.*assumed-role\/Platform\/alice is not authorized to perform: iam:ListRoles/);
  });

  it('the "2.13+" form is ignored by AWS CLI 2.9: the call does not reach the broker', async () => {
    const before = await callerIdentityEvents();
    const r = await paste(snippet('snippet-bash'), 'aws sts get-caller-identity --output json --cli-connect-timeout 5');
    assert.notEqual(r.code, 0, r.out);
    assert.match(r.err, /proxy|sts\.amazonaws\.com|Could not connect/i);
    assert.equal(await callerIdentityEvents(), before);
  });
});
