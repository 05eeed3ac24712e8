// An audit record in CloudTrail's LookupEvents shape (Event: EventId, EventName, ReadOnly, AccessKeyId,
// EventTime, EventSource, Username, Resources, CloudTrailEvent) and the attributes LookupAttributes match.
import type { AuditRecord } from '../contracts/store.ts';
import type { AuditEvent } from './event.ts';

export interface CloudTrailResource {
  ResourceType: string;
  ResourceName: string;
}

export interface CloudTrailEvent {
  EventId: string;
  EventName: string;
  ReadOnly: string;
  AccessKeyId?: string;
  EventTime: number;
  EventSource: string;
  Username?: string;
  Resources: CloudTrailResource[];
  CloudTrailEvent: string;
}

type Identity = { type?: string; arn?: string; userName?: string; accessKeyId?: string };

/** CloudTrail's "User name": the IAM user, the role session, the federated user, "root", or a directory/portal user. */
export function userName(e: AuditEvent): string | undefined {
  const u = e.userIdentity as Identity;
  if (u.userName) return u.userName;
  if (u.type === 'Root') return 'root';
  if ((u.type === 'AssumedRole' || u.type === 'FederatedUser') && u.arn) return u.arn.slice(u.arn.lastIndexOf('/') + 1);
  return undefined;
}

// Request parameters that name a resource, and the CloudTrail resource type each one is.
const RESOURCE_PARAMETERS: ReadonlyArray<[string, string]> = [
  ['userName', 'AWS::IAM::User'],
  ['groupName', 'AWS::IAM::Group'],
  ['roleName', 'AWS::IAM::Role'],
  ['roleArn', 'AWS::IAM::Role'],
  ['policyArn', 'AWS::IAM::Policy'],
  ['instanceProfileName', 'AWS::IAM::InstanceProfile'],
  ['accessKeyId', 'AWS::IAM::AccessKey'],
  ['sAMLProviderArn', 'AWS::IAM::SAMLProvider'],
  ['principalArn', 'AWS::IAM::SAMLProvider'],
  ['openIDConnectProviderArn', 'AWS::IAM::OIDCProvider'],
  ['serialNumber', 'AWS::IAM::MFADevice'],
  ['directoryId', 'AWS::DirectoryService::Directory'],
];

/** The resources an event names: from its request parameters, and the access key a call created or issued. */
export function resources(e: AuditEvent): CloudTrailResource[] {
  const out: CloudTrailResource[] = [];
  const add = (type: string, name: unknown) => {
    if (typeof name === 'string' && name !== '' && !out.some((r) => r.ResourceType === type && r.ResourceName === name)) out.push({ ResourceType: type, ResourceName: name });
  };
  const params = e.requestParameters ?? {};
  for (const [key, type] of RESOURCE_PARAMETERS) {
    if (key === 'principalArn' && !/:saml-provider\//.test(String(params[key]))) continue;
    add(type, params[key]);
  }
  const response = e.responseElements as { Credentials?: { AccessKeyId?: unknown }; AccessKey?: { AccessKeyId?: unknown } } | null;
  add('AWS::IAM::AccessKey', response?.Credentials?.AccessKeyId ?? response?.AccessKey?.AccessKeyId);
  return out;
}

export function toCloudTrailEvent(r: AuditRecord): CloudTrailEvent {
  const e = r.data as AuditEvent;
  const u = e.userIdentity as Identity;
  const name = userName(e);
  return {
    EventId: r.eventId,
    EventName: r.eventName,
    ReadOnly: String(Boolean(e.readOnly)),
    ...(u.accessKeyId ? { AccessKeyId: u.accessKeyId } : {}),
    EventTime: Date.parse(r.eventTime) / 1000,
    EventSource: r.eventSource,
    ...(name !== undefined ? { Username: name } : {}),
    Resources: resources(e),
    CloudTrailEvent: JSON.stringify(e),
  };
}

export const LOOKUP_ATTRIBUTE_KEYS = ['EventId', 'EventName', 'ReadOnly', 'Username', 'ResourceType', 'ResourceName', 'EventSource', 'AccessKeyId'] as const;
export type LookupAttributeKey = (typeof LOOKUP_ATTRIBUTE_KEYS)[number];

/** Whether an event has the attribute value (exact match, as CloudTrail's lookup). */
export function matchesAttribute(ev: CloudTrailEvent, key: LookupAttributeKey, value: string): boolean {
  switch (key) {
    case 'ResourceType':
      return ev.Resources.some((r) => r.ResourceType === value);
    case 'ResourceName':
      return ev.Resources.some((r) => r.ResourceName === value);
    default:
      return ev[key] === value;
  }
}
