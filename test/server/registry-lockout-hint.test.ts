// The log line when failed binds lock an account names the way out: `idbroker directories unlock USER
// --directory d-…` (once per lock, not for every refused bind).
import { after, it } from 'node:test';
import assert from 'node:assert/strict';
import { Writable } from 'node:stream';
import pino from 'pino';
import { parseConfig } from '../../config/load.ts';
import { openDirectory } from '../../server/registry.ts';
import { closeTestStores, openTestStore } from '../helpers/test-store.ts';

after(closeTestStores);

it('locking the Administrator logs how long and the unlock command', async () => {
  const config = parseConfig(
    `accounts: [{ id: "111122223333" }]
directories:
  - { id: d-1000000007, type: simple-ad, dnsName: corp.example.com, netbiosName: CORP, adminPassword: "Adm1n-Passw0rd!", lockout: { threshold: 3, durationSeconds: 1800 } }
`,
    {},
    'test.yaml',
  );
  const lines: { msg: string; directory?: string; user?: string }[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, done) {
      for (const l of chunk.toString().split('\n').filter(Boolean)) lines.push(JSON.parse(l));
      done();
    },
  });
  const store = await openTestStore();
  const dir = await openDirectory(config.directories[0], { store, logger: pino({ level: 'warn' }, sink) });
  for (let i = 0; i < 3; i++) assert.deepEqual(await dir!.backend.bind('CORP\\Administrator', 'Wrong-Passw0rd!'), { ok: false, adCode: '52e' });
  assert.deepEqual(await dir!.backend.bind('CORP\\Administrator', 'Adm1n-Passw0rd!'), { ok: false, adCode: '775' });
  const hints = lines.filter((l) => l.msg.includes('locked out'));
  assert.equal(hints.length, 1, JSON.stringify(lines));
  assert.equal(hints[0].msg, 'directory d-1000000007: CORP\\Administrator is locked out after 3 failed logons (for 30 min); unlock it now: npx idbroker directories unlock Administrator --directory d-1000000007');
  assert.equal(hints[0].user, 'CORP\\Administrator');
  await dir!.close?.();
});
