// Finds references from the repository's files to paths outside it: the sibling `shared` folder one level up
// by name, and any relative path (a module specifier, `new URL('…', import.meta.url)`, a markdown
// link, a path named in a comment) that, resolved against the directory of the file naming it,
// climbs above the repository root.
import { posix } from 'node:path';

export interface OutsideReference {
  file: string;
  line: number;
  text: string;
  reason: string;
}

// A relative path token: `..` or `../…`, at the start of a string, link, comment word or argument.
const RELATIVE = /(?<=^|[\s'"`(=[<,:])\.\.(?:\/[^\s'"`)\]>,;]*)?(?=$|[\s'"`)\]>,;/])/g;
const SIBLING_SHARED = /\.\.\/shared\b/;

/** `file` is a path relative to the repository root (posix separators), `text` its contents. */
export function findOutsideReferences(file: string, text: string): OutsideReference[] {
  const found: OutsideReference[] = [];
  const dir = posix.dirname(file);
  text.split('\n').forEach((line, index) => {
    if (SIBLING_SHARED.test(line)) {
      found.push({ file, line: index + 1, text: line.trim(), reason: 'names the shared folder beside the repository' });
      return;
    }
    for (const match of line.matchAll(RELATIVE)) {
      const resolved = posix.normalize(posix.join(dir, match[0]));
      if (resolved === '..' || resolved.startsWith('../')) {
        found.push({ file, line: index + 1, text: line.trim(), reason: `${match[0]} resolves outside the repository (${resolved})` });
      }
    }
  });
  return found;
}
