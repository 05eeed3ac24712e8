// signRequest and presignUrl round-trip through verifySigV4, and so do requests signed by the real
// @smithy/signature-v4 (the signer of @aws-sdk/client-sts), for arbitrary paths, queries and header values.
import assert from 'node:assert/strict';
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { describe, it } from 'node:test';
import { SignatureV4 } from '@smithy/signature-v4';
import type { SourceData } from '@smithy/types';
import fc from 'fast-check';
import { parseSigV4, presignUrl, signRequest, SigningKeyCache, verifySigV4 } from '../../../../server/sts/sigv4/index.ts';
import type { IncomingSignedRequest } from '../../../../server/sts/sigv4/index.ts';

const NOW = new Date('2026-11-28T04:29:09Z');
const CREDS = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
const TEMP = { accessKeyId: 'ASIAFAKESTSEXAMPLE01', secretAccessKey: 'fakeSecretKeyFromTheFakeStsEXAMPLEKEY000', sessionToken: 'FwoGZXIvYXdzEFAKE/+=' };

function bytes(data: SourceData): string | Buffer {
  if (typeof data === 'string') return data;
  return ArrayBuffer.isView(data) ? Buffer.from(data.buffer, data.byteOffset, data.byteLength) : Buffer.from(data);
}

class NodeSha256 {
  readonly #h: Hash | Hmac;
  constructor(secret?: SourceData) {
    this.#h = secret === undefined ? createHash('sha256') : createHmac('sha256', bytes(secret));
  }
  update(data: SourceData): void {
    this.#h.update(bytes(data));
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.#h.digest());
  }
  reset(): void {}
}

// @smithy/core's escapeUri: what the SDKs put on the wire for query keys, values and path segments.
const escapeUri = (s: string) => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

function verifyAs(req: IncomingSignedRequest, secret: string, service: 'sts' | 'iam' = 'sts'): void {
  const auth = parseSigV4(req);
  assert.ok(auth, 'authentication expected');
  verifySigV4(req, auth, secret, { now: NOW, expectedService: service });
}

