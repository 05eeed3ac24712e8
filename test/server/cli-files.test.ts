// `idbroker config check` verifies the files a config names; `idbroker policy lint` reads JSON or YAML.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../helpers/process.ts';
import { missingFiles } from '../../config/file-checks.ts';
import { loadConfig } from '../../config/load.ts';
import { lintPolicyFile } from '../../server/policy/policy-file.ts';

function idbroker(args: string[]) {
  const r = spawnSync(process.execPath, ['bin/idbroker.js', ...args], { cwd: ROOT, env: { ...process.env, IDBROKER_CONFIG: '' }, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const dir = mkdtempSync(join(tmpdir(), 'idbroker-cli-files-'));
const present = join(dir, 'present.pem');
writeFileSync(present, 'pem');
mkdirSync(join(dir, 'a-directory'));

const withFiles = (f: Record<string, string>) => `accounts: [{ id: "111122223333" }]
http:
  https: { port: 8443, certFile: ${f.httpsCert}, keyFile: ${f.httpsKey} }
identityProviders:
  saml: [{ name: Okta, metadataFile: ${f.metadata} }]
  oidc: [{ url: "https://idp.example.com", clientIds: [x], caFile: ${f.oidcCa} }]
directories:
  - { id: d-1000000001, type: simple-ad, dnsName: corp.example.com, netbiosName: CORP, ldap: { port: 1389 }, ldaps: { port: 1636, certFile: ${f.ldapsCert}, keyFile: ${f.ldapsKey} } }
  - id: d-1000000002
    type: ad-connector
    dnsName: onprem.example.com
    netbiosName: ONPREM
    ldap: { port: 2389 }
    upstream: { urls: ["ldaps://dc1.example.com"], caFile: ${f.upstreamCa}, serviceAccount: { username: svc, password: pw } }
`;

describe('config check: the files a config names', () => {
  it('names every missing or unreadable file with its key path, and exits 1', () => {
    const file = join(dir, 'missing.yaml');
    writeFileSync(file, withFiles({ httpsCert: '/nonexistent/https.crt', httpsKey: present, metadata: join(dir, 'okta.xml'), oidcCa: join(dir, 'a-directory'), ldapsCert: present, ldapsKey: join(dir, 'ldap.key'), upstreamCa: `${present}/ca.pem` }));
    const r = idbroker(['config', 'check', file]);
    assert.equal(r.code, 1, r.out + r.err);
    assert.doesNotMatch(r.out, /OK/);
    const lines = r.err.trim().split('\n');
    assert.deepEqual(lines, [
      'invalid configuration:',
      `directories[0].ldaps.keyFile: ${join(dir, 'ldap.key')}: no such file`,
      `directories[1].upstream.caFile: ${present}/ca.pem: no such file (a parent is not a directory)`,
      'http.https.certFile: /nonexistent/https.crt: no such file',
      `identityProviders.oidc[0].caFile: ${join(dir, 'a-directory')}: not a regular file`,
      `identityProviders.saml[0].metadataFile: ${join(dir, 'okta.xml')}: no such file`,
    ]);
  });

  it('says OK when every named file is there', () => {
    const file = join(dir, 'present.yaml');
    writeFileSync(file, withFiles({ httpsCert: present, httpsKey: present, metadata: present, oidcCa: present, ldapsCert: present, ldapsKey: present, upstreamCa: present }));
    const r = idbroker(['config', 'check', file]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /present\.yaml: OK/);
  });

  it('does not ask for the files the broker creates (key ring, SQLite database) nor for generated certificates', () => {
    const file = join(dir, 'created.yaml');
    writeFileSync(file, `accounts: [{ id: "111122223333" }]\ndataDir: ${join(dir, 'nothing-yet')}\nkeys: { file: ${join(dir, 'nothing-yet/keyring.json')} }\nstore: { sqlite: ${join(dir, 'nothing-yet/db.sqlite')} }\nhttp: { tls: {} }\n`);
    assert.deepEqual(missingFiles(loadConfig(file, {})), []);
  });
});

describe('policy lint: JSON or YAML', () => {
  it('lints a YAML policy with the same diagnostics as its JSON form', () => {
    const yaml = join(dir, 'risky.yaml');
    writeFileSync(yaml, 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Action: "*"\n    Resource: "*"\n');
    const json = join(dir, 'risky.json');
    writeFileSync(json, JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] }));
    const y = idbroker(['policy', 'lint', yaml]);
    const j = idbroker(['policy', 'lint', json]);
    assert.equal(y.code, 0, y.err);
    assert.match(y.out, /risky\.yaml: warning FullAccess at Statement\[0\]\.Action/);
    assert.equal(y.out.replaceAll(yaml, 'F'), j.out.replaceAll(json, 'F'));
  });

  it('reports schema errors in YAML (exit 1) and passes a clean YAML trust policy', () => {
    const broken = join(dir, 'broken.yml');
    writeFileSync(broken, 'Version: "2012-10-17"\nStatement:\n  Effect: Maybe\n  Action: s3:*\n  Resource: "*"\n');
    const e = idbroker(['policy', 'lint', broken]);
    assert.equal(e.code, 1);
    assert.match(e.out, /broken\.yml: error MalformedPolicyDocument at Statement\.Effect/);
    const trust = join(dir, 'trust.yaml');
    writeFileSync(trust, 'Version: "2012-10-17"\nStatement:\n  - Effect: Allow\n    Principal: { AWS: "arn:aws:iam::111122223333:root" }\n    Action: sts:AssumeRole\n');
    const t = idbroker(['policy', 'lint', trust, '--kind', 'trust']);
    assert.equal(t.code, 0, t.out + t.err);
    assert.match(t.out, /trust\.yaml: OK/);
  });

  it('reports YAML syntax errors and duplicate keys with their line', () => {
    const dup = lintPolicyFile('Version: "2012-10-17"\nStatement: []\nStatement: []\n', 'p.yaml', 'identity');
    assert.equal(dup.format, 'yaml');
    assert.deepEqual(dup.findings.map((f) => [f.severity, f.code]), [['error', 'MalformedPolicyDocument']]);
    assert.match(dup.findings[0].message, /line 3, column 1: duplicate key/);
    const bad = lintPolicyFile('Version: "2012-10-17"\nStatement: [ { Effect: Allow\n', 'p.yaml', 'identity');
    assert.match(bad.findings[0].message, /^YAML line \d+, column \d+: /);
    const list = lintPolicyFile('- a\n- b\n', 'p.yaml', 'identity');
    assert.match(list.findings[0].message, /expected a mapping/);
  });

  it('takes JSON by extension or by a leading "{", YAML otherwise', () => {
    assert.equal(lintPolicyFile('{"Version":"2012-10-17","Statement":[]}', 'policy', 'identity').format, 'json');
    assert.equal(lintPolicyFile('Version: "2012-10-17"', 'policy', 'identity').format, 'yaml');
    assert.equal(lintPolicyFile('Version: "2012-10-17"', 'p.json', 'identity').findings[0].code, 'MalformedPolicyDocument');
  });
});
