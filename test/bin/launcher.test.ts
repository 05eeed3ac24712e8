// bin/idbroker.js picks what to run: the compiled dist/ when it is there and not older than the sources, the
// TypeScript sources otherwise, and ../server/cli.js when it is itself dist/bin/idbroker.js. Real processes over a
// temporary tree whose cli modules say which one ran.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const cli = (which: string) => `export async function main(argv) { process.stdout.write('${which} ' + argv.join(' ')); return 0; }\n`;

describe('bin/idbroker.js', () => {
  let dir: string;
  const run = (bin: string) => spawnSync(process.execPath, [join(dir, bin), 'version'], { cwd: dir, encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: '' } });
  const at = (path: string, seconds: number) => utimesSync(join(dir, path), seconds, seconds);
  const write = (path: string, text: string) => {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), text);
  };

  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'idbroker-launcher-'));
    write('package.json', '{ "type": "module" }\n');
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    mkdirSync(join(dir, 'bin'));
    copyFileSync(join(ROOT, 'bin/idbroker.js'), join(dir, 'bin/idbroker.js'));
    // Type annotations: this one only runs through a TypeScript loader.
    write('server/cli.ts', "export async function main(argv: string[]): Promise<number> { process.stdout.write('sources ' + argv.join(' ')); return 0; }\n");
    write('config/default.yaml', '{}\n');
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('runs the TypeScript sources when there is no build', () => {
    const r = run('bin/idbroker.js');
    assert.equal(r.stdout, 'sources version', r.stderr);
  });

  it('runs dist/ when it is at least as new as every source file', () => {
    write('dist/server/cli.js', cli('dist'));
    at('server/cli.ts', 1_000_000);
    at('config/default.yaml', 1_000_000);
    at('dist/server/cli.js', 2_000_000);
    const r = run('bin/idbroker.js');
    assert.equal(r.stdout, 'dist version', r.stderr);
  });

  it('runs the sources again once one of them changed after the build', () => {
    at('config/default.yaml', 3_000_000);
    const r = run('bin/idbroker.js');
    assert.equal(r.stdout, 'sources version', r.stderr);
  });

  it('as dist/bin/idbroker.js, runs the compiled cli beside it, sources or not', () => {
    mkdirSync(join(dir, 'dist/bin'), { recursive: true });
    copyFileSync(join(ROOT, 'bin/idbroker.js'), join(dir, 'dist/bin/idbroker.js'));
    const r = run('dist/bin/idbroker.js');
    assert.equal(r.stdout, 'dist version', r.stderr);
  });

  it('says what to do when neither a build nor the sources are there', () => {
    rmSync(join(dir, 'server'), { recursive: true });
    rmSync(join(dir, 'dist'), { recursive: true });
    const r = run('bin/idbroker.js');
    assert.equal(r.status, 1);
    assert.match(r.stderr, /^idbroker: neither dist\/ nor the TypeScript sources are here: run `npm run build`/);
  });
});
