// The XML shapes of IAM's entities (User, Group, Role, Policy, …) as AWS renders them.
import { members, opt, type XmlNode } from '../query-protocol/xml.ts';
import { encodeDocument } from './documents.ts';
import type { InstanceProfileData } from './instance-profile-model.ts';
import type { ManagedPolicyData, PrincipalData, RoleData } from './model.ts';
import type { Tag } from './params.ts';

export function tagsXml(tags: readonly Tag[] | undefined): XmlNode[] {
  return tags && tags.length ? [members('Tags', tags, (t) => [['Key', t.Key], ['Value', t.Value]])] : [];
}

function boundaryXml(arn: string | undefined): XmlNode[] {
  return arn ? [['PermissionsBoundary', [['PermissionsBoundaryType', 'Policy'], ['PermissionsBoundaryArn', arn]]]] : [];
}

/** A user; lists (ListUsers, GetGroup) leave out the boundary and tags, as AWS does (`detail` false). */
export function userXml(u: PrincipalData, detail = true): XmlNode[] {
  return [
    ['Path', u.path],
    ['UserName', u.name],
    ['UserId', u.id],
    ['Arn', u.arn],
    ['CreateDate', new Date(u.createDate)],
    ...(detail ? [...boundaryXml(u.permissionsBoundary), ...tagsXml(u.tags)] : []),
  ];
}

export function groupXml(g: PrincipalData): XmlNode[] {
  return [['Path', g.path], ['GroupName', g.name], ['GroupId', g.id], ['Arn', g.arn], ['CreateDate', new Date(g.createDate)]];
}

/** The members every rendering of a role has (an instance profile's roles have only these). */
function roleCoreXml(r: RoleData): XmlNode[] {
  return [['Path', r.path], ['RoleName', r.name], ['RoleId', r.id], ['Arn', r.arn], ['CreateDate', new Date(r.createDate)], ['AssumeRolePolicyDocument', encodeDocument(r.assumeRolePolicyDocument)]];
}

/** A role; ListRoles leaves out the boundary and tags, as AWS does (`detail` false). */
export function roleXml(r: RoleData, detail = true): XmlNode[] {
  return [
    ...roleCoreXml(r),
    ...opt('Description', r.description),
    ['MaxSessionDuration', r.maxSessionDuration],
    ...(detail ? [...boundaryXml(r.permissionsBoundary), ...tagsXml(r.tags)] : []),
  ];
}

/** An instance profile with its role, which AWS renders in a short form (no MaxSessionDuration, tags or last use). */
export function instanceProfileXml(p: InstanceProfileData, roles: readonly RoleData[], withTags = true): XmlNode[] {
  return [
    ['Path', p.path],
    ['InstanceProfileName', p.name],
    ['InstanceProfileId', p.id],
    ['Arn', p.arn],
    ['CreateDate', new Date(p.createDate)],
    members('Roles', roles, roleCoreXml),
    ...(withTags ? tagsXml(p.tags) : []),
  ];
}

/** A managed policy's fields; `detail` adds the Description (and the Tags, unless `tags` is false: GetAccountAuthorizationDetails' ManagedPolicyDetail has none). */
export function policyXml(p: ManagedPolicyData, attachmentCount: number, boundaryUsage: number, detail: boolean, tags = detail): XmlNode[] {
  return [
    ['PolicyName', p.name],
    ['PolicyId', p.id],
    ['Arn', p.arn],
    ['Path', p.path],
    ['DefaultVersionId', p.defaultVersionId],
    ['AttachmentCount', attachmentCount],
    ['PermissionsBoundaryUsageCount', boundaryUsage],
    ['IsAttachable', true],
    ...(detail ? opt('Description', p.description) : []),
    ['CreateDate', new Date(p.createDate)],
    ['UpdateDate', new Date(p.updateDate)],
    ...(tags ? tagsXml(p.tags) : []),
  ];
}

/** IsTruncated/Marker of paged List* results. */
export function pagingXml(isTruncated: boolean, marker: string | undefined): XmlNode[] {
  return [['IsTruncated', isTruncated], ...(isTruncated && marker ? [['Marker', marker] as XmlNode] : [])];
}
