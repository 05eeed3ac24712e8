// RevokeSessions (an idbroker extension of the IAM API; AWS has only "revoke older sessions" deny policies):
// revoke one session (AccessKeyId=ASIA…), every session of a principal issued before now (PrincipalArn: a
// role, user or assumed-role session ARN), or every session issued before a time (IssuedBefore, or All=true).
// Every replica refuses them within the revocation list's refresh interval (2 s).
import { AwsError } from '../../contracts/errors.ts';
import { defineAction } from '../../iam/action.ts';
import { addRevocation, type RevocationRule } from '../revocation.ts';
import { S } from '../params.ts';

export const RevokeSessions = defineAction({
  name: 'RevokeSessions',
  writes: true,
  parse: (r) => ({
    accessKeyId: r.optional('AccessKeyId', S.accessKeyId),
    principalArn: r.optional('PrincipalArn', S.arn),
    issuedBefore: r.optional('IssuedBefore', { min: 1, max: 64 }),
    all: r.bool('All') ?? false,
  }),
  async run(p, ctx) {
    const given = [p.accessKeyId, p.principalArn, p.issuedBefore ?? (p.all ? 'all' : undefined)].filter((x) => x !== undefined);
    if (given.length !== 1) throw new AwsError('InvalidParameterCombination', 'Specify exactly one of AccessKeyId, PrincipalArn, IssuedBefore or All=true.');
    const at = ctx.now.toISOString();
    let rule: RevocationRule;
    if (p.accessKeyId) {
      if (!p.accessKeyId.startsWith('ASIA')) throw new AwsError('InvalidParameterValue', 'AccessKeyId must be a temporary (ASIA…) access key id.');
      rule = { kind: 'session', accessKeyId: p.accessKeyId, at };
    } else if (p.principalArn) {
      if (!p.principalArn.includes(`::${ctx.account}:`)) throw new AwsError('AccessDenied', `PrincipalArn ${p.principalArn} is not in account ${ctx.account}.`);
      rule = { kind: 'principal', arn: p.principalArn, before: at, at };
    } else {
      const before = p.issuedBefore ? Date.parse(p.issuedBefore) : ctx.now.getTime();
      if (Number.isNaN(before)) throw new AwsError('InvalidParameterValue', `IssuedBefore ${p.issuedBefore} is not an ISO 8601 time.`);
      rule = { kind: 'all', account: ctx.account, before: new Date(Math.min(before, ctx.now.getTime())).toISOString(), at };
    }
    await addRevocation(ctx.store, rule);
    ctx.services.revokeChanged?.();
    return undefined;
  },
});
