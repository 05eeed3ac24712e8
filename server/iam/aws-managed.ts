// AWS-managed policies (arn:aws:iam::aws:policy/…) that every broker carries, as AWS's accounts do.
import type { Store } from '../contracts/store.ts';
import { AWS_MANAGED, IamModel } from './model.ts';
import { createManagedPolicy } from './actions/managed-policies.ts';

const doc = (statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statement }, null, 4);

export const AWS_MANAGED_POLICIES: Array<{ name: string; description: string; document: string }> = [
  { name: 'AdministratorAccess', description: 'Provides full access to AWS services and resources.', document: doc([{ Effect: 'Allow', Action: '*', Resource: '*' }]) },
  { name: 'IAMFullAccess', description: 'Provides full access to IAM via the AWS Management Console.', document: doc([{ Effect: 'Allow', Action: ['iam:*', 'organizations:DescribeAccount', 'organizations:DescribeOrganization', 'organizations:DescribeOrganizationalUnit', 'organizations:DescribePolicy', 'organizations:ListChildren', 'organizations:ListParents', 'organizations:ListPoliciesForTarget', 'organizations:ListRoots', 'organizations:ListPolicies', 'organizations:ListTargetsForPolicy'], Resource: '*' }]) },
  { name: 'IAMReadOnlyAccess', description: 'Provides read only access to IAM via the AWS Management Console.', document: doc([{ Effect: 'Allow', Action: ['iam:GenerateCredentialReport', 'iam:GenerateServiceLastAccessedDetails', 'iam:Get*', 'iam:List*', 'iam:SimulateCustomPolicy', 'iam:SimulatePrincipalPolicy'], Resource: '*' }]) },
  { name: 'ReadOnlyAccess', description: 'Provides read-only access to AWS services and resources.', document: doc([{ Effect: 'Allow', Action: ['iam:Get*', 'iam:List*', 'iam:Generate*', 'iam:Simulate*', 'sts:GetCallerIdentity', 'sts:GetAccessKeyInfo', 'sts:GetSessionToken'], Resource: '*' }]) },
];

/** Creates the AWS-managed policies that are missing; safe on every start and on every replica. */
export async function seedAwsManagedPolicies(store: Store, now: Date): Promise<void> {
  const m = new IamModel(store);
  for (const p of AWS_MANAGED_POLICIES) {
    const arn = `arn:aws:iam::aws:policy/${p.name}`;
    if (await m.getPolicy(AWS_MANAGED, arn)) continue;
    try {
      await store.transaction((tx) => createManagedPolicy(tx, AWS_MANAGED, { name: p.name, path: '/', document: p.document, description: p.description }, now));
    } catch (err) {
      if (!(await m.getPolicy(AWS_MANAGED, arn))) throw err; // another replica created it at the same time: fine
    }
  }
}
