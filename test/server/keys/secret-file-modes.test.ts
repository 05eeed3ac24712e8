// Secrets at rest: a key ring or a generated TLS private key in the data directory that group or others can read
// makes the broker refuse to start, naming the file and the `chmod 600` that fixes it; after the fix it starts.
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { startTestBroker } from '../../helpers/broker.ts';

const skip = process.platform === 'win32';
const dirs: string[] = [];
after(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function firstStart(opts: { httpsListener?: boolean } = {}): Promise<string> {
  const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-secrets-'));
  dirs.push(dataDir);
  const b = await startTestBroker({ dataDir, ...opts });
  await b.close();
  return dataDir;
}

describe('secret files must be owner-only', { skip }, () => {
  it('keyring.json chmod 644: start is refused with the file and the fix; chmod 600 starts again', async () => {
    const dataDir = await firstStart();
    const ring = join(dataDir, 'keyring.json');
    chmodSync(ring, 0o644);
    await assert.rejects(startTestBroker({ dataDir }), (e: Error) => {
      assert.ok(e.message.includes(ring), e.message);
      assert.match(e.message, /readable or writable by group or others \(mode 0644\)/);
      assert.ok(e.message.includes(`chmod 600 ${ring}`), e.message);
      return true;
    });
    chmodSync(ring, 0o600);
    const b = await startTestBroker({ dataDir });
    await b.close();
  });

  it('a generated HTTPS private key chmod 640: start is refused naming the key file', async () => {
    const dataDir = await firstStart({ httpsListener: true });
    const key = join(dataDir, 'tls', 'https.key');
    chmodSync(key, 0o640);
    await assert.rejects(startTestBroker({ dataDir, httpsListener: true }), (e: Error) => {
      assert.ok(e.message.includes(`chmod 600 ${key}`), e.message);
      return true;
    });
  });
});
