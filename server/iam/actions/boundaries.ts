// Permissions boundaries: a managed policy ARN set on a user or role (at most one).
import { AwsError } from '../../contracts/errors.ts';
import { defineAction, type IamAction } from '../action.ts';
import { parsePolicyArn } from '../arn.ts';
import { IamModel } from '../model.ts';
import { policyUsableBy } from '../policy-scope.ts';
import { C } from '../params.ts';
import { requirePrincipal } from './common.ts';

/** The boundary must name an existing managed policy of `account` or an AWS-managed one (another account's is as absent). */
export async function checkBoundaryArn(m: IamModel, arn: string, account: string): Promise<void> {
  const p = parsePolicyArn(arn);
  if (!p) throw new AwsError('InvalidInput', `ARN ${arn} is not valid.`);
  if (!policyUsableBy(arn, account) || !(await m.getPolicy(p.account, arn))) throw new AwsError('NoSuchEntity', `Scope ARN: ${arn} does not exist or is not attachable.`);
}

function boundaryActions(kind: 'user' | 'role', Name: 'User' | 'Role'): IamAction[] {
  const nameParam = `${Name}Name`;
  const nameC = kind === 'user' ? C.existingUserName : C.roleName;
  const put = defineAction({
    name: `Put${Name}PermissionsBoundary`,
    writes: true,
    parse: (r) => ({ name: r.required(nameParam, nameC), arn: r.required('PermissionsBoundary', C.arn) }),
    async run(p, ctx) {
      await ctx.store.transaction(async (tx) => {
        const m = new IamModel(tx);
        const e = await requirePrincipal(m, ctx.account, kind, p.name);
        await checkBoundaryArn(m, p.arn, ctx.account);
        await m.updatePrincipal(ctx.account, kind, { ...e, permissionsBoundary: p.arn });
      });
      return undefined;
    },
  });
  const del = defineAction({
    name: `Delete${Name}PermissionsBoundary`,
    writes: true,
    parse: (r) => ({ name: r.required(nameParam, nameC) }),
    async run(p, ctx) {
      await ctx.store.transaction(async (tx) => {
        const m = new IamModel(tx);
        const e = await requirePrincipal(m, ctx.account, kind, p.name);
        const { permissionsBoundary: _drop, ...rest } = e;
        await m.updatePrincipal(ctx.account, kind, rest);
      });
      return undefined;
    },
  });
  return [put, del] as IamAction[];
}

export const boundaryActionsAll: IamAction[] = [...boundaryActions('user', 'User'), ...boundaryActions('role', 'Role')];
