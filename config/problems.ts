// Config problems: a key path and what was expected there. Turns zod issues into one-line
// messages without zod's vocabulary, and sorts them by path so a report reads top to bottom.
import type { z } from 'zod';

export type PathSegment = string | number;
export interface Problem {
  path: PathSegment[];
  message: string;
}

const IDENT = /^[A-Za-z_$][\w$-]*$/;

/** `roles[2].trustPolicy.Statement[0].Effect`; keys that are not plain names are quoted. */
export function formatPath(path: readonly PathSegment[]): string {
  let out = '';
  for (const seg of path) {
    if (typeof seg === 'number') out += `[${seg}]`;
    else if (IDENT.test(seg)) out += out === '' ? seg : `.${seg}`;
    else out += `[${JSON.stringify(seg)}]`;
  }
  return out;
}

export function formatProblem(p: Problem): string {
  return `${formatPath(p.path) || '(top level)'}: ${p.message}`;
}

function compareSegments(a: readonly PathSegment[], b: readonly PathSegment[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    const x = a[i];
    const y = b[i];
    if (x === y) continue;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    if (typeof x === 'number') return -1;
    if (typeof y === 'number') return 1;
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

/** Sorted by path (indices numerically), duplicates removed; stable for equal paths. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  const seen = new Set<string>();
  return [...problems]
    .sort((a, b) => compareSegments(a.path, b.path))
    .filter((p) => {
      const key = formatProblem(p);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** `"a"`, `"a" or "b"`, `"a", "b" or "c"`. */
export function quoteList(values: readonly unknown[]): string {
  const q = values.map((v) => JSON.stringify(v));
  return q.length <= 1 ? (q[0] ?? '') : `${q.slice(0, -1).join(', ')} or ${q[q.length - 1]}`;
}

const TYPE_NAMES: Record<string, string> = {
  string: 'a string',
  number: 'a number',
  int: 'an integer',
  boolean: 'true or false',
  array: 'a list',
  object: 'a mapping',
  record: 'a mapping',
};

function sized(origin: string, n: number | bigint, atLeast: boolean): string {
  const bound = atLeast ? 'at least' : 'at most';
  if (origin === 'string') return atLeast && n === 1 ? 'expected a non-empty string' : `expected ${bound} ${n} characters`;
  if (origin === 'array' || origin === 'set') return atLeast && n === 1 ? 'expected at least one item' : `expected ${bound} ${n} items`;
  return `expected a number ${atLeast ? '>=' : '<='} ${n}`;
}

/** Per-parse error map: the wording for every issue a schema did not word itself. */
export function errorMessage(iss: z.core.$ZodRawIssue): string {
  if (iss.input === undefined && iss.code !== 'unrecognized_keys' && iss.code !== 'custom') return 'required';
  switch (iss.code) {
    case 'invalid_type':
      return `expected ${TYPE_NAMES[iss.expected] ?? iss.expected}`;
    case 'invalid_value':
      return `expected ${quoteList(iss.values)}`;
    case 'too_small':
      return sized(iss.origin, iss.minimum, true);
    case 'too_big':
      return sized(iss.origin, iss.maximum, false);
    case 'unrecognized_keys':
      return 'unknown key';
    case 'invalid_union': {
      const u = iss as { discriminator?: string; options?: unknown[]; input?: unknown };
      if (u.discriminator && u.options) {
        const v = (u.input as Record<string, unknown> | undefined)?.[u.discriminator];
        return v === undefined ? 'required' : `expected ${quoteList(u.options)}`;
      }
      return 'expected a different kind of value';
    }
    case 'invalid_format':
      return `expected ${iss.format}`;
    default:
      return 'invalid value';
  }
}

type Issue = z.core.$ZodIssue;

/** A union branch "matched" when the input had its base type: its issues are all deeper. */
function branchMatched(errors: readonly Issue[]): boolean {
  return errors.every((e) => e.path.length > 0 || !['invalid_type', 'invalid_value', 'invalid_union'].includes(e.code));
}

/** Flattens zod issues into problems: unknown keys one per key, unions to their matching branch. */
export function issuesToProblems(issues: readonly Issue[], base: PathSegment[] = []): Problem[] {
  const out: Problem[] = [];
  for (const iss of issues) {
    const path = [...base, ...iss.path.map((s) => (typeof s === 'symbol' ? String(s) : s))];
    if (iss.code === 'unrecognized_keys') {
      for (const key of iss.keys) out.push({ path: [...path, key], message: 'unknown key' });
    } else if (iss.code === 'invalid_union' && iss.errors.length > 0) {
      const matched = iss.errors.filter(branchMatched);
      if (matched.length === 1) out.push(...issuesToProblems(matched[0], path));
      else out.push({ path, message: iss.message });
    } else if (iss.code === 'invalid_key') {
      out.push({ path, message: iss.issues[0]?.message ?? 'invalid key' });
    } else {
      out.push({ path, message: iss.message });
    }
  }
  return out;
}
