import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ConfigError, parseConfig } from '../../config/load.ts';
import { minimal, problemsOf } from './helpers.ts';

const trust = (effect: string) =>
  `{ name: r${effect}, trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: ${effect}, Principal: { Service: ec2.amazonaws.com }, Action: "sts:AssumeRole" }] } }`;

test('a wrong Effect names the exact key path', () => {
  const yaml = minimal(`roles:\n  - ${trust('Allow')}\n  - ${trust('Deny')}\n  - ${trust('Permit')}`);
  assert.deepEqual(problemsOf(yaml), ['roles[2].trustPolicy.Statement[0].Effect: expected "Allow" or "Deny"']);
});

test('a bad port', () => {
  assert.deepEqual(problemsOf(minimal('http: { port: 70000 }')), ['http.port: expected a port number from 0 to 65535']);
  assert.deepEqual(problemsOf(minimal('http: { port: eighty }')), ['http.port: expected a port number from 0 to 65535']);
  assert.deepEqual(problemsOf(minimal('http: { port: "${P}" }'), { P: '80.5' }), ['http.port: expected a port number from 0 to 65535']);
});

test('an unknown key, anywhere', () => {
  assert.deepEqual(problemsOf(minimal('http: { prot: 8080 }')), ['http.prot: unknown key']);
  assert.deepEqual(problemsOf(minimal('datadir: ./data')), ['datadir: unknown key']);
  assert.deepEqual(problemsOf(minimal('users: [{ name: a, group: [x] }]')), ['users[0].group: unknown key']);
});

test('a duplicate account id, and a reference to an undeclared account', () => {
  assert.deepEqual(problemsOf('accounts: [{ id: "111122223333" }, { id: 111122223333 }]\nusers: [{ name: a, account: other }]'), [
    'accounts[1].id: duplicate account id "111122223333"',
    'users[0].account: expected the id or alias of an account declared under accounts',
  ]);
});

test('a bad directory id, and a duplicate one', () => {
  const dir = (id: string, dns: string, nb: string) => `  - { id: ${id}, type: simple-ad, dnsName: ${dns}, netbiosName: ${nb} }`;
  assert.deepEqual(problemsOf(minimal(`directories:\n${dir('d-12345', 'a.example.com', 'A')}`)), [
    'directories[0].id: expected "d-" and 10 lower-case hexadecimal digits, like "d-1234567890"',
  ]);
  assert.deepEqual(problemsOf(minimal(`directories:\n${dir('d-1000000001', 'a.example.com', 'A')}\n${dir('d-1000000001', 'b.example.com', 'B')}`)), [
    'directories[1].id: duplicate directory id "d-1000000001"',
  ]);
});

test('a bad store URL', () => {
  const expected = ['store.postgres: expected a postgres:// or postgresql:// URL'];
  assert.deepEqual(problemsOf(minimal('store: { postgres: "mysql://h/db" }')), expected);
  assert.deepEqual(problemsOf(minimal('store: { postgres: "${IDBROKER_STORE:-}" }'), { IDBROKER_STORE: 'localhost:5432' }), expected);
  assert.deepEqual(problemsOf(minimal('store: { sqlite: ./a.db, postgres: "postgres://h/db" }')), ['store: expected only one of sqlite or postgres']);
});

test('a YAML syntax error names the file, line and column', () => {
  const err = (() => {
    try {
      parseConfig('accounts:\n  - id: "111122223333"\nhttp: { port: 8080\n', {}, 'config/x.yaml');
    } catch (e) {
      return e;
    }
  })();
  assert.ok(err instanceof ConfigError);
  assert.equal(err.problems.length, 1);
  assert.match(err.problems[0], /^config\/x\.yaml: line 4, column 1: Flow map in block collection must be sufficiently indented and end with a \}$/);
  assert.deepEqual(problemsOf('a: 1\na: 2\n'), ['test.yaml: line 2, column 1: Map keys must be unique']);
  assert.deepEqual(problemsOf('a: "open\n'), ['test.yaml: line 2, column 1: Missing closing "quote']);
});

test('missing, mistyped and out-of-range values', () => {
  assert.deepEqual(problemsOf(''), ['accounts: required']);
  assert.deepEqual(problemsOf('- a\n- b\n'), ['(top level): expected a mapping']);
  assert.deepEqual(problemsOf('accounts: []'), ['accounts: expected at least one account']);
  assert.deepEqual(problemsOf('accounts: [{ id: "12345" }]'), ['accounts[0].id: expected a 12-digit account id (quote it to keep leading zeros)']);
  assert.deepEqual(problemsOf(minimal('region: mars')), ['region: expected a region name like "us-east-1"']);
  assert.deepEqual(problemsOf(minimal('logLevel: loud')), ['logLevel: expected "trace", "debug", "info", "warn", "error", "fatal" or "silent"']);
  assert.deepEqual(problemsOf(minimal('http: { trustProxy: maybe }')), ['http.trustProxy: expected true or false']);
  assert.deepEqual(problemsOf(minimal('users: { name: a }')), ['users: expected a list']);
  assert.deepEqual(problemsOf(minimal('users: [{ path: /x/ }]')), ['users[0].name: required']);
});

