// The `idbroker` command: start | config check FILE | policy lint FILE | version | --help.
// Each command imports the modules it uses when it runs (`await import`), so that `version` and `--help` load
// almost nothing and a command loads only its own part of the broker.
import { readFileSync } from 'node:fs';
import type { PolicyKind } from './policy/index.ts';
import type { RevocationRule } from './sts/revocation.ts';
import { CLI_TIME_HELP, parseCliTime } from './cli-time.ts';
import { join } from 'node:path';

const HELP = `idbroker — directory and federation identity broker (AWS IAM/STS and AD-compatible LDAP)

Usage:
  idbroker start [--config FILE] [--demo]
                                      run the broker (config: --config, IDBROKER_CONFIG, or config/default.yaml);
                                      --demo: also demo users (alice, bob, carol), nested groups and roles that
                                      trust them, and print what to try (public passwords: demo only)
  idbroker config check FILE          validate a config file without starting (and that the files it names
                                      — certificates, keys, CA bundles, SAML metadata — exist and are readable)
  idbroker sessions revoke [--config FILE] (--access-key-id ASIA… | --principal ARN | --before TIME --account ID)
                                      revoke temporary credentials (every replica refuses them within 2 s)
  idbroker directories [--config FILE] [--json]
                                      the directories, their listeners and each managed-ad trust's status
                                      (verified / failed, reason, time) as the running broker last checked it
  idbroker policy lint FILE [--kind identity|trust|resource|boundary|session]
                                      validate a policy document (JSON, or YAML: .yaml/.yml) and warn about
                                      risky grants (exit 1 on errors)
  idbroker audit [--config FILE] [--since TIME] [--until TIME] [--principal ARN] [--event NAME] [--denied] [--limit N]
                                      the audit trail, newest first, one JSON event per line; TIME: ISO 8601,
                                      epoch seconds, or a duration back from now (15m, 2h, 7d); --denied: only
                                      refused calls; --limit: 1 to 10000 (default 100)
  idbroker keys rotate [--config FILE] [--activate-after SECONDS]
                                      add a key to the key ring; it starts encrypting after 30 s (default), once every
                                      replica has re-read the ring (they do every 10 s); old keys keep decrypting
  idbroker directories unlock USER [--directory d-…] [--config FILE]
                                      unlock a directory account (AD's "Unlock account": lockoutTime 0, failed-logon
                                      count cleared), e.g. a locked-out Administrator; --directory: needed with
                                      several simple-ad/managed-ad directories
  idbroker directories reset-password USER [--directory d-…] [--password-stdin] [--must-change] [--config FILE]
                                      set a new password (policy: length and complexity); without --password-stdin
                                      a generated one is printed once; --must-change: the user must change it at
                                      the next logon (pwdLastSet 0). Does not unlock: see directories unlock
  idbroker admin create-key [--account ID] [--replace AKIA…] [--config FILE]
                                      a new access key for the IAM administrator "admin" (when the printed one is
                                      lost), made with the store and key ring of the data directory, not the API;
                                      --replace deletes that key first (IAM allows two per user)
  idbroker directories mfa enroll --directory d-… --user NAME [--replace]
                                      enroll a TOTP device for a directory user (prints an otpauth:// URI once);
                                      also: directories mfa remove --directory d-… --user NAME, directories mfa list
  idbroker login --url URL [--provider P] [--role ARN] [--profile NAME] [--duration S] [--region R]
                 [--redirect-port N] [--expect USER] [--no-browser]
                                      sign in through the browser, approve, pick a role, and write its credentials
                                      to the AWS profile (default "default"); --no-browser prints a URL and a code
                                      to approve on any device; refuses another person's sign-in than --expect
                                      USER or the profile's last one
  idbroker credential-process [--profile NAME] [--url URL] [--role ARN] [--provider P] [--duration S] [--no-browser]
                                      AWS credential_process: cached credentials, signing in again when needed
  idbroker version                    print the version
  idbroker --help                     this text
`;

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

