// Environment interpolation on the parsed YAML tree (never on the raw text, so a value holding
// quotes, colons or newlines cannot change the document's structure).
//   ${VAR}          the variable; a problem when it is not set
//   ${VAR:-default} the default when VAR is unset or empty (the default may itself hold ${...})
//   $${             a literal "${"
// Anything else in ${…} is left as written: IAM policy variables (${aws:username}, ${saml:sub},
// ${aws:PrincipalTag/team}, ${*}) pass through to the policy documents untouched.
import type { PathSegment, Problem } from './problems.ts';

const NAME = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Index of the `}` that closes the `${` whose body starts at `from`, or -1. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let i = from; i < text.length; i++) {
    if (text.startsWith('$${', i)) i += 2;
    else if (text.startsWith('${', i)) {
      depth++;
      i++;
    } else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** Interpolates one string; every problem is a message about this value (no path). */
export function interpolateString(text: string, env: NodeJS.ProcessEnv): { value: string; problems: string[] } {
  const problems: string[] = [];
  let out = '';
  let i = 0;
  while (i < text.length) {
    if (text.startsWith('$${', i)) {
      out += '${';
      i += 3;
      continue;
    }
    if (!text.startsWith('${', i)) {
      out += text[i++];
      continue;
    }
    const end = closingBrace(text, i + 2);
    if (end < 0) {
      problems.push('unterminated "${" (write "$${" for a literal "${")');
      out += text.slice(i);
      break;
    }
    const body = text.slice(i + 2, end);
    const sep = body.indexOf(':-');
    const name = sep < 0 ? body : body.slice(0, sep);
    if (!NAME.test(name)) {
      out += text.slice(i, end + 1); // not an environment reference: an IAM policy variable, kept verbatim
    } else if (sep >= 0) {
      const current = env[name];
      if (current !== undefined && current !== '') out += current;
      else {
        const inner = interpolateString(body.slice(sep + 2), env);
        out += inner.value;
        problems.push(...inner.problems);
      }
    } else if (env[name] === undefined) {
      problems.push(`environment variable ${name} is not set`);
    } else {
      out += env[name];
    }
    i = end + 1;
  }
  return { value: out, problems };
}

/** Interpolates every string scalar of a parsed YAML tree; keys are left as written. */
export function interpolateTree(tree: unknown, env: NodeJS.ProcessEnv): { value: unknown; problems: Problem[] } {
  const problems: Problem[] = [];
  const walk = (node: unknown, path: PathSegment[]): unknown => {
    if (typeof node === 'string') {
      const r = interpolateString(node, env);
      for (const message of r.problems) problems.push({ path, message });
      return r.value;
    }
    if (Array.isArray(node)) return node.map((item, i) => walk(item, [...path, i]));
    if (node !== null && typeof node === 'object') {
      return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, walk(v, [...path, k])]));
    }
    return node;
  };
  return { value: walk(tree, []), problems };
}
