// The shared "verified identity → roles" decisions: which federated principal a role sees, trust policies
// for directory, SAML and OIDC identities (provider account, conditions, sts:TagSession for tags), and
// the session that issueRoleCredentials mints.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import type { RoleData } from '../../../server/iam/model.ts';
import { KeyRing, newKey } from '../../../server/keys/keyring.ts';
import type { VerifiedIdentity } from '../../../server/contracts/identity.ts';
import { federatedPrincipal, issueRoleCredentials, trustAllows } from '../../../server/sts/verified-identity.ts';

const A = '111122223333';
const env = { region: 'us-east-1', now: new Date('2026-01-01T00:00:00Z'), sourceIp: '127.0.0.1', secureTransport: true };
const role = (name: string, statements: unknown[], account = A): RoleData => ({
  name,
  id: `AROA${name.toUpperCase().padEnd(17, 'X')}`,
  path: '/',
  arn: `arn:aws:iam::${account}:role/${name}`,
  createDate: '2026-01-01T00:00:00Z',
  tags: [],
  maxSessionDuration: 3600,
  assumeRolePolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }),
});

const alice: VerifiedIdentity = {
  source: 'directory',
  provider: 'd-1000000001',
  subject: 'CN=alice,CN=Users,DC=corp,DC=example,DC=com',
  displayName: 'CORP\\alice',
  sessionName: 'alice',
  claims: { 'ds:DirectoryId': 'd-1000000001', 'ds:Username': 'alice', 'ds:Groups': ['Domain Users', 'engineers'] },
  authTime: 1767225600,
};
const DS = `arn:aws:ds:us-east-1:${A}:directory/d-1000000001`;
const SAML = `arn:aws:iam::${A}:saml-provider/okta`;
const bob: VerifiedIdentity = { source: 'saml', provider: SAML, subject: 'bob@example.com', displayName: 'bob@example.com', sessionName: 'bob@example.com', claims: { 'saml:sub': 'bob@example.com' }, authTime: 1767225600 };

describe('verified identity → roles', () => {
  it('a directory identity is the directory ARN in the role account; SAML/OIDC only in their provider account', () => {
    assert.deepEqual(federatedPrincipal(alice, '444455556666', 'eu-west-1'), { type: 'WebIdentity', arn: 'arn:aws:ds:eu-west-1:444455556666:directory/d-1000000001', account: '444455556666' });
    assert.deepEqual(federatedPrincipal(bob, A, 'us-east-1'), { type: 'SAMLUser', arn: SAML, account: A });
    assert.equal(federatedPrincipal(bob, '444455556666', 'us-east-1'), undefined);
  });

  it('evaluates the trust policy with the identity claims, the action of its source and the provider', () => {
    const engineers = role('Eng', [{ Effect: 'Allow', Principal: { Federated: DS }, Action: 'sts:AssumeRoleWithLDAPIdentity', Condition: { 'ForAnyValue:StringEquals': { 'ds:Groups': 'engineers' } } }]);
    const admins = role('Adm', [{ Effect: 'Allow', Principal: { Federated: DS }, Action: 'sts:AssumeRoleWithLDAPIdentity', Condition: { 'ForAnyValue:StringEquals': { 'ds:Groups': 'admins' } } }]);
    const otherDirectory = role('Other', [{ Effect: 'Allow', Principal: { Federated: `arn:aws:ds:us-east-1:${A}:directory/d-2000000002` }, Action: 'sts:AssumeRoleWithLDAPIdentity' }]);
    const samlRole = role('Saml', [{ Effect: 'Allow', Principal: { Federated: SAML }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'saml:sub': 'bob@example.com' } } }]);
    assert.equal(trustAllows(alice, engineers, A, env), true);
    assert.equal(trustAllows(alice, admins, A, env), false);
    assert.equal(trustAllows(alice, otherDirectory, A, env), false);
    assert.equal(trustAllows(alice, samlRole, A, env), false, 'wrong action and provider');
    assert.equal(trustAllows(bob, samlRole, A, env), true);
    assert.equal(trustAllows({ ...bob, claims: { 'saml:sub': 'eve@example.com' } }, samlRole, A, env), false);
    assert.equal(trustAllows(bob, engineers, A, env), false);
  });

  it('an identity with session tags also needs sts:TagSession, with the tags as aws:RequestTag', () => {
    const tagged = { ...alice, tags: [{ Key: 'department', Value: 'Engineering' }] };
    const noTagSession = role('NoTags', [{ Effect: 'Allow', Principal: { Federated: DS }, Action: 'sts:AssumeRoleWithLDAPIdentity' }]);
    const tagSession = role('Tags', [{ Effect: 'Allow', Principal: { Federated: DS }, Action: ['sts:AssumeRoleWithLDAPIdentity', 'sts:TagSession'], Condition: { StringEquals: { 'aws:RequestTag/department': 'Engineering' } } }]);
    assert.equal(trustAllows(alice, noTagSession, A, env), true);
    assert.equal(trustAllows(tagged, noTagSession, A, env), false);
    assert.equal(trustAllows(tagged, tagSession, A, env), true);
    assert.equal(trustAllows({ ...alice, tags: [{ Key: 'department', Value: 'Sales' }] }, tagSession, A, env), false);
  });

  it('issues a session for the role with the provider, claims, tags and MFA of the identity', async () => {
    const keys = new KeyRing([newKey()]);
    const r = role('Eng', []);
    const issued = await issueRoleCredentials(keys, { ...alice, mfa: true, tags: [{ Key: 'team', Value: 'core' }], transitiveTagKeys: ['team'] }, r, A, { region: 'us-east-1', now: env.now, durationSeconds: 900 });
    assert.equal(issued.sessionArn, `arn:aws:sts::${A}:assumed-role/Eng/alice`);
    assert.equal(issued.provider, DS);
    assert.equal(issued.session.expiresAt - issued.session.issuedAt, 900);
    assert.equal(issued.session.userId, `${r.id}:alice`);
    assert.deepEqual(issued.session.federation, { provider: DS, claims: alice.claims });
    assert.deepEqual(issued.session.tags, [{ Key: 'team', Value: 'core' }]);
    assert.deepEqual(issued.session.transitiveTagKeys, ['team']);
    assert.deepEqual(issued.session.mfa, { authTime: alice.authTime });
    const named = await issueRoleCredentials(keys, alice, r, A, { region: 'us-east-1', now: env.now, durationSeconds: 900, sessionName: 'laptop' });
    assert.equal(named.sessionArn, `arn:aws:sts::${A}:assumed-role/Eng/laptop`);
    assert.equal(named.session.mfa, undefined);
  });
});
