// Instance profiles hold a role for EC2 instances; the broker runs no EC2, so it has none. The read calls are
// answered truthfully (empty lists, NoSuchEntity) because tools that manage roles make them: Terraform's
// aws_iam_role, for one, lists a role's instance profiles to detach them before DeleteRole.
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type IamAction } from '../action.ts';
import { C, readPaging } from '../params.ts';
import { model, requirePrincipal } from './common.ts';

export const ListInstanceProfilesForRole = defineAction({
  name: 'ListInstanceProfilesForRole',
  writes: false,
  parse: (r) => ({ roleName: r.required('RoleName', C.roleName), ...readPaging(r) }),
  async run(p, ctx) {
    await requirePrincipal(model(ctx), ctx.account, 'role', p.roleName);
    return [members('InstanceProfiles', [], () => []), ['IsTruncated', false]];
  },
});

export const ListInstanceProfiles = defineAction({
  name: 'ListInstanceProfiles',
  writes: false,
  parse: (r) => ({ pathPrefix: r.optional('PathPrefix', C.pathPrefix), ...readPaging(r) }),
  async run() {
    return [members('InstanceProfiles', [], () => []), ['IsTruncated', false]];
  },
});

export const GetInstanceProfile = defineAction({
  name: 'GetInstanceProfile',
  writes: false,
  parse: (r) => ({ name: r.required('InstanceProfileName', C.roleName) }),
  async run(p) {
    throw new AwsError('NoSuchEntity', `Instance Profile ${p.name} cannot be found.`);
  },
});

export const instanceProfileActions = [ListInstanceProfilesForRole, ListInstanceProfiles, GetInstanceProfile] as IamAction[];
