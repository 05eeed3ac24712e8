// Mints temporary credentials: an ASIA… key id that encodes the account, a 40-character secret, and the
// sealed session as the session token. Also the shared pieces of STS results.
import { randomUUID } from 'node:crypto';
import { AwsError } from '../contracts/errors.ts';
import type { XmlNode } from '../query-protocol/xml.ts';
import { newAccessKeyId, newSecretAccessKey } from '../iam/ids.ts';
import { notAttachable, policyUsableBy } from '../iam/policy-scope.ts';
import type { KeyRing } from '../keys/keyring.ts';
import { sealSession, type Session } from '../sessions/session-token.ts';

export type SessionInput = Omit<Session, 'sid' | 'accessKeyId' | 'secretAccessKey' | 'issuedAt' | 'expiresAt'>;

export interface Issued {
  session: Session;
  token: string;
}

/** Every session, however obtained: its PolicyArns must be the session account's own or AWS-managed. */
export async function issueSession(keys: KeyRing, input: SessionInput, now: Date, durationSeconds: number): Promise<Issued> {
  for (const arn of input.policyArns ?? []) if (!policyUsableBy(arn, input.account)) throw new AwsError('MalformedPolicyDocument', notAttachable(arn));
  const issuedAt = Math.floor(now.getTime() / 1000);
  const session: Session = {
    ...input,
    sid: randomUUID(),
    accessKeyId: newAccessKeyId('ASIA', input.account),
    secretAccessKey: newSecretAccessKey(),
    issuedAt,
    issuedAtMs: now.getTime(),
    expiresAt: issuedAt + durationSeconds,
  };
  return { session, token: await sealSession(keys, session) };
}

export function credentialsXml(i: Issued): XmlNode {
  return [
    'Credentials',
    [
      ['AccessKeyId', i.session.accessKeyId],
      ['SecretAccessKey', i.session.secretAccessKey],
      ['SessionToken', i.token],
      ['Expiration', new Date(i.session.expiresAt * 1000)],
    ],
  ];
}
