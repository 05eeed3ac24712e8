// The audit trail: every IAM and STS call becomes one CloudTrail-shaped event, secrets removed, denied
// calls marked; LookupEvents (API) reads it (the CLI: ./audit-command.test.ts); a failed store write loses nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { AssumeRoleCommand, STSClient } from '@aws-sdk/client-sts';
import pino from 'pino';
import { deniedGetRole } from './denied-call.ts';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { AuditLog } from '../../../server/audit/audit-log.ts';
import type { AuditRecord, Store } from '../../../server/contracts/store.ts';

describe('audit trail', () => {
  let b: TestBroker;
  before(async () => {
    b = await startTestBroker();
  });
  after(async () => b.destroy());

  it('records calls with their outcome, marks denials, and never stores secrets', async () => {
    const key = await deniedGetRole(b);
    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
    const assumed = await sts.send(new AssumeRoleCommand({ RoleArn: 'arn:aws:iam::111122223333:role/Audited', RoleSessionName: 'audit' }));
    sts.destroy();
    await b.audit.flush();

    const all = await b.store.audit.query({ limit: 100 });
    const names = all.map((e) => e.eventName);
    for (const n of ['CreateRole', 'CreateUser', 'CreateAccessKey', 'GetRole', 'AssumeRole']) assert.ok(names.includes(n), `${n} recorded`);
    const stored = JSON.stringify(all);
    assert.ok(!stored.includes(key.SecretAccessKey!), 'no access key secret');
    assert.ok(!stored.includes(assumed.Credentials!.SecretAccessKey!), 'no session secret');
    assert.ok(!stored.includes(assumed.Credentials!.SessionToken!), 'no session token');
    const denied = await b.store.audit.query({ limit: 10, denied: true });
    assert.deepEqual(denied.map((e) => [e.eventName, e.principalArn, e.errorCode]), [['GetRole', 'arn:aws:iam::111122223333:user/mallory', 'AccessDenied']]);
    const ev = denied[0].data as Record<string, any>;
    assert.equal(ev.eventSource, 'iam.amazonaws.com');
    assert.equal(ev.userIdentity.type, 'IAMUser');
    assert.equal(ev.userIdentity.userName, 'mallory');
    assert.deepEqual(ev.requestParameters, { roleName: 'Audited' });
    assert.match(ev.eventID, /^[0-9a-f-]{36}$/);
    const create = all.find((e) => e.eventName === 'CreateAccessKey')!.data as Record<string, any>;
    assert.equal(create.responseElements.AccessKey.SecretAccessKey, 'HIDDEN_DUE_TO_SECURITY_REASONS');
    assert.equal(create.responseElements.AccessKey.AccessKeyId, key.AccessKeyId);
  });

  it('LookupEvents filters by principal and denial, pages with NextToken', async () => {
    const r = await sendQuery(b.httpUrl, 'Action=LookupEvents&Version=2010-05-08&Denied=true', ADMIN_KEY);
    assert.equal(r.status, 200, r.text);
    assert.equal((r.text.match(/<EventName>GetRole<\/EventName>/g) ?? []).length, 1);
    const p1 = await sendQuery(b.httpUrl, 'Action=LookupEvents&Version=2010-05-08&MaxResults=2', ADMIN_KEY);
    const token = /<NextToken>([^<]+)<\/NextToken>/.exec(p1.text)?.[1];
    assert.ok(token);
    const p2 = await sendQuery(b.httpUrl, `Action=LookupEvents&Version=2010-05-08&MaxResults=2&NextToken=${token}`, ADMIN_KEY);
    const ids = (t: string) => [...t.matchAll(/<EventId>([^<]+)<\/EventId>/g)].map((m) => m[1]);
    assert.equal(ids(p1.text).length, 2);
    assert.ok(ids(p2.text).every((id) => !ids(p1.text).includes(id)));
  });
});

describe('audit writer', () => {
  it('keeps events queued when the store fails and writes them once it recovers', async () => {
    const written: AuditRecord[] = [];
    let failing = true;
    const store = { audit: { append: async (e: AuditRecord[]) => { if (failing) throw new Error('database down'); written.push(...e); }, prune: async () => 0 } } as unknown as Store;
    const log = new AuditLog(store, pino({ level: 'silent' }), { flushMs: 5 });
    const event = (n: number) => ({ eventVersion: '1.08' as const, eventTime: new Date().toISOString(), eventSource: 'iam.amazonaws.com', eventName: `E${n}`, awsRegion: 'us-east-1', sourceIPAddress: '127.0.0.1', userIdentity: { type: 'IAMUser', arn: 'arn:x', accountId: '111122223333' }, requestParameters: null, responseElements: null, requestID: `r${n}`, eventID: `id${n}`, readOnly: true, denied: false });
    log.record(event(1));
    log.record(event(2));
    await log.flush();
    assert.equal(log.pending, 2);
    failing = false;
    await log.flush();
    assert.equal(log.pending, 0);
    assert.deepEqual(written.map((w) => w.eventName), ['E1', 'E2']);
    await log.close();
  });

  it('refuses new calls while too many events wait, instead of dropping them', async () => {
    const store = { audit: { append: async () => { throw new Error('database down'); }, prune: async () => 0 } } as unknown as Store;
    const log = new AuditLog(store, pino({ level: 'silent' }), { flushMs: 1000, maxQueue: 2 });
    const e = { eventVersion: '1.08' as const, eventTime: '', eventSource: 's', eventName: 'n', awsRegion: 'r', sourceIPAddress: 'i', userIdentity: {}, requestParameters: null, responseElements: null, requestID: 'q', eventID: 'x', readOnly: true, denied: false };
    assert.equal(log.accepting, true);
    log.record(e);
    log.record({ ...e, eventID: 'y' });
    assert.equal(log.accepting, false);
    await log.close();
  });
});

describe('audit redaction', () => {
  it('removes secrets whatever the case of their names, at any depth', async () => {
    const { redact } = await import('../../../server/audit/event.ts');
    const r = redact({ sAMLAssertion: 'PHNhbWw+', webIdentityToken: 'eyJ', lDAPPassword: 'pw', tokenCode: '123456', roleArn: 'arn:x', nested: { Credentials: { SecretAccessKey: 's', SessionToken: 't', AccessKeyId: 'ASIA' } } }) as Record<string, any>;
    assert.equal(r.sAMLAssertion, 'HIDDEN_DUE_TO_SECURITY_REASONS');
    assert.equal(r.webIdentityToken, 'HIDDEN_DUE_TO_SECURITY_REASONS');
    assert.equal(r.lDAPPassword, 'HIDDEN_DUE_TO_SECURITY_REASONS');
    assert.equal(r.tokenCode, 'HIDDEN_DUE_TO_SECURITY_REASONS');
    assert.equal(r.roleArn, 'arn:x');
    assert.equal(r.nested.Credentials.SecretAccessKey, 'HIDDEN_DUE_TO_SECURITY_REASONS');
    assert.equal(r.nested.Credentials.AccessKeyId, 'ASIA');
  });
});
