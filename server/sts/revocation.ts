// Session revocation, beyond AWS: one session, every session of a principal or role, or everything
// issued before a time. Rules live in the store (shared by replicas); each replica re-reads them at most
// every `refreshMs` (2 s by default), so a revocation takes effect everywhere within that bound.
import type { Store } from '../contracts/store.ts';
import type { Session } from '../sessions/session-token.ts';

export const REVOCATION = 'revocation';
const GLOBAL = '';

export type RevocationRule =
  | { kind: 'session'; accessKeyId: string; at: string } // one session, by its ASIA… access key id
  | { kind: 'principal'; arn: string; before: string; at: string } // a role ARN, user ARN or assumed-role session ARN
  | { kind: 'all'; account: string; before: string; at: string }; // every session of an account

function ruleKey(r: RevocationRule): string {
  return r.kind === 'session' ? `session/${r.accessKeyId}` : r.kind === 'principal' ? `principal/${r.arn}` : `all/${r.account}`;
}

export async function addRevocation(store: Store, rule: RevocationRule): Promise<void> {
  await store.entities.upsert({ account: GLOBAL, kind: REVOCATION, key: ruleKey(rule), data: rule });
}

export async function listRevocations(store: Store): Promise<RevocationRule[]> {
  return (await store.entities.list<RevocationRule>(GLOBAL, REVOCATION)).map((r) => r.data);
}

/** True when a rule revokes this session. */
interface Rules {
  sessions: Set<string>;
  principals: Map<string, number>;
  allBefore: Map<string, number>;
}

export function isRevoked(rules: Rules, s: Session): boolean {
  if (rules.sessions.has(s.accessKeyId)) return true;
  const issuedMs = s.issuedAtMs ?? s.issuedAt * 1000;
  if (issuedMs < (rules.allBefore.get(s.account) ?? -Infinity)) return true;
  for (const arn of [s.principalArn, s.arn]) {
    const before = rules.principals.get(arn);
    if (before !== undefined && issuedMs < before) return true;
  }
  return false;
}

export class RevocationList {
  private loadedAt = -Infinity;
  private loading: Promise<void> | undefined;
  private rules: Rules = { sessions: new Set(), principals: new Map(), allBefore: new Map() };

  constructor(private readonly store: Store, readonly refreshMs = 2000) {}

  /** Makes the next check re-read the store (after a revocation made by this replica). */
  invalidate(): void {
    this.loadedAt = -Infinity;
  }

  private async load(now: number): Promise<void> {
    const next: Rules = { sessions: new Set(), principals: new Map(), allBefore: new Map() };
    for (const r of await listRevocations(this.store)) {
      if (r.kind === 'session') next.sessions.add(r.accessKeyId);
      else if (r.kind === 'principal') next.principals.set(r.arn, Math.max(next.principals.get(r.arn) ?? -Infinity, Date.parse(r.before)));
      else next.allBefore.set(r.account, Math.max(next.allBefore.get(r.account) ?? -Infinity, Date.parse(r.before)));
    }
    this.rules = next;
    this.loadedAt = now;
  }

  async revoked(s: Session, now: number): Promise<boolean> {
    if (now - this.loadedAt >= this.refreshMs) {
      this.loading ??= this.load(now).finally(() => (this.loading = undefined));
      await this.loading;
    }
    return isRevoked(this.rules, s);
  }
}
