// The Condition element: operators AND keys AND, values OR (NOR for negated operators), …IfExists and the
// ForAllValues:/ForAnyValue: set qualifiers, with AWS's rules for missing and empty keys.
import type { RequestContext } from './context.ts';
import { PolicyParseError } from './errors.ts';
import { OPERATORS, valueMatcher, type BaseOperator } from './operators.ts';

export type Condition = (ctx: RequestContext) => boolean;

export interface ParsedOperator {
  base: BaseOperator;
  ifExists: boolean;
  set?: 'all' | 'any';
}

/** Parses `ForAllValues:StringLikeIfExists` and the like; undefined when it is not an operator. Case-insensitive. */
export function parseOperator(name: string): ParsedOperator | undefined {
  let rest = name;
  let set: 'all' | 'any' | undefined;
  const lower = name.toLowerCase();
  if (lower.startsWith('forallvalues:')) set = 'all';
  else if (lower.startsWith('foranyvalue:')) set = 'any';
  if (set) rest = name.slice(name.indexOf(':') + 1);
  let base = OPERATORS.get(rest.toLowerCase());
  let ifExists = false;
  if (!base && rest.toLowerCase().endsWith('ifexists')) {
    base = OPERATORS.get(rest.slice(0, -'IfExists'.length).toLowerCase());
    ifExists = true;
    if (base?.family === 'null') return undefined;
  }
  if (!base || (set && base.family === 'null')) return undefined;
  return { base, ifExists, set };
}

const isPlainObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function conditionValues(v: unknown, path: string): string[] {
  const arr = Array.isArray(v) ? v : [v];
  return arr.map((x, i) => {
    if (typeof x === 'string') return x;
    if (typeof x === 'number' || typeof x === 'boolean') return String(x);
    throw new PolicyParseError('Syntax errors in policy.', Array.isArray(v) ? `${path}[${i}]` : path);
  });
}

function keyCondition(p: ParsedOperator, key: string, values: string[], variables: boolean): Condition {
  const lower = key.toLowerCase();
  if (p.base.family === 'null') {
    const wantAbsent = values.map((v) => v.toLowerCase() === 'true');
    const wantPresent = values.map((v) => v.toLowerCase() === 'false');
    return (ctx) => {
      const absent = ctx.peek(lower) === undefined;
      return absent ? wantAbsent.includes(true) : wantPresent.includes(true);
    };
  }
  const match = valueMatcher(p.base, values, variables);
  const { negated } = p.base;
  const { ifExists, set } = p;
  if (!set) {
    return (ctx) => {
      const e = ctx.get(lower, key);
      if (!e) return ifExists || negated;
      if (e.multi) return false; // single-valued operator on a multivalued key: undocumented; iam-simulate: no match
      const m = match(e, 0, ctx);
      return m !== undefined && m !== negated;
    };
  }
  const all = set === 'all';
  return (ctx) => {
    const e = ctx.get(lower, key);
    if (!e) return ifExists || all;
    const n = e.raw.length;
    for (let i = 0; i < n; i++) {
      const m = match(e, i, ctx);
      const ok = m !== undefined && m !== negated;
      if (all && !ok) return false;
      if (!all && ok) return true;
    }
    return all;
  };
}

/** Compiles a Condition block; throws PolicyParseError naming the fault. */
export function compileCondition(block: unknown, variables: boolean, path: string): Condition[] {
  if (!isPlainObject(block)) throw new PolicyParseError('Syntax errors in policy.', path);
  const out: Condition[] = [];
  for (const [opName, keys] of Object.entries(block)) {
    const p = parseOperator(opName);
    if (!p) throw new PolicyParseError(`Invalid Condition type : ${opName}`, `${path}.${opName}`);
    if (!isPlainObject(keys)) throw new PolicyParseError('Syntax errors in policy.', `${path}.${opName}`);
    for (const [key, v] of Object.entries(keys)) {
      const kpath = `${path}.${opName}.${key}`;
      if (!/^[^:\s]+:\S/.test(key)) throw new PolicyParseError('Actions/Conditions must be prefaced by a vendor, e.g., iam, sdb, ec2, etc.', kpath);
      const values = conditionValues(v, kpath);
      if (values.length === 0) throw new PolicyParseError(`Condition ${opName} for key ${key} must have at least one value.`, kpath);
      out.push(keyCondition(p, key, values, variables));
    }
  }
  return out;
}
