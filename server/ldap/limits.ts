// Limits that answer busy (51) instead of serving: connections per source address, the operation rate per
// source address (a token bucket: `operationsPerSecondPerSource` per second, bursts up to one second's worth),
// and operations in flight per connection (`maxOutstandingOperations`). A refused connection gets a Notice of
// Disconnection (RFC 4511 §4.4.1) with busy; a refused operation gets its own response with busy, and the
// connection stays usable. Counters are per listener and in memory.
import { ResultCode } from '../contracts/directory.ts';
import type { Message } from './decode-request.ts';
import { encodeResult } from './encode-response.ts';
import type { LdapLimits, LdapLogger } from './options.ts';
import type { Session } from './session.ts';

const RESPONSE_TAG = { bind: 0x61, search: 0x65, modify: 0x67, add: 0x69, delete: 0x6b, modifyDN: 0x6d, compare: 0x6f, extended: 0x78 } as const;

interface Source {
  connections: number;
  tokens: number;
  refilledAt: number;
}

export class SourceLimits {
  readonly #sources = new Map<string, Source>();

  constructor(
    private readonly limits: Pick<LdapLimits, 'maxConnectionsPerSource' | 'operationsPerSecondPerSource'>,
    private readonly now: () => number = () => performance.now(),
  ) {}

  #source(ip: string): Source {
    let s = this.#sources.get(ip);
    if (!s) this.#sources.set(ip, (s = { connections: 0, tokens: this.limits.operationsPerSecondPerSource, refilledAt: this.now() }));
    return s;
  }

  /** Counts a new connection; false (not counted) when the source already has its maximum. */
  connect(ip: string): boolean {
    const max = this.limits.maxConnectionsPerSource;
    const s = this.#source(ip);
    if (max > 0 && s.connections >= max) return false;
    s.connections++;
    return true;
  }

  disconnect(ip: string): void {
    const s = this.#sources.get(ip);
    if (s) s.connections = Math.max(0, s.connections - 1);
  }

  /** Takes one operation from the source's bucket; false when it is empty. */
  operation(ip: string): boolean {
    const rate = this.limits.operationsPerSecondPerSource;
    if (rate <= 0) return true;
    const s = this.#source(ip);
    const now = this.now();
    s.tokens = Math.min(rate, s.tokens + ((now - s.refilledAt) / 1000) * rate);
    s.refilledAt = now;
    if (s.tokens < 1) return false;
    s.tokens--;
    return true;
  }

  /** Forgets sources without connections whose bucket has refilled (bounds the map). */
  sweep(): void {
    const now = this.now();
    for (const [ip, s] of this.#sources) if (s.connections === 0 && (now - s.refilledAt) / 1000 >= 1) this.#sources.delete(ip);
  }

  #loggedAt = -Infinity;

  /** At most one refusal log line per second per listener (a flood of refusals must not flood the log). */
  shouldLog(): boolean {
    const now = this.now();
    if (now - this.#loggedAt < 1000) return false;
    this.#loggedAt = now;
    return true;
  }

  get size(): number {
    return this.#sources.size;
  }
}

export const busyMessage = {
  maxConnections: (limit: number) => `busy: this directory listener has its maximum of ${limit} connections; try again later`,
  maxConnectionsPerSource: (ip: string, limit: number) => `busy: ${ip} has its maximum of ${limit} connections to this directory listener; close one or try again later`,
  maxOutstandingOperations: (limit: number) => `busy: ${limit} operations are already in progress on this connection; wait for their results`,
  operationsPerSecondPerSource: (ip: string, limit: number) => `busy: operation rate from ${ip} exceeded (${limit} per second); slow down and try again`,
};

/**
 * Answers busy (51) to an operation over a per-connection or per-source limit; true when it did (the operation
 * must not run). A client that does not read its busy answers (the socket's buffer fills) is disconnected.
 */
export function refuseOperation(s: Session & { close(): void }, msg: Message, limits: LdapLimits, sources: SourceLimits, logger: LdapLogger): boolean {
  const req = msg.request;
  if (req.op === 'unbind' || req.op === 'abandon') return false;
  let diagnostic: string | undefined;
  if (limits.maxOutstandingOperations > 0 && s.pending.size >= limits.maxOutstandingOperations) diagnostic = busyMessage.maxOutstandingOperations(limits.maxOutstandingOperations);
  else if (!sources.operation(s.remoteAddress ?? '')) diagnostic = busyMessage.operationsPerSecondPerSource(s.remoteAddress ?? '', limits.operationsPerSecondPerSource);
  if (diagnostic === undefined) return false;
  if (sources.shouldLog()) logger.warn({ remoteAddress: s.remoteAddress, op: req.op, diagnostic }, 'ldap: operation refused (busy)');
  if (!s.send(encodeResult(msg.id, RESPONSE_TAG[req.op], { resultCode: ResultCode.busy, diagnostic }))) s.close();
  return true;
}
