// What the config file declares is applied at start, idempotently, in one transaction.
import { it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetPolicyCommand, GetRoleCommand, ListAttachedUserPoliciesCommand, ListOpenIDConnectProvidersCommand, ListPolicyVersionsCommand, ListSAMLProvidersCommand } from '@aws-sdk/client-iam';
import { startTestBroker } from '../../helpers/broker.ts';
import { client } from '../../contracts/iam-api.ts';
import { ConfigApplyError } from '../../../server/iam/apply-config.ts';

const metadata = `<EntityDescriptor xmlns="urn:oasis:names:tc:SAML:2.0:metadata" entityID="https://idp.example.com/saml"><IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol"><KeyDescriptor use="signing"><KeyInfo xmlns="http://www.w3.org/2000/09/xmldsig#"><X509Data><X509Certificate>${'A'.repeat(800)}</X509Certificate></X509Data></KeyInfo></KeyDescriptor><SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-POST" Location="https://idp.example.com/sso"/></IDPSSODescriptor></EntityDescriptor>`;

const yaml = (doc: string, trustAction = 'sts:AssumeRole') => `
policies:
  - name: Deploy
    document: ${doc}
users:
  - name: ci
    policies: [arn:aws:iam::111122223333:policy/Deploy]
roles:
  - name: Engineers
    maxSessionDuration: 7200
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { Federated: "arn:aws:iam::111122223333:saml-provider/okta" }, Action: "${trustAction}" }] }
identityProviders:
  saml: [{ name: okta, metadata: ${JSON.stringify(metadata)} }]
  oidc: [{ url: "https://keycloak.example.com:8443/realms/corp", clientIds: [idbroker] }]
`;

const DOC1 = '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:*", Resource: "*" }] }';
const DOC2 = '{ Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "s3:Get*", Resource: "*" }] }';

it('applies declared policies, users, roles and providers, and re-applies changes idempotently', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-apply-'));
  try {
    let b = await startTestBroker({ dataDir, yaml: yaml(DOC1) });
    let iam = client(b);
    assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'Engineers' }))).Role?.MaxSessionDuration, 7200);
    assert.deepEqual((await iam.send(new ListAttachedUserPoliciesCommand({ UserName: 'ci' }))).AttachedPolicies?.map((p) => p.PolicyName), ['Deploy']);
    assert.deepEqual((await iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList?.map((p) => p.Arn), ['arn:aws:iam::111122223333:saml-provider/okta']);
    assert.deepEqual((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList?.map((p) => p.Arn), ['arn:aws:iam::111122223333:oidc-provider/keycloak.example.com:8443/realms/corp']);
    const roleId = (await iam.send(new GetRoleCommand({ RoleName: 'Engineers' }))).Role?.RoleId;
    iam.destroy();
    await b.close();

    // same file again: nothing changes; a changed document becomes a new default version
    b = await startTestBroker({ dataDir, yaml: yaml(DOC2, 'sts:AssumeRoleWithSAML') });
    iam = client(b);
    assert.equal((await iam.send(new GetRoleCommand({ RoleName: 'Engineers' }))).Role?.RoleId, roleId);
    assert.match(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: 'Engineers' }))).Role?.AssumeRolePolicyDocument ?? ''), /AssumeRoleWithSAML/);
    const arn = 'arn:aws:iam::111122223333:policy/Deploy';
    assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId, 'v2');
    assert.deepEqual((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions?.map((v) => v.VersionId), ['v2', 'v1']);
    iam.destroy();
    await b.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

it('a declaration the policy engine refuses stops the start with its path, and nothing is written', async () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'idbroker-apply-'));
  try {
    const bad = `
policies:
  - name: Good
    document: ${DOC1}
roles:
  - name: NoPrincipal
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole", Condition: { StringEqualsTypo: { "sts:ExternalId": "x" } } }] }
`;
    await assert.rejects(startTestBroker({ dataDir, yaml: bad }), (e: Error) => e instanceof ConfigApplyError && /^roles\[0\]\.trustPolicy: /.test(e.message));
    const b = await startTestBroker({ dataDir });
    const iam = client(b);
    await assert.rejects(iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::111122223333:policy/Good' })), (e: Error) => e.name.startsWith('NoSuchEntity'));
    iam.destroy();
    await b.close();
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});