describe('signRequest', () => {
  it('round-trips, with and without a session token', () => {
    for (const creds of [CREDS, TEMP]) {
      const url = new URL('http://127.0.0.1:18443/');
      const headers = { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', 'user-agent': 'test' };
      const body = 'Action=GetCallerIdentity&Version=2011-06-15';
      const added = signRequest({ method: 'POST', url, headers, body }, creds, { region: 'us-east-1', service: 'sts', now: NOW });
      assert.match(added.authorization, /^AWS4-HMAC-SHA256 Credential=A[SK]IA\w+\/20261128\/us-east-1\/sts\/aws4_request, SignedHeaders=content-type;host;x-amz-date(;x-amz-security-token)?, Signature=[0-9a-f]{64}$/);
      assert.equal(added['x-amz-date'], '20261128T042909Z');
      const req = { method: 'POST', path: '/', rawQuery: '', headers: { ...headers, host: url.host, ...added }, body: Buffer.from(body) };
      verifyAs(req, creds.secretAccessKey);
      assert.equal(parseSigV4(req)!.securityToken, 'sessionToken' in creds ? creds.sessionToken : undefined);
    }
  });

  it('round-trips a path and query that need encoding', () => {
    const url = new URL('http://broker.example:8080/base/a%20b/../c/?Action=ListUsers&PathPrefix=%2Fdivision%2F&Marker=a+b&Version=2010-05-08');
    const added = signRequest({ method: 'GET', url, headers: {}, body: '' }, CREDS, { region: 'eu-west-1', service: 'iam', now: NOW });
    verifyAs({ method: 'GET', path: url.pathname, rawQuery: url.search.slice(1), headers: { host: url.host, ...added }, body: Buffer.alloc(0) }, CREDS.secretAccessKey, 'iam');
  });

  it('signs exactly as @smithy/signature-v4 does for the same headers', async () => {
    const sv4 = new SignatureV4({ credentials: TEMP, region: 'us-east-1', service: 'sts', sha256: NodeSha256, applyChecksum: false });
    const headers = { host: '127.0.0.1:18443', 'content-type': 'application/x-www-form-urlencoded' };
    const body = 'Action=GetCallerIdentity&Version=2011-06-15';
    const smithy = await sv4.sign({ method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: 18443, path: '/', query: {}, headers, body }, { signingDate: NOW });
    const ours = signRequest({ method: 'POST', url: new URL('http://127.0.0.1:18443/'), headers, body }, TEMP, { region: 'us-east-1', service: 'sts', now: NOW });
    assert.equal(ours.authorization, smithy.headers['authorization']);
  });
});

describe('presignUrl', () => {
  it('round-trips, with an extra signed header and a session token', () => {
    const url = presignUrl(new URL('http://127.0.0.1:18443/?Action=GetCallerIdentity&Version=2011-06-15'), TEMP, {
      region: 'us-east-1',
      service: 'sts',
      now: NOW,
      expiresSeconds: 60,
      headers: { 'x-k8s-aws-id': 'my-cluster' },
    });
    assert.match(url.search, /X-Amz-SignedHeaders=host%3Bx-k8s-aws-id/);
    const req = { method: 'GET', path: url.pathname, rawQuery: url.search.slice(1), headers: { host: url.host, 'x-k8s-aws-id': 'my-cluster' }, body: Buffer.alloc(0) };
    verifyAs(req, TEMP.secretAccessKey);
    const auth = parseSigV4(req)!;
    assert.equal(auth.presigned, true);
    assert.equal(auth.securityToken, TEMP.sessionToken);
    assert.equal(auth.expiresSeconds, 60);
  });
});

describe('requests signed by @smithy/signature-v4 verify', () => {
  const sv4 = new SignatureV4({ credentials: TEMP, region: 'us-east-1', service: 'sts', sha256: NodeSha256 });
  const char = fc.constantFrom('a', 'Z', '0', '-', '_', '.', '~', ' ', '%', '/', '+', '=', '&', '?', '#', 'é', '€', '😀', '!', '*', "'", '(', ';', ':', '@');
  const text = fc.string({ unit: char, maxLength: 6 });
  const segment = fc.oneof(text, fc.constantFrom('.', '..', ''));
  const headerValue = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '\t', ',', '"'), maxLength: 10 });

  it('with the Authorization header: any path, query, header value and body', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(segment, { maxLength: 5 }), fc.dictionary(text, text, { maxKeys: 4 }), headerValue, fc.string({ maxLength: 40 }), async (segments, query, custom, body) => {
        delete query['X-Amz-Signature'];
        const path = '/' + segments.map((s) => (s === '.' || s === '..' ? s : escapeUri(s))).join('/');
        const headers = { host: '127.0.0.1:18443', 'content-type': 'application/x-www-form-urlencoded', 'x-custom': custom };
        const signed = await sv4.sign(
          { method: 'POST', protocol: 'http:', hostname: '127.0.0.1', port: 18443, path, query: { ...query }, headers, body },
          { signingDate: NOW },
        );
        const rawQuery = Object.entries(query).map(([k, v]) => `${escapeUri(k)}=${escapeUri(v)}`).join('&');
        const req = { method: 'POST', path, rawQuery, headers: signed.headers, body: Buffer.from(body) };
        verifyAs(req, TEMP.secretAccessKey);
      }),
      { numRuns: 150 },
    );
  });

  it('presigned, as the SDK presigner makes them', async () => {
    await fc.assert(
      fc.asyncProperty(fc.dictionary(text, text, { maxKeys: 4 }), async (query) => {
        for (const k of Object.keys(query)) if (k.toLowerCase().startsWith('x-amz-')) delete query[k];
        const presigned = await sv4.presign(
          { method: 'GET', protocol: 'http:', hostname: '127.0.0.1', port: 18443, path: '/', query: { Action: 'GetCallerIdentity', Version: '2011-06-15', ...query }, headers: { host: '127.0.0.1:18443' } },
          { signingDate: NOW, expiresIn: 900 },
        );
        const rawQuery = Object.entries(presigned.query ?? {}).map(([k, v]) => `${escapeUri(k)}=${escapeUri(v as string)}`).join('&');
        verifyAs({ method: 'GET', path: '/', rawQuery, headers: presigned.headers, body: Buffer.alloc(0) }, TEMP.secretAccessKey);
      }),
      { numRuns: 60 },
    );
  });
});

describe('SigningKeyCache', () => {
  it('derives each key once and stays within its capacity', () => {
    const cache = new SigningKeyCache(2);
    const a = cache.get('secret', '20261128', 'us-east-1', 'sts');
    assert.equal(cache.get('secret', '20261128', 'us-east-1', 'sts'), a);
    cache.get('secret', '20261128', 'us-east-1', 'iam');
    cache.get('other', '20261128', 'us-east-1', 'sts');
    assert.equal(cache.size, 2);
    assert.notEqual(cache.get('secret', '20261128', 'us-east-1', 'sts'), a); // evicted, derived again
    assert.deepEqual(cache.get('secret', '20261128', 'us-east-1', 'sts'), a);
  });
});
