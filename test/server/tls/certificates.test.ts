import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadOrCreateTls } from '../../../server/tls/certificates.ts';

it('generates a self-signed certificate once, for the given names, with an owner-only key', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-tls-'));
  try {
    const a = await loadOrCreateTls({ dataDir, name: 'ldaps-d-1000000001', hostNames: ['corp.example.com', '127.0.0.1'] });
    assert.equal(a.generated, true);
    const x = new X509Certificate(a.cert);
    assert.match(x.subjectAltName ?? '', /DNS:corp\.example\.com/);
    assert.match(x.subjectAltName ?? '', /IP Address:127\.0\.0\.1/);
    assert.ok(x.checkPrivateKey((await import('node:crypto')).createPrivateKey(a.key)));
    assert.equal(statSync(join(dataDir, 'tls', 'ldaps-d-1000000001.key')).mode & 0o777, 0o600);
    const b = await loadOrCreateTls({ dataDir, name: 'ldaps-d-1000000001', hostNames: ['other'] });
    assert.equal(b.generated, false);
    assert.equal(b.fingerprint, a.fingerprint);
    assert.match(a.fingerprint, /^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
