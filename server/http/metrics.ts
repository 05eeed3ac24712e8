// Prometheus metrics (prom-client), one registry per broker instance.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';

export interface Metrics {
  registry: Registry;
  requests: Counter<'route' | 'action' | 'status'>;
  duration: Histogram<'route'>;
}

export function createMetrics(): Metrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'idbroker_' });
  return {
    registry,
    requests: new Counter({ name: 'idbroker_http_requests_total', help: 'HTTP requests by route, action and status', labelNames: ['route', 'action', 'status'], registers: [registry] }),
    duration: new Histogram({
      name: 'idbroker_http_request_duration_seconds',
      help: 'HTTP request duration',
      labelNames: ['route'],
      buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1],
      registers: [registry],
    }),
  };
}
