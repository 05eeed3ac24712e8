// Our Filter AST (raw assertion bytes) → ldapts Filter objects, built directly rather than through
// a filter string: ldapts' string parser decodes `\xx` escapes byte by byte into UTF-16 code units,
// which breaks non-ASCII and binary values. Equality values stay Buffers (objectGUID/objectSid
// survive); the other kinds take text in ldapts, so their bytes are decoded as UTF-8.
import {
  AndFilter,
  ApproximateFilter,
  EqualityFilter,
  ExtensibleFilter,
  type Filter as LdaptsFilter,
  GreaterThanEqualsFilter,
  LessThanEqualsFilter,
  NotFilter,
  OrFilter,
  PresenceFilter,
  SubstringFilter,
} from 'ldapts';
import { rewriteFilter } from '../../../server/contracts/ad-filter.ts';
import type { Filter } from '../../../server/contracts/directory.ts';

const text = (b: Buffer) => b.toString('utf8');

/** The filter as the upstream understands it: string SIDs/GUIDs sent as their bytes (AD and slapd
 *  both match those), aNR expanded into its OR (slapd has no ANR; AD answers the same). An OR left
 *  empty by the rewrite (`(aNR=*)`) becomes `(!(objectClass=*))`, which matches nothing anywhere. */
export function toLdaptsFilter(f: Filter): LdaptsFilter {
  return build(rewriteFilter(f));
}

function build(f: Filter): LdaptsFilter {
  switch (f.type) {
    case 'and':
      return new AndFilter({ filters: f.filters.map(build) });
    case 'or':
      if (f.filters.length === 0) return new NotFilter({ filter: new PresenceFilter({ attribute: 'objectClass' }) });
      return new OrFilter({ filters: f.filters.map(build) });
    case 'not':
      return new NotFilter({ filter: build(f.filter) });
    case 'equality':
      return new EqualityFilter({ attribute: f.attribute, value: f.value });
    case 'greaterOrEqual':
      return new GreaterThanEqualsFilter({ attribute: f.attribute, value: text(f.value) });
    case 'lessOrEqual':
      return new LessThanEqualsFilter({ attribute: f.attribute, value: text(f.value) });
    case 'approx':
      return new ApproximateFilter({ attribute: f.attribute, value: text(f.value) });
    case 'present':
      return new PresenceFilter({ attribute: f.attribute });
    case 'substrings':
      return new SubstringFilter({
        attribute: f.attribute,
        initial: f.initial ? text(f.initial) : '',
        any: f.any.map(text),
        final: f.final ? text(f.final) : '',
      });
    case 'extensible':
      return new ExtensibleFilter({ rule: f.rule, matchType: f.attribute, value: text(f.value), dnAttributes: f.dnAttributes });
  }
}

/** `(attr=value)` with the value as text, for the look-ups the connector makes itself. */
export const eq = (attribute: string, value: string): Filter => ({ type: 'equality', attribute, value: Buffer.from(value, 'utf8') });
export const or = (...filters: Filter[]): Filter => ({ type: 'or', filters });
export const and = (...filters: Filter[]): Filter => ({ type: 'and', filters });
