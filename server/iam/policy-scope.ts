// Which managed policies an account may use: its own customer-managed policies and AWS-managed ones
// (arn:aws:iam::aws:policy/…), never another account's. AWS refuses another account's policy ARN wherever
// one is passed (permissions boundary, attachment, session PolicyArns) as if it did not exist, so that
// nothing about it — not even its existence — reaches the other account.
import { parsePolicyArn } from './arn.ts';
import { AWS_MANAGED } from './model.ts';

/** True when `account` may use the managed policy `arn` (its own or AWS-managed). */
export function policyUsableBy(arn: string, account: string): boolean {
  const p = parsePolicyArn(arn);
  return p !== undefined && (p.account === account || p.account === AWS_MANAGED);
}

/** The wording AWS uses for a managed policy that is absent or not the caller's to use. */
export function notAttachable(arn: string): string {
  return `Policy ${arn} does not exist or is not attachable.`;
}
