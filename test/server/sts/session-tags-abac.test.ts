// Session tags from identity attributes (ABAC), end to end: a SAML provider (samlify-signed responses), an OIDC
// provider (oidc-provider's key) and a simple-ad directory each declare `sessionTags` in the config; a role is
// assumed through each of the three STS actions, and the tags must take effect: the role's policy allows
// iam:ListRoles only with `aws:PrincipalTag/department = Engineering`, and a chained AssumeRole is trusted only
// with `aws:PrincipalTag/costCenter = 42` (whose session then still has the transitive `department`).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { AssumeRoleCommand, AssumeRoleWithSAMLCommand, AssumeRoleWithWebIdentityCommand, STSClient, type Credentials } from '@aws-sdk/client-sts';
import { rejectsWith } from '../../contracts/iam-api.ts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { startTestOp, type TestOp } from '../../fixtures/oidc/test-op.ts';
import { idpMetadata, samlResponse } from './saml/test-idp.ts';

const ACCT = '111122223333';
const role = (n: string) => `arn:aws:iam::${ACCT}:role/${n}`;
const SAML = `arn:aws:iam::${ACCT}:saml-provider/TagIdP`;
const DS = `arn:aws:ds:us-east-1:${ACCT}:directory/d-1000000001`;
const A = 'https://aws.amazon.com/SAML/Attributes/';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const ABAC = doc(
  { Effect: 'Allow', Action: 'iam:ListRoles', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/department': 'Engineering' } } },
  { Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' },
);
const federated = (principal: string, action: string) => doc({ Effect: 'Allow', Principal: { Federated: principal }, Action: [action, 'sts:TagSession'] });

describe('session tags from identity attributes (ABAC)', () => {
  let op: TestOp;
  let b: TestBroker;
  let sts: STSClient;
  let sp: { spEntityId: string; acsUrl: string };
  const clients: Array<{ destroy(): void }> = [];
  const creds = (c: Credentials) => ({ accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken });
  const iam = (c: Credentials) => {
    const x = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: creds(c), maxAttempts: 1 });
    clients.push(x);
    return x;
  };
  /** The tags took effect: ListRoles is allowed by department, the chained role trusts costCenter, and the
   *  chained session keeps the transitive department. */
  async function provesTags(c: Credentials): Promise<void> {
    await iam(c).send(new ListRolesCommand({}));
    const chainer = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: creds(c), maxAttempts: 1 });
    clients.push(chainer);
    const chained = (await chainer.send(new AssumeRoleCommand({ RoleArn: role('TagChained'), RoleSessionName: 'next' }))).Credentials!;
    await iam(chained).send(new ListRolesCommand({}));
  }
  async function refusedByTags(c: Credentials): Promise<void> {
    await rejectsWith(iam(c).send(new ListRolesCommand({})), 'AccessDenied', 403);
  }

  before(async () => {
    op = await startTestOp();
    const oidc = `arn:aws:iam::${ACCT}:oidc-provider/${op.hostId}`;
    b = await startTestBroker({
      yaml: `
identityProviders:
  saml:
    - name: TagIdP
      metadata: ${JSON.stringify(idpMetadata())}
      sessionTags: { department: department, costCenter: "urn:oid:2.16.840.1.113730.3.1.3" }
      transitiveTagKeys: [department]
  oidc:
    - url: ${op.issuer}
      clientIds: [idbroker]
      sessionTags: { department: dept, costCenter: cost_center }
      transitiveTagKeys: [department]
directories:
  - id: d-1000000001
    type: simple-ad
    dnsName: corp.example.com
    netbiosName: CORP
    ldap: { host: 127.0.0.1, port: 0 }
    adminPassword: "Adm1n-Passw0rd!"
    sessionTags: { department: department, costCenter: extensionAttribute1, groups: "ds:Groups" }
    transitiveTagKeys: [department]
    seed:
      groups: [{ name: engineers, members: [alice, bob, carol] }]
      users:
        - { username: alice, password: "Al1ce-Passw0rd!", attributes: { department: Engineering, extensionAttribute1: "42" } }
        - { username: bob, password: "B0b-Passw0rd!!", attributes: { department: Sales, extensionAttribute1: "42" } }
        - { username: carol, password: "Car0l-Passw0rd!", attributes: { department: "${'x'.repeat(300)}" } }
roles:
  - { name: TagSaml, trustPolicy: ${federated(SAML, 'sts:AssumeRoleWithSAML')}, inlinePolicies: { abac: ${ABAC} } }
  - { name: TagWeb, trustPolicy: ${federated(oidc, 'sts:AssumeRoleWithWebIdentity')}, inlinePolicies: { abac: ${ABAC} } }
  - { name: TagLdap, trustPolicy: ${federated(DS, 'sts:AssumeRoleWithLDAPIdentity')}, inlinePolicies: { abac: ${ABAC} } }
  - { name: NoTagSession, trustPolicy: ${doc({ Effect: 'Allow', Principal: { Federated: DS }, Action: 'sts:AssumeRoleWithLDAPIdentity' })} }
  - name: TagChained
    trustPolicy: ${doc({ Effect: 'Allow', Principal: { AWS: [role('TagSaml'), role('TagWeb'), role('TagLdap')] }, Action: 'sts:AssumeRole', Condition: { StringEquals: { 'aws:PrincipalTag/costCenter': '42' } } })}
    inlinePolicies: { abac: ${ABAC} }
`,
    });
    sp = { spEntityId: `${b.publicUrl}/saml/metadata`, acsUrl: `${b.publicUrl}/saml/acs` };
    sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
  });
  after(async () => {
    for (const c of clients) c.destroy();
    sts?.destroy();
    await b?.destroy();
    await op?.close();
  });

  describe('AssumeRoleWithSAML', () => {
    const saml = async (attributes: Record<string, string[]>) =>
      sts.send(
        new AssumeRoleWithSAMLCommand({
          RoleArn: role('TagSaml'),
          PrincipalArn: SAML,
          SAMLAssertion: await samlResponse({ ...sp, attributes: { [`${A}Role`]: [`${role('TagSaml')},${SAML}`], [`${A}RoleSessionName`]: ['alice'], ...attributes } }),
        }),
      );

    it('maps attributes to tags that policies and a chained trust policy see, beside PrincipalTag:* attributes', async () => {
      const out = await saml({ department: ['Engineering'], 'urn:oid:2.16.840.1.113730.3.1.3': ['42'], [`${A}PrincipalTag:team`]: ['blue'] });
      assert.ok(out.PackedPolicySize! > 0);
      await provesTags(out.Credentials!);
      await refusedByTags((await saml({ department: ['Sales'], 'urn:oid:2.16.840.1.113730.3.1.3': ['42'] })).Credentials!);
    });

    it('refuses a mapped key that the assertion also carries (ignoring case), and more than 50 tags in all', async () => {
      await rejectsWith(saml({ department: ['Engineering'], [`${A}PrincipalTag:Department`]: ['Sales'] }), 'InvalidIdentityToken', 400, /Duplicate tag keys found\. Please note that Tag keys are case insensitive/);
      const fifty = Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`${A}PrincipalTag:t${i}`, ['v']]));
      assert.ok((await saml(fifty)).Credentials, '50 asserted tags and no mapped attribute present: accepted');
      await rejectsWith(saml({ ...fifty, department: ['Engineering'] }), 'InvalidIdentityToken', 400, /Member must have length less than or equal to 50/);
    });
  });

  describe('AssumeRoleWithWebIdentity', () => {
    const now = () => Math.floor(Date.now() / 1000);
    const web = async (claims: Record<string, unknown>) =>
      sts.send(
        new AssumeRoleWithWebIdentityCommand({
          RoleArn: role('TagWeb'),
          RoleSessionName: 'alice',
          WebIdentityToken: await op.sign({ iss: op.issuer, sub: 'alice', aud: 'idbroker', iat: now(), exp: now() + 600, ...claims }),
        }),
      );

    it('maps claims (a number too) to tags that take effect', async () => {
      await provesTags((await web({ dept: 'Engineering', cost_center: 42 })).Credentials!);
      await refusedByTags((await web({ dept: 'Sales', cost_center: 42 })).Credentials!);
    });

    it('refuses an oversized value and a key the tags claim also sets', async () => {
      await rejectsWith(web({ dept: 'x'.repeat(257) }), 'InvalidIdentityToken', 400, /'tags\.1\.member\.value' failed to satisfy constraint: Member must have length less than or equal to 256/);
      await rejectsWith(web({ dept: 'Engineering', 'https://aws.amazon.com/tags': { principal_tags: { DEPARTMENT: ['Sales'] } } }), 'InvalidIdentityToken', 400, /Duplicate tag keys found/);
    });
  });

  describe('AssumeRoleWithLDAPIdentity', () => {
    const ldap = (user: string, password: string, roleName = 'TagLdap') =>
      sendQuery(b.httpUrl, `Action=AssumeRoleWithLDAPIdentity&Version=2011-06-15&RoleArn=${encodeURIComponent(role(roleName))}&LDAPUsername=${user}&LDAPPassword=${encodeURIComponent(password)}`, undefined);
    const credentialsOf = (text: string): Credentials => ({
      AccessKeyId: /<AccessKeyId>(\w+)</.exec(text)![1],
      SecretAccessKey: /<SecretAccessKey>([^<]+)</.exec(text)![1],
      SessionToken: /<SessionToken>([^<]+)</.exec(text)![1],
      Expiration: undefined,
    });

    it('maps directory attributes and groups to tags that take effect', async () => {
      const alice = await ldap('alice', 'Al1ce-Passw0rd!');
      assert.equal(alice.status, 200, alice.text);
      assert.match(alice.text, /<PackedPolicySize>\d+<\/PackedPolicySize>/);
      await provesTags(credentialsOf(alice.text));
      const bob = await ldap('bob', 'B0b-Passw0rd!!');
      assert.equal(bob.status, 200, bob.text);
      await refusedByTags(credentialsOf(bob.text));
    });

    it('refuses an oversized attribute value, and tags when the trust policy lacks sts:TagSession', async () => {
      const carol = await ldap('carol', 'Car0l-Passw0rd!');
      assert.equal(carol.status, 400, carol.text);
      assert.match(carol.text, /<Code>ValidationError<\/Code>/);
      assert.match(carol.text, /Member must have length less than or equal to 256 \(session tag department: 300 characters\)/);
      const untagged = await ldap('alice', 'Al1ce-Passw0rd!', 'NoTagSession');
      assert.equal(untagged.status, 403, untagged.text);
    });
  });
});