test('IAM names, paths, ARNs, keys and limits', () => {
  const key = 'AKIAIOSFODNN7EXAMPLE';
  const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
  assert.deepEqual(
    problemsOf(
      minimal(`users:
  - { name: "${'u'.repeat(65)}", path: "x/" }
  - { name: ok, policies: [Deploy], accessKeys: [{ id: AKIA123, secret: short }] }
  - { name: three, accessKeys: [{ id: ${key}, secret: ${secret} }, { id: AKIAIOSFODNN7EXAMPL2, secret: ${secret} }, { id: AKIAIOSFODNN7EXAMPL3, secret: ${secret} }] }
  - { name: OK, accessKeys: [{ id: ${key}, secret: ${secret}, status: Disabled }] }
roles:
  - { name: r, maxSessionDuration: 60, trustPolicy: { Statement: { Effect: Allow, Principal: "*", Action: "sts:AssumeRole" } } }`),
    ),
    [
      'roles[0].maxSessionDuration: expected seconds from 3600 to 43200',
      'users[0].name: expected 1 to 64 letters, digits or + = , . @ _ -',
      'users[0].path: expected "/" or a path like "/division/team/"',
      'users[1].accessKeys[0].id: expected an access key id: "AKIA" and 16 upper-case letters or digits',
      'users[1].accessKeys[0].secret: expected a secret access key of 40 characters (letters, digits, / or +)',
      'users[1].policies[0]: expected a managed policy ARN like "arn:aws:iam::111122223333:policy/Name"',
      'users[2].accessKeys: expected at most 2 access keys (IAM allows 2 per user)',
      'users[3].accessKeys[0].id: duplicate access key id "AKIAIOSFODNN7EXAMPLE"',
      'users[3].accessKeys[0].status: expected "Active" or "Inactive"',
      'users[3].name: duplicate user name "OK" in account "111122223333"',
    ],
  );
});

test('admin keys come in pairs', () => {
  assert.deepEqual(problemsOf(minimal('admin: { accessKeyId: AKIAIOSFODNN7EXAMPLE, secretAccessKey: "" }')), [
    'admin: expected both accessKeyId and secretAccessKey, or neither (generated)',
  ]);
});

test('identity providers', () => {
  assert.deepEqual(
    problemsOf(
      minimal(`identityProviders:
  saml: [{ name: okta }, { name: b, metadata: "not xml" }]
  oidc:
    - { url: http://idp.example.com/x, clientIds: [a] }
    - { url: "https://idp.example.com/x?a=1", clientIds: [] }
    - { url: http://192.168.1.5:5556/dex, clientIds: [a], thumbprints: [abc] }
    - { url: http://127.0.0.1:5556/dex, clientIds: [a], scope: x }`),
    ),
    [
      'identityProviders.oidc[0].url: expected an https:// URL (http:// only to a loopback or private IP address)',
      'identityProviders.oidc[1].clientIds: expected at least one client id',
      'identityProviders.oidc[1].url: expected a URL without query, fragment or credentials',
      'identityProviders.oidc[2].thumbprints[0]: expected a SHA-1 thumbprint of 40 hexadecimal digits',
      'identityProviders.oidc[3].scope: unknown key',
      'identityProviders.saml[0]: expected exactly one of metadataFile or metadata',
      'identityProviders.saml[1].metadata: expected SAML metadata XML',
    ],
  );
});

test('every problem is reported at once, sorted by path (indices numerically)', () => {
  const users = Array.from({ length: 12 }, (_, i) => `  - { name: ${i === 2 || i === 10 ? `"bad name ${i}"` : `u${i}`} }`).join('\n');
  const yaml = `users:\n${users}\nhttp: { port: -1, prot: 1 }\naccounts: [{ id: "111122223333" }]\nstore: { postgres: "x" }\nsecret: "\${NOPE}"`;
  assert.deepEqual(problemsOf(yaml), [
    'http.port: expected a port number from 0 to 65535',
    'http.prot: unknown key',
    'secret: environment variable NOPE is not set',
    'secret: unknown key',
    'store.postgres: expected a postgres:// or postgresql:// URL',
    'users[2].name: expected 1 to 64 letters, digits or + = , . @ _ -',
    'users[10].name: expected 1 to 64 letters, digits or + = , . @ _ -',
  ]);
});

test('messages never echo secret values', () => {
  const problems = problemsOf(minimal('store: { postgres: "mysql://user:hunter2@h/db" }\nadmin: { accessKeyId: AKIAIOSFODNN7EXAMPLE, secretAccessKey: hunter2hunter2 }'));
  assert.ok(problems.length === 2);
  for (const p of problems) assert.ok(!p.includes('hunter2'), p);
});

test('__proto__ keys are refused, not merged into objects', () => {
  assert.deepEqual(problemsOf(minimal('__proto__: { polluted: 1 }\nusers: [{ name: a, tags: { __proto__: x } }]')), [
    '__proto__: reserved key',
    'users[0].tags.__proto__: reserved key',
  ]);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);
});
