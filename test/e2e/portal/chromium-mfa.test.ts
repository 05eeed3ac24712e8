// Directory sign-in with MFA in headless Chromium (Debian's /usr/bin/chromium, playwright-core): the portal
// mounted in the broker asks the managed-ad directory's users for their TOTP code; a wrong code gets the
// AccessDenied page, the right one the roles page with the role whose trust policy requires MFA, and its
// credentials work with the AWS SDK.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { enrollTotp } from '../../../server/directory-mfa/totp-enrollments.ts';
import { totpAt } from '../../../server/totp/totp.ts';
import { chromiumMissing, CHROMIUM, CHROMIUM_ARGS } from '../../helpers/chromium.ts';

const skip = chromiumMissing() ?? false;
const DIR = 'd-1000000003';

describe('portal directory sign-in with MFA in headless Chromium', { skip }, () => {
  let b: TestBroker;
  let browser: import('playwright-core').Browser;
  let seed: string;
  const shots = process.env.PORTAL_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'idbroker-portal-shots-'));

  before(async () => {
    b = await startTestBroker({
      yaml: `
directories:
  - id: ${DIR}
    type: managed-ad
    dnsName: cloud.example.com
    netbiosName: CLOUD
    adminPassword: "Adm1n-Passw0rd!"
    mfa: { totp: true }
    seed: { users: [{ username: alice, password: "Al1ce-Passw0rd!" }] }
roles:
  - name: MfaOnly
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - { Effect: Allow, Principal: { Federated: "arn:aws:ds:us-east-1:111122223333:directory/${DIR}" }, Action: sts:AssumeRoleWithLDAPIdentity, Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }
`,
    });
    seed = (await enrollTotp(b.store, b.keys, { directoryId: DIR, userName: 'alice', now: new Date() })).seed;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    await b?.destroy();
  });

  it('asks for the one-time code, refuses a wrong one, and signs in with the right one', async () => {
    const context = await browser.newContext({ viewport: { width: 1100, height: 900 } });
    const page = await context.newPage();
    const pageErrors: string[] = [];
    page.on('pageerror', (e) => pageErrors.push(String(e)));
    const form = () => page.locator(`form[action="/login/directory/${DIR}"]`);
    const fill = async (code: string) => {
      await form().getByLabel('User name').fill('alice');
      await form().getByLabel('Password').fill('Al1ce-Passw0rd!');
      await form().getByLabel('One-time code (MFA)').fill(code);
      await form().getByRole('button', { name: 'Sign in' }).click();
      await page.waitForLoadState();
    };

    await page.goto(`${b.httpUrl}/`);
    assert.equal(await form().getByLabel('One-time code (MFA)').getAttribute('autocomplete'), 'one-time-code');
    await page.screenshot({ path: join(shots, 'portal-sign-in-mfa.png'), fullPage: true });
    const now = new Date();
    const right = totpAt(seed, now);
    await fill(right === '000000' ? '111111' : '000000');
    assert.match((await page.textContent('main'))!, /AccessDenied[\s\S]*invalid MFA one time pass code/);

    await page.goto(`${b.httpUrl}/`);
    await fill(right);
    await page.waitForURL(`${b.httpUrl}/roles`);
    assert.deepEqual(await page.locator('li.role strong').allTextContents(), ['MfaOnly']);
    await page.locator('li.role', { hasText: 'MfaOnly' }).getByRole('button', { name: /Get credentials/ }).click();
    await page.waitForURL(`${b.httpUrl}/credentials`);
    const credentials = { accessKeyId: (await page.textContent('#akid'))!, secretAccessKey: (await page.textContent('#secret'))!, sessionToken: (await page.textContent('#token'))! };
    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials, maxAttempts: 1 });
    try {
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/MfaOnly/alice');
    } finally {
      sts.destroy();
    }
    assert.deepEqual(pageErrors, []);
    await context.close();
  });
});
