// Presigned URLs live exactly X-Amz-Expires seconds from X-Amz-Date (1 s to 7 days, as SigV4 specifies)
// wherever the broker accepts one: the Query API (STS, IAM) and POST /authorize (any service name). URLs made
// by the real signer (@smithy/signature-v4 presign), fetched over a socket; the broker's clock is moved.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { postAuthorize } from '../../helpers/authorize.ts';
import { presignQuery } from '../../helpers/aws-signer.ts';

const SIGNED_AT = new Date('2026-11-28T04:29:09Z');
const CALLER = { Action: 'GetCallerIdentity', Version: '2011-06-15' };

function errorOf(xml: string): { code?: string; message?: string } {
  return { code: /<Code>([^<]*)<\/Code>/.exec(xml)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] };
}

describe('presigned URLs honour X-Amz-Expires', () => {
  let b: TestBroker;
  let now = SIGNED_AT;
  const at = (seconds: number) => {
    now = new Date(SIGNED_AT.getTime() + seconds * 1000);
  };
  const get = async (url: string) => {
    const res = await fetch(url);
    return { status: res.status, ...errorOf(await res.text()) };
  };

  before(async () => {
    b = await startTestBroker({ clock: () => now });
  });
  after(async () => b.destroy());

  it('refuses a URL once its X-Amz-Expires has passed, though within 15 minutes of X-Amz-Date', async () => {
    const url = await presignQuery(b.httpUrl, CALLER, ADMIN_KEY, { date: SIGNED_AT, expiresIn: 60 });
    assert.match(url, /X-Amz-Expires=60&/);
    at(30);
    assert.equal((await get(url)).status, 200);
    at(60);
    assert.equal((await get(url)).status, 200);
    at(61);
    assert.deepEqual(await get(url), {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'Signature expired: 20261128T042909Z is now earlier than 20261128T042910Z (20261128T043010Z - 1 min.)',
    });
  });

  it('does the same for IAM', async () => {
    const url = await presignQuery(b.httpUrl, { Action: 'ListUsers', Version: '2010-05-08' }, ADMIN_KEY, { service: 'iam', date: SIGNED_AT, expiresIn: 10 });
    at(10);
    assert.equal((await get(url)).status, 200);
    at(11);
    assert.deepEqual(await get(url), {
      status: 403,
      code: 'SignatureDoesNotMatch',
      message: 'Signature expired: 20261128T042909Z is now earlier than 20261128T042910Z (20261128T042920Z - 10 sec.)',
    });
  });

  it('accepts a URL for as long as it says, up to 7 days', async () => {
    const url = await presignQuery(b.httpUrl, CALLER, ADMIN_KEY, { date: SIGNED_AT, expiresIn: 604800 });
    at(3 * 86400);
    assert.equal((await get(url)).status, 200);
    at(604800);
    assert.equal((await get(url)).status, 200);
    at(604801);
    assert.equal((await get(url)).code, 'SignatureDoesNotMatch');
  });

  it('refuses X-Amz-Expires outside 1 s to 604800 s before looking at the signature', async () => {
    at(0);
    const url = await presignQuery(b.httpUrl, CALLER, ADMIN_KEY, { date: SIGNED_AT, expiresIn: 900 });
    assert.deepEqual(await get(url.replace('X-Amz-Expires=900', 'X-Amz-Expires=604801')), {
      status: 400,
      code: 'IncompleteSignature',
      message: 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds',
    });
    assert.deepEqual(await get(url.replace('X-Amz-Expires=900', 'X-Amz-Expires=0')), { status: 400, code: 'IncompleteSignature', message: 'X-Amz-Expires must be at least 1 second' });
  });

  it('POST /authorize refuses an expired presigned request of any service', async () => {
    const signedAt = new Date(Date.now() - 5000);
    const ask = async (expiresIn: number) => {
      const url = new URL(await presignQuery('http://vault.internal.example:8080', { op: 'read' }, ADMIN_KEY, { service: 'vault', date: signedAt, expiresIn }));
      const res = await postAuthorize(b.httpUrl, {
        expect: { service: 'vault', host: url.host },
        request: { method: 'GET', path: '/', query: url.search.slice(1), headers: { host: url.host }, body: '' },
        action: 'vault:Read',
        resource: '*',
      });
      return (await res.json()) as { authenticated: boolean; error?: { code: string; message: string } };
    };
    assert.equal((await ask(600)).authenticated, true);
    const expired = await ask(2);
    assert.equal(expired.authenticated, false);
    assert.equal(expired.error?.code, 'SignatureDoesNotMatch');
    assert.match(expired.error?.message ?? '', /^Signature expired: \d{8}T\d{6}Z is now earlier than \d{8}T\d{6}Z \(\d{8}T\d{6}Z - 2 sec\.\)$/);
  });
});
