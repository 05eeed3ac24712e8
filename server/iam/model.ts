// The IAM model: typed records over the Store's entities, and the keys that relate them.
import type { EntityRecord, Repos } from '../contracts/store.ts';
import type { Tag } from './params.ts';

export type PrincipalKind = 'user' | 'group' | 'role';

export interface PrincipalData {
  name: string;
  id: string;
  path: string;
  arn: string;
  createDate: string;
  permissionsBoundary?: string;
  tags: Tag[];
}

export interface RoleData extends PrincipalData {
  assumeRolePolicyDocument: string;
  description?: string;
  maxSessionDuration: number;
}

export interface ManagedPolicyData {
  name: string;
  id: string;
  path: string;
  arn: string;
  description?: string;
  defaultVersionId: string;
  nextVersion: number;
  createDate: string;
  updateDate: string;
  tags: Tag[];
}

export interface PolicyVersionData {
  versionId: string;
  document: string;
  createDate: string;
}

export interface InlinePolicyData {
  name: string;
  document: string;
}

export interface AttachmentData {
  policyArn: string;
  policyName: string;
}

export interface MembershipData {
  userKey: string;
  groupKey: string;
}

export interface AccessKeyData {
  accessKeyId: string;
  userName: string;
  status: 'Active' | 'Inactive';
  createDate: string;
  sealedSecret: string;
  lastUsed?: { date: string; service: string; region: string };
}

/** A virtual MFA device: key = serial number ARN, parent = the user's key once enabled. */
export interface MfaDeviceData {
  serialNumber: string;
  name: string;
  path: string;
  sealedSeed: string;
  createDate: string;
  userName?: string;
  enabledDate?: string;
  tags: Tag[];
}

/** Principal names compare case-insensitively in IAM; keys are lower-cased. */
export function nameKey(name: string): string {
  return name.toLowerCase();
}

export const inlineKind = (k: PrincipalKind) => `${k}-policy`;
export const attachmentKind = (k: PrincipalKind) => `${k}-attachment`;
export const MEMBERSHIP = 'membership';
export const ACCESS_KEY = 'access-key';
export const MFA_DEVICE = 'mfa-device';
/** Time steps of a virtual MFA device's codes already used (parent: the serial number): ./totp-once.ts. */
export const MFA_DEVICE_USED_STEP = 'mfa-device-used-step';
export const POLICY = 'policy';
export const POLICY_VERSION = 'policy-version';
/** The account under which AWS-managed policies (arn:aws:iam::aws:policy/…) live. */
export const AWS_MANAGED = 'aws';

export class IamModel {
  constructor(readonly repos: Repos) {}

  private get e() {
    return this.repos.entities;
  }

  getPrincipal<T extends PrincipalData = PrincipalData>(account: string, kind: PrincipalKind, name: string) {
    return this.e.get<T>(account, kind, nameKey(name));
  }

  listPrincipals<T extends PrincipalData = PrincipalData>(account: string, kind: PrincipalKind) {
    return this.e.list<T>(account, kind);
  }

  insertPrincipal(account: string, kind: PrincipalKind, data: PrincipalData) {
    return this.e.insert({ account, kind, key: nameKey(data.name), data });
  }

  updatePrincipal(account: string, kind: PrincipalKind, data: PrincipalData) {
    return this.e.update({ account, kind, key: nameKey(data.name), data });
  }

  deletePrincipal(account: string, kind: PrincipalKind, name: string) {
    return this.e.delete(account, kind, nameKey(name));
  }

  // inline policies: key '<principal key>/<policy name>', parent = principal key
  getInline(account: string, kind: PrincipalKind, principal: string, policyName: string) {
    return this.e.get<InlinePolicyData>(account, inlineKind(kind), `${nameKey(principal)}/${policyName}`);
  }

  listInline(account: string, kind: PrincipalKind, principal: string) {
    return this.e.list<InlinePolicyData>(account, inlineKind(kind), { parent: nameKey(principal) });
  }

  putInline(account: string, kind: PrincipalKind, principal: string, data: InlinePolicyData) {
    return this.e.upsert({ account, kind: inlineKind(kind), key: `${nameKey(principal)}/${data.name}`, parent: nameKey(principal), data });
  }

  deleteInline(account: string, kind: PrincipalKind, principal: string, policyName: string) {
    return this.e.delete(account, inlineKind(kind), `${nameKey(principal)}/${policyName}`);
  }

