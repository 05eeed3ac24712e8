// createLdapListener: one TCP (or LDAPS) listener serving one DirectoryBackend over LDAPv3.
// Our own connection loop (connection.ts) replaces the ldapjs server; see README.md here.
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createSecureContext, createServer as createTlsServer } from 'node:tls';
import { DEFAULT_DC_HOST } from '../contracts/directory.ts';
import { Connection } from './connection.ts';
import { busyMessage, refuseOperation, SourceLimits } from './limits.ts';
import { encodeNoticeOfDisconnection } from './encode-response.ts';
import { DEFAULT_LIMITS, type LdapListenerOptions, SILENT_LOGGER } from './options.ts';
import { ResultCode } from '../contracts/directory.ts';
import { OID, rootDse } from './root-dse.ts';
import type { ListenerContext } from './session.ts';
import { ConfigurationPartition } from './configuration-partition.ts';
import { withConfigurationPartition } from './with-partitions.ts';

export interface LdapListener {
  address(): AddressInfo;
  /** Connections open now (each holds one of limits.maxConnections). */
  connections(): number;
  /** Stops accepting, closes every connection, resolves when the server is closed. */
  close(): Promise<void>;
}

export async function createLdapListener(opts: LdapListenerOptions): Promise<LdapListener> {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const logger = opts.logger ?? SILENT_LOGGER;
  const ldaps = !!opts.tls && !opts.startTls;
  if (opts.startTls && !opts.tls) throw new Error('startTls needs tls: { key, cert }');
  const secureContext = opts.tls ? createSecureContext({ key: opts.tls.key, cert: opts.tls.cert, minVersion: 'TLSv1.2' }) : undefined;
  const passwordModify = opts.passwordModify ?? true;
  const extensions = [OID.whoAmI, ...(passwordModify ? [OID.passwordModify] : []), ...(opts.startTls ? [OID.startTls] : [])];
  const dnsHostName = opts.dnsHostName ?? `${DEFAULT_DC_HOST}.${opts.backend.domain.dnsName}`;
  const sources = new SourceLimits(limits, opts.clock);
  const limited = limits.maxOutstandingOperations > 0 || limits.operationsPerSecondPerSource > 0;
  const ctx: ListenerContext = {
    backend: withConfigurationPartition(opts.backend, new ConfigurationPartition(opts.backend.domain, dnsHostName)),
    limits,
    logger,
    passwordModify,
    startTlsContext: opts.startTls ? secureContext : undefined,
    audit: opts.audit,
    rootDse: () => rootDse(opts.backend.domain, { dnsHostName, extensions, now: new Date() }),
    refuseOperation: limited ? (s, msg) => refuseOperation(s, msg, limits, sources, logger) : undefined,
  };
  const sweeper = setInterval(() => sources.sweep(), 10_000).unref();

  /** Over a connection limit: a Notice of Disconnection with busy (51) and the reason, then close. */
  const refuse = (socket: Socket, diagnostic: string): void => {
    if (sources.shouldLog()) logger.warn({ remoteAddress: socket.remoteAddress, diagnostic }, 'ldap: connection refused (busy)');
    socket.on('error', () => {});
    socket.end(encodeNoticeOfDisconnection(ResultCode.busy, diagnostic));
    setTimeout(() => socket.destroy(), 1000).unref();
  };

  const connections = new Set<Connection>();
  const accept = (socket: Socket): void => {
    if (connections.size >= limits.maxConnections) return refuse(socket, busyMessage.maxConnections(limits.maxConnections));
    const ip = socket.remoteAddress ?? '';
    if (!sources.connect(ip)) return refuse(socket, busyMessage.maxConnectionsPerSource(ip, limits.maxConnectionsPerSource));
    const conn = new Connection(ctx, socket, ldaps, () => {
      if (connections.delete(conn)) sources.disconnect(ip);
    });
    connections.add(conn);
  };

  const server: Server = ldaps ? createTlsServer({ key: opts.tls!.key, cert: opts.tls!.cert, minVersion: 'TLSv1.2' }, accept) : createTcpServer(accept);
  server.on('error', (err) => logger.error({ err }, 'ldap: listener error'));
  if (ldaps) server.on('tlsClientError', () => {}); // a failed handshake only ends that socket
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host ?? '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  logger.info({ address: server.address(), ldaps, startTls: !!opts.startTls }, 'ldap: listening');

  return {
    address: () => server.address() as AddressInfo,
    connections: () => connections.size,
    close: () =>
      new Promise<void>((resolve) => {
        clearInterval(sweeper);
        for (const c of connections) c.close();
        server.close(() => resolve());
      }),
  };
}
