// `idbroker audit` as an operator runs it, against a running broker's store: filters (--denied, --principal,
// --event, --since as a duration or an ISO time, --limit), one JSON event per line; bad options are usage
// errors (exit 2) and --help prints the usage.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { deniedGetRole } from './denied-call.ts';
import { ROOT } from '../../helpers/process.ts';
import { parseCliTime } from '../../../server/cli-time.ts';

let b: TestBroker;
let configFile: string;
let started: Date;

// asynchronous: the broker answering the calls above runs in this process
const idbroker = (args: string[]) =>
  new Promise<{ code: number; out: string; err: string }>((resolve) =>
    execFile(process.execPath, ['bin/idbroker.js', ...args], { cwd: ROOT, env: { ...process.env, IDBROKER_CONFIG: '' }, encoding: 'utf8', timeout: 60_000 }, (e, out, err) =>
      resolve({ code: e ? Number((e as { code?: unknown }).code) || 1 : 0, out, err }),
    ),
  );
const events = (out: string) => out.trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as Record<string, any>);

before(async () => {
  started = new Date(Date.now() - 1000);
  b = await startTestBroker();
  configFile = join(b.dataDir, 'cli.yaml');
  writeFileSync(configFile, `dataDir: ${JSON.stringify(b.dataDir)}\naccounts: [{ id: "111122223333" }]\n`);
  await deniedGetRole(b);
  await b.audit.flush();
});
after(async () => b.destroy());

it('--denied lists the refused call with the error code the client saw', async () => {
  const r = await idbroker(['audit', '--config', configFile, '--denied']);
  assert.equal(r.code, 0, r.err);
  const denied = events(r.out);
  assert.deepEqual(denied.map((e) => [e.eventName, e.errorCode, e.userIdentity.userName]), [['GetRole', 'AccessDenied', 'mallory']]);
});

it('--principal, --event, --since (duration and ISO time), --until and --limit narrow the list, newest first', async () => {
  const byPrincipal = events((await idbroker(['audit', '--config', configFile, '--principal', 'arn:aws:iam::111122223333:user/mallory'])).out);
  assert.deepEqual(byPrincipal.map((e) => e.eventName), ['GetRole']);
  const created = events((await idbroker(['audit', '--config', configFile, '--event', 'CreateRole', '--since', '10m'])).out);
  assert.deepEqual(created.map((e) => e.requestParameters.roleName), ['Audited']);
  assert.equal(events((await idbroker(['audit', '--config', configFile, '--since', started.toISOString()])).out).length >= 4, true);
  assert.deepEqual(events((await idbroker(['audit', '--config', configFile, '--until', '2020-01-01'])).out), []);
  const two = events((await idbroker(['audit', '--config', configFile, '--limit', '2'])).out);
  assert.equal(two.length, 2);
  assert.ok(two[0].eventTime >= two[1].eventTime);
});

it('bad options are usage errors; --help prints the usage', async () => {
  for (const args of [['--since', 'yesterday'], ['--limit', '0'], ['--limit', 'many'], ['--denyed']]) {
    const r = await idbroker(['audit', '--config', configFile, ...args]);
    assert.equal(r.code, 2, `${args.join(' ')}: ${r.out}`);
    assert.match(r.err, /^idbroker audit: .*\nUsage:\n {2}idbroker audit \[--config FILE\]/);
    assert.equal(r.out, '');
  }
  const help = await idbroker(['audit', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /^Usage:\n {2}idbroker audit .*\n.*newest first/);
});

it('command-line times: durations back from now, ISO 8601, epoch seconds; nothing else', () => {
  const now = new Date('2026-12-06T12:00:00Z');
  assert.equal(parseCliTime('15m', now)?.toISOString(), '2026-12-06T11:45:00.000Z');
  assert.equal(parseCliTime('2h', now)?.toISOString(), '2026-12-06T10:00:00.000Z');
  assert.equal(parseCliTime('7d', now)?.toISOString(), '2026-11-29T12:00:00.000Z');
  assert.equal(parseCliTime('1w', now)?.toISOString(), '2026-11-29T12:00:00.000Z');
  assert.equal(parseCliTime('2026-12-01', now)?.toISOString(), '2026-12-01T00:00:00.000Z');
  assert.equal(parseCliTime('2026-12-01T10:00:00+02:00', now)?.toISOString(), '2026-12-01T08:00:00.000Z');
  assert.equal(parseCliTime('1796600000', now)?.toISOString(), new Date(1796600000 * 1000).toISOString());
  for (const bad of ['yesterday', '1', 'May 5', '15 minutes', '-2h', '']) assert.equal(parseCliTime(bad, now), undefined, bad);
});
