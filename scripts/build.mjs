// `npm run build`: compiles server/, adapters/ and config/ to JavaScript in dist/ (tsconfig.build.json:
// `.ts` imports rewritten to `.js`), then copies bin/idbroker.js (plain JavaScript; as dist/bin/idbroker.js it runs
// dist/server/cli.js), the files the runtime reads that are not TypeScript (config/*.yaml, the portal's static
// assets), and writes dist/package.json (the version `idbroker version` prints,
// and "type": "module" for the compiled files). Usage: node scripts/build.mjs [OUT_DIR] (default dist).
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = resolve(root, process.argv[2] ?? 'dist');
const SOURCE_DIRS = ['server', 'adapters', 'config'];
// Read at run time: config defaults/examples and the portal's static files. Documentation stays out.
const isAsset = (name) => !name.endsWith('.ts') && !name.endsWith('.md');

rmSync(out, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
const r = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', out], { stdio: 'inherit' });
if (r.status !== 0) {
  console.error(`build: tsc failed (exit ${r.status ?? r.signal})`);
  process.exit(1);
}

let copied = 0;
for (const dir of SOURCE_DIRS) {
  for (const entry of readdirSync(join(root, dir), { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !isAsset(entry.name)) continue;
    const from = join(entry.parentPath ?? entry.path, entry.name);
    const to = join(out, relative(root, from));
    mkdirSync(dirname(to), { recursive: true });
    cpSync(from, to);
    copied++;
  }
}
mkdirSync(join(out, 'bin'), { recursive: true });
cpSync(join(root, 'bin/idbroker.js'), join(out, 'bin/idbroker.js'));
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(join(out, 'package.json'), JSON.stringify({ name: pkg.name, version: pkg.version, type: 'module', private: true }, null, 2) + '\n');
console.log(`build: ${out.startsWith(root) ? relative(root, out) : out} (compiled sources, bin/idbroker.js, ${copied} assets, package.json)`);
