// One measured load against a server process, and several slices of one target joined into one figure.
import { load, type LoadResult } from '../http-load.ts';
import type { ServerProcess } from './broker-process.ts';

export type LoadOptions = Parameters<typeof load>[1];

export interface Measured {
  r: LoadResult;
  /** The server process's CPU µs per request over the measured window. */
  cpu: number;
}

/** One measured load against `server` at `path`: the rate and the server process's CPU µs per request. */
export async function measure(server: ServerProcess, path: string, o: LoadOptions): Promise<Measured> {
  const mark = await server.cpuMark();
  const r = await load(server.url + path, o);
  return { r, cpu: (await server.cpuSince(mark)) / o.total };
}

/** Several measures of one target as one: requests and CPU summed, percentiles the slices' median. */
export function combine(parts: Measured[]): Measured {
  const requests = parts.reduce((n, p) => n + p.r.requests, 0);
  const seconds = parts.reduce((n, p) => n + p.r.seconds, 0);
  const mid = (f: (r: LoadResult) => number) => parts.map((p) => f(p.r)).sort((a, b) => a - b)[Math.floor(parts.length / 2)];
  return {
    r: { requests, seconds, rps: requests / seconds, p50ms: mid((r) => r.p50ms), p99ms: mid((r) => r.p99ms), errors: parts.reduce((n, p) => n + p.r.errors, 0) },
    cpu: parts.reduce((n, p) => n + p.cpu * p.r.requests, 0) / requests,
  };
}
