// `idbroker directories unlock USER` and `idbroker directories reset-password USER`: AD's "Unlock account" and
// "Reset password" for a user of a simple-ad or managed-ad directory, done on the store (beside a running broker,
// which sees the change on its next read), for when no administrator can bind — a locked-out Administrator.
//   unlock USER [--directory d-…]                                      lockoutTime 0, failed-logon count cleared
//   reset-password USER [--directory d-…] [--password-stdin] [--must-change]
//                                     the password from stdin, else a generated one printed once
import { AccountAdminError, openSimpleAdAccounts } from '../adapters/directory/simple-ad/index.ts';
import { loadConfig, resolveConfigPath } from '../config/load.ts';
import type { Config, DirectoryConfig } from '../config/schema.ts';
import { openStore } from './registry.ts';

export interface CommandIo {
  out(s: string): void;
  err(s: string): void;
  /** Everything on standard input (--password-stdin). */
  readStdin(): Promise<string>;
}

const processIo: CommandIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  async readStdin() {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

const VALUED = new Set(['--directory', '--config']);

/** The one positional argument (USER), skipping option values. */
function positional(argv: string[]): string[] {
  return argv.filter((a, i) => !a.startsWith('-') && !(VALUED.has(argv[i - 1] ?? '') && !argv[i - 1].includes('=')));
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

/** The directory named by --directory, else the only directory whose accounts the broker keeps. */
function chooseDirectory(config: Config, id: string | undefined): DirectoryConfig | string {
  if (id !== undefined) {
    const d = config.directories.find((c) => c.id === id);
    if (!d) return `directory ${id} is not in the configuration (${config.directories.map((c) => c.id).join(', ') || 'none'})`;
    if (d.type === 'ad-connector') return `directory ${id} is an AD Connector: its accounts live in the upstream AD; unlock or reset them there`;
    return d;
  }
  const local = config.directories.filter((c) => c.type !== 'ad-connector');
  if (local.length === 1) return local[0];
  if (local.length === 0) return 'no simple-ad or managed-ad directory in the configuration';
  return `several directories: choose one with --directory (${local.map((c) => `${c.id} ${c.dnsName}`).join(', ')})`;
}

export async function directoryAccountsCommand(sub: 'unlock' | 'reset-password', argv: string[], usage: string, io: CommandIo = processIo): Promise<number> {
  const users = positional(argv);
  if (users.length !== 1) {
    io.err(`idbroker directories ${sub}: expected one user name (alice, CORP\\alice, alice@corp.example.com or a DN)\n${usage}`);
    return 2;
  }
  const [user] = users;
  const config = loadConfig(resolveConfigPath(argv, process.env), process.env);
  const dir = chooseDirectory(config, option(argv, '--directory'));
  if (typeof dir === 'string') {
    io.err(`idbroker directories ${sub}: ${dir}\n`);
    return 2;
  }
  let password: string | undefined;
  if (sub === 'reset-password' && argv.includes('--password-stdin')) {
    password = (await io.readStdin()).replace(/\r?\n$/, '');
    if (password === '') {
      io.err('idbroker directories reset-password: --password-stdin: standard input is empty\n');
      return 2;
    }
  }
  const store = await openStore(config.store);
  try {
    const accounts = await openSimpleAdAccounts({ store, config: dir });
    const where = `directory ${dir.id} (${dir.dnsName})`;
    if (sub === 'unlock') {
      const r = await accounts.unlock(user);
      io.out(r.wasLocked ? `Unlocked ${dir.netbiosName}\\${r.sam} in ${where}; its failed-logon count is cleared.\n` : `${dir.netbiosName}\\${r.sam} in ${where} was not locked out; its failed-logon count is cleared.\n`);
      return 0;
    }
    const generated = password === undefined;
    const pw = password ?? accounts.generatePassword();
    const r = await accounts.resetPassword(user, pw, { mustChange: argv.includes('--must-change') });
    const name = `${dir.netbiosName}\\${r.sam}`;
    if (generated) io.out(`Reset the password of ${name} in ${where}; generated, shown only now:\n  ${name}  ${pw}\n`);
    else io.out(`Reset the password of ${name} in ${where}.\n`);
    if (r.mustChange) io.out(`${name} must change it at the next logon: binds answer 773 until a password change (ldappasswd, or kpasswd-style clients) sets a new one.\n`);
    if (r.locked) io.out(`${name} is still locked out: idbroker directories unlock ${r.sam} --directory ${dir.id}\n`);
    return 0;
  } catch (err) {
    if (err instanceof AccountAdminError) {
      io.err(`idbroker directories ${sub}: ${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await store.close();
  }
}
