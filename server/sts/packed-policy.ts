// PackedPolicySize: AWS packs session policies, policy ARNs and session tags into a compressed binary with
// a fixed budget and reports the percentage used. The packing format is not public; this approximates it
// with DEFLATE over the same inputs against a fixed budget, so that typical session policies land in the
// same range as AWS's (a few percent to tens of percent) and oversized ones exceed 100 %.
import { deflateRawSync } from 'node:zlib';
import { AwsError } from '../contracts/errors.ts';

const POLICY_BUDGET_BYTES = 1024;
const TAG_BUDGET_BYTES = 1024;

function packed(text: string): number {
  return text ? deflateRawSync(Buffer.from(text), { level: 9 }).length : 0;
}

function minified(policy: string): string {
  try {
    return JSON.stringify(JSON.parse(policy));
  } catch {
    return policy;
  }
}

/** The percentage to report, or throws PackedPolicyTooLarge like AWS. Undefined when nothing was passed. */
export function packedPolicySize(input: { policy?: string; policyArns?: string[]; tags?: Array<{ Key: string; Value: string }> }): number | undefined {
  if (input.policy === undefined && !input.policyArns?.length && !input.tags?.length) return undefined;
  const policyBytes = packed([input.policy ? minified(input.policy) : '', ...(input.policyArns ?? [])].join('\n'));
  const tagBytes = packed((input.tags ?? []).map((t) => `${t.Key}=${t.Value}`).join('\n'));
  const tagPct = Math.ceil((tagBytes / TAG_BUDGET_BYTES) * 100);
  if (tagPct > 100) throw new AwsError('PackedPolicyTooLarge', `Packed size of session tags consumes ${tagPct}% of allotted space.`);
  const pct = Math.ceil(((policyBytes + tagBytes) / POLICY_BUDGET_BYTES) * 100);
  if (pct > 100) throw new AwsError('PackedPolicyTooLarge', `Packed policy consumes ${pct}% of allotted space`);
  return pct;
}
