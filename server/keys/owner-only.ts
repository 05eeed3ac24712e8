// Secrets at rest in the data directory (the key ring, generated TLS private keys) must be owner-only: the broker
// refuses to use one that group or others can read or write, and says which file and how to fix it.
import { statSync } from 'node:fs';

export class LooseSecretFileError extends Error {
  constructor(
    readonly file: string,
    readonly mode: number,
    what: string,
  ) {
    super(`refusing to use ${file} (${what}): it is readable or writable by group or others (mode ${mode.toString(8).padStart(4, '0')}); make it owner-only: chmod 600 ${file}`);
    this.name = 'LooseSecretFileError';
  }
}

/** Throws LooseSecretFileError when `file` has any group or other permission bit (POSIX only). */
export function assertOwnerOnly(file: string, what: string): void {
  if (process.platform === 'win32') return;
  const mode = statSync(file).mode & 0o777;
  if (mode & 0o077) throw new LooseSecretFileError(file, mode, what);
}
