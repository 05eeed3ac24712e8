import { test } from 'node:test';
import assert from 'node:assert/strict';
import { join, resolve } from 'node:path';
import { minimal, parse } from './helpers.ts';

test('http, logLevel, region and dataDir defaults', () => {
  const c = parse(minimal());
  assert.deepEqual(c.http, { host: '127.0.0.1', port: 8080, publicUrl: 'http://127.0.0.1:8080', bodyLimitBytes: 1048576, trustProxy: false, maxConnections: 10000, maxConnectionsPerSource: 1000, headersTimeoutMs: 20000, requestTimeoutMs: 60000, keepAliveTimeoutMs: 65000 });
  assert.equal(c.logLevel, 'info');
  assert.equal(c.region, 'us-east-1');
  assert.equal(c.dataDir, resolve(process.cwd(), 'data'));
});

test('publicUrl follows host and port; a wildcard host becomes loopback; IPv6 is bracketed; a trailing / is dropped', () => {
  assert.equal(parse(minimal('http: { host: 10.1.2.3, port: 81 }')).http.publicUrl, 'http://10.1.2.3:81');
  assert.equal(parse(minimal('http: { host: 0.0.0.0 }')).http.publicUrl, 'http://127.0.0.1:8080');
  assert.equal(parse(minimal('http: { host: "::1" }')).http.publicUrl, 'http://[::1]:8080');
  assert.equal(parse(minimal('http: { publicUrl: "https://broker.example.com/" }')).http.publicUrl, 'https://broker.example.com');
});

test('dataDir is resolved against the working directory', () => {
  assert.equal(parse(minimal('dataDir: ./var/state')).dataDir, resolve(process.cwd(), 'var/state'));
  assert.equal(parse(minimal('dataDir: /srv/idb')).dataDir, '/srv/idb');
});

test('store: absent, empty postgres or empty sqlite mean SQLite in dataDir', () => {
  const file = join(resolve('/srv/idb'), 'idbroker.db');
  assert.deepEqual(parse(minimal('dataDir: /srv/idb')).store, { kind: 'sqlite', file });
  assert.deepEqual(parse(minimal('dataDir: /srv/idb\nstore: { postgres: "${IDBROKER_STORE:-}" }')).store, { kind: 'sqlite', file });
  assert.deepEqual(parse(minimal('dataDir: /srv/idb\nstore: { postgres: "" }')).store, { kind: 'sqlite', file });
  assert.deepEqual(parse(minimal('dataDir: /srv/idb\nstore: { sqlite: "" }')).store, { kind: 'sqlite', file });
});

test('store: a sqlite path (resolved) or a postgres URL', () => {
  assert.deepEqual(parse(minimal('store: { sqlite: ./x.db }')).store, { kind: 'sqlite', file: resolve('x.db') });
  const url = 'postgresql://u:p@127.0.0.1:5432/idb';
  assert.deepEqual(parse(minimal('store: { postgres: "${IDBROKER_STORE:-}" }'), { IDBROKER_STORE: url }).store, { kind: 'postgres', url });
  assert.deepEqual(parse(minimal('store: { postgres: "postgres://h/db" }')).store, { kind: 'postgres', url: 'postgres://h/db' });
});

test('keys: file defaults to dataDir/keyring.json; IDBROKER_KEYRING passes through as inline', () => {
  assert.deepEqual(parse(minimal('dataDir: /srv/idb')).keys, { file: '/srv/idb/keyring.json' });
  assert.deepEqual(parse(minimal('keys: { file: ./k.json }'), { IDBROKER_KEYRING: '{"keys":[]}' }).keys, {
    file: resolve('k.json'),
    inline: '{"keys":[]}',
  });
  assert.equal(parse(minimal(), { IDBROKER_KEYRING: '' }).keys.inline, undefined);
});

test('admin: empty values mean generate', () => {
  assert.deepEqual(parse(minimal()).admin, {});
  assert.deepEqual(parse(minimal('admin: { accessKeyId: "${A:-}", secretAccessKey: "${S:-}" }')).admin, {});
  const keys = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
  assert.deepEqual(parse(minimal(`admin: { accessKeyId: ${keys.accessKeyId}, secretAccessKey: ${keys.secretAccessKey} }`)).admin, keys);
});

test('accounts: an unquoted id is taken as its digits; alias kept', () => {
  assert.deepEqual(parse('accounts: [{ id: 111122223333, alias: main }, { id: "444455556666" }]').accounts, [
    { id: '111122223333', alias: 'main' },
    { id: '444455556666' },
  ]);
});

test('IAM entities: account defaults to the first, may be named by alias; path defaults to /; lists default empty', () => {
  const c = parse(`accounts: [{ id: "111122223333" }, { id: "444455556666", alias: sandbox }]
users: [{ name: a }, { name: b, account: sandbox, path: /x/y/ }, { name: c, account: "444455556666" }]
groups: [{ name: g }]
roles: [{ name: r, trustPolicy: { Statement: { Effect: Allow, Principal: "*", Action: "sts:AssumeRole" } } }]
policies: [{ name: p, document: { Statement: [{ Effect: Deny, Action: "*", Resource: "*" }] } }]`);
  assert.deepEqual(c.users[0], { name: 'a', account: '111122223333', path: '/', groups: [], policies: [], inlinePolicies: {}, tags: {}, accessKeys: [] });
  assert.equal(c.users[1].account, '444455556666');
  assert.equal(c.users[1].path, '/x/y/');
  assert.equal(c.users[2].account, '444455556666');
  assert.deepEqual(c.groups[0], { name: 'g', account: '111122223333', path: '/', policies: [], inlinePolicies: {} });
  assert.equal(c.roles[0].maxSessionDuration, 3600);
  assert.deepEqual(c.roles[0].policies, []);
  assert.deepEqual(c.roles[0].tags, {});
  assert.deepEqual(c.policies[0], {
    name: 'p',
    account: '111122223333',
    path: '/',
    document: { Statement: [{ Effect: 'Deny', Action: '*', Resource: '*' }] },
  });
});

