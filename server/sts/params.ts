// STS's parameter shapes (botocore sts/2011-06-15/service-2.json) and readers shared by its actions.
import { AwsError } from '../contracts/errors.ts';
import { compileDocument } from '../iam/documents.ts';
import { parsePolicyArn } from '../iam/arn.ts';
import type { ParamReader, StringConstraint } from '../iam/params.ts';

const ARN_PATTERN = '[\\u0009\\u000A\\u000D\\u0020-\\u007E\\u0085\\u00A0-\\uD7FF\\uE000-\\uFFFD\\u10000-\\u10FFFF]+';

export const S = {
  arn: { min: 20, max: 2048, pattern: ARN_PATTERN },
  roleSessionName: { min: 2, max: 64, pattern: '[\\w+=,.@-]*' },
  externalId: { min: 2, max: 1224, pattern: '[\\w+=,.@:\\/-]*' },
  serialNumber: { min: 9, max: 256, pattern: '[\\w+=/:,.@-]*' },
  tokenCode: { min: 6, max: 6, pattern: '[\\d]*' },
  sourceIdentity: { min: 2, max: 64, pattern: '[\\w+=,.@-]*' },
  policy: { min: 1, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' },
  sessionPolicy: { min: 1, max: 2048, pattern: '[\\u0009\\u000A\\u000D\\u0020-\\u00FF]+' },
  federatedName: { min: 2, max: 32, pattern: '[\\w+=,.@-]*' },
  encodedMessage: { min: 1, max: 10240 },
  accessKeyId: { min: 16, max: 128, pattern: '[\\w]*' },
  tagKey: { min: 1, max: 128, pattern: '[\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+' },
} satisfies Record<string, StringConstraint>;

/** PolicyArns.member.N.arn (or `PolicyArns=` for none). */
export function readPolicyArns(r: ParamReader): string[] | undefined {
  const out: string[] = [];
  for (let i = 1; ; i++) {
    const v = r.params.get(`PolicyArns.member.${i}.arn`);
    if (v === undefined) break;
    out.push(r.required(`PolicyArns.member.${i}.arn`, S.arn));
  }
  return out.length ? out : undefined;
}

/** Validates session policies: the inline one must parse; at most 10 ARNs, each a managed policy ARN. */
export function checkSessionPolicies(policy: string | undefined, arns: string[] | undefined): void {
  if (policy !== undefined) compileDocument(policy, 'session');
  if (arns && arns.length > 10) throw new AwsError('ValidationError', `1 validation error detected: Value at 'policyArns' failed to satisfy constraint: Member must have length less than or equal to 10`);
  for (const a of arns ?? []) if (!parsePolicyArn(a)) throw new AwsError('InvalidParameterValue', `Invalid policy ARN: ${a}`);
}

export function durationError(message: string): AwsError {
  return new AwsError('ValidationError', message);
}
