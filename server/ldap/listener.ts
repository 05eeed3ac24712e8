// createLdapListener: one TCP (or LDAPS) listener serving one DirectoryBackend over LDAPv3.
// Our own connection loop (connection.ts) replaces the ldapjs server; see README.md here.
import { createServer as createTcpServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { createSecureContext, createServer as createTlsServer } from 'node:tls';
import { DEFAULT_DC_HOST } from '../contracts/directory.ts';
import { Connection } from './connection.ts';
import { DEFAULT_LIMITS, type LdapListenerOptions, SILENT_LOGGER } from './options.ts';
import { OID, rootDse } from './root-dse.ts';
import type { ListenerContext } from './session.ts';

export interface LdapListener {
  address(): AddressInfo;
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
  const ctx: ListenerContext = {
    backend: opts.backend,
    limits,
    logger,
    passwordModify,
    startTlsContext: opts.startTls ? secureContext : undefined,
    audit: opts.audit,
    rootDse: () => rootDse(opts.backend.domain, { dnsHostName, extensions, now: new Date() }),
  };

  const connections = new Set<Connection>();
  const accept = (socket: Socket): void => {
    if (connections.size >= limits.maxConnections) {
      logger.warn({ limit: limits.maxConnections }, 'ldap: connection limit reached');
      socket.destroy();
      return;
    }
    const conn = new Connection(ctx, socket, ldaps, () => connections.delete(conn));
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
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of connections) c.close();
        server.close(() => resolve());
      }),
  };
}
