// docker-compose.yml and what it mounts (deploy/): the demo's structure (two broker replicas sharing PostgreSQL
// and a key ring behind haproxy, OpenLDAP, Keycloak), `idbroker config check` on the mounted broker config with
// the compose environment, and that the broker config, the Keycloak realm, the IdP metadata and the load
// balancer agree on URLs, ports, client ids and secrets. No Docker engine needed; `docker-compose config` and
// `haproxy -c` are test/e2e/deploy/compose-tools.test.ts; the LDIF is loaded into a real slapd where it is installed.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { X509Certificate, createPrivateKey, createPublicKey } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Client } from 'ldapts';
import YAML from 'yaml';
import { loadConfig } from '../../config/load.ts';
import { parseSamlMetadata } from '../../server/iam/saml-metadata.ts';
import { freePort, ROOT } from '../helpers/process.ts';
import { localDeployConfig } from '../helpers/deploy-config.ts';
import { startBroker } from '../../server/main.ts';
import pino from 'pino';
import { ONPREM_LDIF, ONPREM_PASSWORDS, slapdMissing } from '../helpers/slapd.ts';

interface Service {
  image?: string;
  build?: string | { context: string };
  command?: string[];
  environment?: Record<string, string>;
  volumes?: string[];
  ports?: string[];
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
  networks?: Record<string, { aliases?: string[] }>;
}
const compose = YAML.parse(readFileSync(join(ROOT, 'docker-compose.yml'), 'utf8'), { merge: true }) as { services: Record<string, Service>; volumes: Record<string, unknown> };
const svc = compose.services;
const BROKERS = ['broker1', 'broker2'];

/** host path of a bind mount (`./x:/container/path[:ro]`) by its container path, or undefined */
const hostPathOf = (s: Service, containerPath: string) => {
  for (const v of s.volumes ?? []) {
    const [src, dst] = v.split(':');
    if (dst === containerPath && src.startsWith('.')) return resolve(ROOT, src);
  }
  return undefined;
};
const brokerEnv = svc.broker1.environment ?? {};
const configPath = hostPathOf(svc.broker1, brokerEnv.IDBROKER_CONFIG)!;
const config = loadConfig(configPath, brokerEnv);
const publicUrl = config.http.publicUrl;
const realm = JSON.parse(readFileSync(hostPathOf(svc.keycloak, '/opt/keycloak/data/import/realm-idbroker.json')!, 'utf8'));
const kcUrl = svc.keycloak.environment!.KC_HOSTNAME;
const issuer = `${kcUrl}/realms/${realm.realm}`;
const haproxyCfg = readFileSync(hostPathOf(svc.lb, '/usr/local/etc/haproxy/haproxy.cfg')!, 'utf8');
const statements = (r: (typeof config.roles)[number]) => [r.trustPolicy.Statement].flat();
const directoryPorts = config.directories.flatMap((d) => [d.ldap?.port, d.ldaps?.port]).filter((p): p is number => p !== undefined);

