// The role an STS action assumes: the one the authorization table already read for this request (same account and
// name), else read now — one Store read fewer per AssumeRole*.
import type { ActionContext } from '../iam/action.ts';
import { parseArn } from '../iam/arn.ts';
import { IamModel, nameKey, type RoleData } from '../iam/model.ts';

export async function readRole(ctx: ActionContext, ref: { account: string; name: string }): Promise<RoleData | undefined> {
  const e = ctx.authorization?.entity;
  if (e && ctx.authorization?.resourceType === 'role' && 'assumeRolePolicyDocument' in e) {
    const role = e as RoleData;
    if (parseArn(role.arn)?.account === ref.account && nameKey(role.name) === nameKey(ref.name)) return role;
  }
  return (await new IamModel(ctx.store).getPrincipal<RoleData>(ref.account, 'role', ref.name))?.data;
}
