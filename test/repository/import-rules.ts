// The rooms of the product code and the rules for imports between them (test/repository/imports.test.ts).
//   room: server/<dir> (one per folder), adapters/<kind>/<name>, config; the files directly in server/ are the
//   composition root (main.ts, registry.ts, cli.ts, the commands), which may import every room.
// Imports are read with the TypeScript compiler's pre-processor: import and export … from, import type,
// dynamic import('…') and require('…'); relative specifiers are resolved against the importing file.
import ts from 'typescript';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';

export const ROOT_ROOM = 'server (composition root)';

/** Adapters may import these rooms besides server/contracts and their own files (shared libraries). */
export const ADAPTER_LIBRARIES: Readonly<Record<string, readonly string[]>> = {
  '*': ['server/contracts', 'server/ber'],
  'adapters/store/postgres': ['adapters/store/sql'],
  'adapters/store/sqlite': ['adapters/store/sql'],
};

/** Packages server/policy may import (it imports no other part of the repository). */
export const POLICY_PACKAGES: readonly string[] = ['yaml'];

/** Rooms that import no other room (packages are fine). */
export const LEAF_ROOMS: readonly string[] = ['server/contracts', 'server/policy', 'server/ber'];

/** Files outside the composition root that may import an adapter: config composes the adapters' schemas. */
export const ADAPTER_SCHEMA_IMPORTERS: readonly string[] = ['config'];
export const ADAPTER_SCHEMA_FILE = /\/config-schema\.ts$/;

export interface Import {
  from: string; // repository-relative file
  specifier: string;
  /** Repository-relative target for a relative specifier; undefined for a package. */
  target?: string;
}

export function roomOf(file: string): string {
  const p = file.split('/');
  if (p[0] === 'server') return p.length === 2 ? ROOT_ROOM : `server/${p[1]}`;
  if (p[0] === 'adapters') return p.slice(0, 3).join('/');
  return p[0]!;
}

const SOURCE = /\.(ts|mts|cts|js|mjs|cjs)$/;

export function sourceFiles(repoRoot: string, dirs: string[] = ['server', 'adapters', 'config']): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(join(repoRoot, dir)).flatMap((name) => {
      const p = posix.join(dir, name);
      return statSync(join(repoRoot, p)).isDirectory() ? walk(p) : SOURCE.test(name) && !name.endsWith('.d.ts') ? [p] : [];
    });
  return dirs.flatMap(walk).sort();
}

export function importsOf(file: string, text: string): Import[] {
  const info = ts.preProcessFile(text, true, true);
  return info.importedFiles.map(({ fileName: specifier }) =>
    specifier.startsWith('.') ? { from: file, specifier, target: posix.normalize(posix.join(posix.dirname(file), specifier)) } : { from: file, specifier },
  );
}

export function readImports(repoRoot: string, files = sourceFiles(repoRoot)): Import[] {
  return files.flatMap((f) => importsOf(f, readFileSync(join(repoRoot, f), 'utf8')));
}

/** room → rooms it imports, with one example import per edge. */
export function roomGraph(imports: Import[]): Map<string, Map<string, Import>> {
  const g = new Map<string, Map<string, Import>>();
  for (const i of imports) {
    if (i.target === undefined) continue;
    const a = roomOf(i.from);
    const b = roomOf(i.target);
    if (!g.has(a)) g.set(a, new Map());
    if (a !== b && !g.get(a)!.has(b)) g.get(a)!.set(b, i);
  }
  return g;
}

/** Every elementary cycle found by a depth-first search, each as a room path ending where it started. */
export function cycles(g: Map<string, Map<string, Import>>): string[][] {
  const found: string[][] = [];
  const seen = new Set<string>();
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (n: string) => {
    state.set(n, 'open');
    stack.push(n);
    for (const m of [...(g.get(n)?.keys() ?? [])].sort()) {
      if (state.get(m) === 'open') {
        const cycle = [...stack.slice(stack.indexOf(m)), m];
        const key = [...cycle.slice(0, -1)].sort().join(' ');
        if (!seen.has(key)) {
          seen.add(key);
          found.push(cycle);
        }
      } else if (!state.has(m)) visit(m);
    }
    stack.pop();
    state.set(n, 'done');
  };
  for (const n of [...g.keys()].sort()) if (!state.has(n)) visit(n);
  return found;
}

/** A cycle with the import that makes each step, e.g. "server/iam -> server/sts (server/iam/caller.ts imports ../sts/session-token.ts)". */
export function describeCycle(g: Map<string, Map<string, Import>>, cycle: string[]): string {
  return cycle
    .slice(0, -1)
    .map((a, k) => {
      const b = cycle[k + 1]!;
      const i = g.get(a)!.get(b)!;
      return `${a} -> ${b} (${i.from} imports ${i.specifier})`;
    })
    .join('; ');
}

const isBuiltin = (s: string) => s.startsWith('node:') || builtinModules.includes(s);
const packageName = (s: string) => (s.startsWith('@') ? s.split('/').slice(0, 2).join('/') : s.split('/')[0]!);

/** Every import that breaks a rule, as "file: specifier: why". */
export function violations(imports: Import[]): string[] {
  const out: string[] = [];
  for (const i of imports) {
    const from = roomOf(i.from);
    const why = (reason: string) => out.push(`${i.from}: ${i.specifier}: ${reason}`);
    if (i.target === undefined) {
      if (from === 'server/policy' && !isBuiltin(i.specifier) && !POLICY_PACKAGES.includes(packageName(i.specifier)))
        why(`server/policy imports only itself, Node built-ins and ${POLICY_PACKAGES.join(', ')}`);
      continue;
    }
    const to = roomOf(i.target);
    if (!/^(server|adapters|config)\//.test(i.target)) {
      why('product code imports only server/, adapters/ and config/');
      continue;
    }
    if (from === to) continue;
    if (to === ROOT_ROOM) why(`no room imports the composition root (the files directly in server/); ${from} does`);
    if (from.startsWith('adapters/')) {
      const allowed = [...ADAPTER_LIBRARIES['*']!, ...(ADAPTER_LIBRARIES[from] ?? [])];
      if (!allowed.includes(to)) why(`an adapter imports only its own files and ${allowed.join(', ')}`);
    } else if (to.startsWith('adapters/') && from !== ROOT_ROOM) {
      if (!(ADAPTER_SCHEMA_IMPORTERS.includes(from) && ADAPTER_SCHEMA_FILE.test(i.target)))
        why('only the composition root imports adapters (config imports their config-schema.ts)');
    }
    if (LEAF_ROOMS.includes(from)) why(`${from} imports nothing outside itself`);
  }
  return out;
}
