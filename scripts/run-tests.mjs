// Runs the test suites with Node's built-in test runner.
//   unit: everything under test/ except test/e2e (no system packages, no PostgreSQL)
//   e2e:  test/e2e (PostgreSQL, AWS CLI, slapd, chromium), then the directory suites that use
//         test/helpers/test-store.ts once more with the Store on PostgreSQL (IDBROKER_TEST_STORE=postgres)
// Extra arguments are passed as file filters: `npm test -- iam` runs files whose path contains "iam".
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { spawnSync } from 'node:child_process';

const suite = process.argv[2] ?? 'unit';
const filters = process.argv.slice(3);
const root = new URL('..', import.meta.url).pathname;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? walk(p) : [p];
  });
}

const files = walk(join(root, 'test'))
  .map((p) => relative(root, p))
  .filter((p) => p.endsWith('.test.ts'))
  .filter((p) => (suite === 'e2e' ? p.startsWith('test/e2e/') : !p.startsWith('test/e2e/')))
  .filter((p) => filters.length === 0 || filters.some((f) => p.includes(f)))
  .sort();

if (files.length === 0) {
  console.error(`no test files for suite "${suite}"`);
  process.exit(1);
}
const STORE_SUITES = [
  'test/adapters/directory/simple-ad-ldap.test.ts',
  'test/adapters/directory/simple-ad-paging.test.ts',
  'test/adapters/directory/simple-ad-groups.test.ts',
  'test/e2e/directory/simple-ad-ldap-utils.test.ts',
];

const run = (list, env = {}) => {
  const args = ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-concurrency=1', ...list];
  const r = spawnSync(process.execPath, args, { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'test', ...env } });
  return r.status ?? 1;
};

let status = run(files);
if (suite === 'e2e') {
  const again = STORE_SUITES.filter((p) => filters.length === 0 || filters.some((f) => p.includes(f)));
  if (again.length > 0) {
    console.log('\n# the directory suites again, with the Store on PostgreSQL');
    status = Math.max(status, run(again, { IDBROKER_TEST_STORE: 'postgres' }));
  }
}
process.exit(status);
