// Argument parsing for `idbroker login` and `idbroker credential-process` (server/cli.ts dispatches here).
import { credentialProcess } from './credential-process.ts';
import { login, LoginError } from './login.ts';
import { openBrowser } from './open-browser.ts';

function option(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  if (i >= 0) return argv[i + 1];
  return argv.find((a) => a.startsWith(`${name}=`))?.slice(name.length + 1);
}

const say = (line: string) => process.stderr.write(`${line}\n`);

function numberOption(argv: string[], name: string): number | undefined {
  const v = option(argv, name);
  if (v === undefined) return undefined;
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0) throw new LoginError(`${name} must be a whole number`);
  return n;
}

async function guard(fn: () => Promise<number>): Promise<number> {
  try {
    return await fn();
  } catch (err) {
    if (err instanceof LoginError) {
      say(`idbroker: ${err.message}`);
      return 1;
    }
    throw err;
  }
}

export function loginCommand(argv: string[]): Promise<number> {
  return guard(async () => {
    const url = option(argv, '--url') ?? process.env.IDBROKER_URL;
    if (!url) throw new LoginError('usage: idbroker login --url URL [--provider P] [--role ARN] [--profile NAME] [--duration S] [--region R] [--redirect-port N] [--expect USER] [--no-browser]');
    const redirectPort = numberOption(argv, '--redirect-port');
    const duration = numberOption(argv, '--duration');
    const role = option(argv, '--role');
    const provider = option(argv, '--provider');
    const region = option(argv, '--region');
    const expect = option(argv, '--expect');
    await login({
      url,
      profile: option(argv, '--profile') ?? 'default',
      ...(role ? { role } : {}),
      ...(provider ? { provider } : {}),
      ...(duration ? { duration } : {}),
      ...(region ? { region } : {}),
      ...(expect ? { expect } : {}),
      ...(redirectPort ? { redirectPort } : {}),
      noBrowser: argv.includes('--no-browser'),
      open: openBrowser,
      say,
    });
    return 0;
  });
}

export function credentialProcessCommand(argv: string[]): Promise<number> {
  return guard(async () => {
    const profile = option(argv, '--profile') ?? process.env.AWS_PROFILE ?? 'default';
    const url = option(argv, '--url');
    const role = option(argv, '--role');
    const provider = option(argv, '--provider');
    const duration = numberOption(argv, '--duration');
    const out = await credentialProcess({
      profile,
      ...(url ? { url } : {}),
      ...(role ? { role } : {}),
      ...(provider ? { provider } : {}),
      ...(duration ? { duration } : {}),
      noBrowser: argv.includes('--no-browser'),
      open: openBrowser,
      say,
    });
    process.stdout.write(`${out}\n`);
    return 0;
  });
}
