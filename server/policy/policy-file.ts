// A policy document read from a file for `idbroker policy lint`: JSON, or YAML as the config accepts it
// (the YAML is turned into the JSON document IAM would store, then linted the same way).
import YAML from 'yaml';
import { lintPolicy, type LintFinding } from './lint.ts';
import type { PolicyKind } from './types.ts';

export type PolicyFileFormat = 'json' | 'yaml';

/** By extension (.json, .yaml, .yml); otherwise JSON when the text starts with "{", else YAML. */
export function policyFileFormat(fileName: string, text: string): PolicyFileFormat {
  if (/\.json$/i.test(fileName)) return 'json';
  if (/\.ya?ml$/i.test(fileName)) return 'yaml';
  return text.trimStart().startsWith('{') ? 'json' : 'yaml';
}

function yamlDocument(text: string): { document: object | string } | { finding: LintFinding } {
  const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true });
  const malformed = (message: string): { finding: LintFinding } => ({ finding: { severity: 'error', code: 'MalformedPolicyDocument', message, path: '' } });
  const err = doc.errors[0];
  if (err) {
    const pos = err.linePos?.[0];
    const what = err.code === 'DUPLICATE_KEY' ? 'duplicate key' : err.message.replace(/ at line \d+, column \d+:[\s\S]*$/, '');
    return malformed(`YAML ${pos ? `line ${pos.line}, column ${pos.col}` : ''}: ${what}`.replace(' :', ':'));
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    return malformed(`YAML: ${(e as Error).message}`);
  }
  // A YAML file may hold the document as JSON text (a block scalar), as the config allows.
  if (typeof value === 'string') return { document: value };
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return malformed('Syntax errors in policy: expected a mapping with Version and Statement.');
  return { document: JSON.stringify(value) };
}

/** Lints the text of a policy file in either format; YAML syntax errors are MalformedPolicyDocument findings. */
export function lintPolicyFile(text: string, fileName: string, kind: PolicyKind): { format: PolicyFileFormat; findings: LintFinding[] } {
  const format = policyFileFormat(fileName, text);
  if (format === 'json') return { format, findings: lintPolicy(text, kind) };
  const parsed = yamlDocument(text);
  return { format, findings: 'finding' in parsed ? [parsed.finding] : lintPolicy(parsed.document, kind) };
}
