// The condition operators: each family turns policy values into a matcher of one request value.
import type { ContextEntry, RequestContext } from './context.ts';
import { compileMatcher, globTokens, literalTokens, matchTokens, segmentTokens, splitArn, SLOT, type Tokens } from './glob.ts';
import { cidrContains, parseCidr, parseIp, type Cidr } from './ip.ts';
import { parseTemplate, resolveText, resolveTokens, type Part } from './template.ts';

/** Does request value `e.raw[i]` match at least one of the policy values? undefined: the value cannot be compared (not a
 * number, date or IP address); the condition is then false, negated or not (as iam-simulate does; the docs are silent). */
export type ValueMatcher = (e: ContextEntry, i: number, ctx: RequestContext) => boolean | undefined;

export type Family = 'string' | 'stringIgnoreCase' | 'stringLike' | 'numeric' | 'date' | 'bool' | 'binary' | 'ip' | 'arn' | 'null';
type Cmp = 'eq' | 'lt' | 'le' | 'gt' | 'ge';

export interface BaseOperator {
  name: string;
  family: Family;
  negated: boolean;
  cmp: Cmp;
  /** Policy variables are resolved in its values (Version 2012-10-17). */
  variables: boolean;
}

function op(name: string, family: Family, negated = false, cmp: Cmp = 'eq'): BaseOperator {
  return { name, family, negated, cmp, variables: family === 'string' || family === 'stringIgnoreCase' || family === 'stringLike' || family === 'arn' || family === 'bool' };
}

const ORDER: Array<[string, Cmp]> = [['LessThan', 'lt'], ['LessThanEquals', 'le'], ['GreaterThan', 'gt'], ['GreaterThanEquals', 'ge']];

export const OPERATORS: ReadonlyMap<string, BaseOperator> = new Map(
  [
    op('StringEquals', 'string'),
    op('StringNotEquals', 'string', true),
    op('StringEqualsIgnoreCase', 'stringIgnoreCase'),
    op('StringNotEqualsIgnoreCase', 'stringIgnoreCase', true),
    op('StringLike', 'stringLike'),
    op('StringNotLike', 'stringLike', true),
    op('NumericEquals', 'numeric'),
    op('NumericNotEquals', 'numeric', true),
    ...ORDER.map(([n, c]) => op(`Numeric${n}`, 'numeric', false, c)),
    op('DateEquals', 'date'),
    op('DateNotEquals', 'date', true),
    ...ORDER.map(([n, c]) => op(`Date${n}`, 'date', false, c)),
    op('Bool', 'bool'),
    op('BinaryEquals', 'binary'),
    op('IpAddress', 'ip'),
    op('NotIpAddress', 'ip', true),
    op('ArnEquals', 'arn'),
    op('ArnLike', 'arn'),
    op('ArnNotEquals', 'arn', true),
    op('ArnNotLike', 'arn', true),
    op('Null', 'null'),
  ].map((o) => [o.name.toLowerCase(), o]),
);

function compare(a: number, b: number, cmp: Cmp): boolean {
  switch (cmp) {
    case 'eq':
      return a === b;
    case 'lt':
      return a < b;
    case 'le':
      return a <= b;
    case 'gt':
      return a > b;
    case 'ge':
      return a >= b;
  }
}

export function toNumber(raw: unknown): number {
  if (typeof raw === 'number') return raw;
  if (typeof raw === 'string' && /^\s*[-+]?(\d+(\.\d*)?|\.\d+)([eE][-+]?\d+)?\s*$/.test(raw)) return Number(raw);
  return NaN;
}

/** Milliseconds since the epoch: Date, epoch seconds (number or digits) or ISO-8601. */
export function toMillis(raw: unknown): number {
  if (raw instanceof Date) return raw.getTime();
  if (typeof raw === 'number') return raw * 1000;
  if (typeof raw !== 'string') return NaN;
  if (/^\s*-?\d+(\.\d+)?\s*$/.test(raw)) return Number(raw) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(raw)) return NaN;
  // A date-time without a zone is UTC (as AWS reads it), never the machine's local time.
  return Date.parse(/T\d{2}:\d{2}(:\d{2}(\.\d+)?)?$/.test(raw) ? `${raw}Z` : raw);
}

function boolString(raw: unknown): string {
  return typeof raw === 'boolean' ? String(raw) : String(raw).toLowerCase();
}

function base64Key(s: string): string {
  return Buffer.from(s, 'base64').toString('base64');
}

/** ARN operators: each of the first five segments matched on its own (wildcards do not cross colons), the resource part
 * (after the fifth colon) with wildcards across anything. */
