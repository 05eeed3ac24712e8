// Helpers shared by the IAM actions: lookups that fail with AWS's NoSuchEntity wording, and conflicts.
import { AwsError, ConflictError } from '../../contracts/errors.ts';
import type { ActionContext } from '../action.ts';
import { IamModel, type PrincipalData, type PrincipalKind } from '../model.ts';
import { C, type StringConstraint } from '../params.ts';

export function model(ctx: ActionContext): IamModel {
  return new IamModel(ctx.store);
}

export async function requirePrincipal<T extends PrincipalData = PrincipalData>(m: IamModel, account: string, kind: PrincipalKind, name: string): Promise<T> {
  const r = await m.getPrincipal<T>(account, kind, name);
  if (!r) throw new AwsError('NoSuchEntity', `The ${kind} with name ${name} cannot be found.`);
  return r.data;
}

/** Maps the store's unique-key conflict to EntityAlreadyExists with AWS's message. */
export async function insertOrExists(insert: () => Promise<void>, message: string): Promise<void> {
  try {
    await insert();
  } catch (err) {
    if (err instanceof ConflictError) throw new AwsError('EntityAlreadyExists', message, { cause: err });
    throw err;
  }
}

export function nowIso(ctx: ActionContext): string {
  return ctx.now.toISOString();
}

/** The wire name and name constraint of each principal kind (UserName, GroupName, RoleName). */
export const PRINCIPAL_PARAMS: Record<PrincipalKind, { Name: 'User' | 'Group' | 'Role'; nameC: StringConstraint }> = {
  user: { Name: 'User', nameC: C.existingUserName },
  group: { Name: 'Group', nameC: C.groupName },
  role: { Name: 'Role', nameC: C.roleName },
};
