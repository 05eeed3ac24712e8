// DecodeAuthorizationMessage: the JSON behind an "Encoded authorization failure message", for a caller of the
// account whose principal was denied (another account's message: AccessDenied).
import { AwsError } from '../../contracts/errors.ts';
import { defineAction } from '../../iam/action.ts';
import { decodeAuthorizationMessage } from '../../iam/authorization-message.ts';
import { S } from '../params.ts';

export const DecodeAuthorizationMessage = defineAction({
  name: 'DecodeAuthorizationMessage',
  writes: false,
  parse: (r) => ({ message: r.required('EncodedMessage', S.encodedMessage) }),
  async run(p, ctx) {
    const decoded = await decodeAuthorizationMessage(ctx.keys, p.message, ctx.now);
    if (decoded === undefined) throw new AwsError('InvalidAuthorizationMessageException', 'The encoded authorization message is invalid or has expired.');
    // what another account's principal was denied, and its context, is that account's business only
    if (decoded.account !== ctx.caller.account) {
      throw new AwsError('AccessDenied', `User: ${ctx.caller.arn} is not authorized to perform: sts:DecodeAuthorizationMessage on an authorization message of another account`);
    }
    return [['DecodedMessage', decoded.message]];
  },
});
