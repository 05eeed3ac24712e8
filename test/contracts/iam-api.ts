// The IAM Query API, driven with the unmodified @aws-sdk/client-iam against a real broker.
// Run on SQLite (npm test) and on PostgreSQL (npm run test:e2e): the same tests must pass on both.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  IAMClient,
  AddUserToGroupCommand,
  AttachRolePolicyCommand,
  AttachUserPolicyCommand,
  CreateAccessKeyCommand,
  CreateGroupCommand,
  CreatePolicyCommand,
  CreatePolicyVersionCommand,
  CreateRoleCommand,
  CreateUserCommand,
  DeleteAccessKeyCommand,
  DeletePolicyCommand,
  DeletePolicyVersionCommand,
  DeleteRoleCommand,
  DeleteRolePolicyCommand,
  DetachRolePolicyCommand,
  GetGroupCommand,
  GetPolicyCommand,
  GetPolicyVersionCommand,
  GetRoleCommand,
  GetRolePolicyCommand,
  GetUserCommand,
  ListAccessKeysCommand,
  ListAttachedRolePoliciesCommand,
  ListGroupsForUserCommand,
  ListPoliciesCommand,
  ListPolicyVersionsCommand,
  ListRolePoliciesCommand,
  ListRolesCommand,
  ListRoleTagsCommand,
  ListUsersCommand,
  PutGroupPolicyCommand,
  PutRolePolicyCommand,
  SetDefaultPolicyVersionCommand,
  TagRoleCommand,
  UntagRoleCommand,
  UpdateAccessKeyCommand,
  UpdateAssumeRolePolicyCommand,
  DeleteUserCommand,
  RemoveUserFromGroupCommand,
  DetachUserPolicyCommand,
  UpdateUserCommand,
  CreateVirtualMFADeviceCommand,
  EnableMFADeviceCommand,
  ListMFADevicesCommand,
  DeactivateMFADeviceCommand,
  CreateSAMLProviderCommand,
  GetSAMLProviderCommand,
  ListSAMLProvidersCommand,
  DeleteSAMLProviderCommand,
  CreateOpenIDConnectProviderCommand,
  GetOpenIDConnectProviderCommand,
  ListOpenIDConnectProvidersCommand,
  DeleteOpenIDConnectProviderCommand,
  GetInstanceProfileCommand,
  TagPolicyCommand,
  UntagPolicyCommand,
  ListPolicyTagsCommand,
  TagOpenIDConnectProviderCommand,
  UntagOpenIDConnectProviderCommand,
  ListOpenIDConnectProviderTagsCommand,
  TagSAMLProviderCommand,
  ListSAMLProviderTagsCommand,
  ListInstanceProfilesCommand,
  ListInstanceProfilesForRoleCommand,
} from '@aws-sdk/client-iam';
import { authenticator } from 'otplib';
import { ADMIN_KEY, startTestBroker, type TestBroker, type TestBrokerOptions } from '../helpers/broker.ts';

export const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:root' }, Action: 'sts:AssumeRole' }] });
const SAML_CERT = Buffer.from('x'.repeat(900)).toString('base64');
const SAML_METADATA = `<?xml version="1.0"?>
<md:EntityDescriptor xmlns:md="urn:oasis:names:tc:SAML:2.0:metadata" xmlns:ds="http://www.w3.org/2000/09/xmldsig#" entityID="https://idp.example.com/saml">
  <md:IDPSSODescriptor protocolSupportEnumeration="urn:oasis:names:tc:SAML:2.0:protocol">
    <md:KeyDescriptor use="signing"><ds:KeyInfo><ds:X509Data><ds:X509Certificate>${SAML_CERT}</ds:X509Certificate></ds:X509Data></ds:KeyInfo></md:KeyDescriptor>
    <md:SingleSignOnService Binding="urn:oasis:names:tc:SAML:2.0:bindings:HTTP-Redirect" Location="https://idp.example.com/sso"/>
  </md:IDPSSODescriptor>
</md:EntityDescriptor>`;
const READ_ROLES = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: ['iam:GetRole', 'iam:ListRoles'], Resource: '*' }] });

