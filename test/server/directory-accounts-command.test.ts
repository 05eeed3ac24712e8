// `idbroker directories unlock` and `reset-password`, run as an operator runs them against a running broker's
// store: an account locked by wrong binds over a real LDAP socket binds again after unlock (the Administrator
// included); a reset password (generated and printed, or read from stdin) is the one that binds; --must-change
// makes binds answer 773; usage errors exit 2, refusals 1.
import { after, before, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'ldapts';
import { startTestBroker, type TestBroker } from '../helpers/broker.ts';
import { ROOT } from '../helpers/process.ts';

const DIRECTORY = `
  - id: d-1000000001
    type: simple-ad
    dnsName: corp.example.com
    netbiosName: CORP
    adminPassword: "Adm1n-Passw0rd!"
    lockout: { threshold: 3, windowSeconds: 1800, durationSeconds: 1800 }
    seed:
      users:
        - { username: alice, password: "Al1ce-Passw0rd!", displayName: Alice Liddell }
`;

let b: TestBroker;
let url: string;
let configFile: string;

// asynchronous: the broker serving the binds runs in this process
const idbroker = (args: string[], input?: string) =>
  new Promise<{ code: number; out: string; err: string }>((resolve) => {
    const child = execFile(process.execPath, ['bin/idbroker.js', ...args, '--config', configFile], { cwd: ROOT, env: { ...process.env, IDBROKER_CONFIG: '' }, encoding: 'utf8', timeout: 60_000 }, (e, out, err) =>
      resolve({ code: e ? Number((e as { code?: unknown }).code) || 1 : 0, out, err }),
    );
    child.stdin!.end(input ?? '');
  });

/** '' when the bind succeeds, else the AD data code of its refusal. */
async function bind(name: string, password: string): Promise<string> {
  const c = new Client({ url });
  try {
    await c.bind(name, password);
    return '';
  } catch (e) {
    return /data ([0-9a-f]{3})/.exec(String((e as Error).message))?.[1] ?? String(e);
  } finally {
    await c.unbind().catch(() => {});
  }
}

async function lockOut(name: string): Promise<void> {
  for (let i = 0; i < 3; i++) assert.equal(await bind(name, 'Wrong-Passw0rd!'), '52e');
  assert.equal(await bind(name, 'anything'), '775');
}

before(async () => {
  b = await startTestBroker({ yaml: `directories:${DIRECTORY.replace('netbiosName: CORP', 'netbiosName: CORP\n    ldap: { host: 127.0.0.1, port: 0 }')}` });
  url = /(ldap:\/\/\S+)/.exec(b.lines.find((l) => l.startsWith('  LDAP d-1000000001'))!)![1];
  configFile = join(b.dataDir, 'cli.yaml');
  // the operator's config: the same data directory and directory settings (no listeners needed)
  writeFileSync(configFile, `dataDir: ${JSON.stringify(b.dataDir)}\naccounts: [{ id: "111122223333" }]\ndirectories:${DIRECTORY}`);
});
after(async () => b.destroy());

it('unlock: a user locked out by wrong binds binds again, with the failed-logon count cleared', async () => {
  await lockOut('alice@corp.example.com');
  assert.equal(await bind('alice@corp.example.com', 'Al1ce-Passw0rd!'), '775', 'the right password is refused while locked');
  const r = await idbroker(['directories', 'unlock', 'alice']);
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, 'Unlocked CORP\\alice in directory d-1000000001 (corp.example.com); its failed-logon count is cleared.\n');
  assert.equal(await bind('alice@corp.example.com', 'Al1ce-Passw0rd!'), '');
  // the count starts again from zero: two wrong binds do not lock (a count kept across the unlock would)
  await lockOut('CORP\\alice');
  await idbroker(['directories', 'unlock', 'CORP\\alice', '--directory', 'd-1000000001']);
  assert.equal(await bind('CORP\\alice', 'Wrong-Passw0rd!'), '52e');
  assert.equal(await bind('CORP\\alice', 'Wrong-Passw0rd!'), '52e');
  assert.equal(await bind('CORP\\alice', 'Al1ce-Passw0rd!'), '');
  const again = await idbroker(['directories', 'unlock', 'alice']);
  assert.equal(again.code, 0, again.err);
  assert.match(again.out, /^CORP\\alice in directory d-1000000001 \(corp\.example\.com\) was not locked out/);
});

