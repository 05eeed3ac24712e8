// What operation handlers see of a connection, and what they share across a listener.
import type { Operation } from './operation.ts';
import type { SecureContext } from 'node:tls';
import type { BoundPrincipal, DirectoryBackend, Entry } from '../contracts/directory.ts';
import type { LdapAuditEvent, LdapLimits, LdapLogger } from './options.ts';
import type { Message } from './decode-request.ts';

export interface ListenerContext {
  backend: DirectoryBackend;
  limits: LdapLimits;
  logger: LdapLogger;
  /** Set when StartTLS is offered on this (plain) listener. */
  startTlsContext?: SecureContext;
  passwordModify: boolean;
  rootDse(): Entry;
  audit?: (event: LdapAuditEvent) => void;
  /** Per-connection and per-source operation limits (limits.ts): true when it answered busy (51). */
  refuseOperation?: (s: Session & { close(): void }, msg: Message) => boolean;
}

export interface PagedSearch {
  key: string; // base/scope/filter fingerprint: a cookie is only valid for the same search
  iterator: AsyncIterator<Entry>;
  sent: number;
  /** An entry read ahead to learn whether another page exists. */
  peeked?: Entry;
}

export interface Session {
  readonly ctx: ListenerContext;
  /** Null when anonymous. */
  principal: BoundPrincipal | null;
  /** True on LDAPS or after StartTLS. */
  readonly secure: boolean;
  /** The client's address, for the audit trail. */
  readonly remoteAddress?: string;
  /** Operations in flight, by message id (abandon aborts them). */
  readonly pending: Map<number, Operation>;
  /** Open paged searches, by cookie (hex). */
  readonly pages: Map<string, PagedSearch>;
  /** Writes an encoded message; false when the socket buffer is full (await drained()). */
  send(message: Buffer): boolean;
  drained(): Promise<void>;
  /** Switches the transport to TLS; called right after the StartTLS success response is queued. */
  startTls(): void;
}
