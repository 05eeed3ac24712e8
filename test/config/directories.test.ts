import { test } from 'node:test';
import assert from 'node:assert/strict';
import { minimal, parse, problemsOf } from './helpers.ts';

const up = '{ urls: [ldap://dc1.example.com:389], serviceAccount: { username: svc, password: pw } }';
const dirs = (...entries: string[]) => minimal(`directories:\n${entries.map((e) => `  - ${e}`).join('\n')}`);
const simple = (extra = '') => `{ id: d-1000000001, type: simple-ad, dnsName: corp.example.com, netbiosName: CORP${extra} }`;
const managed = (extra = '') => `{ id: d-1000000003, type: managed-ad, dnsName: cloud.example.com, netbiosName: CLOUD${extra} }`;
const connector = (extra = '') => `{ id: d-1000000002, type: ad-connector, dnsName: onprem.example.com, netbiosName: ONPREM, upstream: ${up}${extra} }`;

test('type: one of the three kinds', () => {
  assert.deepEqual(problemsOf(dirs('{ id: d-1000000001, type: samba, dnsName: a.example.com, netbiosName: A }', '{ id: d-1000000002 }')), [
    'directories[0].type: expected "simple-ad", "managed-ad" or "ad-connector"',
    'directories[1].type: required',
  ]);
});

test('dnsName, netbiosName and size', () => {
  assert.deepEqual(problemsOf(dirs('{ id: d-1000000001, type: simple-ad, dnsName: corp, netbiosName: ABCDEFGHIJKLMNOP, size: huge }')), [
    'directories[0].dnsName: expected a fully qualified DNS name like "corp.example.com"',
    'directories[0].netbiosName: expected a NetBIOS name of 1 to 15 characters, without \\ / : * ? " < > | or spaces',
    'directories[0].size: expected "small" or "large"',
  ]);
});

test('simple-ad refuses trusts, MFA and upstream, each saying why', () => {
  assert.deepEqual(problemsOf(dirs(simple(`, trusts: [], mfa: { totp: true }, upstream: ${up}`))), [
    'directories[0].mfa: simple-ad has no MFA (use managed-ad or ad-connector)',
    'directories[0].trusts: simple-ad cannot trust other domains (use managed-ad)',
    'directories[0].upstream: simple-ad has no upstream (use ad-connector)',
  ]);
});

test('ad-connector needs an upstream and stores nothing', () => {
  assert.deepEqual(
    problemsOf(dirs('{ id: d-1000000002, type: ad-connector, dnsName: onprem.example.com, netbiosName: ONPREM, seed: {}, adminPassword: x, lockout: {} }')),
    [
      'directories[0].adminPassword: ad-connector has no local administrator (its upstream has)',
      'directories[0].lockout: unknown key',
      'directories[0].seed: ad-connector stores no entries (seed is for simple-ad and managed-ad)',
      'directories[0].upstream: required',
    ],
  );
});

test('upstream: URLs, service account, startTls only with ldap://', () => {
  assert.deepEqual(
    problemsOf(dirs(connector().replace(up, '{ urls: [http://dc1, "ldaps://dc2:636"], startTls: true, serviceAccount: { username: svc } }'))),
    ['directories[0].upstream.serviceAccount.password: required', 'directories[0].upstream.urls[0]: expected an ldap:// or ldaps:// URL like "ldap://dc1.example.com:389"'],
  );
  assert.deepEqual(problemsOf(dirs(connector().replace(up, '{ urls: ["ldaps://dc2:636"], startTls: true, serviceAccount: { username: s, password: p } }'))), [
    'directories[0].upstream.startTls: startTls applies to ldap:// URLs; ldaps:// is already TLS',
  ]);
  assert.deepEqual(problemsOf(dirs(connector().replace(up, '{ urls: [], serviceAccount: { username: s, password: p } }'))), [
    'directories[0].upstream.urls: expected at least one item',
  ]);
});

