// `idbroker login` across two broker replicas sharing a store and the key ring: the command pushes the login
// to one replica, the browser approves, signs in and picks the role on the other, and the code is exchanged
// on the first.
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
import { roleForm } from './cli-browser.ts';

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
          const start = await br.get(url); // the command's own link: on to replica 1's approval page
          assert.ok(start.location?.startsWith(`${b1.httpUrl}/cli/login?request_uri=`));
          // the approval page and its POST on replica 2
          const approval = await br.get(on2(start.location!.slice(b1.httpUrl.length)));
          assert.equal(approval.status, 200, 'the other replica knows the pushed request');
          const requestUri = /name="request_uri" value="([^"]+)"/.exec(approval.text)![1];
          assert.equal((await br.post(on2('/cli/login'), { csrf: csrfOf(approval.text)!, request_uri: requestUri, decision: 'approve' })).status, 303);
          const page = await br.get(on2('/'));
          const signedIn = await br.post(on2('/login/directory/d-1000000001'), { csrf: csrfOf(page.text)!, username: 'alice', password: 'Al1ce-Passw0rd!' });
          assert.equal(signedIn.status, 303);
          const roles = await br.get(on2('/roles'));
          assert.match(roles.text, /Signing in the idbroker command line/, 'the other replica knows the pending login');
          const sent = await br.post(on2('/credentials'), roleForm(roles.text, PLATFORM));
          assert.equal(sent.status, 303);
          assert.equal((await br.get(sent.location!)).status, 200);
          return true;
        },
      });
      const sts = new STSClient({ region: 'us-east-1', endpoint: b2.httpUrl, credentials: { accessKeyId: creds.AccessKeyId, secretAccessKey: creds.SecretAccessKey, sessionToken: creds.SessionToken } });
      assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    });
  });
}
