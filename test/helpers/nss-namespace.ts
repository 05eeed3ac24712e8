// Runs an NSS/PAM daemon (sssd, nslcd) the way a Linux host would, but inside a private mount
// namespace so the machine is left alone: the daemon's fixed paths (/etc/nsswitch.conf,
// /etc/pam.d, /etc/nslcd.conf, /var/lib/sss, /run/nslcd) are bind-mounted over with the test's
// own files and empty directories, visible only to the daemon and to the clients the test starts
// in the same namespace (nsenter). Needs root (CAP_SYS_ADMIN), unshare and nsenter (util-linux).
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const onPath = (bin: string): boolean => ['/usr/sbin', '/sbin', ...(process.env.PATH ?? '').split(':')].some((d) => existsSync(`${d}/${bin}`));

const LIB_DIRS = ['/lib/x86_64-linux-gnu', '/lib/aarch64-linux-gnu', '/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/lib64', '/usr/lib64'];
const hasLibrary = (file: string): boolean => LIB_DIRS.some((d) => existsSync(join(d, file)));

/** Why the namespace cannot be used here (missing binaries or libraries — `libnss_sss.so.2`,
 *  `security/pam_sss.so` — or not root), or undefined. */
export function namespaceMissing(binaries: string[], libraries: string[] = []): string | undefined {
  const missing = [...binaries.filter((b) => !onPath(b)), ...libraries.filter((f) => !hasLibrary(f))];
  if (missing.length > 0) return `not installed: ${missing.join(', ')} (apt-get install -y sssd-ldap sssd-tools libnss-sss libpam-sss pamtester nslcd; .ci/run does)`;
  if (process.getuid?.() !== 0) return 'needs root for a private mount namespace (unshare -m)';
  return undefined;
}

export interface Mount {
  /** Path in the namespace. */
  target: string;
  /** A file's content, or a private directory (tmpfs) with the subdirectories and files given. */
  content: string | { dir: string[]; files?: Record<string, string>; mode?: string };
}

export interface Result {
  code: number;
  out: string;
  err: string;
}

export interface Namespaced {
  dir: string;
  /** Runs a command in the daemon's namespace (optionally as another uid, optionally with stdin). */
  run(cmd: string, args: string[], opts?: { input?: string; uid?: number }): Promise<Result>;
  log(): string;
  /** Whether the daemon still runs. */
  alive(): boolean;
  stop(): Promise<void>;
}

export async function startInNamespace(name: string, mounts: Mount[], daemon: string[]): Promise<Namespaced> {
  const dir = mkdtempSync(join(tmpdir(), `idbroker-${name}-`));
  // a host nscd (libnss-ldapd recommends it) would answer the namespace's clients from the host's NSS: hide its socket
  const script: string[] = ['set -e', 'if [ -d /run/nscd ]; then mount -t tmpfs nscd /run/nscd; fi'];
  mounts.forEach((m, i) => {
    if (typeof m.content === 'string') {
      const f = join(dir, `file${i}`);
      writeFileSync(f, m.content, { mode: 0o600 });
      script.push(`[ -e ${m.target} ] || touch ${m.target}`, `mount --bind ${f} ${m.target}`);
    } else {
      script.push(`mkdir -p ${m.target}`, `mount -t tmpfs -o mode=${m.content.mode ?? '0755'} ${name} ${m.target}`);
      for (const sub of m.content.dir) script.push(`mkdir -p ${m.target}/${sub}`);
      for (const [file, content] of Object.entries(m.content.files ?? {})) {
        const f = join(dir, `file${i}-${file}`);
        writeFileSync(f, content, { mode: 0o644 });
        script.push(`cp ${f} ${m.target}/${file}`);
      }
    }
  });
  script.push(`exec ${daemon.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ')}`);
  const child: ChildProcess = spawn('unshare', ['-m', '--propagation', 'private', 'sh', '-c', script.join('\n')], { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout!.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (log += d.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const run = (cmd: string, args: string[], opts: { input?: string; uid?: number } = {}): Promise<Result> =>
    new Promise((resolve) => {
      const as = opts.uid === undefined ? [] : ['setpriv', `--reuid=${opts.uid}`, `--regid=${opts.uid}`, '--clear-groups', '--'];
      const p = execFile('nsenter', ['-t', String(child.pid), '-m', '--', ...as, cmd, ...args], { timeout: 60_000 }, (err, stdout, stderr) =>
        resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, out: stdout, err: stderr }));
      if (opts.input !== undefined) p.stdin!.end(opts.input);
      else p.stdin!.end();
    });
  return {
    dir,
    run,
    log: () => log,
    alive: () => child.exitCode === null && child.signalCode === null,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
