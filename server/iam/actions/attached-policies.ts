// Attach/Detach/ListAttached{User,Group,Role}Policies: managed policies attached to principals.
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type IamAction } from '../action.ts';
import { parsePolicyArn } from '../arn.ts';
import { QUOTAS } from '../documents.ts';
import { IamModel, type PrincipalKind } from '../model.ts';
import { C, readPaging } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml } from '../render.ts';
import { PRINCIPAL_PARAMS, requirePrincipal } from './common.ts';

function attachedActions(kind: PrincipalKind): IamAction[] {
  const { Name, nameC } = PRINCIPAL_PARAMS[kind];
  const nameParam = `${Name}Name`;
  const read = (r: Parameters<IamAction['parse']>[0]) => ({ principal: r.required(nameParam, nameC), policyArn: r.required('PolicyArn', C.arn) });

  const attach = defineAction({
    name: `Attach${Name}Policy`,
    writes: true,
    parse: read,
    async run(p, ctx) {
      const parsed = parsePolicyArn(p.policyArn);
      if (!parsed) throw new AwsError('InvalidInput', `ARN ${p.policyArn} is not valid.`);
      await ctx.store.transaction(async (tx) => {
        const m = new IamModel(tx);
        const e = await requirePrincipal(m, ctx.account, kind, p.principal);
        const policy = await m.getPolicy(parsed.account, p.policyArn);
        if (!policy || (parsed.account !== ctx.account && parsed.account !== 'aws')) throw new AwsError('NoSuchEntity', `Policy ${p.policyArn} does not exist or is not attachable.`);
        const attached = await m.listAttached(ctx.account, kind, e.name);
        if (!attached.some((a) => a.data.policyArn === p.policyArn) && attached.length >= QUOTAS.attachedPerPrincipal) {
          throw new AwsError('LimitExceeded', `Cannot exceed quota for PoliciesPer${Name}: ${QUOTAS.attachedPerPrincipal}`);
        }
        await m.attach(ctx.account, kind, e.name, { policyArn: p.policyArn, policyName: policy.data.name });
      });
      return undefined;
    },
  });

  const detach = defineAction({
    name: `Detach${Name}Policy`,
    writes: true,
    parse: read,
    async run(p, ctx) {
      const m = new IamModel(ctx.store);
      const e = await requirePrincipal(m, ctx.account, kind, p.principal);
      if (!(await m.detach(ctx.account, kind, e.name, p.policyArn))) throw new AwsError('NoSuchEntity', `Policy ${p.policyArn} was not found.`);
      return undefined;
    },
  });

  const list = defineAction({
    name: `ListAttached${Name}Policies`,
    writes: false,
    parse: (r) => ({ principal: r.required(nameParam, nameC), pathPrefix: r.optional('PathPrefix', C.policyPathPrefix) ?? '/', ...readPaging(r) }),
    async run(p, ctx) {
      const m = new IamModel(ctx.store);
      const e = await requirePrincipal(m, ctx.account, kind, p.principal);
      const all = (await m.listAttached(ctx.account, kind, e.name)).map((a) => a.data).filter((a) => (parsePolicyArn(a.policyArn)?.path ?? '/').startsWith(p.pathPrefix));
      const page = paginate(all, (a) => a.policyArn, p.marker, p.maxItems);
      return [members('AttachedPolicies', page.items, (a) => [['PolicyName', a.policyName], ['PolicyArn', a.policyArn]]), ...pagingXml(page.isTruncated, page.marker)];
    },
  });

  return [attach, detach, list] as IamAction[];
}

export const attachedPolicyActions: IamAction[] = [...attachedActions('user'), ...attachedActions('group'), ...attachedActions('role')];
