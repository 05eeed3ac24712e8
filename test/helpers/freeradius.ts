// A real FreeRADIUS (Debian package `freeradius`) for the RADIUS MFA tests: a minimal radiusd.conf of our own
// in a temp dir (pap + files modules, one client 127.0.0.1 with the given secret, a users file), listening on
// 127.0.0.1 on a free UDP port, in the foreground. Tests call `freeradiusMissing()` first and skip with its message.
//
//   const radius = await startFreeradius({ secret: 's3cret', users: { alice: '123456' } });
//   radius.port; await radius.destroy();
import { spawn, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const FREERADIUS = '/usr/sbin/freeradius';

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

export function freeradiusMissing(): string | undefined {
  for (const f of [FREERADIUS, '/usr/share/freeradius/dictionary', '/usr/lib/freeradius/rlm_pap.so']) {
    if (!existsSync(f)) return `${f} is missing: install the Debian package freeradius to run these tests`;
  }
  return undefined;
}

export async function freeUdpPort(): Promise<number> {
  const s = createSocket('udp4');
  await new Promise<void>((r) => s.bind(0, '127.0.0.1', r));
  const { port } = s.address();
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

export interface FreeradiusOptions {
  secret: string;
  /** user name → the password (here: the one-time code) the server accepts. */
  users: Record<string, string>;
  /** Client option require_message_authenticator (default yes, as BlastRADIUS advises). */
  requireMessageAuthenticator?: boolean;
}

export interface Freeradius {
  port: number;
  dir: string;
  log(): string;
  destroy(): Promise<void>;
}

const quote = (s: string) => `"${s.replace(/["\\]/g, '\\$&')}"`;

export async function startFreeradius(o: FreeradiusOptions): Promise<Freeradius> {
  const why = freeradiusMissing();
  if (why) throw new Error(why);
  const dir = await mkdtemp(join(tmpdir(), 'freeradius-'));
  const port = await freeUdpPort();
  await writeFile(join(dir, 'dictionary'), '$INCLUDE /usr/share/freeradius/dictionary\n');
  await writeFile(join(dir, 'users'), Object.entries(o.users).map(([u, p]) => `${quote(u)} Cleartext-Password := ${quote(p)}\n`).join(''));
  await writeFile(
    join(dir, 'radiusd.conf'),
    `prefix = /usr
exec_prefix = /usr
sysconfdir = /etc
localstatedir = ${dir}
sbindir = /usr/sbin
logdir = ${dir}
raddbdir = ${dir}
radacctdir = ${dir}
name = freeradius
confdir = ${dir}
modconfdir = ${dir}
run_dir = ${dir}
db_dir = ${dir}
libdir = /usr/lib/freeradius
pidfile = ${dir}/radiusd.pid
max_request_time = 30
cleanup_delay = 0
max_requests = 1024
hostname_lookups = no
log {
  destination = stdout
  auth = yes
}
security {
  allow_core_dumps = no
  max_attributes = 200
  reject_delay = 0
  status_server = no
}
thread pool {
  start_servers = 1
  max_servers = 2
  min_spare_servers = 1
  max_spare_servers = 2
}
client localhost {
  ipaddr = 127.0.0.1
  secret = ${quote(o.secret)}
  require_message_authenticator = ${o.requireMessageAuthenticator === false ? 'no' : 'yes'}
  nas_type = other
}
modules {
  pap {
    normalise = yes
  }
  files {
    filename = ${dir}/users
  }
}
server default {
  listen {
    type = auth
    ipaddr = 127.0.0.1
    port = ${port}
  }
  authorize {
    files
    pap
  }
  authenticate {
    Auth-Type PAP {
      pap
    }
  }
}
`,
  );
  let log = '';
  const child = spawn(FREERADIUS, ['-f', '-l', 'stdout', '-d', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  live.add(child);
  child.once('exit', () => live.delete(child));
  const ready = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`freeradius did not start in 15 s:\n${log}`)), 15_000);
    const onData = (d: Buffer) => {
      log = (log + d.toString()).slice(-20_000);
      if (log.includes('Ready to process requests')) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`freeradius exited with ${code} at start:\n${log}`));
    });
  });
  try {
    await ready;
  } catch (err) {
    child.kill('SIGKILL');
    await rm(dir, { recursive: true, force: true });
    throw err;
  }
  return {
    port,
    dir,
    log: () => log,
    async destroy() {
      if (child.exitCode === null && child.signalCode === null) {
        const exited = new Promise((r) => child.once('exit', r));
        child.kill('SIGTERM');
        const t = setTimeout(() => child.kill('SIGKILL'), 5_000);
        await exited;
        clearTimeout(t);
      }
      await rm(dir, { recursive: true, force: true });
    },
  };
}
