// Stateless session tokens: the whole session (principal, secret, expiry, MFA, tags, session policy)
// sealed as a compact JWE (dir + A256GCM) under the key ring. Any replica opens it with its keys alone;
// the `kid` header names the ring key, so rotated-in keys work and removed keys stop working.
import { CompactEncrypt, compactDecrypt, decodeProtectedHeader } from 'jose';
import type { KeyRing } from '../keys/keyring.ts';

export interface SessionTag {
  Key: string;
  Value: string;
}

export interface Session {
  /** Session id, for revocation of one session. */
  sid: string;
  accessKeyId: string;
  secretAccessKey: string;
  account: string;
  type: 'AssumedRole' | 'FederatedUser' | 'User';
  /** assumed-role / federated-user / user ARN: what GetCallerIdentity reports. */
  arn: string;
  /** AROA…:session, ACCOUNT:name, or the user's AIDA… id. */
  userId: string;
  /** The role's ARN (AssumedRole) or the user's ARN (User, FederatedUser's parent). */
  principalArn: string;
  /** The unique id of that role or user (AROA…, AIDA…): the session dies with it. Absent: derived from userId (roles, users). */
  principalId?: string;
  roleName?: string;
  sessionName?: string;
  userName?: string;
  issuedAt: number; // epoch seconds
  /** Issue time in milliseconds: revocation compares at this precision. */
  issuedAtMs?: number;
  expiresAt: number; // epoch seconds
  mfa?: { authTime: number };
  tags?: SessionTag[];
  transitiveTagKeys?: string[];
  sourceIdentity?: string;
  sessionPolicy?: string;
  policyArns?: string[];
  /** Set when the session came from role chaining (AssumeRole called with role credentials). */
  chained?: boolean;
  /** Federation details (SAML/OIDC/LDAP) for condition keys. */
  federation?: { provider: string; claims: Record<string, string | string[]> };
}

export class SessionTokenError extends Error {
  constructor(readonly reason: 'malformed' | 'unknown-key' | 'tampered', options?: { cause?: unknown }) {
    super(`session token ${reason}`, options);
  }
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export async function sealSession(keys: KeyRing, session: Session): Promise<string> {
  const kid = keys.current.kid;
  return new CompactEncrypt(encoder.encode(JSON.stringify(session)))
    .setProtectedHeader({ alg: 'dir', enc: 'A256GCM', kid, typ: 'idbroker-session' })
    .encrypt(keys.derive(kid, 'session-token')!);
}

/** Opens a token; throws SessionTokenError when it is not ours, was altered, or its key is gone. Expiry is the caller's check. */
export async function openSession(keys: KeyRing, token: string): Promise<Session> {
  let kid: string | undefined;
  try {
    const h = decodeProtectedHeader(token);
    if (h.alg !== 'dir' || h.enc !== 'A256GCM' || typeof h.kid !== 'string') throw new Error('unexpected header');
    kid = h.kid;
  } catch (err) {
    throw new SessionTokenError('malformed', { cause: err });
  }
  const key = keys.derive(kid, 'session-token');
  if (!key) throw new SessionTokenError('unknown-key');
  try {
    const { plaintext } = await compactDecrypt(token, key, { keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: ['A256GCM'] });
    return JSON.parse(decoder.decode(plaintext)) as Session;
  } catch (err) {
    throw new SessionTokenError('tampered', { cause: err });
  }
}
