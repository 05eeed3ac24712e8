// DecodeAuthorizationMessage: the JSON behind an "Encoded authorization failure message".
import { AwsError } from '../../contracts/errors.ts';
import { defineAction } from '../../iam/action.ts';
import { decodeAuthorizationMessage } from '../authorization-message.ts';
import { S } from '../params.ts';

export const DecodeAuthorizationMessage = defineAction({
  name: 'DecodeAuthorizationMessage',
  writes: false,
  parse: (r) => ({ message: r.required('EncodedMessage', S.encodedMessage) }),
  resource: () => '*',
  async run(p, ctx) {
    const decoded = await decodeAuthorizationMessage(ctx.keys, p.message, ctx.now);
    if (decoded === undefined) throw new AwsError('InvalidAuthorizationMessageException', 'The encoded authorization message is invalid or has expired.');
    return [['DecodedMessage', decoded]];
  },
});
