// What the schema (../contracts/ad-schema.ts) says about an attribute, for server-side sort: an
// attribute outside it is unknown (sortResult noSuchAttribute, 16) unless a returned entry carries
// it; Integer and Large-Integer syntaxes order numerically, the rest as their values.
import type { Entry } from '../contracts/directory.ts';
import { attributeType } from '../contracts/ad-schema.ts';

export function isKnownAttribute(name: string, seen: Iterable<Entry> = []): boolean {
  if (attributeType(name) || ['dn', 'distinguishedname'].includes(name.toLowerCase())) return true;
  for (const e of seen) if (e.has(name)) return true;
  return false;
}

export function ordersNumerically(name: string): boolean {
  const syntax = attributeType(name)?.syntax;
  return syntax === 'integer' || syntax === 'enumeration' || syntax === 'largeInteger';
}
