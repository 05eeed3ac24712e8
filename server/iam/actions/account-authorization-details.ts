// GetAccountAuthorizationDetails: every user, group, role and managed policy of the account with their
// policies, in one answer — what IAM auditing tools (Prowler, PMapper, Cloudsplaining…) read.
import { members, type XmlNode } from '../../query-protocol/xml.ts';
import { defineAction, type ActionContext } from '../action.ts';
import { encodeDocument } from '../documents.ts';
import { AWS_MANAGED, IamModel, type ManagedPolicyData, type PrincipalData, type PrincipalKind, type RoleData } from '../model.ts';
import { instanceProfilesOfRole } from '../instance-profile-model.ts';
import { readPaging } from '../params.ts';
import { groupXml, policyXml, roleXml, userXml } from '../render.ts';
import { profilesXml } from './instance-profiles.ts';

const FILTERS = ['User', 'Role', 'Group', 'LocalManagedPolicy', 'AWSManagedPolicy'] as const;

async function principalPolicies(m: IamModel, account: string, kind: PrincipalKind, name: string, Kind: string): Promise<XmlNode[]> {
  const inline = await m.listInline(account, kind, name);
  const attached = await m.listAttached(account, kind, name);
  return [
    members(`${Kind}PolicyList`, inline, (p) => [['PolicyName', p.data.name], ['PolicyDocument', encodeDocument(p.data.document)]]),
    members('AttachedManagedPolicies', attached, (a) => [['PolicyName', a.data.policyName], ['PolicyArn', a.data.policyArn]]),
  ];
}

async function policyDetail(m: IamModel, account: string, p: ManagedPolicyData): Promise<XmlNode[]> {
  const versions = (await m.listPolicyVersions(account, p.arn)).map((v) => v.data);
  return [
    ...policyXml(p, await m.attachmentCount(p.arn), 0, true, false),
    members('PolicyVersionList', versions, (v) => [['Document', encodeDocument(v.document)], ['VersionId', v.versionId], ['IsDefaultVersion', v.versionId === p.defaultVersionId], ['CreateDate', new Date(v.createDate)]]),
  ];
}

async function details(ctx: ActionContext, want: Set<string>): Promise<XmlNode[]> {
  const m = new IamModel(ctx.store);
  const a = ctx.account;
  const users: XmlNode[][] = [];
  if (want.has('User')) {
    for (const u of await m.listPrincipals<PrincipalData>(a, 'user')) {
      const groups = await m.groupsOfUser(a, u.data.name);
      const names: string[] = [];
      for (const g of groups) names.push((await m.getPrincipal(a, 'group', g))?.data.name ?? g);
      users.push([...userXml(u.data), ...(await principalPolicies(m, a, 'user', u.data.name, 'User')), members('GroupList', names, (n) => n)]);
    }
  }
  const groups: XmlNode[][] = [];
  if (want.has('Group')) for (const g of await m.listPrincipals(a, 'group')) groups.push([...groupXml(g.data), ...(await principalPolicies(m, a, 'group', g.data.name, 'Group'))]);
  const roles: XmlNode[][] = [];
  if (want.has('Role')) {
    for (const r of await m.listPrincipals<RoleData>(a, 'role')) {
      const profiles = await profilesXml(ctx.store, a, await instanceProfilesOfRole(ctx.store, a, r.data.name), true);
      roles.push([...roleXml(r.data), members('InstanceProfileList', profiles, (x) => x), ...(await principalPolicies(m, a, 'role', r.data.name, 'Role'))]);
    }
  }
  const policies: XmlNode[][] = [];
  for (const [filter, owner] of [['LocalManagedPolicy', a], ['AWSManagedPolicy', AWS_MANAGED]] as const) {
    if (!want.has(filter)) continue;
    for (const p of await m.listPolicies(owner)) policies.push(await policyDetail(m, owner, p.data));
  }
  return [members('UserDetailList', users, (x) => x), members('GroupDetailList', groups, (x) => x), members('RoleDetailList', roles, (x) => x), members('Policies', policies, (x) => x), ['IsTruncated', false]];
}

export const GetAccountAuthorizationDetails = defineAction({
  name: 'GetAccountAuthorizationDetails',
  writes: false,
  parse: (r) => ({ filter: r.list('Filter', { pattern: FILTERS.join('|') }), ...readPaging(r) }),
  async run(p, ctx) {
    return details(ctx, new Set(p.filter?.length ? p.filter : FILTERS));
  },
});
