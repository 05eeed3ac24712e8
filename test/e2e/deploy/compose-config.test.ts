// The docker compose demo's broker config (deploy/idbroker.yaml) run for real, without Docker: two replicas on one
// PostgreSQL database and one data directory (as broker1/broker2 share the `brokerdata` volume), with the compose
// environment, and the container addresses swapped for loopback ones (a real slapd loaded with
// deploy/openldap/onprem.ldif for `openldap`, free ports for the listeners). Shows what `docker compose up` should:
// the managed-ad trust verified, a directory login for each directory kind, a SAML response signed with the demo
// realm's key accepted through the mounted metadata file, and credentials minted by one replica accepted by the other.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { Client } from 'ldapts';
import { startBroker, type Broker } from '../../../server/main.ts';
import { sendQuery, type Creds } from '../../helpers/aws-signer.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';
import { ROOT } from '../../helpers/process.ts';
import { composeFile, localDeployConfig } from '../../helpers/deploy-config.ts';
import { ONPREM_PASSWORDS, slapdMissing, startSlapd, type Slapd } from '../../helpers/slapd.ts';
import { samlResponse } from '../../server/sts/saml/test-idp.ts';

const compose = composeFile();
const realm = JSON.parse(readFileSync(join(ROOT, 'deploy/keycloak/realm-idbroker.json'), 'utf8'));
const ACCT = '111122223333';
const A = 'https://aws.amazon.com/SAML/Attributes/';
const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]+)</${name}>`).exec(xml)?.[1];

describe('deploy/idbroker.yaml on loopback: two replicas, PostgreSQL, slapd as the on-prem AD', { skip: slapdMissing() ?? false }, () => {
  let slapd: Slapd;
  let drop: () => Promise<void>;
  let dataDir: string;
  const brokers: Broker[] = [];
  const ldapPorts = new Map<number, number>(); // port in deploy/idbroker.yaml → loopback port of replica 1

  before(async () => {
    slapd = await startSlapd({ ldif: join(ROOT, 'deploy/openldap/onprem.ldif') });
    const db = await createTestDatabase('idbroker_deploy');
    drop = db.drop;
    dataDir = mkdtempSync(join(tmpdir(), 'idbroker-deploy-'));
    for (let i = 0; i < 2; i++) {
      const { config, ports } = await localDeployConfig({ upstreamUrl: slapd.url, dataDir, postgres: db.url, service: `broker${i + 1}` });
      if (i === 0) for (const [k, v] of ports) ldapPorts.set(k, v);
      const env = compose.services[`broker${i + 1}`].environment!;
      brokers.push(await startBroker({ config, logger: pino({ level: 'silent' }), print: () => {}, env }));
    }
  });
  after(async () => {
    for (const b of brokers) await b.close();
    await drop?.();
    await slapd?.destroy();
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });

  const assumeLdap = (b: Broker, directory: string, role: string, user: string, password: string) =>
    sendQuery(b.httpUrl, `Action=AssumeRoleWithLDAPIdentity&Version=2011-06-15&DirectoryId=${directory}&RoleArn=${encodeURIComponent(`arn:aws:iam::${ACCT}:role/${role}`)}&LDAPUsername=${encodeURIComponent(user)}&LDAPPassword=${encodeURIComponent(password)}`, undefined);
  const credsOf = (xml: string): Creds => ({ accessKeyId: tag(xml, 'AccessKeyId')!, secretAccessKey: tag(xml, 'SecretAccessKey')!, sessionToken: tag(xml, 'SessionToken')! });
  const callerOn = async (b: Broker, creds: Creds) => {
    const r = await sendQuery(b.httpUrl, 'Action=GetCallerIdentity&Version=2011-06-15', creds, { service: 'sts' });
    assert.equal(r.status, 200, r.text);
    return tag(r.text, 'Arn');
  };

  it('both replicas are ready and verify the managed-ad trust to the on-prem domain', async () => {
    for (const b of brokers) {
      const deadline = Date.now() + 30_000;
      for (;;) {
        const r = (await (await fetch(`${b.httpUrl}/readyz`)).json()) as { status: string; directories: { id: string; trusts?: { status: string }[] }[] };
        assert.equal(r.status, 'ready');
        const trust = r.directories.find((d) => d.id === 'd-1000000003')?.trusts?.[0];
        if (trust?.status === 'verified') break;
        if (Date.now() > deadline) throw new Error(`trust not verified: ${JSON.stringify(r)}`);
        await new Promise((res) => setTimeout(res, 200));
      }
    }
  });

  it('each directory kind logs its users in to the demo roles; credentials from one replica work on the other', async () => {
    const cases: Array<[string, string, string, string, string]> = [
      ['d-1000000001', 'Developers', 'dave', 'Dave-Pass-1', 'dave'], // simple-ad, seeded user
      ['d-1000000002', 'OnPremStaff', 'alice', ONPREM_PASSWORDS.alice, 'alice'], // ad-connector: alice ∈ engineers ∈ staff
      ['d-1000000003', 'CloudEngineers', 'alice@onprem.example.com', ONPREM_PASSWORDS.alice, 'alice'], // managed-ad through the trust
      ['d-1000000003', 'CloudEngineers', 'erin', 'Erin-Pass-1', 'erin'], // managed-ad, local user
    ];
    for (const [dir, role, user, password, session] of cases) {
      const r = await assumeLdap(brokers[0], dir, role, user, password);
      assert.equal(r.status, 200, `${dir} ${user}: ${r.text}`);
      assert.equal(await callerOn(brokers[1], credsOf(r.text)), `arn:aws:sts::${ACCT}:assumed-role/${role}/${session}`);
    }
    const refused = await assumeLdap(brokers[1], 'd-1000000002', 'OnPremStaff', 'carol', ONPREM_PASSWORDS.carol); // carol is not in staff
    assert.equal(refused.status, 403, refused.text);
  });

  it('binds on-prem users through the connector and the trust over LDAP', async () => {
    for (const [port, name] of [[2389, 'ONPREM\\bob'], [3389, 'ONPREM\\bob']] as const) {
      const c = new Client({ url: `ldap://127.0.0.1:${ldapPorts.get(port)}`, timeout: 10_000 });
      await c.bind(name, ONPREM_PASSWORDS.bob);
      await c.unbind();
    }
  });

  it('accepts a SAML response signed with the demo realm key, as Keycloak sends it, for each role its Role attribute names', async () => {
    const rsa = realm.components['org.keycloak.keys.KeyProvider'].find((k: { providerId: string }) => k.providerId === 'rsa');
    const pem = (label: string, body: string) => `-----BEGIN ${label}-----\n${body.match(/.{1,64}/g)!.join('\n')}\n-----END ${label}-----\n`;
    const signWith = { privateKey: pem('PRIVATE KEY', rsa.config.privateKey[0]), certificate: pem('CERTIFICATE', rsa.config.certificate[0]) };
    const saml = realm.clients.find((c: { protocol: string }) => c.protocol === 'saml');
    const publicUrl = 'http://127.0.0.1:8080';
    const issuer = `${compose.services.keycloak.environment!.KC_HOSTNAME}/realms/${realm.realm}`;
    const roles = (realm.roles.client[saml.clientId] as { name: string }[]).map((r) => r.name);
    for (const [i, pair] of roles.entries()) {
      const [roleArn, providerArn] = pair.split(',');
      const response = await samlResponse({
        spEntityId: saml.clientId,
        acsUrl: saml.attributes.saml_assertion_consumer_url_post,
        nameId: 'demo',
        nameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified',
        attributes: { [`${A}Role`]: roles, [`${A}RoleSessionName`]: ['demo'] },
        values: { Issuer: issuer },
        sign: 'both',
        signWith,
      });
      const b = brokers[i % 2];
      const r = await sendQuery(b.httpUrl, `Action=AssumeRoleWithSAML&Version=2011-06-15&RoleArn=${encodeURIComponent(roleArn)}&PrincipalArn=${encodeURIComponent(providerArn)}&SAMLAssertion=${encodeURIComponent(response)}`, undefined);
      assert.equal(r.status, 200, `${pair}: ${r.text}`);
      assert.equal(tag(r.text, 'Audience'), `${publicUrl}/saml/acs`);
      assert.equal(await callerOn(brokers[(i + 1) % 2], credsOf(r.text)), `arn:aws:sts::${ACCT}:assumed-role/${roleArn.split('/')[1]}/demo`);
    }
  });
});
