// Loading the config file: YAML → environment interpolation → schema → normalised Config.
// Every problem is reported at once, one line each, as "key.path: what was expected".
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import YAML from 'yaml';
import { crossCheck } from './cross-checks.ts';
import { interpolateTree } from './interpolate.ts';
import { errorMessage, formatProblem, issuesToProblems, sortProblems, type PathSegment, type Problem } from './problems.ts';
import { configSchema, type Config } from './schema.ts';

export type { Config } from './schema.ts';

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

export const DEFAULT_CONFIG_PATH = fileURLToPath(new URL('./default.yaml', import.meta.url));

/** `--config FILE` / `--config=FILE`, else IDBROKER_CONFIG, else the package's config/default.yaml. */
export function resolveConfigPath(argv: string[], env: NodeJS.ProcessEnv): string {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--') break;
    if (arg.startsWith('--config=')) {
      const value = arg.slice('--config='.length);
      if (value === '') throw new ConfigError(['--config: expected a file path']);
      return value;
    }
    if (arg === '--config') {
      const value = argv[i + 1];
      if (value === undefined || value === '' || value.startsWith('--')) throw new ConfigError(['--config: expected a file path']);
      return value;
    }
  }
  return env.IDBROKER_CONFIG || DEFAULT_CONFIG_PATH;
}

function yamlProblems(doc: YAML.Document.Parsed, sourceName: string): string[] {
  return doc.errors.map((e) => {
    const pos = e.linePos?.[0];
    const where = pos ? `line ${pos.line}, column ${pos.col}: ` : '';
    const text =
      e.code === 'MULTIPLE_DOCS' ? 'a config file holds one YAML document (found a second "---")' : e.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    return `${sourceName}: ${where}${text}`;
  });
}

/** Empty keys (`key:` with no value) count as absent; `__proto__` keys are refused. */
function dropNulls(node: unknown, path: PathSegment[], problems: Problem[]): unknown {
  if (Array.isArray(node)) return node.map((v, i) => dropNulls(v, [...path, i], problems));
  if (node === null || typeof node !== 'object') return node;
  const entries = Object.entries(node).filter(([, v]) => v !== null && v !== undefined);
  for (const [k] of entries) if (k === '__proto__') problems.push({ path: [...path, k], message: 'reserved key' });
  return Object.fromEntries(entries.filter(([k]) => k !== '__proto__').map(([k, v]) => [k, dropNulls(v, [...path, k], problems)]));
}

const isUnder = (path: PathSegment[], prefix: PathSegment[]) => prefix.length <= path.length && prefix.every((s, i) => path[i] === s);

export function parseConfig(yamlText: string, env: NodeJS.ProcessEnv, sourceName: string): Config {
  const doc = YAML.parseDocument(yamlText, { uniqueKeys: true, prettyErrors: true });
  if (doc.errors.length > 0) throw new ConfigError(yamlProblems(doc, sourceName));
  let tree: unknown;
  try {
    tree = doc.toJS({ maxAliasCount: 100 });
  } catch (err) {
    throw new ConfigError([`${sourceName}: ${(err as Error).message}`]);
  }
  const treeProblems: Problem[] = [];
  const interpolated = interpolateTree(dropNulls(tree ?? {}, [], treeProblems), env);
  const envProblems = interpolated.problems;
  const result = configSchema(env).safeParse(interpolated.value, { error: errorMessage });
  // A value whose variable is missing would also fail the schema: report only the variable.
  const schemaProblems: Problem[] = [...(result.success ? [] : issuesToProblems(result.error.issues)), ...crossCheck(interpolated.value)].filter(
    (p) => p.message === 'unknown key' || !envProblems.some((e) => isUnder(p.path, e.path)),
  );
  const problems = sortProblems([...treeProblems, ...envProblems, ...schemaProblems]);
  if (problems.length > 0 || !result.success) throw new ConfigError(problems.map(formatProblem));
  return result.data;
}

/** Reads, interpolates, validates and normalises the config file at `path`. */
export function loadConfig(path: string, env: NodeJS.ProcessEnv = process.env): Config {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'file not found' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : 'cannot be read';
    throw new ConfigError([`${path}: ${why}`]);
  }
  return parseConfig(text, env, path);
}
