// `idbroker login` in headless Chromium with the broker on another site than the command's loopback listener
// (as in production: https://idbroker.example.com vs http://127.0.0.1:PORT). The broker's public URL is
// http://broker.test, which Chromium resolves to the test broker (--host-resolver-rules); the command listens
// on 127.0.0.1. The binding cookie the command's listener sets (SameSite=Lax) must come back on the broker's
// cross-site redirect to /callback after the role form's POST — else every login would be stopped as
// "completed in a browser that did not open its link".
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { PORTAL_YAML } from '../../server/http/portal/portal-helpers.ts';
import { login } from '../../../server/login-command/login.ts';
import { chromiumMissing, CHROMIUM } from '../../helpers/chromium.ts';

const PUBLIC = 'http://broker.test';
const skip = chromiumMissing() ?? false;

describe('idbroker login in headless Chromium, broker on another site', { skip }, () => {
  let b: TestBroker;
  let browser: import('playwright-core').Browser;
  let dir: string;

  before(async () => {
    b = await startTestBroker({ yaml: PORTAL_YAML, publicUrl: PUBLIC });
    const port = new URL(b.httpUrl).port;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--host-resolver-rules=MAP broker.test:80 127.0.0.1:${port}`],
    });
    dir = mkdtempSync(join(tmpdir(), 'idbroker-cli-cross-site-'));
  });
  after(async () => {
    await browser?.close();
    await b?.destroy();
    rmSync(dir, { recursive: true, force: true });
  });

  it('the binding cookie comes back on the cross-site redirect: the login completes', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    let landed = '';
    let browsing: Promise<boolean> | undefined;
    const lines: string[] = [];
    const creds = await login({
      url: b.httpUrl, // the command talks to the broker directly; the browser through its public name
      profile: 'cross-site',
      say: (l) => lines.push(l),
      paths: { credentials: join(dir, 'credentials'), config: join(dir, 'config') },
      open: (url) => (browsing = (async () => {
        await page.goto(url);
        await page.waitForURL(`${PUBLIC}/cli/login?**`);
        await page.getByRole('button', { name: 'Approve' }).click();
        await page.waitForURL(`${PUBLIC}/`);
        await page.getByLabel('User name').fill('alice');
        await page.getByLabel('Password').fill('Al1ce-Passw0rd!');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.waitForURL(`${PUBLIC}/roles`);
        await page.locator('li.role', { hasText: 'Platform engineers' }).getByRole('button', { name: /Send credentials to the command line/ }).click();
        await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
        await page.waitForLoadState('load');
        landed = await page.content();
        return true;
      })()),
    });
    await browsing;
    assert.match(landed, /Signed in\. You can close this tab/);
    assert.equal(creds.AssumedRoleArn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    assert.match(lines.at(-1)!, /^Wrote profile "cross-site": arn:aws:sts::111122223333:assumed-role\/Platform\/alice /);
    await context.close();
  });
});
