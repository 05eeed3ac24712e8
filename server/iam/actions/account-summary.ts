// GetAccountSummary: the account's entity counts and IAM quotas, every key of the IAM API reference's list of
// SummaryMap keys (34), counted from the store. The broker has no root user (no root password, MFA or keys),
// server or signing certificates: those are 0.
import type { XmlNode } from '../../query-protocol/xml.ts';
import { defineAction, type ActionContext } from '../action.ts';
import { QUOTAS } from '../documents.ts';
import { INSTANCE_PROFILE } from '../instance-profile-model.ts';
import { MFA_DEVICE, POLICY, POLICY_VERSION, type MfaDeviceData } from '../model.ts';

/** AWS's default quotas for what the broker does not limit itself (IAM and STS quotas page). */
const DEFAULT_QUOTAS = { users: 5000, groups: 300, roles: 1000, policies: 1500, instanceProfiles: 1000, serverCertificates: 20, policyVersionsInUse: 10000, signingCertificatesPerUser: 2 };

export async function accountSummary(ctx: ActionContext): Promise<Record<string, number>> {
  const e = ctx.store.entities;
  const a = ctx.account;
  const count = (kind: string) => e.count(a, kind);
  const devices = (await e.list<MfaDeviceData>(a, MFA_DEVICE)).map((r) => r.data);
  return {
    Users: await count('user'),
    UsersQuota: DEFAULT_QUOTAS.users,
    Groups: await count('group'),
    GroupsQuota: DEFAULT_QUOTAS.groups,
    ServerCertificates: 0,
    ServerCertificatesQuota: DEFAULT_QUOTAS.serverCertificates,
    UserPolicySizeQuota: QUOTAS.inlineAggregate.user,
    GroupPolicySizeQuota: QUOTAS.inlineAggregate.group,
    GroupsPerUserQuota: QUOTAS.groupsPerUser,
    SigningCertificatesPerUserQuota: DEFAULT_QUOTAS.signingCertificatesPerUser,
    AccessKeysPerUserQuota: QUOTAS.accessKeysPerUser,
    MFADevices: devices.length,
    MFADevicesInUse: devices.filter((d) => d.enabledDate).length,
    AccountMFAEnabled: 0,
    AccountAccessKeysPresent: 0,
    AccountPasswordPresent: 0,
    AccountSigningCertificatesPresent: 0,
    AttachedPoliciesPerGroupQuota: QUOTAS.attachedPerPrincipal,
    AttachedPoliciesPerRoleQuota: QUOTAS.attachedPerPrincipal,
    AttachedPoliciesPerUserQuota: QUOTAS.attachedPerPrincipal,
    Policies: await count(POLICY),
    PoliciesQuota: DEFAULT_QUOTAS.policies,
    PolicySizeQuota: QUOTAS.managedPolicySize,
    PolicyVersionsInUse: await count(POLICY_VERSION),
    PolicyVersionsInUseQuota: DEFAULT_QUOTAS.policyVersionsInUse,
    VersionsPerPolicyQuota: QUOTAS.versionsPerPolicy,
    GlobalEndpointTokenVersion: 1,
    Roles: await count('role'),
    RolesQuota: DEFAULT_QUOTAS.roles,
    RolePolicySizeQuota: QUOTAS.inlineAggregate.role,
    InstanceProfiles: await count(INSTANCE_PROFILE),
    InstanceProfilesQuota: DEFAULT_QUOTAS.instanceProfiles,
    Providers: (await count('saml-provider')) + (await count('oidc-provider')),
    AssumeRolePolicySizeQuota: QUOTAS.trustPolicySize,
  };
}

export const GetAccountSummary = defineAction({
  name: 'GetAccountSummary',
  writes: false,
  parse: () => ({}),
  async run(_p, ctx) {
    const entries = Object.entries(await accountSummary(ctx)).map(([k, v]): XmlNode => ['entry', [['key', k], ['value', v]]]);
    return [['SummaryMap', entries]];
  },
});
