// Wildcards to regular expressions. `*` is any run of characters and `?` one character; how far they reach depends on
// where they are (a string, an ARN segment, the resource part of an ARN).

const SPECIAL = /[.*+?^${}()|[\]\\/-]/g;

export function escapeRegex(s: string): string {
  return s.replace(SPECIAL, '\\$&');
}

export function hasWildcard(s: string): boolean {
  return s.includes('*') || s.includes('?');
}

/** `*` and `?` across anything (StringLike, actions, the resource part of an ARN). */
export function globSource(s: string): string {
  let out = '';
  for (const ch of s) out += ch === '*' ? '.*' : ch === '?' ? '.' : escapeRegex(ch);
  return out;
}

/** One of the first five ARN segments: wildcards stay inside the segment, unless `spanTrailing` and `*` ends it. */
export function segmentSource(seg: string, spanTrailing: boolean): string {
  let out = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i];
    if (ch === '*') out += spanTrailing && i === seg.length - 1 ? '.*' : '[^:]*';
    else if (ch === '?') out += '[^:]';
    else out += escapeRegex(ch);
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
