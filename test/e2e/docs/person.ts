// The person at the browser in the README's `idbroker login` quick start: headless Chromium (Debian's
// /usr/bin/chromium through playwright-core) opens the link the command printed (its own loopback listener, which
// sends the first browser on to the broker's approval page), checks that the approval page
// shows the request code the terminal printed, approves, signs in with the directory form and sends the role's
// credentials to the command line.
import assert from 'node:assert/strict';
import { launchChromium } from '../../helpers/chromium.ts';

export async function approveCliLogin(o: { url: string; broker: string; code: string; user: string; password: string }): Promise<string> {
  const browser = await launchChromium();
  try {
    const page = await (await browser.newContext()).newPage();
    const origin = new URL(o.broker).origin;
    await page.goto(o.url);
    await page.waitForURL(`${origin}/cli/login?**`);
    assert.equal(await page.textContent('#request-code'), o.code, 'the approval page shows the code the terminal printed');
    await page.getByRole('button', { name: 'Approve' }).click();
    await page.waitForURL(`${origin}/`);
    await page.getByLabel('User name').fill(o.user);
    await page.getByLabel('Password').fill(o.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${origin}/roles`);
    await page.getByRole('button', { name: /Send credentials to the command line/ }).first().click();
    await page.waitForURL(/^http:\/\/127\.0\.0\.1:\d+\/callback\?/);
    await page.waitForLoadState('load');
    return await page.content();
  } finally {
    await browser.close();
  }
}
