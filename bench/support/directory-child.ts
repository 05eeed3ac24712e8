// Runs bench/support/directory-server.ts in its own process (a deployed broker's LDAP side): resolves once it
// listens, with its port and how long the directory took to open; `ask` sends it a request over IPC.
import { fork } from 'node:child_process';

export interface DirectoryChild {
  port: number;
  loadMs: number;
  ask<T>(m: object): Promise<T>;
  close(): Promise<void>;
}

export async function startDirectoryServer(configPath: string, dbPath: string): Promise<DirectoryChild> {
  // BENCH_PROFILE_DIR=dir: the server writes a V8 CPU profile there when it exits (for finding hot spots)
  const profile = process.env.BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_PROFILE_DIR}`] : [];
  const child = fork(new URL('./directory-server.ts', import.meta.url), [configPath, dbPath], { execArgv: ['--import', 'tsx', ...profile], stdio: 'inherit' });
  const next = <T>() =>
    new Promise<T>((resolve, reject) => {
      child.once('message', (m) => resolve(m as T));
      child.once('exit', (code) => reject(new Error(`directory bench server exited (${code})`)));
    });
  const ready = await next<{ port: number; loadMs: number }>();
  return {
    ...ready,
    ask: <T>(m: object) => {
      const p = next<T>();
      child.send(m);
      return p;
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.send({ op: 'close' });
      }),
  };
}
