// Nothing in the repository may depend on anything outside it: a fresh clone in an empty folder
// must test, build and run. Scans every tracked file (git ls-files) but package-lock.json.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { findOutsideReferences } from './outside-references.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
// Written without the literal so that this file itself passes the scan.
const UP = '..' + '/';

function trackedFiles(): string[] {
  const out = execFileSync('git', ['ls-files', '-z'], { cwd: ROOT, encoding: 'utf8' });
  return out.split('\0').filter((f) => f !== '' && f !== 'package-lock.json');
}

describe('the repository is self-contained', () => {
  it('no tracked file names the sibling shared folder or a relative path that climbs outside the repository', () => {
    const files = trackedFiles();
    assert.ok(files.length > 100, `git ls-files listed ${files.length} files`);
    const found = files.flatMap((file) => {
      let bytes: Buffer;
      try {
        bytes = readFileSync(join(ROOT, file));
      } catch {
        return []; // deleted in the working tree, not yet committed
      }
      if (bytes.includes(0)) return []; // binary
      return findOutsideReferences(file, bytes.toString('utf8'));
    });
    assert.deepEqual(found.map((f) => `${f.file}:${f.line}: ${f.reason}: ${f.text}`), []);
  });

  describe('the scan', () => {
    const reasons = (file: string, text: string) => findOutsideReferences(file, text).map((f) => f.reason);

    it('flags the sibling shared folder by name, however it is reached', () => {
      assert.equal(reasons('README.md', `See [the design](${UP}shared/DESIGN.md).`).length, 1);
      assert.equal(reasons('test/a/b.test.ts', `const d = '${UP}${UP}${UP}shared/fixtures/';`).length, 1);
    });

    it('flags new URL(…, import.meta.url) and imports that resolve above the root', () => {
      assert.match(reasons('test/server/x.test.ts', `new URL('${UP}${UP}${UP}${UP}x', import.meta.url)`)[0]!, /resolves outside the repository \(\.\.\/\.\.\/x\)/);
      assert.equal(reasons('server/a.ts', `import { x } from '${UP}${UP}other/y.ts';`).length, 1);
      assert.equal(reasons('bin/idbroker.js', `const root = new URL('${UP}..', import.meta.url);`).length, 1);
    });

    it('flags markdown links and comments that climb out', () => {
      assert.equal(reasons('server/ldap/README.md', `(\`${UP}${UP}${UP}reference/ad-ldap.md\` §4.2)`).length, 1);
      assert.equal(reasons('docs/guide.md', `[x](${UP}${UP}x.md)`).length, 1);
    });

    it('accepts relative paths that stay inside, and text that only looks like one', () => {
      assert.deepEqual(reasons('test/server/sts/sigv4/http-fixture.ts', `new URL('${UP}${UP}${UP}fixtures/aws-client-requests/', import.meta.url)`), []);
      assert.deepEqual(reasons('scripts/run-tests.mjs', `new URL('..', import.meta.url)`), []);
      assert.deepEqual(reasons('server/ldap/README.md', `\`${UP}contracts/filter-match.ts\``), []);
      assert.deepEqual(reasons('docs/a.md', `[readme](${UP}README.md) and https://h/a/${UP}${UP}${UP}b`), []);
      assert.deepEqual(reasons('x.ts', 'f(...args); const s = "wait..."; [...xs]'), []);
    });
  });
});
