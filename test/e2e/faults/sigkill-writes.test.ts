// Fault: `idbroker start` killed with SIGKILL during a burst of IAM writes (4 concurrent writers: CreateUser with
// tags, AddUserToGroup, PutUserPolicy, CreateAccessKey), then started again on the same data directory and Store,
// on SQLite and on PostgreSQL. It starts cleanly; every acknowledged write is there; nothing is half-written
// (each user whole, group membership seen the same from both sides, counts agree); access keys created before the
// kill still sign requests (sealed secrets and the key ring survived).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  AddUserToGroupCommand,
  type GetGroupCommandOutput,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreateUserCommand,
  GetGroupCommand,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListAccessKeysCommand,
  ListGroupsForUserCommand,
  ListUserPoliciesCommand,
  ListUsersCommand,
  PutUserPolicyCommand,
} from '@aws-sdk/client-iam';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { createTestDatabase } from '../../helpers/postgres.ts';
import { freePort, runIdbroker, type Running } from '../../helpers/process.ts';

const ADMIN = { accessKeyId: 'AKIAFAULTKILLADMIN01', secretAccessKey: 'faultKillAdminSecretKey00000000000000000' };
const INLINE = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface Acked {
  users: Set<string>;
  members: Set<string>;
  policies: Set<string>;
  keys: Map<string, { accessKeyId: string; secretAccessKey: string }>;
}

