// Policy variables: `${aws:username}`, `${aws:PrincipalTag/team, 'default'}` and the escapes `${*}` `${?}` `${$}`.
// Only policies with Version 2012-10-17 resolve them; elsewhere the text is literal.
import type { RequestContext } from './context.ts';
import { globTokens, literalTokens, type Tokens } from './glob.ts';

/** text: policy text (wildcards active in Like operators); lit: a literal (escape or resolved value); var: a variable. */
export type Part = { t: 'text'; s: string } | { t: 'lit'; s: string } | { t: 'var'; key: string; name: string; def?: string };

const VAR = /^\s*([^\s,}]+)\s*(?:,\s*'([^']*)'\s*)?$/;

/** Parses a value into parts; returns undefined when it holds no variable or escape (the common case). */
export function parseTemplate(s: string): Part[] | undefined {
  if (!s.includes('${')) return undefined;
  const parts: Part[] = [];
  let i = 0;
  let text = '';
  while (i < s.length) {
    const open = s.indexOf('${', i);
    if (open < 0) break;
    const close = s.indexOf('}', open + 2);
    if (close < 0) break;
    const inner = s.slice(open + 2, close);
    text += s.slice(i, open);
    if (inner === '*' || inner === '?' || inner === '$') {
      if (text) parts.push({ t: 'text', s: text });
      text = '';
      parts.push({ t: 'lit', s: inner });
    } else {
      const m = VAR.exec(inner);
      if (!m) {
        text += s.slice(open, close + 1);
      } else {
        if (text) parts.push({ t: 'text', s: text });
        text = '';
        parts.push({ t: 'var', key: m[1].toLowerCase(), name: m[1], def: m[2] });
      }
    }
    i = close + 1;
  }
  text += s.slice(i);
  if (text) parts.push({ t: 'text', s: text });
  return parts.some((p) => p.t !== 'text') ? parts : undefined;
}

/** The value of a variable, or undefined when the key is absent (or multivalued) and there is no default. */
export function resolveVar(p: { key: string; def?: string }, ctx: RequestContext): string | undefined {
  const e = ctx.peek(p.key);
  if (!e || e.multi) return p.def;
  return e.strings()[0];
}

/** Resolves to a plain string (wildcards are not special): for Equals operators. */
export function resolveText(parts: Part[], ctx: RequestContext): string | undefined {
  let out = '';
  for (const p of parts) {
    if (p.t === 'var') {
      const v = resolveVar(p, ctx);
      if (v === undefined) return undefined;
      out += v;
    } else out += p.s;
  }
  return out;
}

/** Resolves to a pattern: text parts go through `glob` (wildcards active), literals and values are literal. */
export function resolveTokens(parts: Part[], ctx: RequestContext, glob: (s: string) => Tokens = globTokens): Tokens | undefined {
  const out: Tokens = [];
  for (const p of parts) {
    if (p.t === 'var') {
      const v = resolveVar(p, ctx);
      if (v === undefined) return undefined;
      out.push(...literalTokens(v));
    } else out.push(...(p.t === 'lit' ? literalTokens(p.s) : glob(p.s)));
  }
  return out;
}
