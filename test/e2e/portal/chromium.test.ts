// The portal in a real browser: headless Chromium (Debian's /usr/bin/chromium) driven by playwright-core.
// Sign in with a directory account, pick a role and a duration, read the credentials off the page and use
// them with the AWS SDK; the page runs its script under the CSP (copy button, countdown) without violations.
// Screenshots go to $PORTAL_SCREENSHOT_DIR (default: a temporary directory).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { PORTAL_YAML, startPortal, type Portal } from '../../server/http/portal/portal-helpers.ts';
import { chromiumMissing, CHROMIUM, CHROMIUM_ARGS } from '../../helpers/chromium.ts';

const skip = chromiumMissing() ?? false;

describe('portal in headless Chromium', { skip }, () => {
  let b: TestBroker;
  let portal: Portal;
  let browser: import('playwright-core').Browser;
  const shots = process.env.PORTAL_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'idbroker-portal-shots-'));

  before(async () => {
    b = await startTestBroker({ yaml: PORTAL_YAML });
    portal = await startPortal(b);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    await portal?.close();
    await b?.destroy();
  });

  it('signs in, lists the allowed roles, issues credentials that work with the SDK', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: portal.url });
    const page = await context.newPage();
    const cspViolations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) cspViolations.push(m.text());
    });
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));

    await page.goto(`${portal.url}/`);
    assert.equal(await page.title(), 'Sign in · idbroker');
    await page.screenshot({ path: join(shots, 'portal-sign-in.png'), fullPage: true });
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForLoadState();
    assert.match((await page.textContent('main'))!, /AccessDenied/);

    await page.goto(`${portal.url}/`);
    await page.getByLabel('User name').fill('alice');
    await page.getByLabel('Password').fill('Al1ce-Passw0rd!');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${portal.url}/roles`);
    const roles = await page.locator('li.role strong').allTextContents();
    assert.deepEqual(roles, ['Everyone', 'Platform']);
    await page.screenshot({ path: join(shots, 'portal-roles.png'), fullPage: true });

    const platform = page.locator('li.role', { hasText: 'Platform engineers' });
    await platform.getByLabel('Duration').selectOption('7200');
    await platform.getByRole('button', { name: /Get credentials/ }).click();
    await page.waitForURL(`${portal.url}/credentials`);
    const accessKeyId = (await page.textContent('#akid'))!;
    const secretAccessKey = (await page.textContent('#secret'))!;
    const sessionToken = (await page.textContent('#token'))!;
    assert.match(accessKeyId, /^ASIA/);

    // the page's script runs under the CSP: the countdown ticks and the copy button copies
    await page.waitForFunction(() => /^expires in 1 h 59 min \d\d s$/.test(document.querySelector('.countdown')?.textContent ?? ''));
    await page.getByRole('button', { name: 'Copy Secret access key' }).click();
    await page.waitForFunction(() => document.querySelector('button[data-copy="secret"]')?.textContent === 'Copied');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), secretAccessKey);
    await page.screenshot({ path: join(shots, 'portal-credentials.png'), fullPage: true });
    assert.deepEqual(cspViolations, []);
    assert.deepEqual(pageErrors, []);

    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId, secretAccessKey, sessionToken }, maxAttempts: 1 });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    sts.destroy();

    // signing out ends the session: the role list sends the browser back to sign-in
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(`${portal.url}/`);
    await page.goto(`${portal.url}/roles`);
    assert.equal(page.url(), `${portal.url}/`, 'signed out: back to sign-in');
    await context.close();
  });
});