for (const storeKind of ['sqlite', 'postgres'] as const) {
  describe(`SIGKILL during IAM writes (${storeKind})`, () => {
    const dataDir = mkdtempSync(join(tmpdir(), `idbroker-kill-${storeKind}-`));
    let drop: (() => Promise<void>) | undefined;
    let storeUrl = '';
    const running: Running[] = [];

    const start = async (): Promise<{ broker: Running; url: string }> => {
      const broker = runIdbroker(['start'], {
        IDBROKER_HTTP_PORT: String(await freePort()),
        IDBROKER_LDAP_PORT: String(await freePort()),
        IDBROKER_LDAPS_PORT: String(await freePort()),
        IDBROKER_HTTPS_PORT: String(await freePort()),
        IDBROKER_DATA_DIR: dataDir,
        IDBROKER_STORE: storeUrl,
        IDBROKER_ADMIN_ACCESS_KEY_ID: ADMIN.accessKeyId,
        IDBROKER_ADMIN_SECRET_ACCESS_KEY: ADMIN.secretAccessKey,
        IDBROKER_DIRECTORY_ADMIN_PASSWORD: 'Kill-Adm1n-Passw0rd',
      });
      running.push(broker);
      return { broker, url: (await broker.waitFor(/HTTP[^:]*: (http:\/\/\S+)/))[1] };
    };

    after(async () => {
      for (const r of running) await r.stop('SIGKILL');
      rmSync(dataDir, { recursive: true, force: true });
      await drop?.();
    });

    it('restarts cleanly with every acknowledged write and no partial entity', async () => {
      if (storeKind === 'postgres') {
        const db = await createTestDatabase('idbroker_kill');
        drop = db.drop;
        storeUrl = db.url;
      }
      const first = await start();
      const iam = new IAMClient({ endpoint: first.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
      await iam.send(new CreateGroupCommand({ GroupName: 'Writers' }));
      const acked: Acked = { users: new Set(), members: new Set(), policies: new Set(), keys: new Map() };
      let killed = false;
      let failed: unknown;
      const writer = async (w: number) => {
        for (let i = 0; !killed; i++) {
          const name = `w${w}-u${i}`;
          try {
            await iam.send(new CreateUserCommand({ UserName: name, Path: `/writer${w}/`, Tags: [{ Key: 'w', Value: String(w) }, { Key: 'i', Value: String(i) }] }));
            acked.users.add(name);
            await iam.send(new AddUserToGroupCommand({ GroupName: 'Writers', UserName: name }));
            acked.members.add(name);
            await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'inline', PolicyDocument: INLINE }));
            acked.policies.add(name);
            const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
            acked.keys.set(name, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
          } catch (e) {
            if (!killed) failed ??= e; // before the kill every write must succeed
            return;
          }
        }
      };
      const writers = [0, 1, 2, 3].map(writer);
      // kill once the burst is well under way (a count, not a time: the machine may be slow)
      while (acked.keys.size < 40 && failed === undefined) await sleep(10);
      assert.equal(failed, undefined, 'no write failed before the kill');
      killed = true;
      first.broker.child.kill('SIGKILL');
      assert.equal(await first.broker.stop(), null, 'killed, not exited');
      await Promise.all(writers);
      iam.destroy();

      const second = await start();
      assert.doesNotMatch(second.broker.stderr(), /"level":(50|60)/, 'no error logged at start');
      const iam2 = new IAMClient({ endpoint: second.url, region: 'us-east-1', credentials: ADMIN, maxAttempts: 1 });
      try {
        const users: string[] = [];
        let marker: string | undefined;
        do {
          const page = await iam2.send(new ListUsersCommand({ Marker: marker }));
          users.push(...page.Users!.map((u) => u.UserName!).filter((n) => n.startsWith('w')));
          marker = page.IsTruncated ? page.Marker : undefined;
        } while (marker);
        for (const name of acked.users) assert.ok(users.includes(name), `acknowledged CreateUser ${name} is stored`);
        assert.ok(users.length - acked.users.size <= 4, 'at most one unacknowledged write in flight per writer');
        const members: string[] = [];
        marker = undefined;
        do {
          const page: GetGroupCommandOutput = await iam2.send(new GetGroupCommand({ GroupName: 'Writers', Marker: marker }));
          members.push(...page.Users!.map((u) => u.UserName!));
          marker = page.IsTruncated ? page.Marker : undefined;
        } while (marker);
        for (const name of acked.members) assert.ok(members.includes(name), `acknowledged AddUserToGroup ${name}`);
        for (const name of users) {
          const [, w, i] = /^w(\d+)-u(\d+)$/.exec(name)!;
          const user = (await iam2.send(new GetUserCommand({ UserName: name }))).User!;
          assert.equal(user.Path, `/writer${w}/`);
          assert.deepEqual(user.Tags, [{ Key: 'w', Value: w }, { Key: 'i', Value: i }], `${name} has all its tags`);
          const groups = (await iam2.send(new ListGroupsForUserCommand({ UserName: name }))).Groups!.map((g) => g.GroupName);
          assert.deepEqual(groups, members.includes(name) ? ['Writers'] : [], `${name}: membership agrees from both sides`);
          const policies = (await iam2.send(new ListUserPoliciesCommand({ UserName: name }))).PolicyNames!;
          if (acked.policies.has(name)) assert.deepEqual(policies, ['inline']);
          for (const p of policies) assert.equal(decodeURIComponent((await iam2.send(new GetUserPolicyCommand({ UserName: name, PolicyName: p }))).PolicyDocument!), INLINE);
          const keys = (await iam2.send(new ListAccessKeysCommand({ UserName: name }))).AccessKeyMetadata!;
          if (acked.keys.has(name)) assert.deepEqual(keys.map((k) => k.AccessKeyId), [acked.keys.get(name)!.accessKeyId]);
          else assert.ok(keys.length <= 1);
        }
        // keys acknowledged before the kill sign requests after the restart
        for (const [name, key] of [...acked.keys].slice(-8)) {
          const sts = new STSClient({ endpoint: second.url, region: 'us-east-1', credentials: key, maxAttempts: 1 });
          assert.match((await sts.send(new GetCallerIdentityCommand({}))).Arn!, new RegExp(`:user/writer\\d/${name}$`));
          sts.destroy();
        }
        console.log(`# ${storeKind}: killed after ${acked.users.size} acknowledged CreateUser (${acked.keys.size} access keys); ${users.length} users stored after the restart`);
      } finally {
        iam2.destroy();
        await second.broker.stop();
      }
    });
  });
}
