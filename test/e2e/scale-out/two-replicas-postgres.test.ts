// Two `idbroker start` processes sharing one PostgreSQL database and one key ring (IDBROKER_KEYRING):
// what one writes the other serves, credentials from one work on the other.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateRoleCommand, GetRoleCommand, IAMClient } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { KeyRing, newKey } from '../../../server/keys/keyring.ts';
import { freePort, runIdbroker, type Running } from '../../helpers/process.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';

const ADMIN = { accessKeyId: 'AKIASCALEOUTADMIN001', secretAccessKey: 'scaleOutAdminSecretKey000000000000000000' };
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] });

describe('two replicas on PostgreSQL', () => {
  const dirs: string[] = [];
  const replicas: Running[] = [];
  const urls: string[] = [];
  let drop: () => Promise<void>;

  before(async () => {
    const db = await createTestDatabase('idbroker_replicas');
    drop = db.drop;
    const keyring = JSON.stringify(new KeyRing([newKey()]).toJSON());
    for (let i = 0; i < 2; i++) {
      const dataDir = mkdtempSync(join(tmpdir(), `idbroker-replica${i}-`));
      dirs.push(dataDir);
      const r = runIdbroker(['start'], {
        IDBROKER_HTTP_PORT: String(await freePort()),
        IDBROKER_LDAP_PORT: String(await freePort()),
        IDBROKER_LDAPS_PORT: String(await freePort()),
        IDBROKER_HTTPS_PORT: String(await freePort()),
        IDBROKER_DATA_DIR: dataDir,
        IDBROKER_STORE: db.url,
        IDBROKER_KEYRING: keyring,
        IDBROKER_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        IDBROKER_ADMIN_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
        IDBROKER_DIRECTORY_ADMIN_PASSWORD: 'Replica-Adm1n-Passw0rd',
      });
      replicas.push(r);
      urls.push((await r.waitFor(/HTTP[^:]*: (http:\/\/\S+)/))[1]);
    }
  });

  after(async () => {
    for (const r of replicas) await r.stop();
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
    await drop?.();
  });

  it('a role created on one replica is served by the other; credentials cross replicas', async () => {
    const iamA = new IAMClient({ endpoint: urls[0], region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
    const iamB = new IAMClient({ endpoint: urls[1], region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
    await iamA.send(new CreateRoleCommand({ RoleName: 'Shared', AssumeRolePolicyDocument: TRUST }));
    assert.equal((await iamB.send(new GetRoleCommand({ RoleName: 'Shared' }))).Role?.Arn, 'arn:aws:iam::111122223333:role/Shared');
    const stsA = new STSClient({ endpoint: urls[0], region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
    const r = await stsA.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/Shared', RoleSessionName: 'cross' }));
    const stsB = new STSClient({ endpoint: urls[1], region: 'us-east-1', credentials: { accessKeyId: r.Credentials!.AccessKeyId!, secretAccessKey: r.Credentials!.SecretAccessKey!, sessionToken: r.Credentials!.SessionToken! }, maxAttempts: 1 });
    assert.equal((await stsB.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Shared/cross');
    // only one of the two printed a first-start administrator: the bootstrap ran once
    assert.equal(replicas.filter((x) => /First start: created IAM user/.test(x.stdout())).length <= 1, true);
    for (const c of [iamA, iamB, stsA, stsB]) c.destroy();
  });
});
