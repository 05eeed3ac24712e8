// Listener options and their defaults. Limits follow AD's LDAP policies (KB 315071) where AD has one.
import type { DirectoryBackend } from '../contracts/directory.ts';

export interface LdapLimits {
  /** Open connections per listener (AD MaxConnections 5000); beyond it a new connection gets a Notice of
   *  Disconnection with busy (51) and is closed. */
  maxConnections: number;
  /** Open connections per client address and listener; 0: no limit. Beyond it: as maxConnections. */
  maxConnectionsPerSource: number;
  /** Operations per second per client address and listener (bursts up to one second's worth); 0: no limit.
   *  Beyond it an operation is answered busy (51); the connection stays open. */
  operationsPerSecondPerSource: number;
  /** Largest LDAPMessage accepted once bound, in bytes (AD MaxReceiveBuffer 10 MiB); larger → disconnect. */
  maxMessageBytes: number;
  /** Largest LDAPMessage accepted before a successful bind (anonymous included), in bytes: a BindRequest, a
   *  RootDSE search or StartTLS fit in a few hundred. Larger → Notice of Disconnection (protocolError) and close,
   *  so an unauthenticated client can make the broker hold at most this much per connection. */
  maxUnauthenticatedMessageBytes: number;
  /** Operations in flight per connection; beyond it the connection stops reading until one ends. */
  maxPendingOperations: number;
  /** Operations in flight per connection beyond which a request is answered busy (51) at once instead of
   *  waiting; 0: off (only maxPendingOperations' flow control). Takes effect below maxPendingOperations. */
  maxOutstandingOperations: number;
  /** Entries per page and cap of a non-paged search (AD MaxPageSize 1000 → sizeLimitExceeded). */
  maxPageSize: number;
  /** Paged searches kept open per connection (oldest dropped first). */
  maxPagedSearches: number;
  /** Values returned per attribute before ranged retrieval (`member;range=0-1499`, AD MaxValRange). */
  maxValRange: number;
  /** Upper bound of a search's time limit, in seconds (AD MaxQueryDuration 120). */
  maxTimeLimitSeconds: number;
  /** Idle connections are closed after this many ms (AD MaxConnIdleTime 900 s). */
  idleTimeoutMs: number;
  /** Allow unicodePwd / Password Modify over an unencrypted connection (AD: never). */
  allowInsecurePasswordChange: boolean;
}

export const DEFAULT_LIMITS: LdapLimits = {
  maxConnections: 5000,
  maxConnectionsPerSource: 1000,
  operationsPerSecondPerSource: 0,
  maxMessageBytes: 10 * 1024 * 1024,
  maxUnauthenticatedMessageBytes: 8 * 1024,
  maxPendingOperations: 32,
  maxOutstandingOperations: 0,
  maxPageSize: 1000,
  maxPagedSearches: 10,
  maxValRange: 1500,
  maxTimeLimitSeconds: 120,
  idleTimeoutMs: 900_000,
  allowInsecurePasswordChange: false,
};

export interface LdapLogger {
  info(obj: object, msg?: string): void;
  warn(obj: object, msg?: string): void;
  error(obj: object, msg?: string): void;
}

export interface LdapListenerOptions {
  backend: DirectoryBackend;
  host?: string;
  port: number;
  /** Certificate and key (PEM). Alone: the listener speaks LDAPS. With `startTls: true`: a plain
   *  listener that offers StartTLS (1.3.6.1.4.1.1466.20037) with this certificate. */
  tls?: { key: string | Buffer; cert: string | Buffer };
  startTls?: boolean;
  limits?: Partial<LdapLimits>;
  logger?: LdapLogger;
  /** RootDSE dnsHostName; default `dc1.<dnsName>`. */
  dnsHostName?: string;
  /** Offer the Password Modify extended operation (RFC 3062, not in AD); default true. */
  passwordModify?: boolean;
  /** Called once per bind and write (add, modify, delete, modifyDN, password modify) with its outcome. */
  audit?: (event: LdapAuditEvent) => void;
  /** Milliseconds on a monotonic clock, for the per-source rate limit (default performance.now; tests move theirs). */
  clock?: () => number;
}

export interface LdapAuditEvent {
  op: 'bind' | 'add' | 'modify' | 'delete' | 'modifyDN' | 'passwordModify';
  /** The bind name as sent, or the target DN. */
  target: string;
  /** Who was bound when the operation ran (for a bind: the principal it bound, if it succeeded). */
  principal: { dn: string; name: string } | null;
  resultCode: number;
  diagnostic?: string;
  remoteAddress?: string;
  secure: boolean;
}

export const SILENT_LOGGER: LdapLogger = { info() {}, warn() {}, error() {} };
