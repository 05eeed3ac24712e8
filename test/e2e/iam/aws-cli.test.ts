// A fresh start with no config (`npm start`'s command), then the AWS CLI v2 (Debian's awscli) against it
// with the printed credentials; the data survives a restart.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runIdbroker, type Running } from '../../helpers/process.ts';

const AWS = '/usr/bin/aws';
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] });

describe('npm start on an empty data directory, then the AWS CLI', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-cli-'));
  const home = mkdtempSync(join(tmpdir(), 'idbroker-home-'));
  let env: NodeJS.ProcessEnv;
  let broker: Running;
  let endpoint: string;
  let creds: { id: string; secret: string };

  before(async () => {
    env = {
      IDBROKER_HTTP_PORT: String(await freePort()),
      IDBROKER_LDAP_PORT: String(await freePort()),
      IDBROKER_LDAPS_PORT: String(await freePort()),
      IDBROKER_HTTPS_PORT: String(await freePort()),
      IDBROKER_DATA_DIR: dataDir,
      IDBROKER_CONFIG: '',
      IDBROKER_STORE: '',
      IDBROKER_ADMIN_ACCESS_KEY_ID: '',
      IDBROKER_ADMIN_SECRET_ACCESS_KEY: '',
    };
    broker = runIdbroker(['start'], env);
    const id = (await broker.waitFor(/export AWS_ACCESS_KEY_ID=(\S+)/))[1];
    const secret = (await broker.waitFor(/export AWS_SECRET_ACCESS_KEY=(\S+)/))[1];
    creds = { id, secret };
    endpoint = (await broker.waitFor(/HTTP[^:]*: (http:\/\/\S+)/))[1];
  });

  after(async () => {
    await broker?.stop();
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(home, { recursive: true, force: true });
  });

  function aws(...args: string[]): unknown {
    const out = execFileSync(AWS, [...args, ...(args.includes('--endpoint-url') ? [] : ['--endpoint-url', endpoint]), '--output', 'json'], {
      env: { PATH: process.env.PATH, HOME: home, AWS_ACCESS_KEY_ID: creds.id, AWS_SECRET_ACCESS_KEY: creds.secret, AWS_DEFAULT_REGION: 'us-east-1', AWS_PAGER: '' },
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out.trim() ? JSON.parse(out) : undefined;
  }

  it('prints each endpoint and the first-start credentials, and keeps its keys owner-only', () => {
    assert.match(broker.stdout(), /HTTP \(IAM and STS Query API\): http:\/\/127\.0\.0\.1:\d+/);
    assert.match(creds.id, /^AKIA[A-Z2-7]{16}$/);
    assert.equal(creds.secret.length, 40);
    assert.equal(statSync(join(dataDir, 'keyring.json')).mode & 0o777, 0o600);
  });

  it('aws iam create-role / get-role / list-roles work with the printed credentials', () => {
    const created = aws('iam', 'create-role', '--role-name', 'CliRole', '--assume-role-policy-document', TRUST) as { Role: { Arn: string } };
    assert.equal(created.Role.Arn, 'arn:aws:iam::111122223333:role/CliRole');
    const got = aws('iam', 'get-role', '--role-name', 'CliRole') as { Role: { RoleName: string; AssumeRolePolicyDocument: unknown } };
    assert.equal(got.Role.RoleName, 'CliRole');
    assert.deepEqual(got.Role.AssumeRolePolicyDocument, JSON.parse(TRUST)); // the CLI URL-decodes and parses it
    const list = aws('iam', 'list-roles') as { Roles: Array<{ RoleName: string }> };
    assert.ok(list.Roles.some((r) => r.RoleName === 'CliRole'));
  });

  it('aws iam simulate-custom-policy evaluates with the policy engine', () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::bucket/*' }] });
    const r = aws('iam', 'simulate-custom-policy', '--policy-input-list', policy, '--action-names', 's3:GetObject', 's3:PutObject', '--resource-arns', 'arn:aws:s3:::bucket/key') as {
      EvaluationResults: Array<{ EvalActionName: string; EvalDecision: string }>;
    };
    assert.deepEqual(r.EvaluationResults.map((e) => [e.EvalActionName, e.EvalDecision]), [['s3:GetObject', 'allowed'], ['s3:PutObject', 'implicitDeny']]);
  });

  it('aws sts get-caller-identity and assume-role work against the same endpoint', () => {
    const me = aws('sts', 'get-caller-identity') as { Arn: string; Account: string };
    assert.equal(me.Arn, 'arn:aws:iam::111122223333:user/admin');
    const assumed = aws('sts', 'assume-role', '--role-arn', 'arn:aws:iam::111122223333:role/CliRole', '--role-session-name', 'cli') as { AssumedRoleUser: { Arn: string }; Credentials: { AccessKeyId: string } };
    assert.equal(assumed.AssumedRoleUser.Arn, 'arn:aws:sts::111122223333:assumed-role/CliRole/cli');
    assert.match(assumed.Credentials.AccessKeyId, /^ASIA/);
  });

  it('the same over the default HTTPS listener, the generated certificate given as --ca-bundle; refused without it', () => {
    const httpsUrl = /HTTPS \(IAM and STS Query API\): (https:\/\/\S+)/.exec(broker.stdout())![1];
    const bundle = join(dataDir, 'tls', 'https.crt');
    const me = aws('sts', 'get-caller-identity', '--endpoint-url', httpsUrl, '--ca-bundle', bundle) as { Arn: string };
    assert.equal(me.Arn, 'arn:aws:iam::111122223333:user/admin');
    assert.throws(() => aws('sts', 'get-caller-identity', '--endpoint-url', httpsUrl), (e: { stderr: string }) => /SSL|certificate/i.test(e.stderr));
  });

  it('aws iam get-account-authorization-details lists roles with their decoded trust policies', () => {
    const d = aws('iam', 'get-account-authorization-details') as { RoleDetailList: Array<{ RoleName: string; AssumeRolePolicyDocument: unknown }>; UserDetailList: Array<{ UserName: string; AttachedManagedPolicies: Array<{ PolicyName: string }> }>; Policies: Array<{ Arn: string }> };
    const role = d.RoleDetailList.find((r) => r.RoleName === 'CliRole');
    assert.deepEqual(role?.AssumeRolePolicyDocument, JSON.parse(TRUST));
    assert.deepEqual(d.UserDetailList.find((u) => u.UserName === 'admin')?.AttachedManagedPolicies.map((p) => p.PolicyName), ['AdministratorAccess']);
    assert.ok(d.Policies.some((p) => p.Arn === 'arn:aws:iam::aws:policy/AdministratorAccess'));
  });

  it('aws iam list-account-aliases shows the configured alias', () => {
    assert.deepEqual(aws('iam', 'list-account-aliases'), { AccountAliases: ['main'] });
  });

  it('the AWS CLI sees AWS error codes', () => {
    assert.throws(() => aws('iam', 'get-role', '--role-name', 'Missing'), (e: { stderr: string }) => /NoSuchEntity/.test(e.stderr));
  });

  it('data survives a restart, and the secret is not printed again', async () => {
    assert.equal(await broker.stop('SIGTERM'), 0);
    broker = runIdbroker(['start'], env);
    endpoint = (await broker.waitFor(/HTTP[^:]*: (http:\/\/\S+)/))[1];
    assert.doesNotMatch(broker.stdout(), /AWS_SECRET_ACCESS_KEY/);
    const got = aws('iam', 'get-role', '--role-name', 'CliRole') as { Role: { RoleName: string } };
    assert.equal(got.Role.RoleName, 'CliRole');
  });
});
