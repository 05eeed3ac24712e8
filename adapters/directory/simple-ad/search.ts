// Search over the in-memory model: base/one/sub scopes, the filter AST through the shared
// evaluator (AD semantics, LDAP_MATCHING_RULE_IN_CHAIN over the member graph), an index for the
// equality look-ups clients do most (sAMAccountName, userPrincipalName, objectGUID, objectSid),
// alone, in an AND, or in an OR made only of them. String SIDs/GUIDs and aNR are rewritten first (ad-filter.ts).
import type { Entry, Filter, Scope, SearchOptions } from '../../../server/contracts/directory.ts';
import { rewriteFilter } from '../../../server/contracts/ad-filter.ts';
import { MATCHING_RULE, matchesFilter } from '../../../server/contracts/filter-match.ts';
import { type Ctx, getOrThrow, view } from './context.ts';
import { loadActivity } from './logon-activity.ts';
import { keyOf, lc, type Model } from './model.ts';

export async function* search(ctx: Ctx, base: string, scope: Scope, asSent: Filter, opts: SearchOptions): AsyncIterable<Entry> {
  const filter = rewriteFilter(asSent);
  const m = await ctx.state.model();
  const root = getOrThrow(m, base);
  const wantsTokenGroups = scope === 'base' && opts.attributes.some((a) => a.toLowerCase() === 'tokengroups');
  const activity = needsActivity(opts.attributes, filter) ? await loadActivity(ctx) : undefined;
  const chains = new Map<string, Set<string>>();
  const groupsOf = (key: string): Set<string> => {
    let s = chains.get(key);
    if (!s) chains.set(key, (s = m.transitiveGroups(key)));
    return s;
  };
  const inChain = (entry: Entry, attribute: string, target: string): boolean => {
    let t: string;
    try {
      t = keyOf(target).key;
    } catch {
      return false;
    }
    const a = attribute.toLowerCase();
    if (a === 'memberof') return groupsOf(keyOf(entry.dn).key).has(t);
    if (a === 'member') return groupsOf(t).has(keyOf(entry.dn).key);
    return false;
  };
  const within = (key: string): boolean =>
    scope === 'base' ? key === root.key : scope === 'one' ? m.get(key)?.parent === root.key : key === root.key || key.endsWith(`,${root.key}`);
  const indexed = indexLookup(m, filter);
  // the in-chain look-up yields exactly the matching groups: no need to evaluate the filter again
  const exact = indexed !== undefined && isMemberInChain(filter);
  const candidates: Iterable<string> =
    indexed ?? (scope === 'base' ? [root.key] : scope === 'one' ? [...(m.children.get(root.key) ?? [])] : [root.key, ...m.descendants(root.key)]);
  let sent = 0;
  for (const key of candidates) {
    if (opts.signal?.aborted) return;
    const o = m.get(key);
    if (!o || !within(key)) continue;
    const e = view(ctx, m, o, { tokenGroups: wantsTokenGroups, activity });
    if (!exact && !matchesFilter(e, filter, { inChain })) continue;
    yield e;
    if (opts.sizeLimit > 0 && ++sent >= opts.sizeLimit) return;
  }
}

const ACTIVITY = new Set(['lastlogon', 'badpwdcount', 'badpasswordtime']);

/** lastLogon and badPwdCount live in Store records of their own: read them only when the search returns
 *  every attribute, names one of them, or filters on one. */
function needsActivity(attributes: string[], f: Filter): boolean {
  if (attributes.length === 0 || attributes.some((a) => a === '*' || ACTIVITY.has(a.split(';')[0].toLowerCase()))) return true;
  const mentions = (g: Filter): boolean => {
    if (g.type === 'and' || g.type === 'or') return g.filters.some(mentions);
    if (g.type === 'not') return mentions(g.filter);
    return g.attribute !== undefined && ACTIVITY.has(g.attribute.split(';')[0].toLowerCase());
  };
  return mentions(f);
}

const isMemberInChain = (f: Filter): f is Extract<Filter, { type: 'extensible' }> =>
  f.type === 'extensible' && f.rule === MATCHING_RULE.inChain && f.attribute?.toLowerCase() === 'member' && !f.dnAttributes;

const INDEXES: Record<string, (m: Model, v: Buffer) => string | undefined> = {
  samaccountname: (m, v) => m.bySam.get(lc(v.toString('utf8'))!),
  userprincipalname: (m, v) => m.byUpn.get(lc(v.toString('utf8'))!),
  objectguid: (m, v) => m.byGuid.get(v.toString('hex')),
  objectsid: (m, v) => m.bySid.get(v.toString('hex')),
};

/** Candidate keys when the filter pins an indexed attribute (alone or in an AND), else undefined. */
function indexLookup(m: Model, f: Filter): string[] | undefined {
  // (member:1.2.840.113556.1.4.1941:=<dn>): exactly the groups that reach <dn>, from the member graph
  if (isMemberInChain(f)) {
    try {
      return [...m.transitiveGroups(keyOf(f.value.toString('utf8')).key)];
    } catch {
      return [];
    }
  }
  if (f.type === 'equality') {
    const idx = INDEXES[f.attribute.split(';')[0].toLowerCase()];
    if (!idx) return undefined;
    const k = idx(m, f.value);
    return k === undefined ? [] : [k];
  }
  if (f.type === 'and') {
    for (const sub of f.filters) {
      const r = indexLookup(m, sub);
      if (r) return r;
    }
  }
  if (f.type === 'or' && f.filters.length > 0) {
    const keys = new Set<string>();
    for (const sub of f.filters) {
      const r = indexLookup(m, sub);
      if (!r) return undefined;
      for (const k of r) keys.add(k);
    }
    return [...keys];
  }
  return undefined;
}
