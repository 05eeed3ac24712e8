#!/usr/bin/env node
// Entry point of the `idbroker` command.
// - Built: as dist/bin/idbroker.js, or as bin/idbroker.js beside a dist/ at least as new as the sources, it runs the
//   compiled JavaScript (`npm run build`) with no TypeScript loader.
// - Development (no dist/, or sources edited since the build): it runs the TypeScript sources, natively where Node
//   transforms TypeScript (node --experimental-transform-types, Node 22.7+), else through tsx (a devDependency).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const here = (path) => new URL(path, import.meta.url);
const SOURCE_DIRS = ['../server/', '../adapters/', '../config/'];

/** True when a file under server/, adapters/ or config/ changed after the build was written. */
function sourcesNewerThan(built) {
  const builtAt = statSync(built).mtimeMs;
  return SOURCE_DIRS.some((dir) => {
    const root = fileURLToPath(here(dir));
    if (!existsSync(root)) return false;
    return readdirSync(root, { recursive: true }).some((name) => statSync(`${root}${name}`).mtimeMs > builtAt);
  });
}

async function loadCli() {
  const compiled = here('../server/cli.js'); // this file is dist/bin/idbroker.js
  if (existsSync(compiled)) return import(compiled.href);
  const built = here('../dist/server/cli.js');
  const source = here('../server/cli.ts');
  if (existsSync(built) && (!existsSync(source) || !sourcesNewerThan(built))) return import(built.href);
  if (!existsSync(source)) throw new Error('idbroker: neither dist/ nor the TypeScript sources are here: run `npm run build`');
  if (process.features.typescript !== 'transform') {
    let api;
    try {
      api = await import('tsx/esm/api');
    } catch {
      throw new Error('idbroker: no up-to-date build in dist/ and no tsx to run the sources: run `npm run build` (or `npm install` for development)');
    }
    api.register();
  }
  return import(source.href);
}

try {
  const { main } = await loadCli();
  process.exitCode = await main(process.argv.slice(2));
} catch (err) {
  if (!(err instanceof Error) || !err.message.startsWith('idbroker: ')) throw err;
  process.stderr.write(`${err.message}\n`);
  process.exitCode = 1;
}
