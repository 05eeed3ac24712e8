// GetSessionToken: temporary credentials for an IAM user (long-term keys only), optionally with MFA.
import { AwsError } from '../../contracts/errors.ts';
import { defineAction } from '../../iam/action.ts';
import { credentialsXml, issueSession } from '../issue-credentials.ts';
import { verifyMfa } from '../mfa.ts';
import { S } from '../params.ts';

export const GetSessionToken = defineAction({
  name: 'GetSessionToken',
  writes: false,
  parse: (r) => ({
    duration: r.int('DurationSeconds', { min: 900, max: 129600 }) ?? 43200,
    serial: r.optional('SerialNumber', S.serialNumber),
    code: r.optional('TokenCode', S.tokenCode),
  }),
  authorize: async () => {}, // AWS: no permission is needed to call GetSessionToken
  async run(p, ctx) {
    const c = ctx.caller;
    if (c.temporary) throw new AwsError('AccessDenied', 'Cannot call GetSessionToken with session credentials');
    if (p.serial !== undefined || p.code !== undefined) await verifyMfa(ctx.store, ctx.keys, c.account, c.userName, p.serial, p.code, ctx.now);
    const issued = await issueSession(
      ctx.keys,
      { account: c.account, type: 'User', arn: c.arn, userId: c.userId, principalArn: c.arn, userName: c.userName, ...(p.serial ? { mfa: { authTime: Math.floor(ctx.now.getTime() / 1000) } } : {}) },
      ctx.now,
      p.duration,
    );
    return [credentialsXml(issued)];
  },
});
