import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, DEFAULT_CONFIG_PATH, loadConfig, resolveConfigPath } from '../../config/load.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));
const defaultYaml = join(root, 'config/default.yaml');
const exampleYaml = join(root, 'config/example.yaml');

test('default.yaml validates with an empty environment and gives the embedded defaults', () => {
  const c = loadConfig(defaultYaml, {});
  assert.deepEqual(c.http, { host: '127.0.0.1', port: 8080, publicUrl: 'http://127.0.0.1:8080', bodyLimitBytes: 1048576, trustProxy: false, maxConnections: 10000, maxConnectionsPerSource: 1000, headersTimeoutMs: 20000, requestTimeoutMs: 60000, keepAliveTimeoutMs: 65000, https: { port: 8443 } });
  assert.equal(c.dataDir, resolve('data'));
  assert.deepEqual(c.store, { kind: 'sqlite', file: join(resolve('data'), 'idbroker.db') });
  assert.equal(c.region, 'us-east-1');
  assert.deepEqual(c.accounts, [{ id: '111122223333', alias: 'main' }]);
  assert.deepEqual(c.admin, {});
  assert.equal(c.directories.length, 1);
  const d = c.directories[0];
  assert.ok(d.type === 'simple-ad');
  assert.equal(d.id, 'd-1000000001');
  assert.equal(d.dnsName, 'corp.example.com');
  assert.equal(d.netbiosName, 'CORP');
  assert.deepEqual(d.ldap, { host: '127.0.0.1', port: 1389 });
  assert.deepEqual(d.ldaps, { host: '127.0.0.1', port: 1636 });
  assert.equal(d.adminPassword, undefined);
});

test('default.yaml takes every documented setting from the environment', () => {
  const env = {
    IDBROKER_HTTP_PORT: '18080',
    IDBROKER_LDAP_PORT: '11389',
    IDBROKER_LDAPS_PORT: '11636',
    IDBROKER_HTTPS_PORT: '18443',
    IDBROKER_DATA_DIR: '/tmp/idb-data',
    IDBROKER_STORE: 'postgres://idb:idb@127.0.0.1:5432/idb',
    IDBROKER_ACCOUNT_ID: '999988887777',
    IDBROKER_REGION: 'eu-west-3',
    IDBROKER_DIRECTORY_ADMIN_PASSWORD: 'S3cret-admin!',
    IDBROKER_ADMIN_ACCESS_KEY_ID: 'AKIAIOSFODNN7EXAMPLE',
    IDBROKER_ADMIN_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    IDBROKER_KEYRING: '{"keys":[]}',
  };
  const c = loadConfig(defaultYaml, env);
  assert.equal(c.http.port, 18080);
  assert.deepEqual(c.http.https, { port: 18443 });
  assert.equal(c.http.publicUrl, 'http://127.0.0.1:18080');
  assert.equal(c.dataDir, '/tmp/idb-data');
  assert.deepEqual(c.store, { kind: 'postgres', url: env.IDBROKER_STORE });
  assert.deepEqual(c.keys, { file: '/tmp/idb-data/keyring.json', inline: '{"keys":[]}' });
  assert.equal(c.accounts[0].id, '999988887777');
  assert.equal(c.region, 'eu-west-3');
  assert.deepEqual(c.admin, { accessKeyId: env.IDBROKER_ADMIN_ACCESS_KEY_ID, secretAccessKey: env.IDBROKER_ADMIN_SECRET_ACCESS_KEY });
  const d = c.directories[0];
  assert.ok(d.type === 'simple-ad');
  assert.equal(d.ldap?.port, 11389);
  assert.equal(d.ldaps?.port, 11636);
  assert.equal(d.adminPassword, 'S3cret-admin!');
});

test('example.yaml validates when its variables are set, and names each one when not', () => {
  const env = { ONPREM_SVC_PASSWORD: 'p', RADIUS_SECRET: 'r', OIDC_SECRET: 'o', CI_SECRET_ACCESS_KEY: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
  const c = loadConfig(exampleYaml, env);
  assert.deepEqual(c.directories.map((d) => d.type), ['simple-ad', 'ad-connector', 'managed-ad']);
  assert.equal(c.identityProviders.saml.length, 1);
  assert.equal(c.identityProviders.oidc.length, 2);
  assert.equal(c.users[0].accessKeys.length, 1);
  assert.equal(c.policies[1].account, '444455556666');
  assert.equal(c.store.kind, 'postgres');
  assert.ok(c.roles.length >= 2 && c.groups.length >= 1);
  assert.throws(
    () => loadConfig(exampleYaml, {}),
    (err: unknown) =>
      err instanceof ConfigError &&
      ['ONPREM_SVC_PASSWORD', 'RADIUS_SECRET', 'OIDC_SECRET', 'CI_SECRET_ACCESS_KEY'].every((v) => err.problems.some((p) => p.endsWith(`environment variable ${v} is not set`))),
  );
});

test('loadConfig reports an unreadable file and YAML errors with the path as given', () => {
  const dir = mkdtempSync(join(tmpdir(), 'idb-config-'));
  try {
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, 'accounts:\n  - id: "111122223333"\n   alias: x\n');
    assert.throws(() => loadConfig(bad, {}), (err: unknown) => err instanceof ConfigError && /^.*bad\.yaml: line 3, column \d+: /.test(err.problems[0]));
    assert.throws(() => loadConfig(join(dir, 'missing.yaml'), {}), (err: unknown) => err instanceof ConfigError && err.message === `${join(dir, 'missing.yaml')}: file not found`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('resolveConfigPath: --config FILE, --config=FILE, then IDBROKER_CONFIG, then default.yaml', () => {
  assert.equal(resolveConfigPath(['start', '--config', 'a.yaml'], { IDBROKER_CONFIG: 'env.yaml' }), 'a.yaml');
  assert.equal(resolveConfigPath(['start', '--config=b.yaml'], { IDBROKER_CONFIG: 'env.yaml' }), 'b.yaml');
  assert.equal(resolveConfigPath(['start'], { IDBROKER_CONFIG: 'env.yaml' }), 'env.yaml');
  assert.equal(resolveConfigPath(['start'], {}), DEFAULT_CONFIG_PATH);
  assert.equal(resolveConfigPath([], { IDBROKER_CONFIG: '' }), defaultYaml);
  assert.equal(resolveConfigPath(['--', '--config', 'x.yaml'], {}), defaultYaml);
  assert.throws(() => resolveConfigPath(['--config'], {}), (err: unknown) => err instanceof ConfigError && err.message === '--config: expected a file path');
  assert.throws(() => resolveConfigPath(['--config='], {}), ConfigError);
});
