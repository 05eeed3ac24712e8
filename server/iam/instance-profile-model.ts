// Instance profiles in the Store: kind 'instance-profile', key = the lower-cased name, ref = '<account>:<role key>'
// of the one role a profile may hold (AWS's quota InstanceSessionsPerInstanceProfile is 1), so a role's profiles
// are one lookup by ref.
import type { EntityRecord, Repos } from '../contracts/store.ts';
import { nameKey } from './model.ts';
import type { Tag } from './params.ts';

export const INSTANCE_PROFILE = 'instance-profile';

export interface InstanceProfileData {
  name: string;
  id: string;
  path: string;
  arn: string;
  createDate: string;
  /** The role's name (as created), when the profile holds one. */
  roleName?: string;
  tags: Tag[];
}

const roleRef = (account: string, roleName: string) => `${account}:${nameKey(roleName)}`;

export function getInstanceProfile(repos: Repos, account: string, name: string): Promise<EntityRecord<InstanceProfileData> | undefined> {
  return repos.entities.get<InstanceProfileData>(account, INSTANCE_PROFILE, nameKey(name));
}

export async function listInstanceProfiles(repos: Repos, account: string): Promise<InstanceProfileData[]> {
  return (await repos.entities.list<InstanceProfileData>(account, INSTANCE_PROFILE)).map((r) => r.data);
}

export async function instanceProfilesOfRole(repos: Repos, account: string, roleName: string): Promise<InstanceProfileData[]> {
  return (await repos.entities.listByRef<InstanceProfileData>(INSTANCE_PROFILE, roleRef(account, roleName))).map((r) => r.data);
}

function record(account: string, data: InstanceProfileData): EntityRecord<InstanceProfileData> {
  return { account, kind: INSTANCE_PROFILE, key: nameKey(data.name), ref: data.roleName ? roleRef(account, data.roleName) : null, data };
}

export function insertInstanceProfile(repos: Repos, account: string, data: InstanceProfileData): Promise<void> {
  return repos.entities.insert(record(account, data));
}

export function updateInstanceProfile(repos: Repos, account: string, data: InstanceProfileData): Promise<boolean> {
  return repos.entities.update(record(account, data));
}

export function deleteInstanceProfile(repos: Repos, account: string, name: string): Promise<boolean> {
  return repos.entities.delete(account, INSTANCE_PROFILE, nameKey(name));
}
