// ListAccountAliases: the caller's account alias from the config (AWS allows at most one).
import { members } from '../../query-protocol/xml.ts';
import { defineAction } from '../action.ts';
import { readPaging } from '../params.ts';

export const ListAccountAliases = defineAction({
  name: 'ListAccountAliases',
  writes: false,
  parse: (r) => readPaging(r),
  async run(_p, ctx) {
    const alias = ctx.services.accounts?.find((a) => a.id === ctx.account)?.alias;
    return [members('AccountAliases', alias ? [alias] : [], (a) => a), ['IsTruncated', false]];
  },
});
