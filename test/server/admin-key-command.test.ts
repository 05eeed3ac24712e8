// `idbroker admin create-key`: a new access key for the IAM administrator made from the data directory (store and
// key ring), not through the API; the AWS SDK works with it against the running broker. IAM's two-key limit is
// kept (--replace deletes the lost key first). And the start-up warning when IDBROKER_ADMIN_* names a key the
// existing administrator does not have.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pino from 'pino';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { IAMClient, ListAccessKeysCommand } from '@aws-sdk/client-iam';
import { parseConfig } from '../../config/load.ts';
import { startBroker } from '../../server/main.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../helpers/broker.ts';
import { ROOT } from '../helpers/process.ts';

let b: TestBroker;
let configFile: string;
/** The administrator's key after the first test. */
let current: { accessKeyId: string; secretAccessKey: string };

const idbroker = (args: string[]) =>
  new Promise<{ code: number; out: string; err: string }>((resolve) =>
    execFile(process.execPath, ['bin/idbroker.js', ...args, '--config', configFile], { cwd: ROOT, env: { ...process.env, IDBROKER_CONFIG: '' }, encoding: 'utf8', timeout: 60_000 }, (e, out, err) =>
      resolve({ code: e ? Number((e as { code?: unknown }).code) || 1 : 0, out, err }),
    ),
  );

function printedKey(out: string): { accessKeyId: string; secretAccessKey: string } {
  const id = /^ {2}export AWS_ACCESS_KEY_ID=(AKIA[A-Z0-9]{16})$/m.exec(out);
  const secret = /^ {2}export AWS_SECRET_ACCESS_KEY=(\S{40})$/m.exec(out);
  assert.ok(id && secret, out);
  return { accessKeyId: id[1], secretAccessKey: secret[1] };
}

const callerArn = async (credentials: { accessKeyId: string; secretAccessKey: string }) =>
  (await new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}))).Arn;

before(async () => {
  b = await startTestBroker();
  configFile = join(b.dataDir, 'cli.yaml');
  writeFileSync(configFile, `dataDir: ${JSON.stringify(b.dataDir)}\naccounts: [{ id: "111122223333" }]\n`);
});
after(async () => b.destroy());

it('create-key prints a new key of "admin" that the AWS SDK signs with; the two-key limit; --replace', async () => {
  const r = await idbroker(['admin', 'create-key']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.err, /^Created an access key for IAM user "admin" in account 111122223333 \(AdministratorAccess\)\. Its secret is shown only now:\n/);
  assert.match(r.out, /^ {2}export AWS_REGION=us-east-1 AWS_DEFAULT_REGION=us-east-1$/m);
  const key = printedKey(r.out);
  assert.equal(await callerArn(key), 'arn:aws:iam::111122223333:user/admin');

  const full = await idbroker(['admin', 'create-key']);
  assert.equal(full.code, 1);
  assert.match(full.err, /user "admin" already has two access keys, IAM's limit: .*AKIA.*Replace the lost one: idbroker admin create-key --replace AKIA/);

  const replaced = await idbroker(['admin', 'create-key', '--replace', ADMIN_KEY.accessKeyId]);
  assert.equal(replaced.code, 0, replaced.err);
  assert.match(replaced.err, new RegExp(`^Deleted access key ${ADMIN_KEY.accessKeyId} of IAM user "admin"\\.\\n`));
  const third = printedKey(replaced.out);
  current = third;
  assert.equal(await callerArn(third), 'arn:aws:iam::111122223333:user/admin');
  const iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: third, maxAttempts: 1 });
  const keys = (await iam.send(new ListAccessKeysCommand({}))).AccessKeyMetadata!.map((k) => k.AccessKeyId).sort();
  assert.deepEqual(keys, [key.accessKeyId, third.accessKeyId].sort());
});

it('usage errors and refusals', async () => {
  const help = await idbroker(['admin', 'create-key', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /idbroker admin create-key \[--account ID\]/);
  assert.equal((await idbroker(['admin', 'create-key', '--acount', '111122223333'])).code, 2);
  const account = await idbroker(['admin', 'create-key', '--account', '444455556666']);
  assert.equal(account.code, 2);
  assert.match(account.err, /--account 444455556666 is not in the configuration/);
  const replace = await idbroker(['admin', 'create-key', '--replace', 'AKIANOSUCHKEY0000000']);
  assert.equal(replace.code, 1);
  assert.match(replace.err, /has no access key AKIANOSUCHKEY0000000 \(its keys: AKIA/);
  writeFileSync(join(b.dataDir, 'elsewhere.yaml'), `dataDir: ${JSON.stringify(join(b.dataDir, 'nothing-here'))}\naccounts: [{ id: "111122223333" }]\n`);
  const r = await new Promise<{ code: number; err: string }>((resolve) =>
    execFile(process.execPath, ['bin/idbroker.js', 'admin', 'create-key', '--config', join(b.dataDir, 'elsewhere.yaml')], { cwd: ROOT, env: { ...process.env, IDBROKER_CONFIG: '' }, encoding: 'utf8' }, (e, _out, err) =>
      resolve({ code: e ? Number((e as { code?: unknown }).code) || 1 : 0, err }),
    ),
  );
  assert.equal(r.code, 1);
  assert.match(r.err, /no key ring at .*nothing-here.*keyring\.json: is .* the broker's data directory/);
});

it('a start with IDBROKER_ADMIN_* naming a key the existing administrator lacks warns that it is ignored', async () => {
  const start = async (accessKeyId: string, secretAccessKey: string) => {
    const lines: string[] = [];
    const config = parseConfig(
      `http: { host: 127.0.0.1, port: 0 }\ndataDir: ${JSON.stringify(b.dataDir)}\naccounts: [{ id: "111122223333" }]\nadmin: { accessKeyId: "${accessKeyId}", secretAccessKey: "${secretAccessKey}" }\nlogLevel: silent\n`,
      {},
      'restart.yaml',
    );
    const again = await startBroker({ config, logger: pino({ level: 'silent' }), print: (l) => lines.push(l), env: {} });
    await again.close();
    return lines.filter((l) => l.startsWith('Warning:'));
  };
  // the administrator's own key (containers restarting with the same environment): no warning
  assert.deepEqual(await start(current.accessKeyId, current.secretAccessKey), []);
  // its id with another secret, or a key it does not have: ignored, and said so
  assert.equal((await start(current.accessKeyId, ADMIN_KEY.secretAccessKey)).length, 1);
  const other = { accessKeyId: 'AKIAI44QH8DHBEXAMPLE', secretAccessKey: 'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY' };
  const warned = await start(other.accessKeyId, other.secretAccessKey);
  assert.deepEqual(warned, [
    'Warning: the administrator was created on an earlier start, so the key in IDBROKER_ADMIN_ACCESS_KEY_ID / IDBROKER_ADMIN_SECRET_ACCESS_KEY (config admin) is ignored: it is not one of its keys. A new key from the data directory: npx idbroker admin create-key',
  ]);
});