test('managed-ad trusts: direction, type, own domain, duplicates; mfa needs radius or totp', () => {
  const t = (dns: string, extra = '') => `{ dnsName: ${dns}, netbiosName: X, direction: one-way-outgoing, upstream: ${up}${extra} }`;
  assert.deepEqual(
    problemsOf(dirs(managed(`, trusts: [${t('onprem.example.com')}, ${t('onprem.example.com', ', type: tree')}, ${t('cloud.example.com')}, { dnsName: x.example.com, netbiosName: X, direction: both, upstream: ${up} }], mfa: {}`))),
    [
      'directories[0].mfa: expected radius or totp: true',
      'directories[0].trusts[1].dnsName: duplicate trusted domain "onprem.example.com"',
      'directories[0].trusts[1].type: expected "forest" or "external"',
      'directories[0].trusts[2].dnsName: a directory cannot trust its own domain',
      'directories[0].trusts[2].netbiosName: duplicate trusted NetBIOS name "X"',
      'directories[0].trusts[3].direction: expected "one-way-outgoing", "one-way-incoming" or "two-way"',
      'directories[0].trusts[3].netbiosName: duplicate trusted NetBIOS name "X"',
    ],
  );
});

test('listeners: ldaps cert and key go together; two listeners cannot share an address', () => {
  assert.deepEqual(problemsOf(dirs(simple(', ldap: { port: 8080 }, ldaps: { port: 1636, certFile: /x.crt }'), managed(', ldap: { port: 1636 }'))), [
    'directories[0].ldap.port: duplicate listen address "127.0.0.1:8080"',
    'directories[0].ldaps: expected both certFile and keyFile, or neither (a certificate is generated)',
    'directories[1].ldap.port: duplicate listen address "127.0.0.1:1636"',
  ]);
  // port 0 (ephemeral, for tests) never clashes
  const c = parse(dirs(simple(', ldap: { port: 0 }, ldaps: { port: 0 }'), managed(', ldap: { port: 0 }')));
  assert.equal(c.directories[0].ldap?.port, 0);
});

test('seed users, groups and OUs', () => {
  const c = parse(
    dirs(
      simple(`, seed: { ous: [{ name: Staff }], groups: [{ name: Engineers, members: [alice] }], users: [{ username: alice, password: "Passw0rd!", groups: [Engineers], disabled: "false" }] }`),
    ),
  );
  const d = c.directories[0];
  assert.ok(d.type === 'simple-ad');
  assert.deepEqual(d.seed.ous, [{ name: 'Staff' }]);
  assert.deepEqual(d.seed.groups, [{ name: 'Engineers', members: ['alice'] }]);
  assert.deepEqual(d.seed.users[0], {
    username: 'alice',
    password: 'Passw0rd!',
    groups: ['Engineers'],
    disabled: false,
    passwordNeverExpires: false,
    mustChangePassword: false,
    attributes: {},
  });
  assert.deepEqual(
    problemsOf(
      dirs(simple(`, seed: { users: [{ username: "a/b" }, { username: bob, password: x, passwordHash: "{SSHA}abc=" }, { username: BOB, passwordHash: "{MD5}abc" }], groups: [{ name: g }, { name: G }] }`)),
    ),
    [
      'directories[0].seed.groups[1].name: duplicate seed group "G"',
      'directories[0].seed.users[0].username: expected a sAMAccountName of 1 to 20 characters, without " / \\ [ ] : ; | = , + * ? < > @',
      'directories[0].seed.users[1].passwordHash: expected only one of password or passwordHash',
      'directories[0].seed.users[2].passwordHash: expected an OpenLDAP {SSHA}, {SSHA512} or {CRYPT}$7$ (scrypt) hash',
      'directories[0].seed.users[2].username: duplicate seed user "BOB"',
    ],
  );
});

