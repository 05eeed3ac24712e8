// CloudTrail's LookupEvents request (AWS JSON 1.1 shape) over the audit trail: one lookup attribute,
// StartTime/EndTime inclusive (epoch seconds), MaxResults 1–50 (default 50), NextToken bound to the
// parameters it was issued for; errors as CloudTrail names them.
import { createHash } from 'node:crypto';
import type { Store } from '../contracts/store.ts';
import { LOOKUP_ATTRIBUTE_KEYS, matchesAttribute, toCloudTrailEvent, type CloudTrailEvent, type LookupAttributeKey } from './cloudtrail-event.ts';

export class CloudTrailError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status = 400,
  ) {
    super(message);
    this.name = code;
  }
}

export interface CloudTrailLookup {
  attribute?: { key: LookupAttributeKey; value: string };
  start?: Date;
  end?: Date;
  maxResults: number;
  nextToken?: string;
  /** EventCategory "insight": the trail holds no Insights events. */
  insight: boolean;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A timestamp member as the SDKs send it in AWS JSON (epoch seconds, possibly fractional); ISO 8601 text is accepted too. */
function timestamp(v: unknown, name: string): Date | undefined {
  if (v === undefined || v === null) return undefined;
  const ms = typeof v === 'number' ? v * 1000 : typeof v === 'string' ? (/^\d+(\.\d+)?$/.test(v) ? Number(v) * 1000 : Date.parse(v)) : NaN;
  if (!Number.isFinite(ms)) throw new CloudTrailError('SerializationException', `${name} is not a timestamp: expected epoch seconds.`);
  return new Date(ms);
}

/** Validates the request body of LookupEvents. */
export function parseLookupRequest(body: unknown): CloudTrailLookup {
  if (!isObject(body)) throw new CloudTrailError('SerializationException', 'The request body is not a JSON object.');
  let attribute: CloudTrailLookup['attribute'];
  const attrs = body.LookupAttributes;
  if (attrs !== undefined && attrs !== null) {
    if (!Array.isArray(attrs)) throw new CloudTrailError('SerializationException', 'LookupAttributes must be a list.');
    if (attrs.length > 1) throw new CloudTrailError('InvalidLookupAttributesException', 'You can specify only one lookup attribute.');
    const a = attrs[0] as unknown;
    if (a !== undefined) {
      if (!isObject(a)) throw new CloudTrailError('SerializationException', 'A lookup attribute must be an object with AttributeKey and AttributeValue.');
      const key = a.AttributeKey;
      const value = a.AttributeValue;
      if (typeof key !== 'string' || !(LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(key))
        throw new CloudTrailError('InvalidLookupAttributesException', `AttributeKey must be one of ${LOOKUP_ATTRIBUTE_KEYS.join(', ')}.`);
      if (typeof value !== 'string' || value.length < 1 || value.length > 2000)
        throw new CloudTrailError('InvalidLookupAttributesException', 'AttributeValue must be a string of 1 to 2000 characters.');
      attribute = { key: key as LookupAttributeKey, value };
    }
  }
  const start = timestamp(body.StartTime, 'StartTime');
  const end = timestamp(body.EndTime, 'EndTime');
  if (start && end && start.getTime() > end.getTime()) throw new CloudTrailError('InvalidTimeRangeException', 'Start time must be before or equal to end time.');
  const max = body.MaxResults ?? 50;
  if (typeof max !== 'number' || !Number.isInteger(max) || max < 1 || max > 50) throw new CloudTrailError('InvalidMaxResultsException', 'MaxResults must be an integer from 1 to 50.');
  const token = body.NextToken;
  if (token !== undefined && token !== null && (typeof token !== 'string' || token === '')) throw new CloudTrailError('InvalidNextTokenException', 'Invalid NextToken.');
  const category = body.EventCategory;
  if (category !== undefined && category !== null && category !== 'insight') throw new CloudTrailError('InvalidEventCategoryException', 'EventCategory must be "insight".');
  return { attribute, start, end, maxResults: max, nextToken: (token as string | undefined) ?? undefined, insight: category === 'insight' };
}

const second = (d: Date, round: (n: number) => number) => new Date(round(d.getTime() / 1000) * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');

/** What a NextToken is bound to: the parameters of the call that issued it (as CloudTrail requires). */
function digest(q: CloudTrailLookup, account: string): string {
  const bound = [account, q.attribute?.key, q.attribute?.value, q.start?.getTime(), q.end?.getTime(), q.insight];
  return createHash('sha256').update(JSON.stringify(bound)).digest('base64url').slice(0, 16);
}

function decodeToken(token: string, expected: string): { eventTime: string; eventId: string } {
  const [eventTime, eventId, bound] = Buffer.from(token, 'base64url').toString().split('|');
  if (!eventTime || !eventId || bound !== expected)
    throw new CloudTrailError('InvalidNextTokenException', 'Invalid NextToken: it is not one this lookup returned, or the parameters differ from the call that returned it.');
  return { eventTime, eventId };
}

const BATCH = 500;

/** The account's events matching the lookup, newest first, one page. */
export async function lookupCloudTrailEvents(store: Store, account: string, q: CloudTrailLookup): Promise<{ Events: CloudTrailEvent[]; NextToken?: string }> {
  if (q.insight) return { Events: [] };
  const bound = digest(q, account);
  let before = q.nextToken ? decodeToken(q.nextToken, bound) : undefined;
  const since = q.start && second(q.start, Math.ceil);
  const until = q.end && second(new Date(q.end.getTime() + 1000), Math.floor); // EndTime is inclusive; the store's until is not
  const eventName = q.attribute?.key === 'EventName' ? q.attribute.value : undefined;
  const page: CloudTrailEvent[] = [];
  let last: { eventTime: string; eventId: string } | undefined;
  for (;;) {
    const batch = await store.audit.query({ account, since, until, eventName, before, limit: BATCH });
    for (const r of batch) {
      const ev = toCloudTrailEvent(r);
      if (q.attribute && !matchesAttribute(ev, q.attribute.key, q.attribute.value)) continue;
      if (page.length === q.maxResults) {
        return { Events: page, NextToken: last && Buffer.from(`${last.eventTime}|${last.eventId}|${bound}`).toString('base64url') };
      }
      page.push(ev);
      last = { eventTime: r.eventTime, eventId: r.eventId };
    }
    if (batch.length < BATCH) return { Events: page };
    const end = batch[batch.length - 1];
    before = { eventTime: end.eventTime, eventId: end.eventId };
  }
}
