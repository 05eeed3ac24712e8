// A session is bound to its principal's unique id (AROA… for a role, AIDA… for a user), as AWS binds it:
// once the role or user is deleted, the session is dead, even when an entity of the same name is created
// again (with another trust policy and other permissions). The request is then refused as for a revoked
// session (InvalidClientTokenId).
import type { Session } from '../sessions/session-token.ts';

export interface BoundPrincipal {
  kind: 'user' | 'role';
  name: string;
  /** The unique id the principal had when the session was issued. */
  id: string;
}

/** The principal a session stands on; undefined for sessions that do not name one (federated sessions sealed before they carried it). */
export function boundPrincipal(s: Session): BoundPrincipal | undefined {
  if (s.type === 'AssumedRole') {
    const id = s.principalId ?? s.userId.split(':')[0]; // AROA…:session
    return s.roleName && id ? { kind: 'role', name: s.roleName, id } : undefined;
  }
  if (s.type === 'User') return s.userName ? { kind: 'user', name: s.userName, id: s.principalId ?? s.userId } : undefined;
  // FederatedUser: its userId is ACCOUNT:name; the parent user's id is sealed as principalId
  return s.userName && s.principalId ? { kind: 'user', name: s.userName, id: s.principalId } : undefined;
}

/** Looks up the current unique id of a user or role (undefined: it does not exist). */
export type PrincipalIdLookup = (account: string, kind: 'user' | 'role', name: string, now: number) => Promise<string | undefined>;

/** True when the session's principal still exists with the id the session was issued for. */
export async function stillBound(s: Session, lookup: PrincipalIdLookup, now: number): Promise<boolean> {
  const p = boundPrincipal(s);
  if (!p) return true;
  return (await lookup(s.account, p.kind, p.name, now)) === p.id;
}