async function start(argv: string[]): Promise<number> {
  const [{ loadConfig, resolveConfigPath }, { startBroker }] = await Promise.all([import('../config/load.ts'), import('./main.ts')]);
  const path = resolveConfigPath(argv, process.env);
  const configFlag = argv.some((a) => a === '--config' || a.startsWith('--config=')) ? `--config ${path}` : undefined;
  const broker = argv.includes('--demo')
    ? await (await import('./demo-start.ts')).startDemo(path, process.env, { configFlag })
    : await startBroker({ config: loadConfig(path, process.env) });
  await new Promise<void>((resolve) => {
    const stop = (signal: string) => {
      process.stderr.write(`received ${signal}, shutting down\n`);
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      broker.close().then(resolve, (err) => {
        process.stderr.write(`shutdown failed: ${String(err)}\n`);
        resolve();
      });
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.on('SIGINT', onInt);
    process.on('SIGTERM', onTerm);
  });
  return 0;
}

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

async function audit(argv: string[]): Promise<number> {
  const usage = (problem: string) => {
    process.stderr.write(`idbroker audit: ${problem}\n${helpFor('audit')}`);
    return 2;
  };
  const now = new Date();
  const times: Record<'since' | 'until', string | undefined> = { since: undefined, until: undefined };
  for (const name of ['since', 'until'] as const) {
    const v = option(argv, `--${name}`);
    if (v === undefined) continue;
    const t = parseCliTime(v, now);
    if (!t) return usage(`--${name} ${JSON.stringify(v)}: expected ${CLI_TIME_HELP}`);
    times[name] = t.toISOString();
  }
  const limit = Number(option(argv, '--limit') ?? 100);
  if (!Number.isInteger(limit) || limit < 1 || limit > 10_000) return usage('--limit: expected a whole number from 1 to 10000');
  const [{ loadConfig, resolveConfigPath }, { openStore }, { lookupEvents }] = await Promise.all([
    import('../config/load.ts'), import('./registry.ts'), import('./audit/lookup-events.ts'),
  ]);
  const config = loadConfig(resolveConfigPath(argv, process.env), process.env);
  const store = await openStore(config.store);
  try {
    const { events } = await lookupEvents(store, {
      ...times,
      principalArn: option(argv, '--principal'),
      eventName: option(argv, '--event'),
      denied: argv.includes('--denied') ? true : undefined,
      limit,
    });
    for (const e of events) process.stdout.write(JSON.stringify(e.data) + '\n');
  } finally {
    await store.close();
  }
  return 0;
}

async function directories(argv: string[]): Promise<number> {
  const [{ loadConfig, resolveConfigPath }, { openStore }, { directoryReport, formatDirectoryReport }] = await Promise.all([
    import('../config/load.ts'), import('./registry.ts'), import('./directories-command.ts'),
  ]);
  const config = loadConfig(resolveConfigPath(argv, process.env), process.env);
  const store = await openStore(config.store);
  try {
    const report = await directoryReport(config, store);
    process.stdout.write(argv.includes('--json') ? JSON.stringify(report, null, 2) + '\n' : formatDirectoryReport(report));
  } finally {
    await store.close();
  }
  return 0;
}

async function rotateKeys(argv: string[]): Promise<number> {
  const [{ loadConfig, resolveConfigPath }, { rotateKeyRingFile }] = await Promise.all([import('../config/load.ts'), import('./keys/keyring.ts')]);
  const config = loadConfig(resolveConfigPath(argv, process.env), process.env);
  if (config.keys.inline) {
    process.stderr.write('the key ring comes from IDBROKER_KEYRING / keys.inline: rotate it where it is kept\n');
    return 2;
  }
  const seconds = Number(option(argv, '--activate-after') ?? 30);
  if (!Number.isFinite(seconds) || seconds < 0) {
    process.stderr.write('--activate-after: expected a number of seconds\n');
    return 2;
  }
  const key = rotateKeyRingFile(config.keys.file ?? join(config.dataDir, 'keyring.json'), seconds * 1000);
  process.stdout.write(`added key ${key.kid}; it encrypts from ${key.activateAt ?? 'now'} (older keys keep decrypting)\n`);
  return 0;
}

async function lint(argv: string[]): Promise<number> {
  const file = argv.find((a, i) => !a.startsWith('--') && argv[i - 1] !== '--kind');
  const kind = (option(argv, '--kind') ?? 'identity') as PolicyKind;
  if (!file || !['identity', 'trust', 'resource', 'boundary', 'session'].includes(kind)) {
    process.stderr.write('usage: idbroker policy lint FILE [--kind identity|trust|resource|boundary|session]\n');
    return 2;
  }
  const { lintPolicyFile } = await import('./policy/policy-file.ts');
  const { findings } = lintPolicyFile(readFileSync(file, 'utf8'), file, kind);
  for (const f of findings) process.stdout.write(`${file}: ${f.severity} ${f.code} at ${f.path || '(document)'}: ${f.message}\n`);
  if (findings.length === 0) process.stdout.write(`${file}: OK\n`);
  return findings.some((f) => f.severity === 'error') ? 1 : 0;
}

async function revoke(argv: string[]): Promise<number> {
  const [{ loadConfig, resolveConfigPath }, { openStore }, { addRevocation }] = await Promise.all([
    import('../config/load.ts'), import('./registry.ts'), import('./sts/revocation.ts'),
  ]);
  const config = loadConfig(resolveConfigPath(argv, process.env), process.env);
  const at = new Date().toISOString();
  const akid = option(argv, '--access-key-id');
  const principal = option(argv, '--principal');
  const before = option(argv, '--before');
  let rule: RevocationRule;
  const beforeTime = before === undefined ? undefined : parseCliTime(before, new Date(at));
  if (akid && /^ASIA[A-Z2-7]{16}$/.test(akid)) rule = { kind: 'session', accessKeyId: akid, at };
  else if (principal) rule = { kind: 'principal', arn: principal, before: at, at };
  else if (beforeTime) rule = { kind: 'all', account: option(argv, '--account') ?? config.accounts[0].id, before: beforeTime.toISOString(), at };
  else {
    process.stderr.write(`usage: idbroker sessions revoke (--access-key-id ASIA… | --principal ARN | --before TIME [--account ID])\n  TIME: ${CLI_TIME_HELP}\n`);
    return 2;
  }
  const store = await openStore(config.store);
  try {
    await addRevocation(store, rule);
  } finally {
    await store.close();
  }
  process.stdout.write(`revoked: ${JSON.stringify(rule)}\n`);
  return 0;
}

/** The options each command takes (the command's own parser checks values); anything else is a usage error. */
const COMMAND_OPTIONS: Record<string, string[]> = {
  start: ['--config', '--demo'],
  audit: ['--config', '--since', '--until', '--principal', '--event', '--denied', '--limit'],
  'config check': [],
  'keys rotate': ['--config', '--activate-after'],
  directories: ['--config', '--json'],
  'directories mfa': ['--config', '--directory', '--user', '--replace'],
  'directories unlock': ['--config', '--directory'],
  'directories reset-password': ['--config', '--directory', '--password-stdin', '--must-change'],
  'admin create-key': ['--config', '--account', '--replace'],
  'policy lint': ['--kind'],
  'sessions revoke': ['--config', '--access-key-id', '--principal', '--before', '--account'],
  login: ['--url', '--provider', '--role', '--profile', '--duration', '--region', '--redirect-port', '--expect', '--no-browser'],
  'credential-process': ['--profile', '--url', '--role', '--provider', '--duration', '--no-browser'],
};

/** The HELP entries of one command (`idbroker CMD …` and their continuation lines). */
export function helpFor(command: string): string {
  const blocks = HELP.split(/\n(?=  idbroker )/).filter((b) => b.startsWith(`  idbroker ${command}`));
  return blocks.length ? `Usage:\n${blocks.map((b) => b.replace(/\n\s*$/, '')).join('\n')}\n` : HELP;
}

/** `--help` anywhere prints the command's usage instead of running it (`keys rotate --help` must not rotate);
 *  an option the command does not know is refused. Undefined: go on. */
function checkArguments(cmd: string, rest: string[]): number | undefined {
  const command = `${cmd} ${rest[0] ?? ''}`.trim() in COMMAND_OPTIONS ? `${cmd} ${rest[0]}` : cmd;
  if (rest.includes('--help') || rest.includes('-h')) {
    process.stdout.write(helpFor(command));
    return 0;
  }
  const allowed = COMMAND_OPTIONS[command];
  const unknown = allowed && rest.find((a) => a.startsWith('-') && !allowed.includes(a.split('=')[0]));
  if (unknown) {
    process.stderr.write(`idbroker ${command}: unknown option ${unknown}\n${helpFor(command)}`);
    return 2;
  }
  return undefined;
}

/** A configuration that does not validate (ConfigError) or cannot be applied (ConfigApplyError, loaded only when
 *  something failed: it is already in memory when it was the one thrown). */
async function isConfigError(err: unknown): Promise<boolean> {
  if (!(err instanceof Error)) return false;
  if (err.name === 'ConfigError') return true;
  const { ConfigApplyError } = await import('./iam/apply-config.ts');
  return err instanceof ConfigApplyError;
}

export async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  try {
    const refused = cmd && !cmd.startsWith('-') ? checkArguments(cmd, rest) : undefined;
    if (refused !== undefined) return refused;
    switch (cmd) {
      case undefined:
      case 'start':
        return await start(rest);
      case 'config':
        if (rest[0] === 'check' && rest[1]) {
          const [{ ConfigError, loadConfig }, { missingFiles }] = await Promise.all([import('../config/load.ts'), import('../config/file-checks.ts')]);
          const missing = missingFiles(loadConfig(rest[1], process.env));
          if (missing.length) throw new ConfigError(missing);
          process.stdout.write(`${rest[1]}: OK\n`);
          return 0;
        }
        process.stderr.write('usage: idbroker config check FILE\n');
        return 2;
      case 'keys':
        if (rest[0] === 'rotate') return await rotateKeys(rest.slice(1));
        process.stderr.write('usage: idbroker keys rotate [--activate-after SECONDS]\n');
        return 2;
      case 'audit':
        return await audit(rest);
      case 'directories':
        if (rest[0] === 'mfa') return await (await import('./directory-mfa-command.ts')).directoryMfaCommand(rest.slice(1));
        if (rest[0] === 'unlock' || rest[0] === 'reset-password') return await (await import('./directory-accounts-command.ts')).directoryAccountsCommand(rest[0], rest.slice(1), helpFor(`directories ${rest[0]}`));
        return await directories(rest);
      case 'policy':
        if (rest[0] === 'lint') return await lint(rest.slice(1));
        process.stderr.write('usage: idbroker policy lint FILE\n');
        return 2;
      case 'sessions':
        if (rest[0] === 'revoke') return await revoke(rest.slice(1));
        process.stderr.write('usage: idbroker sessions revoke …\n');
        return 2;
      case 'admin':
        if (rest[0] === 'create-key') return await (await import('./admin-key-command.ts')).adminCreateKeyCommand(rest.slice(1));
        process.stderr.write(helpFor('admin create-key'));
        return 2;
      case 'login':
        return await (await import('./login-command/command.ts')).loginCommand(rest);
      case 'credential-process':
        return await (await import('./login-command/command.ts')).credentialProcessCommand(rest);
      case 'version':
      case '--version':
        process.stdout.write(`idbroker ${version()}\n`);
        return 0;
      case 'help':
      case '--help':
      case '-h':
        process.stdout.write(HELP);
        return 0;
      default:
        process.stderr.write(`unknown command: ${cmd}\n\n${HELP}`);
        return 2;
    }
  } catch (err) {
    if (await isConfigError(err)) {
      process.stderr.write(`invalid configuration:\n${(err as Error).message}\n`);
      return 1;
    }
    const e = err as NodeJS.ErrnoException;
    if (e?.code === 'EADDRINUSE') {
      process.stderr.write(`cannot listen: ${e.message}\n`);
      return 1;
    }
    process.stderr.write(`idbroker failed: ${e?.message ?? String(err)}${e?.cause ? ` (${String((e.cause as Error).message ?? e.cause)})` : ''}\n`);
    return 1;
  }
}
