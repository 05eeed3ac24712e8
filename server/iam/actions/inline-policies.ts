// Put/Get/List/Delete{User,Group,Role}Policy: inline policies embedded in one principal.
import { AwsError } from '../../contracts/errors.ts';
import { members } from '../../query-protocol/xml.ts';
import { defineAction, type IamAction } from '../action.ts';
import { compileDocument, encodeDocument, policySize, QUOTAS } from '../documents.ts';
import { IamModel, type PrincipalKind } from '../model.ts';
import { C, readPaging } from '../params.ts';
import { paginate } from '../paging.ts';
import { pagingXml } from '../render.ts';
import { PRINCIPAL_PARAMS, requirePrincipal } from './common.ts';

function inlineActions(kind: PrincipalKind): IamAction[] {
  const { Name, nameC } = PRINCIPAL_PARAMS[kind];
  const nameParam = `${Name}Name`;
  const read = (r: Parameters<IamAction['parse']>[0]) => ({ principal: r.required(nameParam, nameC), policyName: r.required('PolicyName', C.policyName) });

  const put = defineAction({
    name: `Put${Name}Policy`,
    writes: true,
    parse: (r) => ({ ...read(r), doc: r.required('PolicyDocument', C.policyDocument) }),
    async run(p, ctx) {
      compileDocument(p.doc, 'identity');
      await ctx.store.transaction(async (tx) => {
        const m = new IamModel(tx);
        const e = await requirePrincipal(m, ctx.account, kind, p.principal);
        const others = (await m.listInline(ctx.account, kind, e.name)).filter((x) => x.data.name !== p.policyName);
        const total = others.reduce((n, x) => n + policySize(x.data.document), policySize(p.doc));
        const limit = QUOTAS.inlineAggregate[kind];
        if (total > limit) throw new AwsError('LimitExceeded', `Maximum policy size of ${limit} bytes exceeded for ${kind} ${e.name}`);
        await m.putInline(ctx.account, kind, e.name, { name: p.policyName, document: p.doc });
      });
      return undefined;
    },
  });

  const get = defineAction({
    name: `Get${Name}Policy`,
    writes: false,
    parse: read,
    async run(p, ctx) {
      const m = new IamModel(ctx.store);
      const e = await requirePrincipal(m, ctx.account, kind, p.principal);
      const pol = await m.getInline(ctx.account, kind, e.name, p.policyName);
      if (!pol) throw new AwsError('NoSuchEntity', `The ${kind} policy with name ${p.policyName} cannot be found.`);
      return [[nameParam, e.name], ['PolicyName', pol.data.name], ['PolicyDocument', encodeDocument(pol.data.document)]];
    },
  });

  const list = defineAction({
    name: `List${Name}Policies`,
    writes: false,
    parse: (r) => ({ principal: r.required(nameParam, nameC), ...readPaging(r) }),
    async run(p, ctx) {
      const m = new IamModel(ctx.store);
      const e = await requirePrincipal(m, ctx.account, kind, p.principal);
      const names = (await m.listInline(ctx.account, kind, e.name)).map((x) => x.data.name).sort();
      const page = paginate(names, (n) => n, p.marker, p.maxItems);
      return [members('PolicyNames', page.items, (n) => n), ...pagingXml(page.isTruncated, page.marker)];
    },
  });

  const del = defineAction({
    name: `Delete${Name}Policy`,
    writes: true,
    parse: read,
    async run(p, ctx) {
      const m = new IamModel(ctx.store);
      const e = await requirePrincipal(m, ctx.account, kind, p.principal);
      if (!(await m.deleteInline(ctx.account, kind, e.name, p.policyName))) throw new AwsError('NoSuchEntity', `The ${kind} policy with name ${p.policyName} cannot be found.`);
      return undefined;
    },
  });

  return [put, get, list, del] as IamAction[];
}

export const inlinePolicyActions: IamAction[] = [...inlineActions('user'), ...inlineActions('group'), ...inlineActions('role')];
