// Federated sign-in in headless Chromium (Debian's /usr/bin/chromium, playwright-core): from the portal's sign-in
// page through oidc-provider's own login and consent pages, and through a SAML IdP's own page (samlify verifies the
// broker's signed AuthnRequest and signs the Response the page posts to the ACS); the portal lists the roles the
// trust policies allow, a role is picked, and the credentials shown work with GetCallerIdentity.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { OIDC_PROVIDER, type OidcProviderData } from '../../../server/iam/actions/oidc-providers.ts';
import { startTestOp, type TestOp } from '../../fixtures/oidc/test-op.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { startSamlIdp, type SamlIdpServer } from './saml-idp-server.ts';
import { chromiumMissing, CHROMIUM, CHROMIUM_ARGS } from '../../helpers/chromium.ts';

const skip = chromiumMissing() ?? false;

const ACCT = '111122223333';
const SAML_PROVIDER = `arn:aws:iam::${ACCT}:saml-provider/TestIdP`;
const A = 'https://aws.amazon.com/SAML/Attributes/';
const role = (n: string) => `arn:aws:iam::${ACCT}:role/${n}`;
const samlTrust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringLike: { 'saml:aud': 'http://127.0.0.1:*/saml/acs' } } }] });

describe('federated sign-in in headless Chromium', { skip }, () => {
  let b: TestBroker;
  let op: TestOp;
  let idp: SamlIdpServer;
  let browser: import('playwright-core').Browser;
  const shots = process.env.PORTAL_SCREENSHOT_DIR ?? mkdtempSync(join(tmpdir(), 'idbroker-portal-shots-'));

  before(async () => {
    let brokerUrl = '';
    idp = await startSamlIdp({
      spMetadataUrl: () => `${brokerUrl}/saml/metadata`,
      attributes: (user) => ({ [`${A}RoleSessionName`]: [user], [`${A}Role`]: [`${role('SamlEngineers')},${SAML_PROVIDER}`, `${role('SamlOps')},${SAML_PROVIDER}`] }),
    });
    b = await startTestBroker({
      yaml: `
identityProviders:
  saml:
    - { name: TestIdP, metadata: ${JSON.stringify(idp.metadata)} }
roles:
  - { name: SamlEngineers, trustPolicy: ${samlTrust} }
  - { name: SamlOps, trustPolicy: ${samlTrust} }
  - { name: SamlUnlisted, trustPolicy: ${samlTrust} }
`,
    });
    brokerUrl = b.publicUrl;
    op = await startTestOp({ redirectUri: `${b.publicUrl}/oidc/callback` });
    const arn = `arn:aws:iam::${ACCT}:oidc-provider/${op.hostId}`;
    const data: OidcProviderData = { arn, url: op.issuer, clientIds: [op.clientId], thumbprints: [], createDate: new Date().toISOString(), tags: [], settings: { name: 'TestOP', sealedClientSecret: b.keys.seal(op.clientSecret, arn) } };
    await b.store.entities.upsert({ account: ACCT, kind: OIDC_PROVIDER, key: arn, data }); // as identityProviders.oidc stores it
    const iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
    const oidcTrust = (sub: string) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: arn }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${op.hostId}:aud`]: op.clientId, [`${op.hostId}:sub`]: sub } } }] });
    await iam.send(new CreateRoleCommand({ RoleName: 'WebAlice', AssumeRolePolicyDocument: oidcTrust('alice') }));
    await iam.send(new CreateRoleCommand({ RoleName: 'WebBob', AssumeRolePolicyDocument: oidcTrust('bob') }));
    iam.destroy();
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS, headless: true });
  });
  after(async () => {
    await browser?.close();
    await b?.destroy();
    await op?.close();
    await idp?.close();
  });

  /** On /roles: picks the role, reads the credentials page, checks them with GetCallerIdentity. */
  async function pickRole(page: import('playwright-core').Page, roleName: string, shot: string): Promise<string> {
    await page.locator('li.role', { hasText: roleName }).getByRole('button', { name: /Get credentials/ }).click();
    await page.waitForURL(`${b.publicUrl}/credentials`);
    await page.screenshot({ path: join(shots, shot), fullPage: true });
    const credentials = { accessKeyId: (await page.textContent('#akid'))!, secretAccessKey: (await page.textContent('#secret'))!, sessionToken: (await page.textContent('#token'))! };
    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials, maxAttempts: 1 });
    try {
      return (await sts.send(new GetCallerIdentityCommand({}))).Arn!;
    } finally {
      sts.destroy();
    }
  }

  it("OIDC: the portal's link, oidc-provider's own login and consent pages, the role list, credentials", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${b.publicUrl}/`);
    await page.screenshot({ path: join(shots, 'portal-sign-in-federated.png'), fullPage: true });
    await page.getByRole('link', { name: 'Sign in with TestOP' }).click();
    await page.waitForURL((u) => u.href.startsWith(op.issuer));
    await page.fill('input[name="login"]', 'alice');
    await page.fill('input[name="password"]', 'any');
    await page.getByRole('button', { name: 'Sign-in' }).click();
    await page.getByRole('button', { name: 'Continue' }).click(); // the OP's consent page
    await page.waitForURL(`${b.publicUrl}/roles`);
    assert.deepEqual(await page.locator('li.role strong').allTextContents(), ['WebAlice']);
    assert.match((await page.textContent('header'))!, /alice@example\.test/);
    await page.screenshot({ path: join(shots, 'portal-roles-oidc.png'), fullPage: true });
    assert.equal(await pickRole(page, 'WebAlice', 'portal-credentials-oidc.png'), `arn:aws:sts::${ACCT}:assumed-role/WebAlice/alice@example.test`);
    await context.close();
  });

  it("SAML: the portal's link, the IdP's own page, the ACS, the roles the Role attribute names, credentials", async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${b.publicUrl}/`);
    await page.getByRole('link', { name: 'Sign in with TestIdP' }).click();
    await page.waitForURL((u) => u.href.startsWith(`${idp.url}/sso`));
    await page.getByLabel('IdP user name').fill('carol');
    await page.getByRole('button', { name: 'Log in to TestIdP' }).click();
    await page.waitForURL(`${b.publicUrl}/roles`);
    assert.deepEqual(await page.locator('li.role strong').allTextContents(), ['SamlEngineers', 'SamlOps']);
    await page.screenshot({ path: join(shots, 'portal-roles-saml.png'), fullPage: true });
    assert.equal(await pickRole(page, 'SamlOps', 'portal-credentials-saml.png'), `arn:aws:sts::${ACCT}:assumed-role/SamlOps/carol`);
    await context.close();
  });

  it('a forged OIDC callback shows the error page with the AWS code', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const res = await page.goto(`${b.publicUrl}/oidc/callback?code=x&state=forged`);
    assert.equal(res?.status(), 403);
    assert.match((await page.textContent('main'))!, /AccessDenied/);
    await context.close();
  });
});
