// `idbroker admin create-key [--account ID] [--replace AKIA…]`: a new access key for the IAM administrator, made
// with the store and the key ring named by the config (the data directory), not through the API — the way back
// when the key printed on first start is lost. The secret is printed once, as shell exports on stdout (so
// `eval "$(idbroker admin create-key)"` sets it); what the command says goes to stderr.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig, resolveConfigPath } from '../config/load.ts';
import { AdminKeyError, createAdminKey } from './iam/admin-key.ts';
import { loadOrCreateKeyRing } from './keys/keyring.ts';
import { openStore } from './registry.ts';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

export async function adminCreateKeyCommand(argv: string[], out: (s: string) => void = (s) => process.stdout.write(s), err: (s: string) => void = (s) => process.stderr.write(s)): Promise<number> {
  const config = loadConfig(resolveConfigPath(argv, process.env), process.env);
  const account = option(argv, '--account') ?? config.accounts[0].id;
  if (!config.accounts.some((a) => a.id === account)) {
    err(`idbroker admin create-key: --account ${account} is not in the configuration (${config.accounts.map((a) => a.id).join(', ')})\n`);
    return 2;
  }
  const replace = option(argv, '--replace');
  if (replace !== undefined && !/^AKIA[A-Z0-9]{16}$/.test(replace)) {
    err('idbroker admin create-key: --replace: expected the access key id to delete (AKIA…)\n');
    return 2;
  }
  const file = config.keys.file ?? join(config.dataDir, 'keyring.json');
  const inline = config.keys.inline ?? process.env.IDBROKER_KEYRING;
  if (!inline && !existsSync(file)) {
    err(`idbroker admin create-key: no key ring at ${file}: is ${config.dataDir} the broker's data directory (--config, IDBROKER_DATA_DIR)?\n`);
    return 1;
  }
  const { ring } = loadOrCreateKeyRing({ file, inline });
  const store = await openStore(config.store);
  try {
    const key = await createAdminKey(store, ring, account, { replace });
    // what is said goes to stderr, the key to stdout as shell exports: eval "$(idbroker admin create-key)"
    if (key.replaced) err(`Deleted access key ${key.replaced} of IAM user "${key.userName}".\n`);
    err(`Created an access key for IAM user "${key.userName}" in account ${account} (AdministratorAccess). Its secret is shown only now:\n`);
    out(`  export AWS_ACCESS_KEY_ID=${key.accessKeyId}\n`);
    out(`  export AWS_SECRET_ACCESS_KEY=${key.secretAccessKey}\n`);
    out(`  export AWS_REGION=${config.region} AWS_DEFAULT_REGION=${config.region}\n`);
    return 0;
  } catch (e) {
    if (e instanceof AdminKeyError) {
      err(`idbroker admin create-key: ${e.message}\n`);
      return 1;
    }
    throw e;
  } finally {
    await store.close();
  }
}
