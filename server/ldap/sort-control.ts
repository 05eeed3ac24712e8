// Server-side sort (RFC 2891; AD's LDAP_SERVER_SORT_OID 1.2.840.113556.1.4.473, response
// 1.2.840.113556.1.4.474). AD sorts on one key only; strings compare case-insensitively (locale
// order), integer-syntax values numerically, binary values byte for byte. An entry without the
// attribute sorts after every entry that has it (RFC 2891 §1.2); multi-valued attributes sort by
// their least value (greatest in reverse order). What cannot be sorted is reported in the
// response control's sortResult: a critical control then fails the search with
// unavailableCriticalExtension (12), a non-critical one returns the entries unsorted.
import type { AttributeValue, Entry } from '../contracts/directory.ts';
import { BerError, BerReader, integer, octets, tlv } from '../ber/ber.ts';
import type { Control } from './decode-request.ts';
import type { ResponseControl } from './encode-response.ts';
import { isKnownAttribute, ordersNumerically } from './known-attributes.ts';

export const SORT_REQUEST = '1.2.840.113556.1.4.473';
export const SORT_RESPONSE = '1.2.840.113556.1.4.474';

/** AD's MaxTempTableSize: more matching entries than this are not sorted (adminLimitExceeded). */
export const MAX_SORT_ENTRIES = 10_000;

export interface SortKey {
  attribute: string;
  orderingRule?: string;
  reverse: boolean;
}

/** sortResult codes (RFC 2891 §1.2). */
export const SortResult = { success: 0, adminLimitExceeded: 11, noSuchAttribute: 16, inappropriateMatching: 18, unwillingToPerform: 53 } as const;


/** Ordering rules accepted in a sort key: the syntax's own order (none given), caseIgnoreOrderingMatch,
 *  caseExactOrderingMatch, integerOrderingMatch. Others are inappropriateMatching (18). */
const ORDERING_RULES = new Set(['2.5.13.3', '2.5.13.6', '2.5.13.15', 'caseIgnoreOrderingMatch', 'caseExactOrderingMatch', 'integerOrderingMatch'].map((r) => r.toLowerCase()));

export function decodeSortKeys(value: Buffer | undefined): SortKey[] {
  try {
    const list = new BerReader(value ?? Buffer.alloc(0)).sequence();
    const keys: SortKey[] = [];
    while (!list.done) {
      const k = list.sequence();
      const key: SortKey = { attribute: k.string(), reverse: false };
      if (k.peekTag() === 0x80) key.orderingRule = k.string(0x80);
      if (k.peekTag() === 0x81) key.reverse = k.boolean(0x81);
      if (!k.done || key.attribute === '') throw new BerError('bad sort key');
      keys.push(key);
    }
    if (keys.length === 0) throw new BerError('empty sort key list');
    return keys;
  } catch (e) {
    if (e instanceof BerError) throw new SortControlError();
    throw e;
  }
}

/** A sort control value that does not decode: AD answers protocolError. */
export class SortControlError extends Error {}

/** The one key of a sort control, or the sortResult that says why it cannot be used (AD sorts on
 *  one key only: more are unwillingToPerform). Whether the attribute exists is checked later,
 *  against the schema and the entries (known-attributes.ts). */
export function sortKeyOf(control: Control): SortKey | { result: number; attribute?: string } {
  const keys = decodeSortKeys(control.value);
  if (keys.length > 1) return { result: SortResult.unwillingToPerform };
  const [key] = keys;
  if (key.orderingRule && !ORDERING_RULES.has(key.orderingRule.toLowerCase())) return { result: SortResult.inappropriateMatching, attribute: key.attribute };
  return { ...key, attribute: key.attribute.split(';')[0] };
}

export function sortResponse(result: number, attribute?: string): ResponseControl {
  return { type: SORT_RESPONSE, value: tlv(0x30, [integer(result, 0x0a), ...(attribute ? [octets(attribute, 0x80)] : [])]) };
}

const collator = new Intl.Collator('en', { sensitivity: 'base' });
const INTEGER = /^-?\d+$/;

function compareValues(a: AttributeValue, b: AttributeValue, caseExact: boolean, numeric: boolean): number {
  if (Buffer.isBuffer(a) || Buffer.isBuffer(b)) return Buffer.compare(Buffer.from(a), Buffer.from(b));
  if (numeric && INTEGER.test(a) && INTEGER.test(b)) {
    const d = BigInt(a) - BigInt(b);
    return d < 0n ? -1 : d > 0n ? 1 : 0;
  }
  const c = collator.compare(a, b);
  return c !== 0 || !caseExact ? c : a < b ? -1 : a > b ? 1 : 0;
}

/** The value an entry sorts by: its least (reverse: greatest) value, or undefined. */
function sortValue(e: Entry, key: SortKey, caseExact: boolean, numeric: boolean): AttributeValue | undefined {
  const values = key.attribute.toLowerCase() === 'distinguishedname' ? [e.dn] : e.get(key.attribute);
  if (!values || values.length === 0) return undefined;
  return values.reduce((best, v) => {
    const c = compareValues(v, best, caseExact, numeric);
    return (key.reverse ? c > 0 : c < 0) ? v : best;
  });
}

/** A comparator over entries for `key`; `valueOrder` compares an entry with an assertion value
 *  in the same order (VLV's greaterThanOrEqual target). */
export function entryOrder(key: SortKey): { compare: (a: Entry, b: Entry) => number; valueOrder: (e: Entry, v: Buffer) => number } {
  const caseExact = ['2.5.13.6', 'caseexactorderingmatch'].includes(key.orderingRule?.toLowerCase() ?? '');
  const sign = key.reverse ? -1 : 1;
  const numeric = ordersNumerically(key.attribute) || key.orderingRule === '2.5.13.15' || key.orderingRule?.toLowerCase() === 'integerorderingmatch';
  const cmp = (va: AttributeValue | undefined, vb: AttributeValue | undefined): number => {
    if (va === undefined) return vb === undefined ? 0 : 1;
    if (vb === undefined) return -1;
    return sign * compareValues(va, vb, caseExact, numeric);
  };
  return {
    compare: (a, b) => cmp(sortValue(a, key, caseExact, numeric), sortValue(b, key, caseExact, numeric)),
    valueOrder: (e, v) => cmp(sortValue(e, key, caseExact, numeric), v.toString('utf8')),
  };
}

export interface SortOutcome {
  /** Sorted when `ok`; otherwise the entries in the directory's order. */
  entries: Entry[];
  ok: boolean;
  response: ResponseControl;
  order?: ReturnType<typeof entryOrder>;
}

/** Reads the whole result (up to MAX_SORT_ENTRIES) and sorts it as the control asks. */
export async function sortResults(control: Control, source: AsyncIterable<Entry>, signal?: AbortSignal): Promise<SortOutcome> {
  const key = sortKeyOf(control);
  const entries: Entry[] = [];
  for await (const e of source) {
    if (signal?.aborted) break;
    if (entries.length >= MAX_SORT_ENTRIES) return { entries, ok: false, response: sortResponse(SortResult.adminLimitExceeded) };
    entries.push(e);
  }
  if ('result' in key) return { entries, ok: false, response: sortResponse(key.result, key.attribute) };
  if (!isKnownAttribute(key.attribute, entries)) return { entries, ok: false, response: sortResponse(SortResult.noSuchAttribute, key.attribute) };
  const order = entryOrder(key);
  return { entries: entries.sort(order.compare), ok: true, response: sortResponse(SortResult.success), order };
}
