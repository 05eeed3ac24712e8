// Federation with the AWS CLI (Debian's awscli), unchanged: providers registered with `aws iam
// create-saml-provider` / `create-open-id-connect-provider`, roles with `aws iam create-role`, then
// `aws sts assume-role-with-saml` (a samlify-signed response) and `assume-role-with-web-identity` (an ID token
// from a real oidc-provider) — unsigned calls the CLI makes without credentials — and the credentials they
// return used by the CLI for `aws sts get-caller-identity`. Refusals reach the CLI as AWS error codes.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { idpMetadata, samlResponse } from '../../server/sts/saml/test-idp.ts';
import { startTestOp, type TestOp } from '../../fixtures/oidc/test-op.ts';

const AWS = '/usr/bin/aws';
const ACCT = '111122223333';
const A = 'https://aws.amazon.com/SAML/Attributes/';

describe('the AWS CLI: SAML and OIDC federation', () => {
  const home = mkdtempSync(join(tmpdir(), 'idbroker-cli-fed-'));
  let b: TestBroker;
  let op: TestOp;

  // asynchronous: the broker runs in this process, so a synchronous spawn would leave it unable to answer
  const run = (args: string[], creds?: { id: string; secret: string; token?: string }) =>
    new Promise<{ status: number; stdout: string; stderr: string }>((resolve) => {
      const env = {
        PATH: process.env.PATH,
        HOME: home,
        AWS_DEFAULT_REGION: 'us-east-1',
        AWS_PAGER: '',
        AWS_EC2_METADATA_DISABLED: 'true',
        ...(creds ? { AWS_ACCESS_KEY_ID: creds.id, AWS_SECRET_ACCESS_KEY: creds.secret, ...(creds.token ? { AWS_SESSION_TOKEN: creds.token } : {}) } : {}),
      };
      execFile(AWS, [...args, '--endpoint-url', b.httpUrl, '--output', 'json'], { env, encoding: 'utf8' }, (err, stdout, stderr) =>
        resolve({ status: err ? Number((err as { code?: unknown }).code ?? 1) || 1 : 0, stdout, stderr }),
      );
    });
  const aws = async (args: string[], creds?: { id: string; secret: string; token?: string }) => {
    const r = await run(args, creds);
    assert.equal(r.status, 0, `aws ${args.slice(0, 2).join(' ')}: ${r.stderr}`);
    return r.stdout.trim() ? JSON.parse(r.stdout) : undefined;
  };
  const admin = { id: ADMIN_KEY.accessKeyId, secret: ADMIN_KEY.secretAccessKey };
  const whoAmI = async (c: { AccessKeyId: string; SecretAccessKey: string; SessionToken: string }) => (await aws(['sts', 'get-caller-identity'], { id: c.AccessKeyId, secret: c.SecretAccessKey, token: c.SessionToken })).Arn;

  before(async () => {
    assert.ok(existsSync(AWS), 'the AWS CLI is not installed (apt-get install awscli; .ci/run does)');
    op = await startTestOp();
    b = await startTestBroker();
  });
  after(async () => {
    await b?.destroy();
    await op?.close();
    rmSync(home, { recursive: true, force: true });
  });

  it('create-saml-provider, create-role, assume-role-with-saml, get-caller-identity; a replay is InvalidIdentityToken', async () => {
    const metadataFile = join(home, 'idp-metadata.xml');
    writeFileSync(metadataFile, idpMetadata());
    const provider = (await aws(['iam', 'create-saml-provider', '--name', 'CliIdP', '--saml-metadata-document', `file://${metadataFile}`], admin)).SAMLProviderArn;
    assert.equal(provider, `arn:aws:iam::${ACCT}:saml-provider/CliIdP`);
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'SAML:aud': `${b.publicUrl}/saml/acs` } } }] };
    const role = (await aws(['iam', 'create-role', '--role-name', 'CliSaml', '--assume-role-policy-document', JSON.stringify(trust)], admin)).Role.Arn;
    const assertion = await samlResponse({
      spEntityId: `${b.publicUrl}/saml/metadata`,
      acsUrl: `${b.publicUrl}/saml/acs`,
      attributes: { [`${A}Role`]: [`${provider},${role}`], [`${A}RoleSessionName`]: ['alice@example.test'] },
    });
    const out = await aws(['sts', 'assume-role-with-saml', '--role-arn', role, '--principal-arn', provider, '--saml-assertion', assertion, '--duration-seconds', '900']);
    assert.equal(out.AssumedRoleUser.Arn, `arn:aws:sts::${ACCT}:assumed-role/CliSaml/alice@example.test`);
    assert.equal(out.Issuer, 'https://idp.example.test/saml');
    assert.equal(out.SubjectType, 'persistent');
    assert.match(out.Credentials.AccessKeyId, /^ASIA/);
    assert.equal(await whoAmI(out.Credentials), out.AssumedRoleUser.Arn);
    const replay = await run(['sts', 'assume-role-with-saml', '--role-arn', role, '--principal-arn', provider, '--saml-assertion', assertion]);
    assert.notEqual(replay.status, 0);
    assert.match(replay.stderr, /An error occurred \(InvalidIdentityToken\) when calling the AssumeRoleWithSAML operation/);
  });

  it('create-open-id-connect-provider (issuer with a port), assume-role-with-web-identity, get-caller-identity; a wrong audience is refused', async () => {
    const provider = (await aws(['iam', 'create-open-id-connect-provider', '--url', op.issuer, '--client-id-list', op.clientId, '--thumbprint-list', 'a'.repeat(40)], admin)).OpenIDConnectProviderArn;
    assert.equal(provider, `arn:aws:iam::${ACCT}:oidc-provider/${op.hostId}`);
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: provider }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${op.hostId}:aud`]: op.clientId } } }] };
    const role = (await aws(['iam', 'create-role', '--role-name', 'CliWeb', '--assume-role-policy-document', JSON.stringify(trust)], admin)).Role.Arn;
    const token = await op.idToken('alice');
    const out = await aws(['sts', 'assume-role-with-web-identity', '--role-arn', role, '--role-session-name', 'alice-cli', '--web-identity-token', token]);
    assert.equal(out.AssumedRoleUser.Arn, `arn:aws:sts::${ACCT}:assumed-role/CliWeb/alice-cli`);
    assert.equal(out.SubjectFromWebIdentityToken, 'alice');
    assert.equal(out.Provider, provider);
    assert.equal(out.Audience, op.clientId);
    assert.equal(await whoAmI(out.Credentials), out.AssumedRoleUser.Arn);
    const now = Math.floor(Date.now() / 1000);
    const wrongAudience = await op.sign({ iss: op.issuer, sub: 'alice', aud: 'someone-else', iat: now, exp: now + 300 });
    const refused = await run(['sts', 'assume-role-with-web-identity', '--role-arn', role, '--role-session-name', 'mallory', '--web-identity-token', wrongAudience]);
    assert.notEqual(refused.status, 0);
    assert.match(refused.stderr, /An error occurred \(InvalidIdentityToken\) when calling the AssumeRoleWithWebIdentity operation/);
    // list what was registered, as the CLI prints it
    assert.deepEqual((await aws(['iam', 'list-open-id-connect-providers'], admin)).OpenIDConnectProviderList, [{ Arn: provider }]);
  });
});
