// Wildcard patterns. `*` is any run of characters and `?` one character; how far they reach depends on where they are
// (a string, an ARN segment, the resource part of an ARN). A pattern is a token list: a character code, or one of the
// wildcard tokens below. Patterns with few stars run as regular expressions; with more, as a linear-time automaton, so
// that no policy (session policies come from callers) can make matching take exponential time.

export const ANY = -1; // `?`
export const ANY_NO_COLON = -2; // `?` inside an ARN segment
export const STAR = -3; // `*`
export const STAR_NO_COLON = -4; // `*` inside an ARN segment
export const SLOT = -5; // placeholder for a literal filled in later (policy variables in ARN patterns)
export type Tokens = number[];

const COLON = 58;

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

export function literalTokens(s: string): Tokens {
  const out: Tokens = [];
  for (let i = 0; i < s.length; i++) out.push(s.charCodeAt(i));
  return out;
}

/** `*` and `?` across anything (StringLike, actions, the resource part of an ARN). */
export function globTokens(s: string): Tokens {
  const out: Tokens = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out.push(c === 42 ? STAR : c === 63 ? ANY : c === 0xe000 ? SLOT : c);
  }
  return out;
}

/** One of the first five ARN segments: wildcards stay inside the segment, unless `spanTrailing` and `*` ends it. */
export function segmentTokens(seg: string, spanTrailing: boolean): Tokens {
  const out: Tokens = [];
  for (let i = 0; i < seg.length; i++) {
    const c = seg.charCodeAt(i);
    if (c === 42) out.push(spanTrailing && i === seg.length - 1 ? STAR : STAR_NO_COLON);
    else out.push(c === 63 ? ANY_NO_COLON : c === 0xe000 ? SLOT : c);
  }
  return out;
}

/** Splits an ARN into its first five segments and the resource part (which may hold colons). */
export function splitArn(arn: string): string[] {
  const parts: string[] = [];
  let start = 0;
  for (let i = 0; i < 5; i++) {
    const c = arn.indexOf(':', start);
    if (c < 0) break;
    parts.push(arn.slice(start, c));
    start = c + 1;
  }
  parts.push(arn.slice(start));
  return parts;
}

const SPECIAL = /[.*+?^${}()|[\]\\/-]/;

function regexSource(t: Tokens): string {
  let out = '';
  for (const c of t) {
    if (c === STAR) out += '.*';
    else if (c === STAR_NO_COLON) out += '[^:]*';
    else if (c === ANY) out += '.';
    else if (c === ANY_NO_COLON) out += '[^:]';
    else if (c === SLOT) out += '(?!)';
    else {
      const ch = String.fromCharCode(c);
      out += SPECIAL.test(ch) ? `\\${ch}` : ch;
    }
  }
  return out;
}

const stars = (t: Tokens) => t.reduce((n, c) => (c === STAR || c === STAR_NO_COLON ? n + 1 : n), 0);

/** Linear-time match (an automaton over pattern positions): O(|s| × |pattern|) whatever the pattern. */
export function automatonMatch(t: Tokens, s: string): boolean {
  const m = t.length;
  let cur = new Uint8Array(m + 1);
  let next = new Uint8Array(m + 1);
  const close = (set: Uint8Array) => {
    for (let i = 0; i < m; i++) if (set[i] && (t[i] === STAR || t[i] === STAR_NO_COLON)) set[i + 1] = 1;
  };
  cur[0] = 1;
  close(cur);
  for (let k = 0; k < s.length; k++) {
    const c = s.charCodeAt(k);
    next.fill(0);
    let alive = false;
    for (let i = 0; i < m; i++) {
      if (!cur[i]) continue;
      const tok = t[i];
      if (tok === STAR || (tok === STAR_NO_COLON && c !== COLON)) next[i] = 1;
      else if (tok === ANY || (tok === ANY_NO_COLON && c !== COLON) || tok === c) next[i + 1] = 1;
      else continue;
      alive = true;
    }
    if (!alive) return false;
    close(next);
    [cur, next] = [next, cur];
  }
  return cur[m] === 1;
}

const regexCache = new Map<string, RegExp>();

/** Matches one pattern: through a (cached) regular expression when it has at most two stars, else the automaton. */
export function matchTokens(t: Tokens, s: string): boolean {
  if (stars(t) > 2) return automatonMatch(t, s);
  const src = regexSource(t);
  let re = regexCache.get(src);
  if (!re) {
    if (regexCache.size >= 1024) regexCache.clear();
    re = new RegExp(`^${src}$`, 's');
    regexCache.set(src, re);
  }
  return re.test(s);
}

/** A matcher for several patterns (OR), compiled once. */
export function compileMatcher(alternatives: Tokens[]): ((s: string) => boolean) | undefined {
  if (alternatives.length === 0) return undefined;
  const simple = alternatives.filter((t) => stars(t) <= 2);
  const complex = alternatives.filter((t) => stars(t) > 2);
  const re = simple.length ? new RegExp(`^(?:${simple.map(regexSource).join('|')})$`, 's') : undefined;
  if (!complex.length) return (s) => re!.test(s);
  return (s) => (re !== undefined && re.test(s)) || complex.some((t) => automatonMatch(t, s));
}