test('ids, DNS names and NetBIOS names are unique across directories (case-insensitive)', () => {
  assert.deepEqual(
    problemsOf(dirs(simple(), '{ id: d-1000000002, type: simple-ad, dnsName: CORP.example.com, netbiosName: corp }')),
    ['directories[1].dnsName: duplicate directory dnsName "CORP.example.com"', 'directories[1].netbiosName: duplicate directory netbiosName "corp"'],
  );
});

test('trusts: NetBIOS names, loops through this broker\'s own listeners, seed members of other domains', () => {
  const t = (dns: string, nb: string, direction = 'one-way-outgoing', urls = 'ldap://dc1.example.com:389') =>
    `{ dnsName: ${dns}, netbiosName: ${nb}, direction: ${direction}, upstream: { urls: [${urls}], serviceAccount: { username: svc, password: pw } } }`;
  const seed = (members: string) => `, seed: { groups: [{ name: g, members: [${members}] }] }`;
  assert.deepEqual(
    problemsOf(
      dirs(
        managed(`, ldap: { port: 3389 }, trusts: [${t('a.example.com', 'CLOUD')}, ${t('b.example.com', 'B')}, ${t('c.example.com', 'b')}, ${t('d.example.com', 'D', undefined, 'ldap://localhost:3389')}, ${t('corp.example.com', 'CORP', undefined, 'ldap://127.0.0.1:1389')}, ${t('e.example.com', 'E', 'one-way-incoming')}]${seed("'B\\alice', 'x@corp.example.com', 'OTHER\\bob', 'eve@e.example.com', 'CLOUD\\local', plainname")}`),
        simple(`, ldap: { port: 1389 }${seed("'ONPREM\\carol'")}`),
      ),
    ),
    [
      'directories[0].seed.groups[0].members[2]: "OTHER\\bob" is of a domain this directory does not trust (declare it under trusts)',
      'directories[0].seed.groups[0].members[3]: "eve@e.example.com": e.example.com is trusted one-way-incoming, so its users cannot be members here (use one-way-outgoing or two-way)',
      'directories[0].trusts[0].netbiosName: a trusted domain cannot have the directory\'s own NetBIOS name',
      'directories[0].trusts[2].netbiosName: duplicate trusted NetBIOS name "b"',
      'directories[0].trusts[3].upstream.urls[0]: trust loop: ldap://localhost:3389 is this broker\'s directory d-1000000003 (cloud.example.com), which does not hold d.example.com',
      'directories[1].seed.groups[0].members[0]: "ONPREM\\carol" is of another domain: simple-ad cannot trust other domains (use managed-ad with a trust)',
    ],
  );
  // a trust to another directory of this broker that holds the trusted domain is fine (no loop)
  parse(dirs(managed(`, trusts: [${t('corp.example.com', 'CORP', undefined, 'ldap://127.0.0.1:1389')}]`), simple(', ldap: { port: 1389 }')));
});

test('managed-ad: trustSearch (chase | referral) and trustCheckSeconds', () => {
  const c = parse(dirs(managed()));
  const d = c.directories[0] as { trustSearch: string; trustCheckSeconds: number };
  assert.deepEqual([d.trustSearch, d.trustCheckSeconds], ['chase', 60]);
  assert.deepEqual(problemsOf(dirs(managed(', trustSearch: follow, trustCheckSeconds: 0'))), [
    'directories[0].trustCheckSeconds: expected an integer from 1 to 86400',
    'directories[0].trustSearch: expected "chase" or "referral"',
  ]);
});

test('the HTTPS listener: cert and key go together, its port clashes like any other, and it must have one', () => {
  assert.deepEqual(problemsOf(`${dirs(simple(', ldap: { port: 1389 }'))}\nhttp: { port: 8080, https: { port: 1389, keyFile: /x.key } }`), [
    'directories[0].ldap.port: duplicate listen address "127.0.0.1:1389"',
    'http.https: expected both certFile and keyFile, or neither (a certificate is generated)',
  ]);
  assert.deepEqual(problemsOf(minimal('http: { https: { host: 127.0.0.1 } }')), ['http.https.port: required']);
});
