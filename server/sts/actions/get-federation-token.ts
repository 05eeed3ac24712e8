// GetFederationToken: a federated-user session for an IAM user's long-term keys, scoped by the passed
// policies (none passed: no permissions, as AWS documents).
import { AwsError } from '../../contracts/errors.ts';
import { defineAction } from '../../iam/action.ts';
import { checkTags } from '../../iam/actions/tags.ts';
import { credentialsXml, issueSession } from '../issue-credentials.ts';
import { packedPolicySize } from '../packed-policy.ts';
import { checkSessionPolicies, readPolicyArns, S } from '../params.ts';

export const GetFederationToken = defineAction({
  name: 'GetFederationToken',
  writes: false,
  parse: (r) => ({
    name: r.required('Name', S.federatedName),
    policy: r.optional('Policy', S.sessionPolicy),
    policyArns: readPolicyArns(r),
    duration: r.int('DurationSeconds', { min: 900, max: 129600 }) ?? 43200,
    tags: r.tags() ?? [],
  }),
  async run(p, ctx) {
    const c = ctx.caller;
    if (c.temporary) throw new AwsError('AccessDenied', 'Cannot call GetFederationToken with session credentials');
    checkTags(p.tags);
    checkSessionPolicies(p.policy, p.policyArns);
    const packed = packedPolicySize({ policy: p.policy, policyArns: p.policyArns, tags: p.tags });
    const arn = `arn:aws:sts::${c.account}:federated-user/${p.name}`;
    const issued = await issueSession(
      ctx.keys,
      { account: c.account, type: 'FederatedUser', arn, userId: `${c.account}:${p.name}`, principalArn: c.arn, principalId: c.userId, userName: c.userName, sessionName: p.name, sessionPolicy: p.policy, policyArns: p.policyArns, tags: p.tags.length ? p.tags : undefined },
      ctx.now,
      p.duration,
    );
    return [credentialsXml(issued), ['FederatedUser', [['FederatedUserId', `${c.account}:${p.name}`], ['Arn', arn]]], ...(packed !== undefined ? [['PackedPolicySize', packed] as const] : [])];
  },
});
