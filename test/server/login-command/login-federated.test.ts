// `idbroker login --provider NAME` with an OpenID provider (oidc-provider on loopback): the browser goes
// straight to the provider's own login pages, comes back to the role list with the command-line banner, and
// the role's credentials reach the command — the same flow as directory sign-ins.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { CreateRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { OIDC_PROVIDER, type OidcProviderData } from '../../../server/iam/actions/oidc-providers.ts';
import { login } from '../../../server/login-command/login.ts';
import { startTestOp, type TestOp } from '../../fixtures/oidc/test-op.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { Browser } from '../http/portal/portal-helpers.ts';
import { callerArn, follow } from '../http/login-routes/login-helpers.ts';
import { openAndApprove } from './cli-browser.ts';

const ACCT = '111122223333';

describe('idbroker login --provider (OIDC)', () => {
  let b: TestBroker;
  let op: TestOp;
  let dir: string;
  before(async () => {
    b = await startTestBroker();
    op = await startTestOp({ redirectUri: `${b.publicUrl}/oidc/callback` });
    const arn = `arn:aws:iam::${ACCT}:oidc-provider/${op.issuer.slice('http://'.length)}`;
    const data: OidcProviderData = { arn, url: op.issuer, clientIds: [op.clientId], thumbprints: [], createDate: new Date().toISOString(), tags: [], settings: { name: 'testop', sealedClientSecret: b.keys.seal(op.clientSecret, arn) } };
    await b.store.entities.upsert({ account: ACCT, kind: OIDC_PROVIDER, key: arn, data });
    const iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
    await iam.send(new CreateRoleCommand({ RoleName: 'WebAlice', AssumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: arn }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${op.hostId}:sub`]: 'alice' } } }] }) }));
    dir = mkdtempSync(join(tmpdir(), 'idbroker-login-oidc-'));
  });
  after(async () => {
    await b?.destroy();
    await op?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('signs in on the provider\'s own pages and sends the role to the command', async () => {
    const br = new Browser();
    let firstHop = '';
    const creds = await login({
      url: b.publicUrl,
      profile: 'web',
      provider: 'testop',
      paths: { credentials: join(dir, 'credentials'), config: join(dir, 'config') },
      say: () => {},
      open: async (url) => {
        // approved: a page that moves on to the provider by itself (Refresh), not a redirect — the approval
        // form's CSP form-action would stop the provider's own redirect onward
        const { approved } = await openAndApprove(br, url);
        assert.equal(approved.status, 200);
        firstHop = /^0; url=(.+)$/.exec(approved.headers.get('refresh') ?? '')?.[1] ?? '';
        assert.match(approved.text, new RegExp(`<a id="continue" href="${firstHop}">Continue to sign in with testop</a>`));
        const roles = await follow(br, new URL(firstHop, b.publicUrl).href, { opOrigin: op.issuer, login: 'alice' });
        assert.match(roles.url, /\/roles$/);
        assert.match(roles.text, /Signing in the idbroker command line/);
        const fields: Record<string, string> = { duration: '3600' };
        for (const m of roles.text.matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) if (m[1] !== 'csrf' || !fields.csrf) fields[m[1]] = m[2];
        // the first csrf on the page is the sign-out form's: the same session token
        const sent = await br.post(`${b.publicUrl}/credentials`, { ...fields, roleArn: `arn:aws:iam::${ACCT}:role/WebAlice`, cli: '1' });
        assert.equal(sent.status, 303, sent.text.slice(0, 300));
        assert.equal((await br.get(sent.location!)).status, 200);
        return true;
      },
    });
    assert.equal(firstHop, '/oidc/login/testop', '--provider goes straight to the provider');
    assert.equal(await callerArn(b.httpUrl, { accessKeyId: creds.AccessKeyId, secretAccessKey: creds.SecretAccessKey, sessionToken: creds.SessionToken }), `arn:aws:sts::${ACCT}:assumed-role/WebAlice/alice@example.test`);
  });
});
