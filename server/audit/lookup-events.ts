// LookupEvents (an idbroker extension on the IAM Query API, authorized as cloudtrail:LookupEvents): the
// audit trail of the caller's account, newest first, filtered by time, principal, event name or denial.
import { AwsError } from '../contracts/errors.ts';
import type { AuditRecord, Store } from '../contracts/store.ts';
import { members } from '../query-protocol/xml.ts';
import { defineAction } from '../iam/action.ts';

export interface LookupFilter {
  since?: string;
  until?: string;
  principalArn?: string;
  eventName?: string;
  denied?: boolean;
  account?: string;
  limit: number;
  nextToken?: string;
}

function time(v: string | undefined, name: string): string | undefined {
  if (v === undefined) return undefined;
  const t = /^\d+$/.test(v) ? Number(v) * 1000 : Date.parse(v);
  if (Number.isNaN(t)) throw new AwsError('InvalidParameterValue', `${name} ${v} is not a time.`);
  return new Date(t).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** Shared by the API and the CLI. */
export async function lookupEvents(store: Store, f: LookupFilter): Promise<{ events: AuditRecord[]; nextToken?: string }> {
  let before: { eventTime: string; eventId: string } | undefined;
  if (f.nextToken) {
    const [eventTime, eventId] = Buffer.from(f.nextToken, 'base64url').toString().split('|');
    if (!eventTime || !eventId) throw new AwsError('InvalidParameterValue', 'Invalid NextToken.');
    before = { eventTime, eventId };
  }
  const events = await store.audit.query({ since: time(f.since, 'StartTime'), until: time(f.until, 'EndTime'), principalArn: f.principalArn, eventName: f.eventName, denied: f.denied, account: f.account, before, limit: f.limit + 1 });
  const more = events.length > f.limit;
  const page = events.slice(0, f.limit);
  const last = page[page.length - 1];
  return { events: page, nextToken: more && last ? Buffer.from(`${last.eventTime}|${last.eventId}`).toString('base64url') : undefined };
}

export const LookupEvents = defineAction({
  name: 'LookupEvents',
  writes: false,
  parse: (r) => ({
    since: r.optional('StartTime', { min: 1, max: 64 }),
    until: r.optional('EndTime', { min: 1, max: 64 }),
    principalArn: r.optional('PrincipalArn', { min: 1, max: 2048 }),
    eventName: r.optional('EventName', { min: 1, max: 128 }),
    denied: r.bool('Denied'),
    limit: r.int('MaxResults', { min: 1, max: 1000 }) ?? 50,
    nextToken: r.optional('NextToken', { min: 1, max: 1024 }),
  }),
  async authorize(_p, ctx) {
    await ctx.authorizer.authorize(ctx.caller, 'cloudtrail:LookupEvents', '*', ctx.now);
  },
  async run(p, ctx) {
    const { events, nextToken } = await lookupEvents(ctx.store, { ...p, account: ctx.account });
    return [
      members('Events', events, (e) => [
        ['EventId', e.eventId],
        ['EventName', e.eventName],
        ['EventTime', new Date(e.eventTime)],
        ['EventSource', e.eventSource],
        ['Username', e.principalArn],
        ['Denied', e.denied],
        ['CloudTrailEvent', JSON.stringify(e.data)],
      ]),
      ...(nextToken ? [['NextToken', nextToken] as const] : []),
    ];
  },
});
