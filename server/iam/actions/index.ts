// Every IAM action the broker serves, by wire name.
import type { IamAction } from '../action.ts';
import { accessKeyActions } from './access-keys.ts';
import { accountAliasActions } from './account-aliases.ts';
import { GetAccountAuthorizationDetails } from './account-authorization-details.ts';
import { GetAccountSummary } from './account-summary.ts';
import { attachedPolicyActions } from './attached-policies.ts';
import { boundaryActionsAll } from './boundaries.ts';
import { groupActions } from './groups.ts';
import { instanceProfileActions } from './instance-profiles.ts';
import { inlinePolicyActions } from './inline-policies.ts';
import { managedPolicyActions } from './managed-policies.ts';
import { mfaActions } from './mfa-devices.ts';
import { oidcProviderActions } from './oidc-providers.ts';
import { policyVersionActions } from './policy-versions.ts';
import { roleActions } from './roles.ts';
import { samlProviderActions } from './saml-providers.ts';
import { simulateActions } from './simulate.ts';
import { tagActionsAll } from './tags.ts';
import { userActions } from './users.ts';

export function iamActions(extra: IamAction[] = []): ReadonlyMap<string, IamAction> {
  const all = [
    ...(userActions as IamAction[]),
    ...groupActions,
    ...roleActions,
    ...inlinePolicyActions,
    ...attachedPolicyActions,
    ...managedPolicyActions,
    ...policyVersionActions,
    ...accessKeyActions,
    ...tagActionsAll,
    ...boundaryActionsAll,
    ...mfaActions,
    ...samlProviderActions,
    ...oidcProviderActions,
    ...simulateActions,
    ...instanceProfileActions,
    ...accountAliasActions,
    GetAccountSummary as IamAction,
    GetAccountAuthorizationDetails as IamAction,
    ...extra,
  ];
  const map = new Map<string, IamAction>();
  for (const a of all) {
    if (map.has(a.name)) throw new Error(`IAM action ${a.name} registered twice`);
    map.set(a.name, a);
  }
  return map;
}
