// Files at rest: the SQLite database and its -wal/-shm files are owner-only (0600) even when the data directory
// already exists with mode 0755 (a Docker volume) and the umask is the usual 022.
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { ADMIN_KEY, startTestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-modes-'));
after(() => rmSync(dataDir, { recursive: true, force: true }));

const modeOf = (f: string) => (statSync(f).mode & 0o777).toString(8);

it('a pre-existing 0755 data directory: the database, -wal and -shm are created 0600', { skip: process.platform === 'win32' }, async () => {
  chmodSync(dataDir, 0o755);
  const previous = process.umask(0o022);
  const b = await startTestBroker({ dataDir });
  try {
    const r = await sendQuery(b.httpUrl, 'Action=CreateUser&UserName=modes&Version=2010-05-08', ADMIN_KEY, { service: 'iam' });
    assert.equal(r.status, 200, 'a write reaches the database (and its WAL)');
    const db = join(dataDir, 'idbroker.db');
    for (const f of [db, `${db}-wal`, `${db}-shm`]) {
      assert.ok(existsSync(f), `${f} exists while the broker runs`);
      assert.equal(modeOf(f), '600', `${f} is owner-only`);
    }
    assert.equal(modeOf(join(dataDir, 'keyring.json')), '600');
  } finally {
    await b.close();
    process.umask(previous);
  }
});