describe('docker-compose.yml', () => {
  it('has the demo services: two broker replicas, haproxy, PostgreSQL, OpenLDAP, Keycloak', () => {
    assert.deepEqual(Object.keys(svc).sort(), ['broker1', 'broker2', 'keycloak', 'lb', 'openldap', 'postgres']);
    assert.match(svc.postgres.image ?? '', /^postgres:\d+/);
    assert.match(svc.lb.image ?? '', /^haproxy:\d/);
    assert.match(svc.keycloak.image ?? '', /^quay\.io\/keycloak\/keycloak:\d/);
    assert.deepEqual(svc.keycloak.command, ['start-dev', '--import-realm']);
    for (const name of [...BROKERS, 'openldap']) {
      const context = typeof svc[name].build === 'string' ? svc[name].build : svc[name].build?.context;
      assert.ok(context && existsSync(join(ROOT, context, 'Dockerfile')), `${name} is built from a Dockerfile`);
    }
  });

  it('runs the two replicas from the same image, config and environment, on one shared /data volume', () => {
    const [a, b] = BROKERS.map((n) => svc[n]);
    for (const key of ['build', 'image', 'command', 'environment', 'volumes', 'healthcheck'] as const) assert.deepEqual(a[key], b[key], key);
    assert.deepEqual(a.command, ['start', '--config', brokerEnv.IDBROKER_CONFIG]);
    // the key ring lives in dataDir: both replicas open each other's session tokens and sealed secrets
    assert.equal(config.keys.file, join(config.dataDir, 'keyring.json'));
    assert.equal(config.keys.inline, undefined);
    const dataVolume = a.volumes!.map((v) => v.split(':')).find(([, dst]) => dst === config.dataDir);
    assert.ok(dataVolume && !dataVolume[0].startsWith('.') && dataVolume[0] in compose.volumes, 'dataDir is a named volume both replicas mount');
    assert.equal(config.store.kind, 'postgres');
    const pg = new URL((config.store as { url: string }).url);
    assert.equal(pg.hostname, 'postgres');
    assert.equal(pg.username, svc.postgres.environment!.POSTGRES_USER);
    assert.equal(pg.password, svc.postgres.environment!.POSTGRES_PASSWORD);
    assert.equal(pg.pathname, `/${svc.postgres.environment!.POSTGRES_DB}`);
    assert.equal(config.http.host, '0.0.0.0');
    assert.ok(config.http.trustProxy, 'behind haproxy: X-Forwarded-For is believed');
    for (const d of config.directories) assert.equal(d.ldap?.host, '0.0.0.0', d.id);
  });

  it('starts services in order of health: stores and directory first, broker2 after broker1, the load balancer last', () => {
    const healthy = (name: string, on: string) => {
      assert.equal(svc[name].depends_on?.[on]?.condition, 'service_healthy', `${name} waits for ${on}`);
      assert.ok(svc[on].healthcheck?.test, `${on} has a healthcheck`);
    };
    for (const b of BROKERS) {
      healthy(b, 'postgres');
      healthy(b, 'openldap');
    }
    healthy('broker2', 'broker1'); // broker1 makes the key ring and the first-start state alone
    healthy('lb', 'broker1');
    healthy('lb', 'broker2');
    assert.match(svc.broker1.healthcheck!.test.join(' '), /\/readyz/);
  });

  it('mounts files that exist', () => {
    for (const [name, s] of Object.entries(svc))
      for (const v of s.volumes ?? []) {
        const src = v.split(':')[0];
        if (src.startsWith('.')) assert.ok(existsSync(resolve(ROOT, src)) && statSync(resolve(ROOT, src)).isFile(), `${name}: ${src} exists`);
      }
  });

  it('passes `idbroker config check` with the compose environment', () => {
    const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...brokerEnv };
    for (const b of BROKERS) {
      // config check also opens the files the config names: give it the container's view (mounted files at their host paths)
      let text = readFileSync(hostPathOf(svc[b], brokerEnv.IDBROKER_CONFIG)!, 'utf8');
      for (const v of svc[b].volumes ?? []) {
        const [src, dst] = v.split(':');
        if (src.startsWith('.')) text = text.replaceAll(dst, resolve(ROOT, src));
      }
      const mounted = join(mkdtempSync(join(tmpdir(), 'deploy-check-')), 'idbroker.yaml');
      writeFileSync(mounted, text);
      const r = spawnSync(process.execPath, ['bin/idbroker.js', 'config', 'check', mounted], { cwd: ROOT, env, encoding: 'utf8' });
      assert.equal(r.status, 0, `${b}: ${r.stdout}${r.stderr}`);
      assert.match(r.stdout, /: OK$/m);
    }
    // outside the container the mounted metadata file is missing, and config check says so
    const unmounted = spawnSync(process.execPath, ['bin/idbroker.js', 'config', 'check', configPath], { cwd: ROOT, env, encoding: 'utf8' });
    assert.equal(unmounted.status, 1);
    assert.match(unmounted.stderr, /identityProviders\.saml\[0\]\.metadataFile: \/etc\/idbroker\/keycloak-saml-metadata\.xml: no such file/);
    // and fails without the environment it needs (the check is not vacuous)
    const bare = spawnSync(process.execPath, ['bin/idbroker.js', 'config', 'check', configPath], { cwd: ROOT, env: { PATH: process.env.PATH ?? '' }, encoding: 'utf8' });
    assert.equal(bare.status, 1);
    assert.match(bare.stderr, /ONPREM_SVC_PASSWORD/);
  });

  it('starts a broker from the mounted config (SQLite instead of PostgreSQL, the on-prem DCs unreachable)', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'deploy-broker-'));
    try {
      const { config: local } = await localDeployConfig({ upstreamUrl: `ldap://127.0.0.1:${await freePort()}`, dataDir });
      const broker = await startBroker({ config: local, logger: pino({ level: 'silent' }), print: () => {}, env: {} });
      try {
        const ready = await fetch(`${broker.httpUrl}/readyz`);
        assert.equal(ready.status, 200);
        const portal = await (await fetch(`${broker.httpUrl}/`)).text();
        for (const link of ['/saml/login/keycloak', '/oidc/login/keycloak']) assert.ok(portal.includes(link), `the sign-in page links ${link}`);
      } finally {
        await broker.close();
      }
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('deploy/idbroker.yaml', () => {
  it('declares the three directory kinds, the connector and the trust pointing at the openldap service', () => {
    const byType = Object.fromEntries(config.directories.map((d) => [d.type, d]));
    assert.deepEqual(Object.keys(byType).sort(), ['ad-connector', 'managed-ad', 'simple-ad']);
    const connector = byType['ad-connector'] as Extract<(typeof config.directories)[number], { type: 'ad-connector' }>;
    const managed = byType['managed-ad'] as Extract<(typeof config.directories)[number], { type: 'managed-ad' }>;
    assert.equal(managed.trusts.length, 1);
    const trust = managed.trusts[0];
    assert.equal(trust.dnsName, connector.dnsName);
    assert.notEqual(trust.direction, 'one-way-incoming', 'on-prem users may log in to the managed-ad directory');
    const ldif = readFileSync(join(ROOT, 'deploy/openldap/onprem.ldif'), 'utf8');
    for (const upstream of [connector.upstream, trust.upstream]) {
      assert.deepEqual(upstream.urls, ['ldap://openldap:389']);
      assert.ok(ldif.includes(`dn: ${upstream.serviceAccount.username}\n`), 'the service account is in the seeded LDIF');
      assert.equal(upstream.serviceAccount.password, ONPREM_PASSWORDS['svc-idbroker']);
    }
    assert.ok(svc.openldap.healthcheck!.test.includes(ONPREM_PASSWORDS['svc-idbroker']));
  });

  it('has roles whose trust policies admit the SAML provider, the OIDC provider and each directory', () => {
    const samlArn = `arn:aws:iam::111122223333:saml-provider/${config.identityProviders.saml[0].name}`;
    const oidcArn = `arn:aws:iam::111122223333:oidc-provider/${new URL(issuer).host}${new URL(issuer).pathname}`;
    const principals = config.roles.flatMap((r) => statements(r).map((s) => JSON.stringify([s.Principal, s.Action, s.Condition])));
    const has = (...parts: string[]) => principals.some((p) => parts.every((x) => p.includes(x)));
    assert.ok(has(samlArn, 'sts:AssumeRoleWithSAML', `${publicUrl}/saml/acs`));
    assert.ok(has(oidcArn, 'sts:AssumeRoleWithWebIdentity', `${new URL(issuer).host}${new URL(issuer).pathname}:aud`, realm.clients.find((c: { protocol: string }) => c.protocol === 'openid-connect').clientId));
    for (const d of config.directories) assert.ok(has(`directory/${d.id}`, 'sts:AssumeRoleWithLDAPIdentity'), d.id);
  });
});

describe('deploy/keycloak', () => {
  const saml = realm.clients.find((c: { protocol: string }) => c.protocol === 'saml');
  const oidc = realm.clients.find((c: { protocol: string }) => c.protocol === 'openid-connect');

  it('the realm has a SAML client for the broker SP, with the AWS Role and RoleSessionName attributes', () => {
    assert.equal(saml.clientId, `${publicUrl}/saml/metadata`); // the SP entity id = the audience the broker requires
    assert.equal(saml.attributes.saml_assertion_consumer_url_post, `${publicUrl}/saml/acs`);
    assert.ok(saml.redirectUris.includes(`${publicUrl}/saml/acs`));
    assert.equal(saml.attributes['saml.client.signature'], 'false', 'the SP key is generated at first start: AuthnRequest signatures cannot be pinned in advance');
    assert.ok(saml.attributes['saml.server.signature'] === 'true' || saml.attributes['saml.assertion.signature'] === 'true');
    const mapper = (name: string) => saml.protocolMappers.find((m: { config: Record<string, string> }) => m.config['attribute.name'] === name);
    assert.equal(mapper('https://aws.amazon.com/SAML/Attributes/Role')?.protocolMapper, 'saml-role-list-mapper');
    assert.equal(mapper('https://aws.amazon.com/SAML/Attributes/RoleSessionName')?.protocolMapper, 'saml-user-property-mapper');
    assert.equal(saml.fullScopeAllowed, false, 'only the client roles (role-arn,provider-arn) reach the Role attribute');
    // each client role is "role-arn,provider-arn" naming a declared role whose trust policy admits the provider
    const samlArn = `arn:aws:iam::111122223333:saml-provider/${config.identityProviders.saml[0].name}`;
    const roles = realm.roles.client[saml.clientId] as { name: string }[];
    assert.ok(roles.length > 0);
    for (const { name } of roles) {
      const [roleArn, providerArn] = name.split(',');
      assert.equal(providerArn, samlArn);
      const role = config.roles.find((r) => roleArn === `arn:aws:iam::111122223333:role/${r.name}`);
      assert.ok(role, `${roleArn} is declared`);
      assert.ok(statements(role).some((s) => JSON.stringify(s.Principal).includes(samlArn)), `${roleArn} trusts ${samlArn}`);
    }
  });

  it('the realm has an OIDC client with the broker callback, PKCE S256 and the secret the broker uses', () => {
    const provider = config.identityProviders.oidc[0];
    assert.equal(provider.url, issuer);
    assert.deepEqual(provider.clientIds, [oidc.clientId]);
    assert.ok(oidc.redirectUris.includes(`${publicUrl}/oidc/callback`));
    assert.equal(oidc.standardFlowEnabled, true);
    assert.equal(oidc.attributes['pkce.code.challenge.method'], 'S256');
    assert.equal(oidc.publicClient, false);
    assert.equal(provider.clientSecret, oidc.secret);
  });

  it('has a demo user with a password and the SAML roles', () => {
    const user = realm.users.find((u: { username: string }) => u.username === 'demo');
    assert.ok(user.enabled && user.email && user.firstName && user.lastName, 'no profile step at first sign-in');
    assert.equal(user.credentials[0].type, 'password');
    assert.ok(user.clientRoles[saml.clientId].length > 0);
  });

  it('the IdP metadata the broker reads matches the realm: entity id, SSO URL, signing certificate', () => {
    const file = hostPathOf(svc.broker1, config.identityProviders.saml[0].metadataFile!)!;
    const md = parseSamlMetadata(readFileSync(file, 'utf8'));
    assert.equal(md.entityId, issuer);
    assert.ok(md.ssoUrls.some((s) => s.location === `${issuer}/protocol/saml` && s.binding.endsWith('HTTP-Redirect')));
    const rsa = realm.components['org.keycloak.keys.KeyProvider'].find((k: { providerId: string }) => k.providerId === 'rsa');
    assert.deepEqual(md.signingCertificates, rsa.config.certificate);
    const cert = `-----BEGIN CERTIFICATE-----\n${rsa.config.certificate[0]}\n-----END CERTIFICATE-----\n`;
    const key = `-----BEGIN PRIVATE KEY-----\n${rsa.config.privateKey[0]}\n-----END PRIVATE KEY-----\n`;
    // the certificate is the private key's
    assert.ok(new X509Certificate(cert).publicKey.equals(createPublicKey(createPrivateKey(key))));
  });

  it('one Keycloak URL for the browser and the brokers: *.localhost, a network alias, the same port inside and out', () => {
    const url = new URL(kcUrl);
    assert.match(url.hostname, /\.localhost$/);
    assert.ok(svc.keycloak.networks?.default?.aliases?.includes(url.hostname));
    assert.equal(svc.keycloak.environment!.KC_HTTP_PORT, url.port);
    assert.ok(svc.keycloak.ports?.includes(`${url.port}:${url.port}`));
  });
});

describe('deploy/haproxy.cfg', () => {
  const backends = new Map<string, string[]>();
  let current: string | undefined;
  for (const line of haproxyCfg.split('\n').map((l) => l.trim())) {
    const section = /^(frontend|backend|listen|defaults|global|resolvers)\b\s*(\S*)/.exec(line);
    if (section) current = section[1] === 'backend' ? section[2] : undefined;
    const server = /^server\s+\S+\s+(\S+)/.exec(line);
    if (current && server) backends.set(current, [...(backends.get(current) ?? []), server[1]]);
  }
  const binds = [...haproxyCfg.matchAll(/^\s*bind\s+:(\d+)/gm)].map((m) => Number(m[1]));

  it('sends HTTP and every LDAP/LDAPS listener to both replicas, on ports the lb publishes', () => {
    const ports = [config.http.port, ...directoryPorts];
    for (const port of ports) {
      assert.ok(binds.includes(port), `haproxy binds :${port}`);
      assert.ok(svc.lb.ports?.includes(`${port}:${port}`), `lb publishes ${port}`);
      const backend = [...backends.values()].find((targets) => targets.some((t) => t.endsWith(`:${port}`)));
      assert.deepEqual(backend?.sort(), BROKERS.map((b) => `${b}:${port}`), `port ${port} → both replicas`);
    }
    assert.match(haproxyCfg, /option httpchk GET \/readyz/);
    assert.match(haproxyCfg, /mode tcp/);
  });
});

describe('deploy/openldap', () => {
  it('seeds the same on-prem tree the slapd tests use', () => {
    assert.equal(readFileSync(join(ROOT, 'deploy/openldap/onprem.ldif'), 'utf8'), readFileSync(ONPREM_LDIF, 'utf8'));
  });

  it('its slapd.conf loads the LDIF and lets the service account read users, not anonymous clients (real slapd)', { skip: slapdMissing() ?? false }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'deploy-slapd-'));
    const conf = join(dir, 'slapd.conf');
    const text = readFileSync(join(ROOT, 'deploy/openldap/slapd.conf'), 'utf8').replace('/var/lib/ldap/onprem', join(dir, 'db')).replaceAll('/run/slapd/', `${dir}/`);
    writeFileSync(conf, text);
    mkdirSync(join(dir, 'db'));
    execFileSync('/usr/sbin/slapadd', ['-q', '-f', conf, '-l', join(ROOT, 'deploy/openldap/onprem.ldif')]);
    const url = `ldap://127.0.0.1:${await freePort()}`;
    const slapd = spawn('/usr/sbin/slapd', ['-f', conf, '-h', `${url}/`, '-d', '0'], { stdio: 'ignore' });
    try {
      const search = async (bind?: [string, string]) => {
        for (let i = 0; ; i++) {
          const c = new Client({ url, timeout: 5000 });
          try {
            if (bind) await c.bind(...bind);
            return (await c.search('dc=onprem,dc=example,dc=com', { scope: 'sub', filter: '(uid=alice)' })).searchEntries.map((e) => e.dn);
          } catch (err) {
            if (i > 50 || !/ECONNREFUSED/.test(String((err as Error).message))) throw err;
            await new Promise((r) => setTimeout(r, 100));
          } finally {
            await c.unbind().catch(() => {});
          }
        }
      };
      const svcAccount = config.directories.find((d) => d.type === 'ad-connector')!;
      const { username, password } = (svcAccount as Extract<typeof svcAccount, { type: 'ad-connector' }>).upstream.serviceAccount;
      assert.deepEqual(await search([username, password]), ['uid=alice,ou=People,dc=onprem,dc=example,dc=com']);
      await assert.rejects(search(), /NoSuchObject/); // anonymous: slapd hides the tree
    } finally {
      slapd.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
