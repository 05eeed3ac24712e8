// The LDAP load generator the directory benches share: CONNECTIONS ldapts clients, each bound first, running
// `op` back to back for `seconds` after a one-operation warm-up; returns operations per second.
import { Client } from 'ldapts';

export const CONNECTIONS = 16;

export async function rate(url: string, login: { dn: string; password: string }, seconds: number, op: (c: Client, i: number) => Promise<void>): Promise<number> {
  const clients = await Promise.all(
    Array.from({ length: CONNECTIONS }, async () => {
      const c = new Client({ url });
      await c.bind(login.dn, login.password);
      return c;
    }),
  );
  // a short warm-up (JIT, caches, pooled upstream connections), then the measure
  for (const [k, c] of clients.entries()) await op(c, k);
  let n = 0;
  const until = Date.now() + seconds * 1000;
  await Promise.all(
    clients.map(async (c, k) => {
      for (let i = k; Date.now() < until; i += CONNECTIONS) {
        await op(c, i);
        n++;
      }
    }),
  );
  await Promise.all(clients.map((c) => c.unbind().catch(() => {})));
  return n / seconds;
}

/** Median latency in ms of `n` sequential runs of `fn` (after one warm-up run). */
export async function medianMs(n: number, fn: () => Promise<unknown>): Promise<number> {
  await fn();
  const t: number[] = [];
  for (let i = 0; i < n; i++) {
    const s = process.hrtime.bigint();
    await fn();
    t.push(Number(process.hrtime.bigint() - s) / 1e6);
  }
  return t.sort((a, b) => a - b)[Math.floor(n / 2)];
}
