// The authorization table (server/iam/authorization-table.ts), action by action, against a running broker:
// every IAM and STS action the broker serves has a row and a case here (a new action without either fails), and
// for each case a caller allowed everything gets one Deny statement on exactly the expected resource ARN (the
// entity's real ARN, path included) whose Condition requires EVERY condition key of the row with its expected
// value. The call must be AccessDenied "on resource: <ARN> with an explicit deny": so the engine saw that ARN
// and every key of the row (conditions are ANDed; a missing key makes StringEquals false).
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AttachUserPolicyCommand, CreateAccessKeyCommand, CreateInstanceProfileCommand, CreatePolicyCommand, CreateRoleCommand, CreateSAMLProviderCommand, CreateOpenIDConnectProviderCommand, CreateUserCommand, CreateGroupCommand, CreateVirtualMFADeviceCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { LookupEvents } from '../../../server/audit/lookup-events.ts';
import { iamActions } from '../../../server/iam/actions/index.ts';
import { authorizationRow, authorizationRows, rowKeys } from '../../../server/iam/authorization-table.ts';
import { RevokeSessions } from '../../../server/sts/actions/revoke-sessions.ts';
import { stsActions } from '../../../server/sts/actions/index.ts';
import { signRequest } from '../../../server/sts/sigv4/index.ts';
import type { IamAction } from '../../../server/iam/action.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { postAuthorize } from '../../helpers/authorize.ts';
import { idpMetadata } from '../sts/saml/test-idp.ts';

