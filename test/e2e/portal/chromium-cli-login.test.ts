// `idbroker login` with a real browser: headless Chromium (Debian's /usr/bin/chromium, playwright-core) is the
// browser the command opens. Loopback: Chromium opens the command's own link, which sends it on to the broker's
// approval page with a binding cookie; the person compares the request code, approves, signs in on the portal,
// sends a role to the command line, and Chromium lands on the command's loopback page (the roles page's CSP
// lets the form end there; the binding cookie comes along). Deny: the command hears the refusal. Device
// (--no-browser): the person types the code on /device. The profile written is then used by the AWS SDK's
// shared-credentials loader. Screenshots go to $PORTAL_SCREENSHOT_DIR (default: a temporary directory).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { PORTAL_YAML } from '../../server/http/portal/portal-helpers.ts';
import { login } from '../../../server/login-command/login.ts';
import { chromiumMissing, CHROMIUM, CHROMIUM_ARGS } from '../../helpers/chromium.ts';

const skip = chromiumMissing() ?? false;

describe('idbroker login in headless Chromium', { skip }, () => {
  let b: TestBroker;
  let browser: import('playwright-core').Browser;
  let dir: string;
  const env = { ...process.env };
  const shots = process.env.PORTAL_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'idbroker-portal-shots-'));

  before(async () => {
    b = await startTestBroker({ yaml: PORTAL_YAML });
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
    dir = mkdtempSync(join(tmpdir(), 'idbroker-cli-chromium-'));
    process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials');
    process.env.AWS_CONFIG_FILE = join(dir, 'config');
  });
  after(async () => {
    process.env = env;
    await browser?.close();
    await b?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  const signIn = async (page: import('playwright-core').Page) => {
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password').fill('Al1ce-Passw0rd!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${b.publicUrl}/roles`);
  };

  it('loopback: the browser the command opens signs in, and the profile works with the SDK', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
    let landed = '';
    let browsing: Promise<boolean> | undefined;
    const lines: string[] = [];
    await login({
      url: b.publicUrl,
      profile: 'chromium',
      clientHost: 'chromium-host',
      say: (l) => lines.push(l),
      paths: { credentials: process.env.AWS_SHARED_CREDENTIALS_FILE!, config: process.env.AWS_CONFIG_FILE! },
      // the command does not wait for its browser: keep the promise to see where Chromium ended up
      open: (url) => (browsing = (async () => {
        await page.goto(url);
        await page.waitForURL(`${b.publicUrl}/cli/login?**`);
        const code = /request code ([A-Z]{4}-[A-Z]{4})/.exec(lines.join('\n'))![1];
        assert.equal(await page.textContent('#request-code'), code, 'the code the terminal printed');
        assert.equal(await page.textContent('#client-host'), 'chromium-host');
        await page.screenshot({ path: join(shots, 'portal-cli-approve.png'), fullPage: true });
        await page.getByRole('button', { name: 'Approve' }).click();
        await page.waitForURL(`${b.publicUrl}/`);
        await signIn(page);
        assert.match((await page.textContent('main'))!, /Signing in the idbroker command line/);
        await page.screenshot({ path: join(shots, 'portal-cli-roles.png'), fullPage: true });
        await page.locator('li.role', { hasText: 'Platform engineers' }).getByRole('button', { name: /Send credentials to the command line/ }).click();
        await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
        await page.waitForLoadState('load');
        landed = await page.content();
        return true;
      })()),
    });
    await browsing;
    assert.match(landed, /Signed in\. You can close this tab/);
    assert.deepEqual(cspViolations, []);
    assert.match(lines.at(-1)!, /^Wrote profile "chromium": arn:aws:sts::111122223333:assumed-role\/Platform\/alice /);
    const sts = new STSClient({ region: 'us-east-1', endpoint: b.publicUrl, profile: 'chromium', maxAttempts: 1 });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    sts.destroy();
    await context.close();
  });

  it('deny: the approval page\'s Deny button sends the refusal to the command, which writes nothing', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 800 } });
    const page = await context.newPage();
    let browsing: Promise<void> | undefined;
    await assert.rejects(
      login({
        url: b.publicUrl,
        profile: 'denied',
        say: () => {},
        paths: { credentials: join(dir, 'denied-credentials'), config: join(dir, 'denied-config') },
        open: async (url) => {
          browsing = (async () => {
            await page.goto(url);
            await page.getByRole('button', { name: 'Deny' }).click();
            await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?error=access_denied/);
          })();
          return true;
        },
      }),
      /the sign-in failed: access_denied/,
    );
    await browsing;
    assert.equal(existsSync(join(dir, 'denied-credentials')), false);
    await context.close();
  });

  it('device (--no-browser): the code typed on /device, in a browser the command never opened', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 700 } });
    const page = await context.newPage();
    let approval: Promise<void> | undefined;
    const creds = await login({
      url: b.publicUrl,
      profile: 'device',
      noBrowser: true,
      // other files than the first test's: the SDK caches the shared files it has read, by path
      paths: { credentials: (process.env.AWS_SHARED_CREDENTIALS_FILE = join(dir, 'credentials2')), config: (process.env.AWS_CONFIG_FILE = join(dir, 'config2')) },
      open: () => assert.fail('--no-browser opens nothing'),
      say: (line) => {
        const m = /open (\S+) and enter the code ([A-Z]{4}-[A-Z]{4})/.exec(line);
        if (!m) return;
        approval = (async () => {
          await page.goto(m[1]);
          await page.getByLabel('Code').fill(m[2]);
          await page.screenshot({ path: join(shots, 'portal-device.png'), fullPage: true });
          await page.getByRole('button', { name: 'Continue' }).click();
          await page.waitForURL(`${b.publicUrl}/`);
          await signIn(page);
          assert.match((await page.textContent('main'))!, new RegExp(`code ${m[2]}`));
          await page.locator('li.role', { hasText: 'Platform engineers' }).getByRole('button', { name: /Send credentials/ }).click();
          await page.waitForURL(`${b.publicUrl}/credentials`);
          assert.match((await page.textContent('main'))!, /return to your terminal/);
        })();
      },
    });
    await approval;
    const sts = new STSClient({ region: 'us-east-1', endpoint: b.publicUrl, profile: 'device', maxAttempts: 1 });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    assert.match(creds.AccessKeyId, /^ASIA/);
    sts.destroy();
    await context.close();
  });
});
