// A broker (or a bare Koa handler) in its own Node process for the HTTP benches, so that the load generator
// does not share the server's event loop and the server's CPU time can be read apart from the client's:
//
//   const broker = await startBrokerProcess({ yaml: 'roles: …' });   // startTestBroker's options, as JSON
//   const mark = await broker.cpuMark();                              // the child's process.cpuUsage()
//   await load(broker.url, …);
//   const cpu = await broker.cpuSince(mark);                           // µs of CPU (user + system) since mark
//   console.log(cpu / requests, 'µs of broker CPU per request');
//   await broker.close();
//
// `startBareProcess(body)` runs the bare Koa baseline the same way (a handler that answers `body` as XML).
// The CPU figure (µs per request) is what to compare across runs: unlike a ratio of rates it does not move
// with what else the machine's cores are doing. BENCH_PROFILE_DIR=dir makes the child write a V8 CPU profile
// there when it exits (node --cpu-prof), for finding hot spots.
import { fork, type ChildProcess } from 'node:child_process';
import type { TestBrokerOptions } from '../../test/helpers/broker.ts';

export type CpuMark = NodeJS.CpuUsage;

export interface ServerProcess {
  /** The HTTP listener, e.g. http://127.0.0.1:PORT (no trailing slash). */
  url: string;
  /** The broker's http.publicUrl (same as `url` for a bare handler). */
  publicUrl: string;
  /** The child's process id (for strace, perf…). */
  pid: number;
  /** The child's process.cpuUsage() now. */
  cpuMark(): Promise<CpuMark>;
  /** The child's CPU time (user + system, µs) since `mark`. */
  cpuSince(mark: CpuMark): Promise<number>;
  close(): Promise<void>;
}

/** What the parent sends the child as its first argument (JSON). */
export type ChildSpec = { kind: 'broker'; options: Omit<TestBrokerOptions, 'clock'> } | { kind: 'bare'; body: string };

async function start(spec: ChildSpec): Promise<ServerProcess> {
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child: ChildProcess = fork(new URL('./server-child.ts', import.meta.url), [JSON.stringify(spec)], { execArgv: ['--import', 'tsx', ...profile], stdio: 'inherit' });
  let exited = false;
  child.once('exit', () => (exited = true));
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      const onExit = (code: number | null) => reject(new Error(`bench server process exited (${code})`));
      child.once('exit', onExit);
      child.once('message', (m) => {
        child.off('exit', onExit);
        resolve(m as T);
      });
    });
  const ready = await next<{ url: string; publicUrl: string }>();
  const cpuMark = async () => {
    const p = next<{ cpu: CpuMark }>();
    child.send({ op: 'cpu' });
    return (await p).cpu;
  };
  return {
    ...ready,
    pid: child.pid!,
    cpuMark,
    async cpuSince(mark) {
      const now = await cpuMark();
      return now.user - mark.user + (now.system - mark.system);
    },
    close: () =>
      new Promise<void>((resolve) => {
        if (exited) return resolve();
        child.once('exit', () => resolve());
        child.send({ op: 'close' });
      }),
  };
}

/** A test broker (test/helpers/broker.ts, SQLite unless `postgres`) in its own process. */
export const startBrokerProcess = (options: Omit<TestBrokerOptions, 'clock'> = {}): Promise<ServerProcess> => start({ kind: 'broker', options });

/** The bare Koa baseline in its own process: every request answered with `body` as text/xml. */
export const startBareProcess = (body: string): Promise<ServerProcess> => start({ kind: 'bare', body });