  // managed policy attachments: key '<principal key>|<policy arn>', parent = principal key, ref = policy arn
  listAttached(account: string, kind: PrincipalKind, principal: string) {
    return this.e.list<AttachmentData>(account, attachmentKind(kind), { parent: nameKey(principal) });
  }

  attach(account: string, kind: PrincipalKind, principal: string, data: AttachmentData) {
    return this.e.upsert({ account, kind: attachmentKind(kind), key: `${nameKey(principal)}|${data.policyArn}`, parent: nameKey(principal), ref: data.policyArn, data });
  }

  detach(account: string, kind: PrincipalKind, principal: string, policyArn: string) {
    return this.e.delete(account, attachmentKind(kind), `${nameKey(principal)}|${policyArn}`);
  }

  async attachmentsOf(policyArn: string): Promise<Array<EntityRecord<AttachmentData> & { principalKind: PrincipalKind }>> {
    const out = [];
    for (const k of ['user', 'group', 'role'] as const) {
      for (const r of await this.e.listByRef<AttachmentData>(attachmentKind(k), policyArn)) out.push({ ...r, principalKind: k });
    }
    return out;
  }

  async attachmentCount(policyArn: string): Promise<number> {
    let n = 0;
    for (const k of ['user', 'group', 'role'] as const) n += await this.e.countByRef(attachmentKind(k), policyArn);
    return n;
  }

  // managed policies: key = policy ARN (unique across paths); versions keyed '<arn>#<versionId>'
  getPolicy(account: string, arn: string) {
    return this.e.get<ManagedPolicyData>(account, POLICY, arn);
  }

  listPolicies(account: string) {
    return this.e.list<ManagedPolicyData>(account, POLICY);
  }

  getPolicyVersion(account: string, arn: string, versionId: string) {
    return this.e.get<PolicyVersionData>(account, POLICY_VERSION, `${arn}#${versionId}`);
  }

  listPolicyVersions(account: string, arn: string) {
    return this.e.list<PolicyVersionData>(account, POLICY_VERSION, { parent: arn });
  }

  putPolicyVersion(account: string, arn: string, data: PolicyVersionData) {
    return this.e.insert({ account, kind: POLICY_VERSION, key: `${arn}#${data.versionId}`, parent: arn, data });
  }

  async defaultDocument(account: string, arn: string): Promise<string | undefined> {
    const p = await this.getPolicy(account, arn);
    if (!p) return undefined;
    return (await this.getPolicyVersion(account, arn, p.data.defaultVersionId))?.data.document;
  }

  // group membership: key '<user key>|<group key>', parent = user key, ref = '<account>:<group key>'
  addMember(account: string, user: string, group: string) {
    const data: MembershipData = { userKey: nameKey(user), groupKey: nameKey(group) };
    return this.e.upsert({ account, kind: MEMBERSHIP, key: `${data.userKey}|${data.groupKey}`, parent: data.userKey, ref: `${account}:${data.groupKey}`, data });
  }

  removeMember(account: string, user: string, group: string) {
    return this.e.delete(account, MEMBERSHIP, `${nameKey(user)}|${nameKey(group)}`);
  }

  async groupsOfUser(account: string, user: string): Promise<string[]> {
    return (await this.e.list<MembershipData>(account, MEMBERSHIP, { parent: nameKey(user) })).map((r) => r.data.groupKey);
  }

  async usersOfGroup(account: string, group: string): Promise<string[]> {
    return (await this.e.listByRef<MembershipData>(MEMBERSHIP, `${account}:${nameKey(group)}`)).map((r) => r.data.userKey);
  }

  // access keys: key = access key id (unique across accounts), parent = user key
  getAccessKey(accessKeyId: string) {
    return this.e.find<AccessKeyData>(ACCESS_KEY, accessKeyId);
  }

  listAccessKeys(account: string, user: string) {
    return this.e.list<AccessKeyData>(account, ACCESS_KEY, { parent: nameKey(user) });
  }

  putAccessKey(account: string, data: AccessKeyData, insert: boolean) {
    const rec = { account, kind: ACCESS_KEY, key: data.accessKeyId, parent: nameKey(data.userName), data };
    return insert ? this.e.insert(rec) : this.e.update(rec);
  }

  deleteAccessKey(account: string, accessKeyId: string) {
    return this.e.delete(account, ACCESS_KEY, accessKeyId);
  }
}