export function client(b: TestBroker, creds = ADMIN_KEY): IAMClient {
  return new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
}

/** Expects the call to fail with this AWS error code and HTTP status. */
export async function rejectsWith(p: Promise<unknown>, code: string, status: number, message?: RegExp): Promise<void> {
  await assert.rejects(p, (err: { name?: string; $metadata?: { httpStatusCode?: number }; message?: string }) => {
    assert.equal(err.name?.replace(/Exception$/, ''), code.replace(/Exception$/, ''), `expected ${code}, got ${err.name}: ${err.message}`);
    assert.equal(err.$metadata?.httpStatusCode, status);
    if (message) assert.match(err.message ?? '', message);
    return true;
  });
}

export function iamApiSuite(name: string, options: () => Promise<TestBrokerOptions>): void {
  describe(`IAM API (${name})`, () => {
    let b: TestBroker;
    let iam: IAMClient;
    before(async () => {
      b = await startTestBroker(await options());
      iam = client(b);
    });
    after(async () => {
      iam?.destroy();
      await b?.destroy();
    });

    it('creates, gets and lists a role; the trust policy comes back URL-encoded as AWS sends it', async () => {
      const created = await iam.send(new CreateRoleCommand({ RoleName: 'Deployer', Path: '/ci/', AssumeRolePolicyDocument: TRUST, Description: 'CI deploys', MaxSessionDuration: 7200, Tags: [{ Key: 'team', Value: 'platform' }] }));
      assert.equal(created.Role?.Arn, 'arn:aws:iam::111122223333:role/ci/Deployer');
      assert.match(created.Role?.RoleId ?? '', /^AROA[A-Z2-7]{17}$/);
      const got = await iam.send(new GetRoleCommand({ RoleName: 'deployer' })); // names are case-insensitive
      assert.equal(got.Role?.RoleName, 'Deployer');
      assert.equal(got.Role?.MaxSessionDuration, 7200);
      assert.equal(got.Role?.Description, 'CI deploys');
      assert.equal(decodeURIComponent(got.Role?.AssumeRolePolicyDocument ?? ''), TRUST);
      assert.deepEqual(got.Role?.Tags, [{ Key: 'team', Value: 'platform' }]);
      assert.ok(got.Role?.CreateDate instanceof Date);
      const list = await iam.send(new ListRolesCommand({ PathPrefix: '/ci/' }));
      assert.deepEqual(list.Roles?.map((r) => r.RoleName), ['Deployer']);
      assert.equal(list.IsTruncated, false);
    });

    it('pages ListRoles with Marker and MaxItems', async () => {
      for (const n of ['PageA', 'PageB', 'PageC']) await iam.send(new CreateRoleCommand({ RoleName: n, Path: '/paged/', AssumeRolePolicyDocument: TRUST }));
      const p1 = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2 }));
      assert.deepEqual(p1.Roles?.map((r) => r.RoleName), ['PageA', 'PageB']);
      assert.equal(p1.IsTruncated, true);
      const p2 = await iam.send(new ListRolesCommand({ PathPrefix: '/paged/', MaxItems: 2, Marker: p1.Marker }));
      assert.deepEqual(p2.Roles?.map((r) => r.RoleName), ['PageC']);
      assert.equal(p2.IsTruncated, false);
    });

    it('refuses a duplicate role, a missing role, and bad names, changing nothing', async () => {
      await rejectsWith(iam.send(new CreateRoleCommand({ RoleName: 'DEPLOYER', AssumeRolePolicyDocument: TRUST })), 'EntityAlreadyExists', 409, /Role with name DEPLOYER already exists/);
      await rejectsWith(iam.send(new GetRoleCommand({ RoleName: 'Nope' })), 'NoSuchEntity', 404, /The role with name Nope cannot be found/);
      const before = (await iam.send(new ListRolesCommand({}))).Roles?.length;
      await rejectsWith(
        iam.send(new CreateRoleCommand({ RoleName: 'bad name!', AssumeRolePolicyDocument: TRUST })),
        'ValidationError',
        400,
        /Value 'bad name!' at 'roleName' failed to satisfy constraint: Member must satisfy regular expression pattern: \[\\w\+=,\.@-\]\+/,
      );
      await rejectsWith(iam.send(new CreateRoleCommand({ RoleName: 'x'.repeat(65), AssumeRolePolicyDocument: TRUST })), 'ValidationError', 400, /Member must have length less than or equal to 64/);
      await rejectsWith(iam.send(new CreateRoleCommand({ RoleName: 'P', Path: 'nope', AssumeRolePolicyDocument: TRUST })), 'ValidationError', 400, /at 'path'/);
      assert.equal((await iam.send(new ListRolesCommand({}))).Roles?.length, before);
    });

    it('refuses malformed and oversized policy documents with AWS errors, changing nothing', async () => {
      await rejectsWith(iam.send(new CreateRoleCommand({ RoleName: 'Broken', AssumeRolePolicyDocument: '{"Version": "2012-10-17", "Statement": [' })), 'MalformedPolicyDocument', 400, /^This policy contains invalid Json$/);
      await rejectsWith(iam.send(new CreateRoleCommand({ RoleName: 'NoPrincipal', AssumeRolePolicyDocument: READ_ROLES })), 'MalformedPolicyDocument', 400);
      const bigTrust = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 40 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Principal: { AWS: `arn:aws:iam::111122223333:user/user-number-${i}` }, Action: 'sts:AssumeRole' })) });
      await rejectsWith(iam.send(new CreateRoleCommand({ RoleName: 'BigTrust', AssumeRolePolicyDocument: bigTrust })), 'LimitExceeded', 409, /ACLSizePerRole: 2048/);
      for (const n of ['Broken', 'NoPrincipal', 'BigTrust']) await rejectsWith(iam.send(new GetRoleCommand({ RoleName: n })), 'NoSuchEntity', 404);

      await iam.send(new CreateRoleCommand({ RoleName: 'Inline', AssumeRolePolicyDocument: TRUST }));
      await rejectsWith(iam.send(new PutRolePolicyCommand({ RoleName: 'Inline', PolicyName: 'p', PolicyDocument: 'not json' })), 'MalformedPolicyDocument', 400, /^Syntax errors in policy\.$/);
      const big = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 200 }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 'iam:GetRole', Resource: `arn:aws:iam::111122223333:role/r-${i}` })) });
      await rejectsWith(iam.send(new PutRolePolicyCommand({ RoleName: 'Inline', PolicyName: 'big', PolicyDocument: big })), 'LimitExceeded', 409, /Maximum policy size of 10240 bytes exceeded for role Inline/);
      assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: 'Inline' }))).PolicyNames, []);
      await rejectsWith(iam.send(new CreatePolicyCommand({ PolicyName: 'TooBig', PolicyDocument: big })), 'LimitExceeded', 409, /PolicySize: 6144/);
      await rejectsWith(iam.send(new GetPolicyCommand({ PolicyArn: 'arn:aws:iam::111122223333:policy/TooBig' })), 'NoSuchEntity', 404);
    });

    it('manages inline policies and refuses to delete a role that still has policies', async () => {
      await iam.send(new CreateRoleCommand({ RoleName: 'WithPolicies', AssumeRolePolicyDocument: TRUST }));
      await iam.send(new PutRolePolicyCommand({ RoleName: 'WithPolicies', PolicyName: 'read', PolicyDocument: READ_ROLES }));
      const got = await iam.send(new GetRolePolicyCommand({ RoleName: 'WithPolicies', PolicyName: 'read' }));
      assert.equal(decodeURIComponent(got.PolicyDocument ?? ''), READ_ROLES);
      assert.deepEqual((await iam.send(new ListRolePoliciesCommand({ RoleName: 'WithPolicies' }))).PolicyNames, ['read']);
      await rejectsWith(iam.send(new DeleteRoleCommand({ RoleName: 'WithPolicies' })), 'DeleteConflict', 409, /must delete policies first/);
      await iam.send(new DeleteRolePolicyCommand({ RoleName: 'WithPolicies', PolicyName: 'read' }));
      await rejectsWith(iam.send(new GetRolePolicyCommand({ RoleName: 'WithPolicies', PolicyName: 'read' })), 'NoSuchEntity', 404, /The role policy with name read cannot be found/);

      const pol = await iam.send(new CreatePolicyCommand({ PolicyName: 'ReadRoles', PolicyDocument: READ_ROLES, Description: 'read roles' }));
      await iam.send(new AttachRolePolicyCommand({ RoleName: 'WithPolicies', PolicyArn: pol.Policy!.Arn! }));
      assert.deepEqual((await iam.send(new ListAttachedRolePoliciesCommand({ RoleName: 'WithPolicies' }))).AttachedPolicies, [{ PolicyName: 'ReadRoles', PolicyArn: pol.Policy!.Arn! }]);
      assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: pol.Policy!.Arn! }))).Policy?.AttachmentCount, 1);
      await rejectsWith(iam.send(new DeleteRoleCommand({ RoleName: 'WithPolicies' })), 'DeleteConflict', 409, /must detach all policies first/);
      await rejectsWith(iam.send(new DeletePolicyCommand({ PolicyArn: pol.Policy!.Arn! })), 'DeleteConflict', 409);
      await iam.send(new DetachRolePolicyCommand({ RoleName: 'WithPolicies', PolicyArn: pol.Policy!.Arn! }));
      // what Terraform's aws_iam_role does before DeleteRole: the broker has no instance profiles (no EC2)
      const profiles = await iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'WithPolicies' }));
      assert.deepEqual([profiles.InstanceProfiles, profiles.IsTruncated], [[], false]);
      await rejectsWith(iam.send(new ListInstanceProfilesForRoleCommand({ RoleName: 'NoSuchRole' })), 'NoSuchEntity', 404, /The role with name NoSuchRole cannot be found/);
      assert.deepEqual((await iam.send(new ListInstanceProfilesCommand({}))).InstanceProfiles, []);
      await rejectsWith(iam.send(new GetInstanceProfileCommand({ InstanceProfileName: 'web' })), 'NoSuchEntity', 404, /Instance Profile web cannot be found/);
      await iam.send(new DeleteRoleCommand({ RoleName: 'WithPolicies' }));
      await rejectsWith(iam.send(new GetRoleCommand({ RoleName: 'WithPolicies' })), 'NoSuchEntity', 404);
    });

    it('keeps at most 5 policy versions, rolls back with SetDefaultPolicyVersion, never deletes the default', async () => {
      const arn = (await iam.send(new CreatePolicyCommand({ PolicyName: 'Versioned', Path: '/v/', PolicyDocument: READ_ROLES }))).Policy!.Arn!;
      assert.equal(arn, 'arn:aws:iam::111122223333:policy/v/Versioned');
      await rejectsWith(iam.send(new CreatePolicyCommand({ PolicyName: 'versioned', PolicyDocument: READ_ROLES })), 'EntityAlreadyExists', 409);
      const docs = [2, 3, 4, 5].map((n) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:GetRole', Resource: `arn:aws:iam::111122223333:role/v${n}` }] }));
      for (const d of docs) await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: d, SetAsDefault: true }));
      await rejectsWith(iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: READ_ROLES })), 'LimitExceeded', 409, /up to 5 versions/);
      const versions = await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }));
      assert.deepEqual(versions.Versions?.map((v) => [v.VersionId, v.IsDefaultVersion]), [['v5', true], ['v4', false], ['v3', false], ['v2', false], ['v1', false]]);
      await rejectsWith(iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v5' })), 'DeleteConflict', 409, /default version/);
      await iam.send(new SetDefaultPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
      assert.equal((await iam.send(new GetPolicyCommand({ PolicyArn: arn }))).Policy?.DefaultVersionId, 'v1');
      const v1 = await iam.send(new GetPolicyVersionCommand({ PolicyArn: arn, VersionId: 'v1' }));
      assert.equal(decodeURIComponent(v1.PolicyVersion?.Document ?? ''), READ_ROLES);
      assert.equal(v1.PolicyVersion?.IsDefaultVersion, true);
      await iam.send(new DeletePolicyVersionCommand({ PolicyArn: arn, VersionId: 'v3' }));
      await iam.send(new CreatePolicyVersionCommand({ PolicyArn: arn, PolicyDocument: READ_ROLES }));
      assert.deepEqual((await iam.send(new ListPolicyVersionsCommand({ PolicyArn: arn }))).Versions?.map((v) => v.VersionId), ['v6', 'v5', 'v4', 'v2', 'v1']);
      await rejectsWith(iam.send(new DeletePolicyCommand({ PolicyArn: arn })), 'DeleteConflict', 409, /more than one version/);
      const local = await iam.send(new ListPoliciesCommand({ Scope: 'Local', PathPrefix: '/v/' }));
      assert.deepEqual(local.Policies?.map((p) => p.PolicyName), ['Versioned']);
      const aws = await iam.send(new ListPoliciesCommand({ Scope: 'AWS' }));
      assert.ok(aws.Policies?.some((p) => p.Arn === 'arn:aws:iam::aws:policy/AdministratorAccess'));
    });

    it('tags managed policies, OIDC and SAML providers (Tag*/Untag*/List*Tags), as Get* returns them', async () => {
      const policy = (await iam.send(new CreatePolicyCommand({ PolicyName: 'TaggedPolicy', PolicyDocument: READ_ROLES, Tags: [{ Key: 'team', Value: 'a' }] }))).Policy!.Arn!;
      await iam.send(new TagPolicyCommand({ PolicyArn: policy, Tags: [{ Key: 'TEAM', Value: 'b' }, { Key: 'cost', Value: '42' }] }));
      assert.deepEqual((await iam.send(new ListPolicyTagsCommand({ PolicyArn: policy }))).Tags, [{ Key: 'TEAM', Value: 'b' }, { Key: 'cost', Value: '42' }]);
      await iam.send(new UntagPolicyCommand({ PolicyArn: policy, TagKeys: ['team'] }));
      assert.deepEqual((await iam.send(new GetPolicyCommand({ PolicyArn: policy }))).Policy?.Tags, [{ Key: 'cost', Value: '42' }]);
      await rejectsWith(iam.send(new TagPolicyCommand({ PolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', Tags: [{ Key: 'k', Value: 'v' }] })), 'AccessDenied', 403);
      await rejectsWith(iam.send(new ListPolicyTagsCommand({ PolicyArn: 'arn:aws:iam::111122223333:policy/Nope' })), 'NoSuchEntity', 404, /Policy arn:aws:iam::111122223333:policy\/Nope was not found/);
      await rejectsWith(iam.send(new TagPolicyCommand({ PolicyArn: policy, Tags: Array.from({ length: 50 }, (_, i) => ({ Key: `k${i}`, Value: 'v' })) })), 'LimitExceeded', 409);
      assert.deepEqual((await iam.send(new ListPolicyTagsCommand({ PolicyArn: policy }))).Tags, [{ Key: 'cost', Value: '42' }], 'nothing half-written');

      const oidc = (await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://tags.example.com', ClientIDList: ['a'], ThumbprintList: ['9E99A48A9960B14926BB7F3B02E22DA2B0AB7280'] }))).OpenIDConnectProviderArn!;
      await iam.send(new TagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidc, Tags: [{ Key: 'env', Value: 'prod' }] }));
      assert.deepEqual((await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidc }))).Tags, [{ Key: 'env', Value: 'prod' }]);
      await iam.send(new UntagOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidc, TagKeys: ['env'] }));
      assert.deepEqual((await iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: oidc }))).Tags, []);
      await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: oidc }));
      await rejectsWith(iam.send(new ListOpenIDConnectProviderTagsCommand({ OpenIDConnectProviderArn: oidc })), 'NoSuchEntity', 404, /OpenIDConnect Provider not found/);

      const saml = (await iam.send(new CreateSAMLProviderCommand({ Name: 'tagged-idp', SAMLMetadataDocument: SAML_METADATA }))).SAMLProviderArn!;
      await iam.send(new TagSAMLProviderCommand({ SAMLProviderArn: saml, Tags: [{ Key: 'owner', Value: 'secops' }] }));
      assert.deepEqual((await iam.send(new ListSAMLProviderTagsCommand({ SAMLProviderArn: saml }))).Tags, [{ Key: 'owner', Value: 'secops' }]);
      assert.ok((await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: saml }))).SAMLMetadataDocument, 'the provider is otherwise unchanged');
      await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: saml }));
    });

    it('updates a trust policy and manages role tags', async () => {
      await iam.send(new CreateRoleCommand({ RoleName: 'Tagged', AssumeRolePolicyDocument: TRUST }));
      const next = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
      await iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Tagged', PolicyDocument: next }));
      assert.equal(decodeURIComponent((await iam.send(new GetRoleCommand({ RoleName: 'Tagged' }))).Role?.AssumeRolePolicyDocument ?? ''), next);
      await rejectsWith(iam.send(new UpdateAssumeRolePolicyCommand({ RoleName: 'Tagged', PolicyDocument: '{' })), 'MalformedPolicyDocument', 400);
      await iam.send(new TagRoleCommand({ RoleName: 'Tagged', Tags: [{ Key: 'a', Value: '1' }, { Key: 'b', Value: '2' }] }));
      await iam.send(new TagRoleCommand({ RoleName: 'Tagged', Tags: [{ Key: 'A', Value: '3' }] }));
      await iam.send(new UntagRoleCommand({ RoleName: 'Tagged', TagKeys: ['b'] }));
      assert.deepEqual((await iam.send(new ListRoleTagsCommand({ RoleName: 'Tagged' }))).Tags, [{ Key: 'A', Value: '3' }]);
    });

    it('users, groups and access keys: a new key signs calls and is authorized by its policies', async () => {
      const u = await iam.send(new CreateUserCommand({ UserName: 'alice', Path: '/eng/' }));
      assert.equal(u.User?.Arn, 'arn:aws:iam::111122223333:user/eng/alice');
      assert.match(u.User?.UserId ?? '', /^AIDA[A-Z2-7]{17}$/);
      await iam.send(new CreateGroupCommand({ GroupName: 'readers' }));
      await iam.send(new AddUserToGroupCommand({ GroupName: 'readers', UserName: 'alice' }));
      assert.deepEqual((await iam.send(new GetGroupCommand({ GroupName: 'readers' }))).Users?.map((x) => x.UserName), ['alice']);
      assert.deepEqual((await iam.send(new ListGroupsForUserCommand({ UserName: 'alice' }))).Groups?.map((g) => g.GroupName), ['readers']);
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'alice' }))).AccessKey!;
      assert.match(key.AccessKeyId ?? '', /^AKIA[A-Z2-7]{16}$/);
      assert.equal(key.SecretAccessKey?.length, 40);
      const alice = client(b, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
      try {
        await rejectsWith(alice.send(new ListRolesCommand({})), 'AccessDenied', 403, /User: arn:aws:iam::111122223333:user\/eng\/alice is not authorized to perform: iam:ListRoles/);
        await iam.send(new PutGroupPolicyCommand({ GroupName: 'readers', PolicyName: 'read', PolicyDocument: READ_ROLES }));
        assert.ok((await alice.send(new ListRolesCommand({}))).Roles!.length > 0);
        await rejectsWith(alice.send(new CreateRoleCommand({ RoleName: 'Sneaky', AssumeRolePolicyDocument: TRUST })), 'AccessDenied', 403);
        const me = await alice.send(new GetUserCommand({})).catch((e: Error) => e);
        assert.equal((me as Error).name, 'AccessDenied'); // GetUser on itself also needs a policy
        await iam.send(new UpdateAccessKeyCommand({ UserName: 'alice', AccessKeyId: key.AccessKeyId!, Status: 'Inactive' }));
        await rejectsWith(alice.send(new ListRolesCommand({})), 'InvalidClientTokenId', 403);
      } finally {
        alice.destroy();
      }
      const keys = await iam.send(new ListAccessKeysCommand({ UserName: 'alice' }));
      assert.deepEqual(keys.AccessKeyMetadata?.map((k) => [k.AccessKeyId, k.Status]), [[key.AccessKeyId, 'Inactive']]);
      await rejectsWith(iam.send(new DeleteUserCommand({ UserName: 'alice' })), 'DeleteConflict', 409, /access keys/);
      await iam.send(new DeleteAccessKeyCommand({ UserName: 'alice', AccessKeyId: key.AccessKeyId! }));
      await rejectsWith(iam.send(new DeleteUserCommand({ UserName: 'alice' })), 'DeleteConflict', 409, /groups/);
      await iam.send(new RemoveUserFromGroupCommand({ GroupName: 'readers', UserName: 'alice' }));
      await iam.send(new AttachUserPolicyCommand({ UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
      await rejectsWith(iam.send(new DeleteUserCommand({ UserName: 'alice' })), 'DeleteConflict', 409, /detach all policies/);
      await iam.send(new DetachUserPolicyCommand({ UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
      await iam.send(new DeleteUserCommand({ UserName: 'alice' }));
      assert.ok(!(await iam.send(new ListUsersCommand({}))).Users?.some((x) => x.UserName === 'alice'));
    });

    it('virtual MFA: enabling needs two consecutive TOTP codes', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'mfa-user' }));
      const dev = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'mfa-user' }));
      const serial = dev.VirtualMFADevice!.SerialNumber!;
      assert.equal(serial, 'arn:aws:iam::111122223333:mfa/mfa-user');
      const seed = Buffer.from(dev.VirtualMFADevice!.Base32StringSeed!).toString('utf8');
      assert.match(seed, /^[A-Z2-7]+$/);
      const step = Math.floor(Date.now() / 30_000);
      const code = (s: number) => authenticator.clone({ epoch: s * 30_000 }).generate(seed);
      await rejectsWith(iam.send(new EnableMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: serial, AuthenticationCode1: code(step), AuthenticationCode2: code(step - 1) })), 'InvalidAuthenticationCode', 403);
      assert.deepEqual((await iam.send(new ListMFADevicesCommand({ UserName: 'mfa-user' }))).MFADevices, []);
      await iam.send(new EnableMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: serial, AuthenticationCode1: code(step - 1), AuthenticationCode2: code(step) }));
      const listed = await iam.send(new ListMFADevicesCommand({ UserName: 'mfa-user' }));
      assert.deepEqual(listed.MFADevices?.map((d) => d.SerialNumber), [serial]);
      await rejectsWith(iam.send(new DeleteUserCommand({ UserName: 'mfa-user' })), 'DeleteConflict', 409, /MFA device/);
      await iam.send(new DeactivateMFADeviceCommand({ UserName: 'mfa-user', SerialNumber: serial }));
      assert.deepEqual((await iam.send(new ListMFADevicesCommand({ UserName: 'mfa-user' }))).MFADevices, []);
    });

    it('registers SAML providers from metadata and refuses broken metadata', async () => {
      const metadata = SAML_METADATA;
      const arn = (await iam.send(new CreateSAMLProviderCommand({ Name: 'okta', SAMLMetadataDocument: metadata }))).SAMLProviderArn;
      assert.equal(arn, 'arn:aws:iam::111122223333:saml-provider/okta');
      assert.equal((await iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn }))).SAMLMetadataDocument, metadata);
      assert.deepEqual((await iam.send(new ListSAMLProvidersCommand({}))).SAMLProviderList?.map((p) => p.Arn), [arn]);
      await rejectsWith(iam.send(new CreateSAMLProviderCommand({ Name: 'okta', SAMLMetadataDocument: metadata })), 'EntityAlreadyExists', 409);
      await rejectsWith(iam.send(new CreateSAMLProviderCommand({ Name: 'broken', SAMLMetadataDocument: metadata.replace('</md:EntityDescriptor>', '') })), 'InvalidInput', 400, /Could not parse metadata/);
      await iam.send(new DeleteSAMLProviderCommand({ SAMLProviderArn: arn }));
      await rejectsWith(iam.send(new GetSAMLProviderCommand({ SAMLProviderArn: arn })), 'NoSuchEntity', 404);
    });

    it('registers OIDC providers, with a port in the issuer URL', async () => {
      const arn = (await iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://keycloak.corp.example:8443/realms/corp', ClientIDList: ['idbroker'], ThumbprintList: ['9E99A48A9960B14926BB7F3B02E22DA2B0AB7280'] }))).OpenIDConnectProviderArn;
      assert.equal(arn, 'arn:aws:iam::111122223333:oidc-provider/keycloak.corp.example:8443/realms/corp');
      const got = await iam.send(new GetOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
      assert.equal(got.Url, 'keycloak.corp.example:8443/realms/corp');
      assert.deepEqual(got.ClientIDList, ['idbroker']);
      assert.deepEqual((await iam.send(new ListOpenIDConnectProvidersCommand({}))).OpenIDConnectProviderList?.map((p) => p.Arn), [arn]);
      await rejectsWith(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://keycloak.corp.example:8443/realms/corp/', ClientIDList: ['x'] })), 'EntityAlreadyExists', 409);
      await rejectsWith(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'http://idp.example.com', ClientIDList: ['x'] })), 'InvalidInput', 400);
      await rejectsWith(iam.send(new CreateOpenIDConnectProviderCommand({ Url: 'https://idp.example.com', ClientIDList: ['x'], ThumbprintList: ['abc'] })), 'ValidationError', 400);
      await iam.send(new DeleteOpenIDConnectProviderCommand({ OpenIDConnectProviderArn: arn }));
    });

    it('renames a user with UpdateUser, keeping its policies, groups and access keys', async () => {
      await iam.send(new CreateUserCommand({ UserName: 'carol' }));
      await iam.send(new CreateGroupCommand({ GroupName: 'renamers' }));
      await iam.send(new AddUserToGroupCommand({ GroupName: 'renamers', UserName: 'carol' }));
      await iam.send(new AttachUserPolicyCommand({ UserName: 'carol', PolicyArn: 'arn:aws:iam::aws:policy/IAMReadOnlyAccess' }));
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: 'carol' }))).AccessKey!;
      await iam.send(new UpdateUserCommand({ UserName: 'carol', NewUserName: 'caroline', NewPath: '/renamed/' }));
      await rejectsWith(iam.send(new GetUserCommand({ UserName: 'carol' })), 'NoSuchEntity', 404);
      assert.equal((await iam.send(new GetUserCommand({ UserName: 'caroline' }))).User?.Arn, 'arn:aws:iam::111122223333:user/renamed/caroline');
      assert.deepEqual((await iam.send(new ListGroupsForUserCommand({ UserName: 'caroline' }))).Groups?.map((g) => g.GroupName), ['renamers']);
      assert.deepEqual((await iam.send(new ListAccessKeysCommand({ UserName: 'caroline' }))).AccessKeyMetadata?.map((k) => k.AccessKeyId), [key.AccessKeyId]);
      const asCaroline = client(b, { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! });
      assert.equal((await asCaroline.send(new GetUserCommand({}))).User?.UserName, 'caroline'); // IAMReadOnlyAccess still attached
      asCaroline.destroy();
      await iam.send(new CreateUserCommand({ UserName: 'dave' }));
      await rejectsWith(iam.send(new UpdateUserCommand({ UserName: 'dave', NewUserName: 'Caroline' })), 'EntityAlreadyExists', 409);
    });

    it('the caller is the administrator created on first start', async () => {
      const me = await iam.send(new GetUserCommand({}));
      assert.equal(me.User?.Arn, 'arn:aws:iam::111122223333:user/admin');
    });
  });
}
