// `idbroker directories mfa enroll|remove|list`: TOTP devices of directory users (directories with mfa.totp: true).
//   enroll --directory d-… --user NAME [--replace]   prints the otpauth:// URI (and the seed) once
//   remove --directory d-… --user NAME
//   list [--directory d-…]
import { join } from 'node:path';
import { loadConfig, resolveConfigPath } from '../config/load.ts';
import type { DirectoryConfig } from '../config/schema.ts';
import { ConflictError } from './contracts/errors.ts';
import { loadOrCreateKeyRing } from './keys/keyring.ts';
import { openStore } from './registry.ts';
import { enrollTotp, listTotp, otpauthUri, removeTotp } from './directory-mfa/totp-enrollments.ts';

export const DIRECTORY_MFA_USAGE = `usage: idbroker directories mfa enroll --directory d-… --user NAME [--replace] [--config FILE]
       idbroker directories mfa remove --directory d-… --user NAME [--config FILE]
       idbroker directories mfa list [--directory d-…] [--config FILE]
`;

// the sAMAccountName, or DOMAIN\\name for a user of a trusted domain (managed-ad trusts)
const USER = /^([^\\/:*?"<>|.\s][^\\/:*?"<>|\s]{0,14}\\)?[^"/\\[\]:;|=,+*?<>@\s][^"/\\[\]:;|=,+*?<>@]{0,19}$/;

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

function fail(message: string, code = 2): number {
  process.stderr.write(`${message}\n`);
  return code;
}

export async function directoryMfaCommand(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s)): Promise<number> {
  const [sub, ...rest] = argv;
  if (!['enroll', 'remove', 'list'].includes(sub ?? '')) return fail(DIRECTORY_MFA_USAGE);
  const config = loadConfig(resolveConfigPath(rest, process.env), process.env);
  const directoryId = option(rest, '--directory');
  let user = option(rest, '--user');
  let dir: DirectoryConfig | undefined;
  if (directoryId !== undefined) {
    dir = config.directories.find((d) => d.id === directoryId);
    if (!dir) return fail(`directory ${directoryId} is not in the configuration`);
  }
  if (sub !== 'list') {
    if (!dir || !user) return fail(DIRECTORY_MFA_USAGE);
    if (dir.type === 'simple-ad' || !dir.mfa?.totp) return fail(`directory ${dir.id} does not accept TOTP devices: set mfa: { totp: true } in its configuration (managed-ad or ad-connector)`);
    if (!USER.test(user)) return fail('--user: expected the sAMAccountName (alice), or DOMAIN\\name for a user of a trusted domain');
    const [domain, name] = user.includes('\\') ? user.split('\\') : [dir.netbiosName, user];
    user = domain.toUpperCase() === dir.netbiosName.toUpperCase() ? name : `${domain.toUpperCase()}\\${name}`;
  }
  const store = await openStore(config.store);
  try {
    if (sub === 'list') {
      for (const e of await listTotp(store, dir?.id)) out(`${e.directoryId}\t${e.userName}\tenrolled ${e.enrolledAt}\n`);
      return 0;
    }
    if (sub === 'remove') {
      if (!(await removeTotp(store, dir!.id, user!))) return fail(`user ${user} of directory ${dir!.id} has no TOTP device`, 1);
      out(`removed the TOTP device of ${user} in directory ${dir!.id}\n`);
      return 0;
    }
    const { ring: keys } = loadOrCreateKeyRing({ file: config.keys.file ?? join(config.dataDir, 'keyring.json'), inline: config.keys.inline ?? process.env.IDBROKER_KEYRING });
    let enrolled;
    try {
      enrolled = await enrollTotp(store, keys, { directoryId: dir!.id, userName: user!, now: new Date(), replace: rest.includes('--replace') });
    } catch (err) {
      if (err instanceof ConflictError) return fail(err.message, 1);
      throw err;
    }
    const uri = otpauthUri({ issuer: `idbroker ${dir!.netbiosName}`, account: user!.includes('\\') ? user! : `${user}@${dir!.dnsName}`, seed: enrolled.seed });
    out(`${enrolled.replaced ? 'Replaced' : 'Enrolled'} a TOTP device for ${user} in directory ${dir!.id}. Shown only now; give it to the user (authenticator app, or as a QR code):\n`);
    out(`  ${uri}\n`);
    out(`  seed (base32): ${enrolled.seed}\n`);
    return 0;
  } finally {
    await store.close();
  }
}
