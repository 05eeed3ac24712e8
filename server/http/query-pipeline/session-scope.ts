// What temporary credentials may call, as AWS documents: GetSessionToken sessions reach IAM only with MFA and a
// few STS actions; GetFederationToken sessions no IAM and a few STS actions. Role sessions are not limited here.
import { AwsError } from '../../contracts/errors.ts';
import type { Caller } from '../../iam/caller.ts';
import type { Step } from '../pipeline.ts';
import type { QueryState } from './state.ts';

const INVALID_TOKEN = 'The security token included in the request is invalid.';
const USER_SESSION_STS = ['AssumeRole', 'GetCallerIdentity', 'GetSessionToken'];
const FEDERATED_SESSION_STS = ['GetCallerIdentity', 'GetFederationToken', 'AssumeRole'];

export function checkSessionScope(caller: Caller, service: 'iam' | 'sts', action: string): void {
  const s = caller.session;
  if (!s) return;
  if (s.type === 'User') {
    if (service === 'iam' && !s.mfa) throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
    if (service === 'sts' && !USER_SESSION_STS.includes(action)) throw new AwsError('AccessDenied', `Cannot call ${action} with session credentials`);
  } else if (s.type === 'FederatedUser') {
    if (service === 'iam') throw new AwsError('InvalidClientTokenId', INVALID_TOKEN);
    if (!FEDERATED_SESSION_STS.includes(action)) throw new AwsError('AccessDenied', `Cannot call ${action} with session credentials`);
  }
}

export const sessionScope: Step<QueryState> = async function sessionScope(_ctx, state, next) {
  if (state.caller) checkSessionScope(state.caller, state.service.name, state.action!.name);
  return next();
};
