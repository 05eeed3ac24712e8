// Stateless session tokens: the whole session (principal, secret, expiry, MFA, tags, session policy)
// sealed as a compact JWE (dir + A256GCM) under the key ring. Any replica opens it with its keys alone;
// the `kid` header names the ring key, so rotated-in keys work and removed keys stop working. Sealed and opened
// with node:crypto (./compact-jwe.ts); jose reads and writes the same tokens.
import type { KeyRing } from '../keys/keyring.ts';
import { compactDirHeader, openCompactDir, sealCompactDir } from './compact-jwe.ts';

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

export async function sealSession(keys: KeyRing, session: Session): Promise<string> {
  const kid = keys.current.kid;
  return sealCompactDir(keys.derive(kid, 'session-token')!, { kid, typ: 'idbroker-session' }, JSON.stringify(session));
}

/** Opens a token; throws SessionTokenError when it is not ours, was altered, or its key is gone. Expiry is the caller's check. */
export async function openSession(keys: KeyRing, token: string): Promise<Session> {
  let kid: string | undefined;
  try {
    const h = compactDirHeader(token);
    if (typeof h.kid !== 'string') throw new Error('no kid');
    kid = h.kid;
  } catch (err) {
    throw new SessionTokenError('malformed', { cause: err });
  }
  const key = keys.derive(kid, 'session-token');
  if (!key) throw new SessionTokenError('unknown-key');
  try {
    return JSON.parse(openCompactDir(key, token).toString('utf8')) as Session;
  } catch (err) {
    throw new SessionTokenError('tampered', { cause: err });
  }
}
