// A real OpenLDAP slapd (Debian package `slapd`) as the tests' "on-prem AD": its own slapd.conf in a
// temp dir, the mdb backend, loaded with slapadd from an LDIF (default test/fixtures/slapd/onprem.ldif),
// listening on 127.0.0.1 on a free port, optionally LDAPS (and StartTLS) with a generated
// self-signed certificate. Tests call `slapdMissing()` first and skip with its message.
//
//   const ldap = await startSlapd();            // ldap.url = ldap://127.0.0.1:PORT
//   await ldap.stop(); await ldap.start();       // same port, same data (fail-over tests)
//   await ldap.modify(ldif);                     // ldapmodify as the rootdn
//   await ldap.destroy();                        // stop and remove the temp dir
import { spawn, type ChildProcess, execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort, ROOT } from './process.ts';

const run = promisify(execFile);
export const SLAPD = '/usr/sbin/slapd';
export const ONPREM_BASE = 'dc=onprem,dc=example,dc=com';
export const ONPREM_LDIF = join(ROOT, 'test/fixtures/slapd/onprem.ldif');
/** The passwords behind the {SSHA} hashes in onprem.ldif (see make-onprem-ldif.sh). */
export const ONPREM_PASSWORDS = { 'svc-idbroker': 'Svc-Pass-1', alice: 'Alice-Pass-1', bob: 'Bob-Pass-1', carol: 'Carol-Pass-1' } as const;
export const ONPREM_SERVICE_DN = `cn=svc-idbroker,ou=Service,${ONPREM_BASE}`;
export const userDn = (uid: string) => `uid=${uid},ou=People,${ONPREM_BASE}`;

// slapd daemons still running when the test process exits (a failed or cancelled test) are killed
const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const c of live) c.kill('SIGKILL');
});

/** Why slapd tests cannot run here, or undefined when they can. */
export function slapdMissing(): string | undefined {
  for (const f of [SLAPD, '/usr/sbin/slapadd', '/usr/bin/ldapmodify', '/usr/lib/ldap/back_mdb.so']) {
    if (!existsSync(f)) return `${f} is missing: install the Debian packages slapd and ldap-utils to run these tests`;
  }
  return undefined;
}

export interface SlapdOptions {
  ldif?: string;
  suffix?: string;
  /** Also listen for LDAPS and offer StartTLS, with a generated self-signed cert (caFile). */
  tls?: boolean;
}

export interface Slapd {
  url: string;
  ldapsUrl?: string;
  /** PEM of the self-signed server certificate (trust anchor for ldaps/StartTLS). */
  caFile?: string;
  rootDn: string;
  rootPassword: string;
  dir: string;
  running(): boolean;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Runs ldapmodify as the rootdn with this LDIF. */
  modify(ldif: string): Promise<void>;
  destroy(): Promise<void>;
}

export async function startSlapd(opts: SlapdOptions = {}): Promise<Slapd> {
  const why = slapdMissing();
  if (why) throw new Error(why);
  const suffix = opts.suffix ?? ONPREM_BASE;
  const dir = await mkdtemp(join(tmpdir(), 'slapd-'));
  await mkdir(join(dir, 'db'));
  const rootDn = `cn=admin,${suffix}`;
  const rootPassword = 'Root-Pass-1';
  const port = await freePort();
  const tlsPort = opts.tls ? await freePort() : undefined;
  let tlsConf = '';
  let caFile: string | undefined;
  if (opts.tls) {
    caFile = join(dir, 'cert.pem');
    await run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost', '-keyout', join(dir, 'key.pem'), '-out', caFile]);
    tlsConf = `TLSCertificateFile ${caFile}\nTLSCertificateKeyFile ${join(dir, 'key.pem')}\n`;
  }
  const conf = join(dir, 'slapd.conf');
  await writeFile(
    conf,
    [
      'include /etc/ldap/schema/core.schema',
      'include /etc/ldap/schema/cosine.schema',
      'include /etc/ldap/schema/inetorgperson.schema',
      `pidfile ${join(dir, 'slapd.pid')}`,
      'modulepath /usr/lib/ldap',
      'moduleload back_mdb',
      tlsConf,
      'database mdb',
      'maxsize 33554432',
      // like AD: a plain search stops at 500 entries, a paged one returns everything
      'limits * size.soft=500 size.hard=500 size.prtotal=unlimited',
      `suffix "${suffix}"`,
      `rootdn "${rootDn}"`,
      `rootpw ${rootPassword}`,
      `directory ${join(dir, 'db')}`,
      'index objectClass,uid,mail,member eq',
      'access to attrs=userPassword by self write by anonymous auth by * none',
      'access to * by users read by * none',
      '',
    ].join('\n'),
  );
  await run('/usr/sbin/slapadd', ['-q', '-f', conf, '-l', opts.ldif ?? ONPREM_LDIF]);

  const url = `ldap://127.0.0.1:${port}`;
  const ldapsUrl = tlsPort ? `ldaps://127.0.0.1:${tlsPort}` : undefined;
  let child: ChildProcess | undefined;
  let log = '';

  const start = async () => {
    if (child) return;
    const listeners = [`${url}/`, ...(ldapsUrl ? [`${ldapsUrl}/`] : [])].join(' ');
    const c = spawn(SLAPD, ['-f', conf, '-h', listeners, '-d', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    child = c;
    live.add(c);
    c.stderr!.on('data', (d: Buffer) => (log = (log + d.toString()).slice(-4000)));
    c.once('exit', () => {
      live.delete(c);
      if (child === c) child = undefined;
    });
    const deadline = Date.now() + 10_000;
    for (;;) {
      if (!child) throw new Error(`slapd exited at start: ${log}`);
      if (await accepts(port)) return;
      if (Date.now() > deadline) throw new Error(`slapd did not listen on ${url}: ${log}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };

  const stop = async () => {
    const c = child;
    if (!c) return;
    const exited = new Promise((r) => c.once('exit', r));
    c.kill('SIGTERM');
    const timer = setTimeout(() => c.kill('SIGKILL'), 5_000);
    await exited;
    clearTimeout(timer);
    child = undefined;
  };

  await start();
  return {
    url,
    ldapsUrl,
    caFile,
    rootDn,
    rootPassword,
    dir,
    running: () => child !== undefined,
    start,
    stop,
    async modify(ldif: string) {
      const p = spawn('/usr/bin/ldapmodify', ['-x', '-H', url, '-D', rootDn, '-w', rootPassword], { stdio: ['pipe', 'ignore', 'pipe'] });
      let err = '';
      p.stderr!.on('data', (d: Buffer) => (err += d.toString()));
      p.stdin!.end(ldif);
      const code = await new Promise((r) => p.once('exit', r));
      if (code !== 0) throw new Error(`ldapmodify failed (${code}): ${err}`);
    },
    async destroy() {
      await stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const s = connect(port, '127.0.0.1');
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}
