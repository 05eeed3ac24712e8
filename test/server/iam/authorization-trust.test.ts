// The authorization table's unsigned STS rows (AssumeRoleWithSAML, AssumeRoleWithWebIdentity,
// AssumeRoleWithLDAPIdentity), decided by the role's trust policy: every key of the row, the role's own tags
// (aws:ResourceTag/*, iam:ResourceTag/*) included, reaches that evaluation. Each role lives under a path and is
// tagged protected=true; its trust policy allows the identity provider, and denies when EVERY key of the row has
// the expected value. The call must be AccessDenied, while the same call on an untagged twin succeeds.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { authorizationRow, rowKeys } from '../../../server/iam/authorization-table.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { startTestOp, type TestOp } from '../../fixtures/oidc/test-op.ts';
import { idpMetadata, samlResponse } from '../sts/saml/test-idp.ts';

const ACCT = '111122223333';
const SAML = `arn:aws:iam::${ACCT}:saml-provider/TrustIdP`;
const DS = `arn:aws:ds:us-east-1:${ACCT}:directory/d-1000000002`;
const A = 'https://aws.amazon.com/SAML/Attributes/';
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const role = (name: string) => `arn:aws:iam::${ACCT}:role/fed/${name}`;
const roleTags: Record<string, string | string[]> = { 'aws:ResourceTag/protected': 'true', 'iam:ResourceTag/protected': 'true' };

/** Allows the provider; denies when every key has its value (lists: ForAnyValue). */
function trust(federated: string, action: string, keys: Record<string, string | string[]>): string {
  const single = Object.fromEntries(Object.entries(keys).filter(([, v]) => !Array.isArray(v)));
  const multi = Object.fromEntries(Object.entries(keys).filter(([, v]) => Array.isArray(v)));
  return doc(
    { Effect: 'Allow', Principal: { Federated: federated }, Action: [action, 'sts:TagSession', 'sts:SetSourceIdentity'] },
    { Effect: 'Deny', Principal: { Federated: federated }, Action: action, Condition: { StringEquals: single, ...(Object.keys(multi).length ? { 'ForAnyValue:StringEquals': multi } : {}) } },
  );
}

/** A concrete key is an instance of a row key (aws:RequestTag/team of aws:RequestTag/${TagKey}, saml:sub of saml:*). */
const instanceOf = (concrete: string, rowKey: string) =>
  rowKey.endsWith('/${TagKey}') ? concrete.startsWith(rowKey.slice(0, -'${TagKey}'.length)) : rowKey.endsWith('*') ? concrete.startsWith(rowKey.slice(0, -1)) : concrete === rowKey;

