// A bounded HTTP load loop over keep-alive connections: N requests, C in flight, timings per request.
// `body` may be a function of the request's index (0…N-1), for requests that must differ (single-use SAML assertions).
import { Agent, request } from 'node:http';

export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50ms: number;
  p99ms: number;
  errors: number;
}

export async function load(url: string, opts: { method: string; headers: Record<string, string>; body?: string | ((i: number) => string); total: number; concurrency: number; expectStatus?: number }): Promise<LoadResult> {
  const u = new URL(url);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.concurrency });
  const times: number[] = [];
  let errors = 0;
  let started = 0;
  const one = (i: number) =>
    new Promise<void>((resolve) => {
      const t0 = process.hrtime.bigint();
      const req = request({ host: u.hostname, port: u.port, path: u.pathname + u.search, method: opts.method, headers: opts.headers, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          if (res.statusCode !== (opts.expectStatus ?? 200)) errors++;
          times.push(Number(process.hrtime.bigint() - t0) / 1e6);
          resolve();
        });
      });
      req.on('error', () => {
        errors++;
        resolve();
      });
      const body = typeof opts.body === 'function' ? opts.body(i) : opts.body;
      if (body) req.write(body);
      req.end();
    });
  const worker = async () => {
    while (started < opts.total) {
      await one(started++);
    }
  };
  const t0 = process.hrtime.bigint();
  await Promise.all(Array.from({ length: opts.concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  agent.destroy();
  times.sort((a, b) => a - b);
  const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))] ?? 0;
  return { requests: opts.total, seconds, rps: opts.total / seconds, p50ms: pct(50), p99ms: pct(99), errors };
}

export function fmt(r: LoadResult): string {
  return `${r.rps.toFixed(0).padStart(6)} req/s  p50 ${r.p50ms.toFixed(2)} ms  p99 ${r.p99ms.toFixed(2)} ms${r.errors ? `  (${r.errors} errors!)` : ''}`;
}
