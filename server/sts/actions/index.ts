// Every STS action the broker serves, by wire name.
import type { IamAction } from '../../iam/action.ts';
import { AssumeRole } from './assume-role.ts';
import { AssumeRoleWithSAML } from './assume-role-with-saml.ts';
import { AssumeRoleWithLDAPIdentity } from './assume-role-with-ldap-identity.ts';
import { AssumeRoleWithWebIdentity } from './assume-role-with-web-identity.ts';
import { DecodeAuthorizationMessage } from './decode-authorization-message.ts';
import { GetAccessKeyInfo } from './get-access-key-info.ts';
import { GetCallerIdentity } from './get-caller-identity.ts';
import { GetFederationToken } from './get-federation-token.ts';
import { GetSessionToken } from './get-session-token.ts';

export const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

export function stsActions(extra: IamAction[] = []): ReadonlyMap<string, IamAction> {
  const all = [AssumeRole, AssumeRoleWithSAML, AssumeRoleWithLDAPIdentity, AssumeRoleWithWebIdentity, GetCallerIdentity, GetSessionToken, GetFederationToken, DecodeAuthorizationMessage, GetAccessKeyInfo, ...extra] as IamAction[];
  return new Map(all.map((a) => [a.name, a]));
}
