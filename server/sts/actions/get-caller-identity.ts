// GetCallerIdentity: who the credentials belong to. Needs no permission and cannot be denied.
import { defineAction } from '../../iam/action.ts';

export const GetCallerIdentity = defineAction({
  name: 'GetCallerIdentity',
  writes: false,
  parse: () => ({}),
  authorize: async () => {},
  async run(_p, ctx) {
    return [['UserId', ctx.caller.userId], ['Account', ctx.caller.account], ['Arn', ctx.caller.arn]];
  },
});
