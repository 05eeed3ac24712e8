// Declared IAM entities: users (with access keys), groups, roles and managed policies.
// Names, paths and limits follow IAM's API reference.
import { z } from 'zod';
import { accountRef, iamName, iamPath, integer, list, matching, policyArn, tags } from '../../server/contracts/config-fields.ts';
import { policyDocument } from './policy-document.ts';

const inlinePolicies = () =>
  z.record(iamName(128), policyDocument('identity'), { error: 'expected a mapping of policy names to documents' }).default({});

const common = {
  account: accountRef().optional(),
  path: iamPath().default('/'),
};

export const accessKeySchema = z.strictObject({
  id: matching(/^AKIA[A-Z0-9]{16}$/, 'expected an access key id: "AKIA" and 16 upper-case letters or digits'),
  secret: matching(/^[A-Za-z0-9/+]{40}$/, 'expected a secret access key of 40 characters (letters, digits, / or +)'),
  status: z.enum(['Active', 'Inactive']).default('Active'),
});

export const userSchema = z.strictObject({
  name: iamName(64),
  ...common,
  groups: list(iamName(128)),
  policies: list(policyArn()),
  inlinePolicies: inlinePolicies(),
  permissionsBoundary: policyArn().optional(),
  tags: tags(),
  accessKeys: list(accessKeySchema).refine((keys) => keys.length <= 2, 'expected at most 2 access keys (IAM allows 2 per user)'),
});

export const groupSchema = z.strictObject({
  name: iamName(128),
  ...common,
  policies: list(policyArn()),
  inlinePolicies: inlinePolicies(),
});

export const roleSchema = z.strictObject({
  name: iamName(64),
  ...common,
  description: matching(/^[\u0009\u000A\u000D\u0020-\u007E\u00A1-\u00FF]{0,1000}$/, 'expected at most 1000 characters').optional(),
  maxSessionDuration: integer(3600, 43200, 'expected seconds from 3600 to 43200').default(3600),
  trustPolicy: policyDocument('trust'),
  policies: list(policyArn()),
  inlinePolicies: inlinePolicies(),
  permissionsBoundary: policyArn().optional(),
  tags: tags(),
});

export const managedPolicySchema = z.strictObject({
  name: iamName(128),
  ...common,
  description: z.string().max(1000).optional(),
  document: policyDocument('identity'),
});