function arnTokens(pattern: string): Tokens {
  if (/^\*+$/.test(pattern)) return [-3];
  const segs = splitArn(pattern);
  const out: Tokens = [];
  segs.forEach((s, i) => {
    if (i > 0) out.push(58);
    out.push(...(i === 5 ? globTokens(s) : segmentTokens(s, false)));
  });
  return out;
}

/** Matchers for string-like families, where values may hold policy variables (`templates`; the rest is `plain`). */
function templatedMatcher(
  templates: Part[][],
  staticMatch: (v: string) => boolean,
  dynamic: (parts: Part[], v: string, ctx: RequestContext) => boolean,
  read: (e: ContextEntry, i: number) => string = (e, i) => e.strings()[i],
): ValueMatcher {
  if (templates.length === 0) return (e, i) => staticMatch(read(e, i));
  return (e, i, ctx) => {
    const v = read(e, i);
    if (staticMatch(v)) return true;
    for (const t of templates) if (dynamic(t, v, ctx)) return true;
    return false;
  };
}

export function valueMatcher(o: BaseOperator, values: string[], variables: boolean): ValueMatcher {
  const parsed = variables && o.variables ? values.map(parseTemplate) : values.map(() => undefined);
  const templates = parsed.filter((t): t is Part[] => t !== undefined);
  const plain = values.filter((_, i) => parsed[i] === undefined);
  switch (o.family) {
    case 'string': {
      const set = new Set(plain);
      return templatedMatcher(templates, (v) => set.has(v), (t, v, ctx) => resolveText(t, ctx) === v);
    }
    case 'stringIgnoreCase': {
      const set = new Set(plain.map((v) => v.toLowerCase()));
      return templatedMatcher(templates, (v) => set.has(v.toLowerCase()), (t, v, ctx) => resolveText(t, ctx)?.toLowerCase() === v.toLowerCase());
    }
    case 'stringLike': {
      const m = compileMatcher(plain.map(globTokens));
      return templatedMatcher(templates, (v) => m?.(v) ?? false, (t, v, ctx) => {
        const tokens = resolveTokens(t, ctx);
        return tokens !== undefined && matchTokens(tokens, v);
      });
    }
    case 'arn': {
      const m = compileMatcher(plain.map(arnTokens));
      return templatedMatcher(templates, (v) => m?.(v) ?? false, (t, v, ctx) => {
        const tokens = arnTemplateTokens(t, ctx); // undefined: a variable without a value matches nothing
        return tokens !== undefined && matchTokens(tokens, v);
      });
    }
    case 'bool': {
      const set = new Set(plain.map((v) => v.toLowerCase()));
      return templatedMatcher(templates, (v) => set.has(v), (t, v, ctx) => resolveText(t, ctx)?.toLowerCase() === v, (e, i) => boolString(e.raw[i]));
    }
    case 'numeric': {
      const nums = values.map(toNumber);
      return (e, i) => {
        const n = toNumber(e.raw[i]);
        if (Number.isNaN(n)) return undefined;
        for (const p of nums) if (compare(n, p, o.cmp)) return true;
        return false;
      };
    }
    case 'date': {
      const ms = values.map(toMillis);
      return (e, i) => {
        const n = toMillis(e.raw[i]);
        if (Number.isNaN(n)) return undefined;
        for (const p of ms) if (compare(n, p, o.cmp)) return true;
        return false;
      };
    }
    case 'binary': {
      const set = new Set(values.map(base64Key));
      return (e, i) => set.has(base64Key(e.strings()[i]));
    }
    case 'ip': {
      const cidrs = values.map(parseCidr).filter((c): c is Cidr => c !== undefined);
      return (e, i) => {
        const ip = parseIp(e.strings()[i].trim());
        if (!ip) return undefined;
        for (const c of cidrs) if (cidrContains(c, ip)) return true;
        return false;
      };
    }
    case 'null':
      throw new Error('Null has no value matcher');
  }
}

/** ARN pattern with variables: segments are found on the policy text; variable values and escapes stay literal. */
function arnTemplateTokens(parts: Part[], ctx: RequestContext): Tokens | undefined {
  let marked = '';
  const literals: string[] = [];
  for (const p of parts) {
    if (p.t === 'text') marked += p.s;
    else {
      const v = p.t === 'lit' ? p.s : resolveText([p], ctx);
      if (v === undefined) return undefined;
      literals.push(v);
      marked += '\uE000';
    }
  }
  let k = 0;
  return arnTokens(marked).flatMap((c) => (c === SLOT ? literalTokens(literals[k++]) : [c]));
}