it('unlock is the way out for a locked-out Administrator', async () => {
  await lockOut('CORP\\Administrator');
  const r = await idbroker(['directories', 'unlock', 'Administrator']);
  assert.equal(r.code, 0, r.err);
  assert.match(r.out, /^Unlocked CORP\\Administrator /);
  assert.equal(await bind('Administrator@corp.example.com', 'Adm1n-Passw0rd!'), '');
});

it('reset-password: a generated password, printed once, is the one that binds', async () => {
  const r = await idbroker(['directories', 'reset-password', 'alice']);
  assert.equal(r.code, 0, r.err);
  const m = /^Reset the password of CORP\\alice in directory d-1000000001 \(corp\.example\.com\); generated, shown only now:\n {2}CORP\\alice {2}(\S+)\n$/.exec(r.out);
  assert.ok(m, r.out);
  assert.ok(m[1].length >= 20);
  assert.equal(await bind('alice@corp.example.com', m[1]), '');
  assert.equal(await bind('alice@corp.example.com', 'Al1ce-Passw0rd!'), '52e');
});

it('reset-password --password-stdin, --must-change (773 until changed), policy and a locked account', async () => {
  const r = await idbroker(['directories', 'reset-password', 'alice', '--password-stdin'], 'N3w-Passw0rd-x\n');
  assert.equal(r.code, 0, r.err);
  assert.equal(r.out, 'Reset the password of CORP\\alice in directory d-1000000001 (corp.example.com).\n');
  assert.equal(await bind('CORP\\alice', 'N3w-Passw0rd-x'), '');

  const must = await idbroker(['directories', 'reset-password', 'alice', '--password-stdin', '--must-change'], 'Temp-Passw0rd-y');
  assert.equal(must.code, 0, must.err);
  assert.match(must.out, /CORP\\alice must change it at the next logon/);
  assert.equal(await bind('CORP\\alice', 'Temp-Passw0rd-y'), '773');

  const weak = await idbroker(['directories', 'reset-password', 'alice', '--password-stdin'], 'alice-1');
  assert.equal(weak.code, 1);
  assert.match(weak.err, /does not meet the password policy of corp\.example\.com: the password (is too short|does not meet the complexity criteria)/);

  // a reset does not unlock (AD's two check boxes): the output says how to
  await idbroker(['directories', 'reset-password', 'alice', '--password-stdin'], 'N3w-Passw0rd-z');
  await lockOut('alice@corp.example.com');
  const locked = await idbroker(['directories', 'reset-password', 'alice', '--password-stdin'], 'N3w-Passw0rd-w');
  assert.equal(locked.code, 0, locked.err);
  assert.match(locked.out, /CORP\\alice is still locked out: idbroker directories unlock alice --directory d-1000000001\n/);
  assert.equal(await bind('alice@corp.example.com', 'N3w-Passw0rd-w'), '775');
  await idbroker(['directories', 'unlock', 'alice']);
  assert.equal(await bind('alice@corp.example.com', 'N3w-Passw0rd-w'), '');
});

it('refusals and usage errors', async () => {
  const unknown = await idbroker(['directories', 'unlock', 'nobody']);
  assert.equal(unknown.code, 1);
  assert.equal(unknown.err, 'idbroker directories unlock: no user nobody in corp.example.com\n');
  const noUser = await idbroker(['directories', 'unlock']);
  assert.equal(noUser.code, 2);
  assert.match(noUser.err, /expected one user name/);
  const option = await idbroker(['directories', 'reset-password', 'alice', '--pasword-stdin']);
  assert.equal(option.code, 2);
  assert.match(option.err, /unknown option --pasword-stdin/);
  const dir = await idbroker(['directories', 'unlock', 'alice', '--directory', 'd-1000000009']);
  assert.equal(dir.code, 2);
  assert.match(dir.err, /directory d-1000000009 is not in the configuration/);
  const empty = await idbroker(['directories', 'reset-password', 'alice', '--password-stdin'], '');
  assert.equal(empty.code, 2);
  const help = await idbroker(['directories', 'unlock', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.out, /idbroker directories unlock USER/);
});