test('access keys default to Active; tags take numbers as text', () => {
  const c = parse(minimal('users: [{ name: ci, tags: { cost: 4711 }, accessKeys: [{ id: AKIAIOSFODNN7EXAMPLE, secret: wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY }] }]'));
  assert.equal(c.users[0].accessKeys[0].status, 'Active');
  assert.deepEqual(c.users[0].tags, { cost: '4711' });
});

test('a policy document given as JSON text becomes a plain object', () => {
  const json = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
  const c = parse(minimal(`policies: [{ name: p, document: '${json}' }]`));
  assert.deepEqual(c.policies[0].document, JSON.parse(json));
});

test('identity providers: lists default empty; account defaults; thumbprints lower-cased; files resolved', () => {
  assert.deepEqual(parse(minimal()).identityProviders, { saml: [], oidc: [] });
  const c = parse(minimal(`identityProviders:
  saml: [{ name: okta, metadataFile: ./okta.xml }]
  oidc: [{ url: https://idp.example.com/realms/x, clientIds: [a], thumbprints: [9E99A48A9960B14926BB7F3B02E22DA2B0AB7280] }]`));
  assert.deepEqual(c.identityProviders.saml[0], { name: 'okta', metadataFile: resolve('okta.xml'), account: '111122223333', sessionTags: {}, transitiveTagKeys: [] });
  assert.equal(c.identityProviders.oidc[0].account, '111122223333');
  assert.deepEqual(c.identityProviders.oidc[0].thumbprints, ['9e99a48a9960b14926bb7f3b02e22da2b0ab7280']);
  assert.equal(c.identityProviders.oidc[0].clientSecret, undefined);
});

test('directories: size small, upper-cased NetBIOS name, listener host, local directory defaults', () => {
  const c = parse(minimal(`directories:
  - { id: d-1000000001, type: simple-ad, dnsName: corp.example.com, netbiosName: corp, ldap: { port: 1389 }, adminPassword: "" }`));
  const d = c.directories[0];
  assert.equal(d.type, 'simple-ad');
  if (d.type !== 'simple-ad') return;
  assert.equal(d.size, 'small');
  assert.equal(d.netbiosName, 'CORP');
  assert.deepEqual(d.ldap, { host: '127.0.0.1', port: 1389 });
  assert.equal(d.ldaps, undefined);
  assert.equal(d.adminPassword, undefined);
  assert.deepEqual(d.adminGroups, ['Domain Admins']);
  assert.deepEqual(d.seed, { ous: [], groups: [], users: [] });
  assert.deepEqual(d.lockout, { threshold: 5, windowSeconds: 1800, durationSeconds: 1800 });
  assert.deepEqual(d.passwordPolicy, { minLength: 7, complexity: true, history: 24, maxAgeDays: 0 });
});

test('directories: ad-connector and managed-ad defaults', () => {
  const c = parse(minimal(`directories:
  - id: d-00000000aa
    type: ad-connector
    dnsName: onprem.example.com
    netbiosName: ONPREM
    upstream: { urls: [ldap://dc1:389], serviceAccount: { username: svc, password: pw } }
  - id: d-00000000bb
    type: managed-ad
    dnsName: cloud.example.com
    netbiosName: CLOUD
    trusts: [{ dnsName: onprem.example.com, netbiosName: onprem, direction: two-way, upstream: { urls: [ldaps://dc1:636], serviceAccount: { username: svc, password: pw } } }]
    mfa: { radius: { host: 127.0.0.1, secret: s } }`));
  const [conn, managed] = c.directories;
  assert.ok(conn.type === 'ad-connector' && managed.type === 'managed-ad');
  assert.deepEqual(conn.upstream, { urls: ['ldap://dc1:389'], startTls: false, serviceAccount: { username: 'svc', password: 'pw' }, timeoutMs: 5000, bindConnections: 'pooled', maxConnections: 8 });
  assert.equal(conn.groupCacheSeconds, 0);
  assert.equal(conn.mfa, undefined);
  assert.equal(managed.trustSearch, 'chase');
  assert.equal(managed.trusts[0].type, 'forest');
  assert.equal(managed.trusts[0].netbiosName, 'ONPREM');
  assert.deepEqual(managed.mfa, { radius: { host: '127.0.0.1', port: 1812, secret: 's', timeoutMs: 3000, retries: 2, nasIdentifier: 'idbroker', requireMessageAuthenticator: false }, totp: false });
});

test('empty keys (no value) count as absent', () => {
  const c = parse(minimal('http:\nusers:\nidentityProviders:\n  saml:\n'));
  assert.equal(c.http.port, 8080);
  assert.deepEqual(c.users, []);
  assert.deepEqual(c.identityProviders.saml, []);
});