describe('the authorization table, trust-decided STS actions: every key of the row reaches the trust policy', () => {
  let op: TestOp;
  let b: TestBroker;
  let oidc: string;
  const keys: Record<string, Record<string, string | string[]>> = {};

  before(async () => {
    op = await startTestOp();
    oidc = `arn:aws:iam::${ACCT}:oidc-provider/${op.hostId}`;
    keys['sts:AssumeRoleWithSAML'] = {
      ...roleTags,
      'sts:RoleSessionName': 'alice',
      'sts:SourceIdentity': 'alice-src',
      'aws:RequestTag/team': 'red',
      'aws:TagKeys': ['team'],
      'sts:TransitiveTagKeys': ['team'],
      'aws:FederatedProvider': SAML,
      'saml:sub': 'alice@example.test',
    };
    keys['sts:AssumeRoleWithWebIdentity'] = {
      ...roleTags,
      'sts:RoleSessionName': 'alice',
      'sts:SourceIdentity': 'alice-src',
      'aws:RequestTag/team': 'red',
      'aws:TagKeys': ['team'],
      'sts:TransitiveTagKeys': ['team'],
      'aws:FederatedProvider': oidc,
    };
    keys['sts:AssumeRoleWithLDAPIdentity'] = { ...roleTags, 'aws:RequestTag/team': 'red', 'aws:TagKeys': ['team'] };
    const roles = (name: string, federated: string, action: string) =>
      [
        `  - { name: ${name}, path: /fed/, tags: { protected: "true" }, trustPolicy: ${trust(federated, action, keys[`sts:${action.split(':')[1]}`])} }`,
        `  - { name: ${name}Open, path: /fed/, trustPolicy: ${trust(federated, action, keys[`sts:${action.split(':')[1]}`])} }`,
      ].join('\n');
    b = await startTestBroker({
      yaml: `
identityProviders:
  saml:
    - name: TrustIdP
      metadata: ${JSON.stringify(idpMetadata())}
  oidc:
    - url: ${op.issuer}
      clientIds: [idbroker]
directories:
  - id: d-1000000002
    type: simple-ad
    dnsName: trust.example.com
    netbiosName: TRUST
    ldap: { host: 127.0.0.1, port: 0 }
    adminPassword: "Adm1n-Passw0rd!"
    sessionTags: { team: department }
    seed:
      users:
        - { username: alice, password: "Al1ce-Passw0rd!", attributes: { department: red } }
roles:
${roles('Saml', SAML, 'sts:AssumeRoleWithSAML')}
${roles('Web', oidc, 'sts:AssumeRoleWithWebIdentity')}
${roles('Ldap', DS, 'sts:AssumeRoleWithLDAPIdentity')}
`,
    });
  });
  after(async () => {
    await b?.destroy();
    await op?.close();
  });

  it("each case names every key of its row (the row's keys with the role's)", () => {
    for (const [name, given] of Object.entries(keys)) {
      const rowKeyList = rowKeys(authorizationRow(name)!);
      for (const g of Object.keys(given)) assert.ok(rowKeyList.some((k) => instanceOf(g, k)), `${name}: ${g} is not in the row`);
      for (const k of rowKeyList) if (k !== 'saml:*' || name.endsWith('SAML')) assert.ok(Object.keys(given).some((g) => instanceOf(g, k)), `${name}: the case lacks ${k}`);
    }
  });

  const unsigned = (body: Record<string, string>) => sendQuery(b.httpUrl, new URLSearchParams({ Version: '2011-06-15', ...body }).toString(), undefined);
  const code = (text: string) => /<Code>([^<]+)<\/Code>/.exec(text)?.[1];

  it('AssumeRoleWithSAML: denied on the protected role, allowed on its twin', async () => {
    const saml = async (name: string) => {
      const sp = { spEntityId: `${b.publicUrl}/saml/metadata`, acsUrl: `${b.publicUrl}/saml/acs` };
      const attributes = { [`${A}Role`]: [`${role(name)},${SAML}`], [`${A}RoleSessionName`]: ['alice'], [`${A}SourceIdentity`]: ['alice-src'], [`${A}PrincipalTag:team`]: ['red'], [`${A}TransitiveTagKeys`]: ['team'] };
      return unsigned({ Action: 'AssumeRoleWithSAML', RoleArn: role(name), PrincipalArn: SAML, SAMLAssertion: await samlResponse({ ...sp, nameId: 'alice@example.test', attributes }) });
    };
    const denied = await saml('Saml');
    assert.equal(denied.status, 403, denied.text);
    assert.equal(code(denied.text), 'AccessDenied');
    const allowed = await saml('SamlOpen');
    assert.equal(allowed.status, 200, allowed.text);
  });

  it('AssumeRoleWithWebIdentity: denied on the protected role, allowed on its twin', async () => {
    const now = Math.floor(Date.now() / 1000);
    const web = async (name: string) =>
      unsigned({
        Action: 'AssumeRoleWithWebIdentity',
        RoleArn: role(name),
        RoleSessionName: 'alice',
        WebIdentityToken: await op.sign({
          iss: op.issuer,
          sub: 'alice',
          aud: 'idbroker',
          iat: now,
          exp: now + 600,
          'https://aws.amazon.com/source_identity': 'alice-src',
          'https://aws.amazon.com/tags': { principal_tags: { team: ['red'] }, transitive_tag_keys: ['team'] },
        }),
      });
    const denied = await web('Web');
    assert.equal(denied.status, 403, denied.text);
    assert.equal(code(denied.text), 'AccessDenied');
    const allowed = await web('WebOpen');
    assert.equal(allowed.status, 200, allowed.text);
  });

  it('AssumeRoleWithLDAPIdentity: denied on the protected role, allowed on its twin', async () => {
    const ldap = (name: string) => unsigned({ Action: 'AssumeRoleWithLDAPIdentity', RoleArn: role(name), LDAPUsername: 'alice', LDAPPassword: 'Al1ce-Passw0rd!' });
    const denied = await ldap('Ldap');
    assert.equal(denied.status, 403, denied.text);
    assert.equal(code(denied.text), 'AccessDenied');
    const allowed = await ldap('LdapOpen');
    assert.equal(allowed.status, 200, allowed.text);
  });
});