const ACCT = '111122223333';
const arn = (rest: string) => `arn:aws:iam::${ACCT}:${rest}`;
const U = arn('user/admins/target');
const R = arn('role/svc/Target');
const G = arn('group/teams/devs');
const P = arn('policy/pol/Managed');
const B = arn('policy/bounds/Bound');
const SAML = arn('saml-provider/Idp');
const OIDC = arn('oidc-provider/oidc.example.com/tenant');
const MFA = arn('mfa/m/Token');
const IP = arn('instance-profile/hosts/ip');
const THUMB = 'a'.repeat(40);
const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const ALLOW = doc({ Effect: 'Allow', Action: 'iam:GetUser', Resource: '*' });
const TRUST = doc({ Effect: 'Allow', Principal: { AWS: arn('root') }, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'] });

type Values = Record<string, string | string[]>;
interface Case {
  /** Asked through POST /authorize by a service (iam:PassRole), with these request keys. */
  asked?: Values;
  /** The wire action called (default: the row's own name). */
  call?: string;
  params?: Record<string, string>;
  resource: string;
  /** Every key the row lists, instantiated (aws:RequestTag/team for aws:RequestTag/${TagKey}), with its value. */
  keys?: Values;
}

// Resource-type keys of the stored fixtures (all tagged owner=ops).
const principalTags: Values = { 'aws:ResourceTag/owner': 'ops', 'iam:ResourceTag/owner': 'ops' };
const resourceTags: Values = { 'aws:ResourceTag/owner': 'ops' };
const newTags = { 'Tags.member.1.Key': 'team', 'Tags.member.1.Value': 'red' };
const requestTags: Values = { 'aws:RequestTag/team': 'red', 'aws:TagKeys': ['team'] };
const boundary: Values = { 'iam:PermissionsBoundary': B };

const cases: Record<string, Case> = {
  'iam:CreateUser': { params: { UserName: 'newbie', Path: '/admins/', PermissionsBoundary: B, ...newTags }, resource: arn('user/admins/newbie'), keys: { ...boundary, ...requestTags } },
  'iam:GetUser': { params: { UserName: 'target' }, resource: U, keys: principalTags },
  'iam:ListUsers': { resource: '*' },
  'iam:UpdateUser': { params: { UserName: 'target', NewPath: '/elsewhere/' }, resource: U, keys: principalTags },
  'iam:DeleteUser': { params: { UserName: 'target' }, resource: U, keys: principalTags },
  'iam:CreateGroup': { params: { GroupName: 'g2', Path: '/teams/' }, resource: arn('group/teams/g2') },
  'iam:GetGroup': { params: { GroupName: 'devs' }, resource: G },
  'iam:ListGroups': { resource: '*' },
  'iam:ListGroupsForUser': { params: { UserName: 'target' }, resource: U, keys: principalTags },
  'iam:AddUserToGroup': { params: { GroupName: 'devs', UserName: 'target' }, resource: G },
  'iam:RemoveUserFromGroup': { params: { GroupName: 'devs', UserName: 'target' }, resource: G },
  'iam:DeleteGroup': { params: { GroupName: 'devs' }, resource: G },
  'iam:CreateRole': { params: { RoleName: 'r2', Path: '/svc/', AssumeRolePolicyDocument: TRUST, PermissionsBoundary: B, ...newTags }, resource: arn('role/svc/r2'), keys: { ...boundary, ...requestTags } },
  'iam:GetRole': { params: { RoleName: 'Target' }, resource: R, keys: principalTags },
  'iam:ListRoles': { resource: '*' },
  'iam:UpdateRole': { params: { RoleName: 'Target', Description: 'd' }, resource: R, keys: principalTags },
  'iam:UpdateRoleDescription': { params: { RoleName: 'Target', Description: 'd' }, resource: R, keys: principalTags },
  'iam:UpdateAssumeRolePolicy': { params: { RoleName: 'Target', PolicyDocument: TRUST }, resource: R, keys: principalTags },
  'iam:DeleteRole': { params: { RoleName: 'Target' }, resource: R, keys: principalTags },
  'iam:CreatePolicy': { params: { PolicyName: 'p2', Path: '/pol/', PolicyDocument: ALLOW, ...newTags }, resource: arn('policy/pol/p2'), keys: requestTags },
  'iam:GetPolicy': { params: { PolicyArn: P }, resource: P, keys: resourceTags },
  'iam:ListPolicies': { resource: '*' },
  'iam:DeletePolicy': { params: { PolicyArn: P }, resource: P, keys: resourceTags },
  'iam:ListEntitiesForPolicy': { params: { PolicyArn: P }, resource: P, keys: resourceTags },
  'iam:CreatePolicyVersion': { params: { PolicyArn: P, PolicyDocument: ALLOW }, resource: P, keys: resourceTags },
  'iam:GetPolicyVersion': { params: { PolicyArn: P, VersionId: 'v1' }, resource: P, keys: resourceTags },
  'iam:ListPolicyVersions': { params: { PolicyArn: P }, resource: P, keys: resourceTags },
  'iam:DeletePolicyVersion': { params: { PolicyArn: P, VersionId: 'v1' }, resource: P, keys: resourceTags },
  'iam:SetDefaultPolicyVersion': { params: { PolicyArn: P, VersionId: 'v1' }, resource: P, keys: resourceTags },
  'iam:CreateAccessKey': { params: { UserName: 'target' }, resource: U, keys: principalTags },
  'iam:ListAccessKeys': { params: { UserName: 'target' }, resource: U, keys: principalTags },
  'iam:UpdateAccessKey': { params: { UserName: 'target', AccessKeyId: 'KEY', Status: 'Inactive' }, resource: U, keys: principalTags },
  'iam:DeleteAccessKey': { params: { UserName: 'target', AccessKeyId: 'KEY' }, resource: U, keys: principalTags },
  'iam:GetAccessKeyLastUsed': { params: { AccessKeyId: 'KEY' }, resource: U, keys: principalTags },
  'iam:TagUser': { params: { UserName: 'target', ...newTags }, resource: U, keys: { ...principalTags, ...requestTags } },
  'iam:UntagUser': { params: { UserName: 'target', 'TagKeys.member.1': 'owner' }, resource: U, keys: { ...principalTags, 'aws:TagKeys': ['owner'] } },
  'iam:ListUserTags': { params: { UserName: 'target' }, resource: U, keys: principalTags },
  'iam:TagRole': { params: { RoleName: 'Target', ...newTags }, resource: R, keys: { ...principalTags, ...requestTags } },
  'iam:UntagRole': { params: { RoleName: 'Target', 'TagKeys.member.1': 'owner' }, resource: R, keys: { ...principalTags, 'aws:TagKeys': ['owner'] } },
  'iam:ListRoleTags': { params: { RoleName: 'Target' }, resource: R, keys: principalTags },
  'iam:TagPolicy': { params: { PolicyArn: P, ...newTags }, resource: P, keys: { ...resourceTags, ...requestTags } },
  'iam:UntagPolicy': { params: { PolicyArn: P, 'TagKeys.member.1': 'owner' }, resource: P, keys: { ...resourceTags, 'aws:TagKeys': ['owner'] } },
  'iam:ListPolicyTags': { params: { PolicyArn: P }, resource: P, keys: resourceTags },
  'iam:TagOpenIDConnectProvider': { params: { OpenIDConnectProviderArn: OIDC, ...newTags }, resource: OIDC, keys: { ...resourceTags, ...requestTags } },
  'iam:UntagOpenIDConnectProvider': { params: { OpenIDConnectProviderArn: OIDC, 'TagKeys.member.1': 'owner' }, resource: OIDC, keys: { ...resourceTags, 'aws:TagKeys': ['owner'] } },
  'iam:ListOpenIDConnectProviderTags': { params: { OpenIDConnectProviderArn: OIDC }, resource: OIDC, keys: resourceTags },
  'iam:TagSAMLProvider': { params: { SAMLProviderArn: SAML, ...newTags }, resource: SAML, keys: { ...resourceTags, ...requestTags } },
  'iam:UntagSAMLProvider': { params: { SAMLProviderArn: SAML, 'TagKeys.member.1': 'owner' }, resource: SAML, keys: { ...resourceTags, 'aws:TagKeys': ['owner'] } },
  'iam:ListSAMLProviderTags': { params: { SAMLProviderArn: SAML }, resource: SAML, keys: resourceTags },
  'iam:PutUserPermissionsBoundary': { params: { UserName: 'target', PermissionsBoundary: P }, resource: U, keys: { ...principalTags, 'iam:PermissionsBoundary': P, 'iam:PolicyARN': P } },
  'iam:DeleteUserPermissionsBoundary': { params: { UserName: 'target' }, resource: U, keys: { ...principalTags, 'iam:PermissionsBoundary': B, 'iam:PolicyARN': B } },
  'iam:PutRolePermissionsBoundary': { params: { RoleName: 'Target', PermissionsBoundary: P }, resource: R, keys: { ...principalTags, 'iam:PermissionsBoundary': P, 'iam:PolicyARN': P } },
  'iam:DeleteRolePermissionsBoundary': { params: { RoleName: 'Target' }, resource: R, keys: { ...principalTags, 'iam:PermissionsBoundary': B, 'iam:PolicyARN': B } },
  'iam:CreateVirtualMFADevice': { params: { VirtualMFADeviceName: 't2', Path: '/m/', ...newTags }, resource: arn('mfa/m/t2'), keys: requestTags },
  'iam:EnableMFADevice': { params: { UserName: 'target', SerialNumber: MFA, AuthenticationCode1: '123456', AuthenticationCode2: '654321' }, resource: U, keys: principalTags },
  'iam:DeactivateMFADevice': { params: { UserName: 'target', SerialNumber: MFA }, resource: U, keys: principalTags },
  'iam:ListMFADevices': { params: { UserName: 'target' }, resource: U, keys: principalTags },
  'iam:ListVirtualMFADevices': { resource: '*' },
  'iam:DeleteVirtualMFADevice': { params: { SerialNumber: MFA }, resource: MFA, keys: resourceTags },
  'iam:CreateSAMLProvider': { params: { Name: 'Idp2', SAMLMetadataDocument: idpMetadata(), ...newTags }, resource: arn('saml-provider/Idp2'), keys: requestTags },
  'iam:GetSAMLProvider': { params: { SAMLProviderArn: SAML }, resource: SAML, keys: resourceTags },
  'iam:ListSAMLProviders': { resource: '*' },
  'iam:UpdateSAMLProvider': { params: { SAMLProviderArn: SAML, SAMLMetadataDocument: idpMetadata() }, resource: SAML, keys: resourceTags },
  'iam:DeleteSAMLProvider': { params: { SAMLProviderArn: SAML }, resource: SAML, keys: resourceTags },
  'iam:CreateOpenIDConnectProvider': { params: { Url: 'https://oidc.example.com/other', 'ThumbprintList.member.1': THUMB, ...newTags }, resource: arn('oidc-provider/oidc.example.com/other'), keys: requestTags },
  'iam:GetOpenIDConnectProvider': { params: { OpenIDConnectProviderArn: OIDC }, resource: OIDC, keys: resourceTags },
  'iam:ListOpenIDConnectProviders': { resource: '*' },
  'iam:DeleteOpenIDConnectProvider': { params: { OpenIDConnectProviderArn: OIDC }, resource: OIDC, keys: resourceTags },
  'iam:AddClientIDToOpenIDConnectProvider': { params: { OpenIDConnectProviderArn: OIDC, ClientID: 'c2' }, resource: OIDC, keys: resourceTags },
  'iam:RemoveClientIDFromOpenIDConnectProvider': { params: { OpenIDConnectProviderArn: OIDC, ClientID: 'c2' }, resource: OIDC, keys: resourceTags },
  'iam:UpdateOpenIDConnectProviderThumbprint': { params: { OpenIDConnectProviderArn: OIDC, 'ThumbprintList.member.1': THUMB }, resource: OIDC, keys: resourceTags },
  'iam:SimulateCustomPolicy': { params: { 'PolicyInputList.member.1': ALLOW, 'ActionNames.member.1': 'iam:GetUser' }, resource: '*' },
  'iam:SimulatePrincipalPolicy': { params: { PolicySourceArn: U, 'ActionNames.member.1': 'iam:GetUser' }, resource: U, keys: principalTags },
  'iam:ListInstanceProfilesForRole': { params: { RoleName: 'Target' }, resource: R, keys: principalTags },
  'iam:ListInstanceProfiles': { resource: '*' },
  'iam:CreateInstanceProfile': { params: { InstanceProfileName: 'ip2', Path: '/hosts/', ...newTags }, resource: arn('instance-profile/hosts/ip2'), keys: requestTags },
  'iam:GetInstanceProfile': { params: { InstanceProfileName: 'ip' }, resource: IP, keys: resourceTags },
  'iam:DeleteInstanceProfile': { params: { InstanceProfileName: 'ip' }, resource: IP, keys: resourceTags },
  'iam:AddRoleToInstanceProfile': { params: { InstanceProfileName: 'ip', RoleName: 'Target' }, resource: IP, keys: resourceTags },
  'iam:RemoveRoleFromInstanceProfile': { params: { InstanceProfileName: 'ip', RoleName: 'Target' }, resource: IP, keys: resourceTags },
  'iam:TagInstanceProfile': { params: { InstanceProfileName: 'ip', ...newTags }, resource: IP, keys: { ...resourceTags, ...requestTags } },
  'iam:UntagInstanceProfile': { params: { InstanceProfileName: 'ip', 'TagKeys.member.1': 'owner' }, resource: IP, keys: { ...resourceTags, 'aws:TagKeys': ['owner'] } },
  'iam:ListInstanceProfileTags': { params: { InstanceProfileName: 'ip' }, resource: IP, keys: resourceTags },
  'iam:ListAccountAliases': { resource: '*' },
  'iam:CreateAccountAlias': { params: { AccountAlias: 'my-alias' }, resource: '*' },
  'iam:DeleteAccountAlias': { params: { AccountAlias: 'my-alias' }, resource: '*' },
  'iam:GetAccountSummary': { resource: '*' },
  'iam:GetAccountAuthorizationDetails': { resource: '*' },
  'iam:RevokeSessions': { params: { PrincipalArn: R }, resource: R },
  'iam:LookupEvents': { resource: '*' },
  'sts:AssumeRole': {
    params: { RoleArn: R, RoleSessionName: 'sess', ExternalId: 'ext-1', SourceIdentity: 'alice', ...newTags, 'TransitiveTagKeys.member.1': 'team' },
    resource: R,
    keys: { ...principalTags, ...requestTags, 'sts:ExternalId': 'ext-1', 'sts:RoleSessionName': 'sess', 'sts:SourceIdentity': 'alice', 'sts:TransitiveTagKeys': ['team'] },
  },
  // sts:TagSession and sts:SetSourceIdentity are authorized within AssumeRole, with its context.
  'sts:TagSession': { call: 'sts:AssumeRole', params: { RoleArn: R, RoleSessionName: 'sess', ...newTags, 'TransitiveTagKeys.member.1': 'team' }, resource: R, keys: { ...principalTags, ...requestTags, 'sts:TransitiveTagKeys': ['team'] } },
  'sts:SetSourceIdentity': { call: 'sts:AssumeRole', params: { RoleArn: R, RoleSessionName: 'sess', SourceIdentity: 'alice' }, resource: R, keys: { ...principalTags, 'sts:SourceIdentity': 'alice' } },
  // a service accepting a role asks POST /authorize; the broker adds the role's tags to the service's keys
  'iam:PassRole': {
    asked: { 'iam:PassedToService': 'ec2.amazonaws.com', 'iam:AssociatedResourceArn': 'arn:aws:ec2:us-east-1:111122223333:instance/i-1' },
    resource: R,
    keys: { ...principalTags, 'iam:PassedToService': 'ec2.amazonaws.com', 'iam:AssociatedResourceArn': 'arn:aws:ec2:us-east-1:111122223333:instance/i-1' },
  },
  'sts:GetFederationToken': { params: { Name: 'fed', ...newTags }, resource: `arn:aws:sts::${ACCT}:federated-user/fed`, keys: requestTags },
  'sts:DecodeAuthorizationMessage': { params: { EncodedMessage: 'not-a-message' }, resource: '*' },
  'sts:GetAccessKeyInfo': { params: { AccessKeyId: 'KEY' }, resource: '*' },
};

// Inline and attached policies of users, groups and roles (users and roles carry their boundary's ARN).
for (const [Name, name, resource, tagKeys, bound] of [
  ['User', 'target', U, principalTags, boundary],
  ['Group', 'devs', G, {}, {}],
  ['Role', 'Target', R, principalTags, boundary],
] as const) {
  const who = { [`${Name}Name`]: name };
  cases[`iam:Put${Name}Policy`] = { params: { ...who, PolicyName: 'x', PolicyDocument: ALLOW }, resource, keys: { ...tagKeys, ...bound } };
  cases[`iam:Get${Name}Policy`] = { params: { ...who, PolicyName: 'x' }, resource, keys: tagKeys };
  cases[`iam:List${Name}Policies`] = { params: who, resource, keys: tagKeys };
  cases[`iam:Delete${Name}Policy`] = { params: { ...who, PolicyName: 'x' }, resource, keys: { ...tagKeys, ...bound } };
  cases[`iam:Attach${Name}Policy`] = { params: { ...who, PolicyArn: P }, resource, keys: { ...tagKeys, ...bound, 'iam:PolicyARN': P } };
  cases[`iam:Detach${Name}Policy`] = { params: { ...who, PolicyArn: P }, resource, keys: { ...tagKeys, ...bound, 'iam:PolicyARN': P } };
  cases[`iam:ListAttached${Name}Policies`] = { params: who, resource, keys: tagKeys };
}

/** Actions that need no permission (AWS: GetCallerIdentity, GetSessionToken): allowed even under Deny *. */
const UNAUTHORIZED = ['sts:GetCallerIdentity', 'sts:GetSessionToken'];
/** Unsigned: decided by the role's trust policy with the IdP's keys (test/server/iam/authorization-trust.test.ts). */
const TRUST_DECIDED = ['sts:AssumeRoleWithSAML', 'sts:AssumeRoleWithWebIdentity', 'sts:AssumeRoleWithLDAPIdentity'];

/** Every action the broker serves, as server/main.ts registers them. */
function servedActions(): string[] {
  return [...[...iamActions([RevokeSessions, LookupEvents] as IamAction[]).keys()].map((n) => `iam:${n}`), ...[...stsActions().keys()].map((n) => `sts:${n}`)];
}

/** The Deny statement that matches only with this resource and every key's value. */
function denyExactly(action: string, c: Case): string {
  const single: Record<string, string> = {};
  const multi: Record<string, string[]> = {};
  for (const [k, v] of Object.entries(c.keys ?? {})) {
    if (Array.isArray(v)) multi[k] = v;
    else single[k] = v;
  }
  const Condition = { ...(Object.keys(single).length ? { StringEquals: single } : {}), ...(Object.keys(multi).length ? { 'ForAnyValue:StringEquals': multi } : {}) };
  return doc({ Effect: 'Deny', Action: action, Resource: c.resource, ...(Object.keys(Condition).length ? { Condition } : {}) });
}

/** A concrete key (aws:RequestTag/team) is an instance of a row key (aws:RequestTag/${TagKey}). */
const instanceOf = (concrete: string, rowKey: string) => (rowKey.endsWith('/${TagKey}') ? concrete.startsWith(rowKey.slice(0, -'${TagKey}'.length)) : concrete === rowKey);

describe('the authorization table: every action, its resource ARN and condition keys', () => {
  it('every served action has a row, and a case in this test', () => {
    for (const name of servedActions()) {
      assert.ok(authorizationRow(name), `${name} has no row in server/iam/authorization-table.ts`);
      assert.ok(cases[name] || UNAUTHORIZED.includes(name) || TRUST_DECIDED.includes(name), `${name} has no case in this test`);
    }
    for (const key of Object.keys(cases)) assert.ok(authorizationRows().has(key), `case ${key} has no row`);
    for (const key of authorizationRows().keys()) assert.ok(cases[key] || UNAUTHORIZED.includes(key) || TRUST_DECIDED.includes(key), `row ${key} has no case in this test`);
  });

  it("each case names every key of its row, and only those (the row's keys with the resource's type keys)", () => {
    for (const [name, c] of Object.entries(cases)) {
      const row = authorizationRow(name)!;
      // SimulatePrincipalPolicy's resource is a user, group or role: its type is the ARN's
      const keys = rowKeys(row, row.resource.kind === 'arn' && row.resource.type === 'principal' ? c.resource.split(':')[5].split('/')[0] : undefined);
      const given = Object.keys(c.keys ?? {});
      for (const k of keys) assert.ok(given.some((g) => instanceOf(g, k)), `${name}: the case lacks ${k}`);
      for (const g of given) assert.ok(keys.some((k) => instanceOf(g, k)), `${name}: ${g} is not in the row`);
    }
  });

  describe('over HTTP: a Deny on exactly that ARN and those key values denies', () => {
    let b: TestBroker;
    let admin: IAMClient;
    let tester: { accessKeyId: string; secretAccessKey: string };
    let targetKey = '';

    before(async () => {
      b = await startTestBroker();
      admin = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
      const tags = [{ Key: 'owner', Value: 'ops' }];
      await admin.send(new CreatePolicyCommand({ PolicyName: 'Bound', Path: '/bounds/', PolicyDocument: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }));
      await admin.send(new CreatePolicyCommand({ PolicyName: 'Managed', Path: '/pol/', PolicyDocument: ALLOW, Tags: tags }));
      await admin.send(new CreateUserCommand({ UserName: 'target', Path: '/admins/', PermissionsBoundary: B, Tags: tags }));
      targetKey = (await admin.send(new CreateAccessKeyCommand({ UserName: 'target' }))).AccessKey!.AccessKeyId!;
      await admin.send(new CreateGroupCommand({ GroupName: 'devs', Path: '/teams/' }));
      await admin.send(new CreateRoleCommand({ RoleName: 'Target', Path: '/svc/', AssumeRolePolicyDocument: TRUST, PermissionsBoundary: B, Tags: tags }));
      await admin.send(new CreateSAMLProviderCommand({ Name: 'Idp', SAMLMetadataDocument: idpMetadata(), Tags: tags }));
      await admin.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://oidc.example.com/tenant', ThumbprintList: [THUMB], ClientIDList: ['c1'], Tags: tags }));
      await admin.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'Token', Path: '/m/', Tags: tags }));
      await admin.send(new CreateInstanceProfileCommand({ InstanceProfileName: 'ip', Path: '/hosts/', Tags: tags }));
      await admin.send(new CreateUserCommand({ UserName: 'tester' }));
      await admin.send(new AttachUserPolicyCommand({ UserName: 'tester', PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess' }));
      const k = (await admin.send(new CreateAccessKeyCommand({ UserName: 'tester' }))).AccessKey!;
      tester = { accessKeyId: k.AccessKeyId!, secretAccessKey: k.SecretAccessKey! };
    });
    after(async () => {
      admin.destroy();
      await b.destroy();
    });

    async function call(wire: string, params: Record<string, string> = {}): Promise<{ status: number; code?: string; message?: string }> {
      const [service, Action] = wire.split(':');
      const version = service === 'sts' ? '2011-06-15' : '2010-05-08';
      const body = new URLSearchParams({ Action, Version: version, ...Object.fromEntries(Object.entries(params).map(([k, v]) => [k, v === 'KEY' ? targetKey : v])) }).toString().replace(/\+/g, '%20');
      const res = await sendQuery(b.httpUrl, body, tester, { service });
      const unescape = (s: string) => s.replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
      return { status: res.status, code: /<Code>([^<]+)<\/Code>/.exec(res.text)?.[1], message: unescape(/<Message>([^<]*)<\/Message>/.exec(res.text)?.[1] ?? '') };
    }

    /** POST /authorize, as a service forwarding the tester's signed request. */
    async function ask(action: string, resource: string, context: Values): Promise<{ status: number; code?: string; message?: string }> {
      const url = new URL('http://ec2.internal.example/');
      const headers = signRequest({ method: 'GET', url, headers: {}, body: '' }, tester, { region: 'us-east-1', service: 'ec2', now: new Date() });
      const request = { method: 'GET', path: '/', query: '', headers: { ...headers, host: url.host }, body: '' };
      const res = await postAuthorize(b.httpUrl, { expect: { service: 'ec2', host: url.host }, request, action, resource, context });
      const json = (await res.json()) as { allowed: boolean; error?: { code: string; message: string } };
      return { status: json.allowed ? 200 : 403, code: json.error?.code, message: json.error?.message };
    }

    it('each action is denied on its resource ARN by a Deny requiring every key of its row', async () => {
      const failures: string[] = [];
      for (const [name, c] of Object.entries(cases)) {
        const row = authorizationRow(name)!;
        await admin.send(new PutUserPolicyCommand({ UserName: 'tester', PolicyName: 'deny', PolicyDocument: denyExactly(row.action, c) }));
        const r = c.asked ? await ask(row.action, c.resource, c.asked) : await call(c.call ?? name, c.params);
        const expected = `${row.action} on resource: ${c.resource} with an explicit deny`;
        if (r.status !== 403 || r.code !== 'AccessDenied' || !r.message?.includes(expected)) failures.push(`${name}: expected AccessDenied "…${expected}…", got ${r.status} ${r.code}: ${r.message}`);
      }
      assert.deepEqual(failures, []);
    });

    it('the actions AWS authorizes without a permission stay allowed under Deny *', async () => {
      await admin.send(new PutUserPolicyCommand({ UserName: 'tester', PolicyName: 'deny', PolicyDocument: doc({ Effect: 'Deny', Action: '*', Resource: '*' }) }));
      for (const name of UNAUTHORIZED) assert.equal((await call(name)).status, 200, name);
    });
  });
});
