// GetAccessKeyInfo: the account an access key id belongs to: the store's record for long-term keys the broker
// holds (imported ones too), else decoded from the id itself (temporary keys, as AWS's are).
import { AwsError } from '../../contracts/errors.ts';
import { defineAction } from '../../iam/action.ts';
import { accountOfAccessKeyId } from '../../iam/ids.ts';
import { IamModel } from '../../iam/model.ts';
import { S } from '../params.ts';

export const GetAccessKeyInfo = defineAction({
  name: 'GetAccessKeyInfo',
  writes: false,
  parse: (r) => ({ accessKeyId: r.required('AccessKeyId', S.accessKeyId) }),
  async run(p, ctx) {
    const held = await new IamModel(ctx.store).getAccessKey(p.accessKeyId);
    const account = held?.account ?? (/^(AKIA|ASIA)/.test(p.accessKeyId) ? accountOfAccessKeyId(p.accessKeyId) : undefined);
    if (!account) throw new AwsError('InvalidParameterValue', `Invalid access key id: ${p.accessKeyId}`);
    return [['Account', account]];
  },
});
