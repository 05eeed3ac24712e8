// IAM users with virtual MFA devices for the wrong-code limit's tests (test/server/sts/mfa-wrong-codes.test.ts and the
// PostgreSQL replicas' e2e): users with access keys, a role that requires MFA, enrollment through the AWS SDK.
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient } from '@aws-sdk/client-iam';
import { authenticator } from 'otplib';
import { ADMIN_KEY, type TestBroker } from './broker.ts';

const A = '111122223333';
export const LIMIT = 5;
export const BAD = /^MultiFactorAuthentication failed with invalid MFA one time pass code\.\s*$/;
export const USERS = ['bob', 'carol', 'dave', 'erin'];
export const keyOf = (u: string) => ({ accessKeyId: `AKIA${u.toUpperCase().padEnd(16, 'X')}`, secretAccessKey: `${u}SecretKeyForMfaTests`.padEnd(40, '0') });
const TRUST = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${A}:root` }, Action: 'sts:AssumeRole', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }] };
export const YAML = `
users:
${USERS.map((u) => `  - name: ${u}
    accessKeys: [{ id: ${keyOf(u).accessKeyId}, secret: ${keyOf(u).secretAccessKey} }]
    inlinePolicies:
      assume: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "sts:AssumeRole", Resource: "*" }] }`).join('\n')}
roles:
  - name: NeedsMfa
    trustPolicy: ${JSON.stringify(TRUST)}
`;
export const limits = (window: number) => `limits: { requestsPerSecondPerSource: 0, requestsPerSecondPerPrincipal: 0, mfaWrongCodesPerDevice: ${LIMIT}, mfaWrongCodesWindowSeconds: ${window} }`;

/** A virtual MFA device enabled for `user`; `code(d)` is its code d steps from now. */
export async function enroll(b: TestBroker, user: string): Promise<{ serial: string; code: (d?: number) => string; wrong: (i: number) => string }> {
  const iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
  try {
    const dev = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: `${user}-phone` }));
    const serial = dev.VirtualMFADevice!.SerialNumber!;
    const seed = Buffer.from(dev.VirtualMFADevice!.Base32StringSeed!).toString('utf8');
    const at = (s: number) => authenticator.clone({ epoch: s * 30_000 }).generate(seed);
    const step = Math.floor(Date.now() / 30_000);
    await iam.send(new EnableMFADeviceCommand({ UserName: user, SerialNumber: serial, AuthenticationCode1: at(step - 1), AuthenticationCode2: at(step) }));
    const code = (d = 0) => at(Math.floor(Date.now() / 30_000) + d);
    // never one of the codes the ±1-step window accepts
    const wrong = (i: number) => {
      const valid = new Set([-1, 0, 1].map((d) => code(d)));
      for (let n = i; ; n += 7919) if (!valid.has(String(n % 1_000_000).padStart(6, '0'))) return String(n % 1_000_000).padStart(6, '0');
    };
    return { serial, code, wrong };
  } finally {
    iam.destroy();
  }
}

