// `aws iam get-account-summary` and the account alias commands (Debian's AWS CLI v2, unchanged) against the broker.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { awsCli, awsCliOk, type CliTarget } from '../../helpers/aws-cli.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { AWS_SUMMARY_KEYS } from '../../contracts/iam-account.ts';

describe('aws iam get-account-summary and account aliases against the broker', () => {
  const home = mkdtempSync(join(tmpdir(), 'idbroker-acct-home-'));
  let b: TestBroker;
  let t: CliTarget;

  before(async () => {
    b = await startTestBroker({ accounts: '[{ id: "111122223333", alias: main }, { id: "444455556666", alias: other-team }]' });
    t = { endpoint: b.httpUrl, home, credentials: ADMIN_KEY };
  });
  after(async () => {
    await b.destroy();
    rmSync(home, { recursive: true, force: true });
  });

  it("get-account-summary prints AWS's keys", async () => {
    const { SummaryMap } = await awsCliOk<{ SummaryMap: Record<string, number> }>(t, 'iam', 'get-account-summary');
    assert.deepEqual(Object.keys(SummaryMap).sort(), AWS_SUMMARY_KEYS);
    assert.equal(SummaryMap.VersionsPerPolicyQuota, 5);
  });

  it('create-account-alias, list-account-aliases, delete-account-alias, and the errors', async () => {
    await awsCliOk(t, 'iam', 'create-account-alias', '--account-alias', 'cli-alias');
    assert.deepEqual((await awsCliOk<{ AccountAliases: string[] }>(t, 'iam', 'list-account-aliases')).AccountAliases, ['cli-alias']);
    const taken = await awsCli(t, 'iam', 'create-account-alias', '--account-alias', 'other-team');
    assert.deepEqual(taken.ok ? undefined : [taken.code, taken.message], ['EntityAlreadyExists', 'The account alias other-team already exists.']);
    const missing = await awsCli(t, 'iam', 'delete-account-alias', '--account-alias', 'main');
    assert.deepEqual(missing.ok ? undefined : [missing.code, missing.message], ['NoSuchEntity', 'The account alias main cannot be found.']);
    const bad = await awsCli(t, 'iam', 'create-account-alias', '--account-alias', 'Bad--Alias');
    assert.equal(bad.ok ? undefined : bad.code, 'ValidationError');
    await awsCliOk(t, 'iam', 'delete-account-alias', '--account-alias', 'cli-alias');
    assert.deepEqual((await awsCliOk<{ AccountAliases: string[] }>(t, 'iam', 'list-account-aliases')).AccountAliases, []);
  });
});
