// The request context as the engine reads it: case-insensitive key names, values normalised lazily, the keys read but
// missing recorded for the decision.
import type { ContextScalar, ContextValue, EvaluationInput, PrincipalInfo } from './types.ts';

/** ISO-8601 as AWS writes times in contexts: seconds precision, 'Z'. */
export function isoSeconds(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function scalarToString(v: ContextScalar): string {
  if (v instanceof Date) return isoSeconds(v);
  return String(v);
}

/** One key's values, normalised on first use. */
export class ContextEntry {
  private strs?: string[];
  constructor(readonly raw: ContextScalar[]) {}
  get multi(): boolean {
    return this.raw.length > 1;
  }
  strings(): string[] {
    return (this.strs ??= this.raw.map(scalarToString));
  }
}

const PRINCIPAL_TYPE: Record<PrincipalInfo['type'], string> = {
  Root: 'Account',
  User: 'User',
  AssumedRole: 'AssumedRole',
  FederatedUser: 'FederatedUser',
  WebIdentity: 'WebIdentity',
  SAMLUser: 'SAMLUser',
  Anonymous: 'Anonymous',
  Service: 'Service',
};

export class RequestContext {
  private readonly map = new Map<string, ContextEntry>();
  missing?: Set<string>;

  constructor(input: Pick<EvaluationInput, 'context' | 'principal'>) {
    for (const k in input.context) {
      const v = input.context[k];
      if (v === undefined || v === null) continue;
      const arr = Array.isArray(v) ? v : [v as ContextScalar];
      if (arr.length === 0) continue;
      this.map.set(k.toLowerCase(), new ContextEntry(arr));
    }
    const p = input.principal;
    if (p.type === 'Anonymous') {
      this.derive('aws:principaltype', 'Anonymous');
      this.derive('aws:userid', 'anonymous');
      return;
    }
    if (p.type === 'Service' || p.type === 'WebIdentity' || p.type === 'SAMLUser') return;
    this.derive('aws:principalarn', p.type === 'AssumedRole' && p.roleArn ? p.roleArn : p.arn);
    this.derive('aws:principalaccount', p.account);
    this.derive('aws:principaltype', PRINCIPAL_TYPE[p.type]);
    this.derive('aws:userid', p.type === 'Root' ? p.account : p.id);
    if (p.type === 'User') this.derive('aws:username', p.arn.slice(p.arn.lastIndexOf('/') + 1));
  }

  private derive(key: string, value: string | undefined): void {
    if (value !== undefined && !this.map.has(key)) this.map.set(key, new ContextEntry([value]));
  }

  /** The entry for a lower-cased key name; records it as missing when absent. */
  get(lowerKey: string, displayKey: string): ContextEntry | undefined {
    const e = this.map.get(lowerKey);
    if (!e) (this.missing ??= new Set()).add(displayKey);
    return e;
  }

  /** The entry without recording it as missing (policy variables). */
  peek(lowerKey: string): ContextEntry | undefined {
    return this.map.get(lowerKey);
  }
}

export type { ContextValue };
