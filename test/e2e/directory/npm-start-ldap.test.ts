// `idbroker start` on embedded defaults serves the default simple-ad directory: the generated Administrator
// password printed once works with ldapwhoami (ldap-utils) over StartTLS and LDAPS, verifying the generated
// certificate by the printed file.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort, runIdbroker, type Running } from '../../helpers/process.ts';

const LDAPWHOAMI = '/usr/bin/ldapwhoami';

describe('npm start serves the default directory over LDAP', { skip: existsSync(LDAPWHOAMI) ? false : 'ldap-utils is not installed (apt-get install ldap-utils)' }, () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-ldap-start-'));
  let broker: Running;
  let password = '';
  let ldapUrl = '';
  let ldapsUrl = '';

  before(async () => {
    broker = runIdbroker(['start'], {
      IDBROKER_HTTP_PORT: String(await freePort()),
      IDBROKER_LDAP_PORT: String(await freePort()),
      IDBROKER_LDAPS_PORT: String(await freePort()),
      IDBROKER_HTTPS_PORT: String(await freePort()),
      IDBROKER_DATA_DIR: dataDir,
      IDBROKER_STORE: '',
      IDBROKER_DIRECTORY_ADMIN_PASSWORD: '',
    });
    password = (await broker.waitFor(/CORP\\Administrator {2}(\S+)/))[1];
    ldapUrl = (await broker.waitFor(/LDAP d-1000000001 \(StartTLS available\): (ldap:\/\/\S+)/))[1];
    ldapsUrl = (await broker.waitFor(/LDAPS d-1000000001: (ldaps:\/\/\S+)/))[1];
  });
  after(async () => {
    await broker?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const whoami = (args: string[]) =>
    execFileSync(LDAPWHOAMI, ['-x', ...args], { env: { PATH: process.env.PATH, LDAPTLS_CACERT: join(dataDir, 'tls', 'ldaps-d-1000000001.crt'), LDAPTLS_REQCERT: 'demand', HOME: dataDir }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

  it('prints the LDAP and LDAPS URLs, the certificate fingerprint and the generated password once', () => {
    assert.match(broker.stdout(), /d-1000000001 certificate SHA-256 fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    assert.ok(password.length >= 12);
  });

  it('binds as CORP\\Administrator over StartTLS and as the UPN over LDAPS', () => {
    assert.match(whoami(['-H', ldapUrl, '-ZZ', '-D', 'CORP\\Administrator', '-w', password]), /u:CORP\\Administrator/i);
    assert.match(whoami(['-H', ldapsUrl, '-D', 'Administrator@corp.example.com', '-w', password]), /u:CORP\\Administrator/i);
  });

  it('a wrong password is invalidCredentials (49) with AD data 52e', () => {
    assert.throws(
      () => whoami(['-H', ldapUrl, '-ZZ', '-D', 'CORP\\Administrator', '-w', 'wrong-password']),
      (e: { status: number; stderr: string }) => e.status === 49 && /data 52e/.test(e.stderr),
    );
  });
});
