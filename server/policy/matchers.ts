// Action and Resource matchers, compiled once per statement.
import type { RequestContext } from './context.ts';
import { compileMatcher, globTokens, hasWildcard, matchTokens, segmentTokens, splitArn, type Tokens } from './glob.ts';
import { parseTemplate, resolveTokens, type Part } from './template.ts';

export interface ActionMatcher {
  all: boolean;
  exact: Set<string>;
  wild?: (s: string) => boolean;
}

/** Actions: case-insensitive, `*` and `?` anywhere in the name. Patterns are validated by the parser. */
export function compileActions(patterns: string[]): ActionMatcher {
  const m: ActionMatcher = { all: false, exact: new Set() };
  const wild: Tokens[] = [];
  for (const p of patterns) {
    const l = p.toLowerCase();
    if (l === '*') m.all = true;
    else if (hasWildcard(l)) wild.push(globTokens(l));
    else m.exact.add(l);
  }
  m.wild = compileMatcher(wild);
  return m;
}

export function matchAction(m: ActionMatcher, lowerAction: string): boolean {
  return m.all || m.exact.has(lowerAction) || (m.wild !== undefined && m.wild(lowerAction));
}

export interface ResourceMatcher {
  all: boolean;
  exact: Set<string>;
  wild?: (s: string) => boolean;
  templates: Array<{ prefix: Tokens; parts: Part[] }>;
}

/** The first five segments of a Resource ARN pattern, each followed by its colon: case-sensitive; wildcards stay in
 * their segment unless `*` ends it (then it may reach past colons, as the Resource element page says). */
function resourcePrefix(segs: string[]): Tokens {
  return segs.flatMap((s) => [...segmentTokens(s, true), 58]);
}

export function compileResources(patterns: string[], variables: boolean): ResourceMatcher {
  const m: ResourceMatcher = { all: false, exact: new Set(), templates: [] };
  const wild: Tokens[] = [];
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
    else if (resourcePart === undefined) wild.push(resourcePrefix(segs).slice(0, -1));
    else wild.push([...resourcePrefix(segs.slice(0, 5)), ...globTokens(resourcePart)]);
  }
  m.wild = compileMatcher(wild);
  return m;
}

export function matchResource(m: ResourceMatcher, resource: string, ctx: RequestContext): boolean {
  if (m.all || m.exact.has(resource) || (m.wild !== undefined && m.wild(resource))) return true;
  for (const t of m.templates) {
    const rest = resolveTokens(t.parts, ctx); // a variable without a value: this ARN matches nothing
    if (rest !== undefined && matchTokens([...t.prefix, ...rest], resource)) return true;
  }
  return false;
}
