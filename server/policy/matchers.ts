// Action and Resource matchers, compiled once per statement.
import type { RequestContext } from './context.ts';
import { globSource, hasWildcard, segmentSource, splitArn } from './glob.ts';
import { parseTemplate, resolveSource, RegexCache, type Part } from './template.ts';

export interface ActionMatcher {
  all: boolean;
  exact: Set<string>;
  re?: RegExp;
}

/** Actions: case-insensitive, `*` and `?` anywhere in the name. Patterns are validated by the parser. */
export function compileActions(patterns: string[]): ActionMatcher {
  const m: ActionMatcher = { all: false, exact: new Set() };
  const wild: string[] = [];
  for (const p of patterns) {
    const l = p.toLowerCase();
    if (l === '*') m.all = true;
    else if (hasWildcard(l)) wild.push(globSource(l));
    else m.exact.add(l);
  }
  if (wild.length) m.re = new RegExp(`^(?:${wild.join('|')})$`, 's');
  return m;
}

export function matchAction(m: ActionMatcher, lowerAction: string): boolean {
  return m.all || m.exact.has(lowerAction) || (m.re !== undefined && m.re.test(lowerAction));
}

export interface ResourceMatcher {
  all: boolean;
  exact: Set<string>;
  re?: RegExp;
  templates: Array<{ prefix: string; parts: Part[] }>;
}

/** Regular-expression source of a Resource ARN pattern: case-sensitive; in the first five segments wildcards stay in
 * their segment unless `*` ends it (then it may reach past colons); in the resource part they reach across anything. */
function resourcePrefix(segs: string[]): string {
  return segs.map((s) => segmentSource(s, true) + ':').join('');
}

const dynamic = new RegexCache();

export function compileResources(patterns: string[], variables: boolean): ResourceMatcher {
  const m: ResourceMatcher = { all: false, exact: new Set(), templates: [] };
  const wild: string[] = [];
  for (const p of patterns) {
    if (p === '*') {
      m.all = true;
      continue;
    }
    const segs = splitArn(p);
    const resourcePart = segs.length === 6 ? segs[5] : undefined;
    const parts = variables && resourcePart !== undefined ? parseTemplate(resourcePart) : undefined;
    if (parts) m.templates.push({ prefix: resourcePrefix(segs.slice(0, 5)), parts });
    else if (!hasWildcard(p)) m.exact.add(p);
    else if (resourcePart === undefined) wild.push(segs.map((s, i) => segmentSource(s, true) + (i < segs.length - 1 ? ':' : '')).join(''));
    else wild.push(resourcePrefix(segs.slice(0, 5)) + globSource(resourcePart));
  }
  if (wild.length) m.re = new RegExp(`^(?:${wild.join('|')})$`, 's');
  return m;
}

export function matchResource(m: ResourceMatcher, resource: string, ctx: RequestContext): boolean {
  if (m.all || m.exact.has(resource) || (m.re !== undefined && m.re.test(resource))) return true;
  for (const t of m.templates) {
    const src = resolveSource(t.parts, ctx); // a variable without a value: this ARN matches nothing
    if (src !== undefined && dynamic.get(t.prefix + src).test(resource)) return true;
  }
  return false;
}
