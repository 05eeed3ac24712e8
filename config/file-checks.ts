// The files a config names (TLS certificates and keys, CA bundles, SAML metadata): each must exist and be
// readable. `idbroker config check` reports every one that is not, as "key.path: /file: why".
import { accessSync, constants, statSync } from 'node:fs';
import { formatProblem, sortProblems, type PathSegment, type Problem } from './problems.ts';

/** Keys naming a file that must already exist (keys.file and store.sqlite are created on first start). */
const FILE_KEY = /File$/;

function why(file: string): string | undefined {
  try {
    if (!statSync(file).isFile()) return 'not a regular file';
    accessSync(file, constants.R_OK);
    return undefined;
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return 'no such file';
    if (code === 'ENOTDIR') return 'no such file (a parent is not a directory)';
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    return `cannot be read (${code ?? String(err)})`;
  }
}

function walk(node: unknown, path: PathSegment[], out: Problem[]): void {
  if (Array.isArray(node)) node.forEach((v, i) => walk(v, [...path, i], out));
  else if (node !== null && typeof node === 'object')
    for (const [k, v] of Object.entries(node)) {
      if (FILE_KEY.test(k) && typeof v === 'string') {
        const problem = why(v);
        if (problem) out.push({ path: [...path, k], message: `${v}: ${problem}` });
      } else walk(v, [...path, k], out);
    }
}

/** One line per named file that is missing or unreadable, sorted by key path; empty when all are there. */
export function missingFiles(config: object): string[] {
  const out: Problem[] = [];
  walk(config, [], out);
  return sortProblems(out).map(formatProblem);
}
