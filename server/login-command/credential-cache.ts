// Credentials from `idbroker login`, cached per profile for `idbroker credential-process`: one JSON file
// (mode 0600) per profile in an `idbroker/cache` directory beside the AWS config file.
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { dirname, join } from 'node:path';
import type { AwsPaths } from './aws-files.ts';
import type { Credentials } from './login.ts';

const file = (paths: AwsPaths, profile: string) =>
  join(dirname(paths.config), 'idbroker', 'cache', `${createHash('sha256').update(profile).digest('hex').slice(0, 32)}.json`);

export function writeCachedCredentials(paths: AwsPaths, profile: string, creds: Credentials): void {
  const f = file(paths, profile);
  mkdirSync(dirname(f), { recursive: true, mode: 0o700 });
  const tmp = `${f}.${process.pid}.tmp`;
  writeFileSync(tmp, JSON.stringify({ profile, ...creds }), { mode: 0o600 });
  renameSync(tmp, f);
}

/** The cached credentials when they stay valid for at least `marginMs` more, else undefined. */
export function readCachedCredentials(paths: AwsPaths, profile: string, now: number, marginMs: number): Credentials | undefined {
  const f = file(paths, profile);
  if (!existsSync(f)) return undefined;
  try {
    const c = JSON.parse(readFileSync(f, 'utf8')) as Credentials & { profile?: string };
    if (c.profile !== profile || Date.parse(c.Expiration) - now < marginMs) return undefined;
    return c;
  } catch {
    return undefined;
  }
}
