// Connection limits of an HTTP/HTTPS listener, before any request is read: open connections per listener
// (server.maxConnections: Node drops the ones over it) and per source address, and the timeouts that end a
// client that sends its request slowly (headersTimeout, requestTimeout) or holds an idle keep-alive connection.
import type { Server } from 'node:http';
import type { Socket } from 'node:net';

export interface HttpConnectionLimits {
  /** Open connections on this listener; the ones over it are closed at once (0: no limit). */
  maxConnections: number;
  /** Open connections on this listener from one source address (the TCP peer, not X-Forwarded-For); 0: no limit. */
  maxConnectionsPerSource: number;
  /** Time to receive a request's headers, in ms; then 408 and close. */
  headersTimeoutMs: number;
  /** Time to receive a whole request, in ms; then 408 and close. */
  requestTimeoutMs: number;
  /** Idle time of a keep-alive connection between requests, in ms. */
  keepAliveTimeoutMs: number;
}

export const DEFAULT_HTTP_CONNECTION_LIMITS: HttpConnectionLimits = {
  maxConnections: 10_000,
  maxConnectionsPerSource: 1000,
  headersTimeoutMs: 20_000,
  requestTimeoutMs: 60_000,
  keepAliveTimeoutMs: 65_000,
};

export interface HttpLimitLogger {
  warn(obj: object, msg?: string): void;
}

/** Options for http.createServer/https.createServer: Node checks the two request timeouts on this interval. */
export function httpServerOptions(limits: HttpConnectionLimits): { headersTimeout: number; requestTimeout: number; keepAliveTimeout: number; connectionsCheckingInterval: number } {
  const shortest = Math.min(limits.headersTimeoutMs, limits.requestTimeoutMs);
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.max(50, Math.min(30_000, Math.floor(shortest / 4))),
  };
}

export const SOURCE_REFUSAL = (ip: string, limit: number) => `${ip} has its maximum of ${limit} connections to this listener; close one or try again later`;

/**
 * Applies the limits to a listening or not-yet-listening server. A connection over the per-source limit is
 * answered `503 Service Unavailable` (plain HTTP; on HTTPS nothing can be said before the handshake) and closed.
 * At most one log line per second reports refusals.
 */
export function applyConnectionLimits(server: Server, limits: HttpConnectionLimits, opts: { tls: boolean; logger?: HttpLimitLogger }): void {
  const o = httpServerOptions(limits);
  server.headersTimeout = o.headersTimeout;
  server.requestTimeout = o.requestTimeout;
  server.keepAliveTimeout = o.keepAliveTimeout;
  if (limits.maxConnections > 0) server.maxConnections = limits.maxConnections;
  let loggedAt = -Infinity;
  const log = (obj: object, msg: string) => {
    const now = performance.now();
    if (now - loggedAt < 1000) return;
    loggedAt = now;
    opts.logger?.warn(obj, msg);
  };
  server.on('drop', (data?: { remoteAddress?: string }) =>
    log({ remoteAddress: data?.remoteAddress, maxConnections: limits.maxConnections }, `http: connection refused: the listener has its maximum of ${limits.maxConnections} connections`),
  );
  if (limits.maxConnectionsPerSource <= 0) return;
  const perSource = new Map<string, number>();
  // 'connection' fires for the TCP socket on http and https servers alike, before the TLS handshake
  server.prependListener('connection', (socket: Socket) => {
    const ip = socket.remoteAddress ?? '';
    const open = perSource.get(ip) ?? 0;
    if (open >= limits.maxConnectionsPerSource) {
      const why = SOURCE_REFUSAL(ip, limits.maxConnectionsPerSource);
      log({ remoteAddress: ip, maxConnectionsPerSource: limits.maxConnectionsPerSource }, `http: connection refused: ${why}`);
      socket.on('error', () => {});
      if (opts.tls) socket.destroy();
      else {
        const body = `Service Unavailable: ${why}\n`;
        socket.end(`HTTP/1.1 503 Service Unavailable\r\nConnection: close\r\nRetry-After: 1\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`);
        setTimeout(() => socket.destroy(), 1000).unref();
      }
      return;
    }
    perSource.set(ip, open + 1);
    socket.once('close', () => {
      const n = (perSource.get(ip) ?? 1) - 1;
      if (n <= 0) perSource.delete(ip);
      else perSource.set(ip, n);
    });
  });
}
