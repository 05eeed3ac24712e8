// `idbroker login` across two broker replicas sharing a store and the key ring: the command starts the login
// on one replica, the browser signs in and picks the role on the other, and the code is exchanged on the first.
// Run on SQLite (unit: the replicas share the data directory) and on PostgreSQL (e2e).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { Browser, csrfOf, PORTAL_YAML } from '../http/portal/portal-helpers.ts';
import { login } from '../../../server/login-command/login.ts';

const PLATFORM = 'arn:aws:iam::111122223333:role/Platform';

export function describeCrossReplicaCliLogin(title: string, store: () => Promise<{ postgres?: string; drop?: () => Promise<void> }>): void {
  describe(title, () => {
    let b1: TestBroker;
    let b2: TestBroker;
    let dir: string;
    let drop: (() => Promise<void>) | undefined;
    before(async () => {
      const s = await store();
      drop = s.drop;
      b1 = await startTestBroker({ yaml: PORTAL_YAML, postgres: s.postgres });
      b2 = await startTestBroker({ yaml: PORTAL_YAML, postgres: s.postgres, dataDir: b1.dataDir }); // same key ring
      dir = mkdtempSync(join(tmpdir(), 'idbroker-cli-replicas-'));
    });
    after(async () => {
      await b2?.destroy();
      await b1?.destroy();
      await drop?.();
      rmSync(dir, { recursive: true, force: true });
    });

    it('starts on one replica, signs in on the other, exchanges the code on the first', async () => {
      const br = new Browser();
      const on2 = (path: string) => `${b2.httpUrl}${path}`;
      const creds = await login({
        url: b1.httpUrl,
        profile: 'replicas',
        paths: { credentials: join(dir, 'credentials'), config: join(dir, 'config') },
        say: () => {},
        open: async (url) => {
          assert.ok(url.startsWith(`${b1.httpUrl}/cli/login?`));
          const start = await br.get(url);
          assert.equal(start.status, 303);
          const page = await br.get(on2('/'));
          const signedIn = await br.post(on2('/login/directory/d-1000000001'), { csrf: csrfOf(page.text)!, username: 'alice', password: 'Al1ce-Passw0rd!' });
          assert.equal(signedIn.status, 303);
          const roles = await br.get(on2('/roles'));
          assert.match(roles.text, /Signing in the idbroker command line/, 'the other replica knows the pending login');
          const form = roles.text.split('<form method="post" action="/credentials">').find((f) => f.includes(`value="${PLATFORM}"`))!;
          const fields: Record<string, string> = { duration: '3600' };
          for (const m of form.split('</form>')[0].matchAll(/<input type="hidden" name="(\w+)" value="([^"]*)">/g)) fields[m[1]] = m[2];
          const sent = await br.post(on2('/credentials'), fields);
          assert.equal(sent.status, 303);
          assert.equal((await fetch(sent.location!)).status, 200);
          return true;
        },
      });
      const sts = new STSClient({ region: 'us-east-1', endpoint: b2.httpUrl, credentials: { accessKeyId: creds.AccessKeyId, secretAccessKey: creds.SecretAccessKey, sessionToken: creds.SessionToken } });
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    });
  });
}
