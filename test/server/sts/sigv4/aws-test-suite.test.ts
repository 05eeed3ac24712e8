// AWS's published SigV4 test-suite vectors (aws-sig-v4-test-suite: AKIDEXAMPLE, 20150830T123600Z,
// us-east-1, service "service"): the verifier must compute the published signature for each request.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalQuery, canonicalUri, expectedSignature, parseSigV4 } from '../../../../server/sts/sigv4/index.ts';
import type { IncomingSignedRequest } from '../../../../server/sts/sigv4/index.ts';

const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const DATE = '20150830T123600Z';

interface Vector {
  method: string;
  target: string;
  headers?: [string, string][];
  body?: string;
  signedHeaders: string;
  signature: string;
}

const VECTORS: Record<string, Vector> = {
  'get-vanilla': { method: 'GET', target: '/', signedHeaders: 'host;x-amz-date', signature: '5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31' },
  'get-unreserved': {
    method: 'GET',
    target: '/-._~0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz',
    signedHeaders: 'host;x-amz-date',
    signature: '07ef7494c76fa4850883e2b006601f940f8a34d404d0cfa977f52a65bbf5f24f',
  },
  'get-slashes': { method: 'GET', target: '//example//', signedHeaders: 'host;x-amz-date', signature: '9a624bd73a37c9a373b5312afbebe7a714a789de108f0bdfe846570885f57e84' },
  'get-vanilla-query-order-key-case': {
    method: 'GET',
    target: '/?Param2=value2&Param1=value1',
    signedHeaders: 'host;x-amz-date',
    signature: 'b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500',
  },
  'get-vanilla-query-order-value': {
    method: 'GET',
    target: '/?Param1=value2&Param1=value1',
    signedHeaders: 'host;x-amz-date',
    signature: '5772eed61e12b33fae39ee5e7012498b51d56abc0abb7c60486157bd471c4694',
  },
  'get-vanilla-utf8-query': { method: 'GET', target: '/?\u{1234}=bar', signedHeaders: 'host;x-amz-date', signature: '2cdec8eed098649ff3a119c94853b13c643bcf08f8b0a1d91e12c9027818dd04' },
  'get-header-value-order': {
    method: 'GET',
    target: '/',
    headers: [['My-Header1', 'value4'], ['My-Header1', 'value1'], ['My-Header1', 'value3'], ['My-Header1', 'value2']],
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: '08c7e5a9acfcfeb3ab6b2185e75ce8b1deb5e634ec47601a50643f830c755c01',
  },
  'get-header-key-duplicate': {
    method: 'GET',
    target: '/',
    headers: [['My-Header1', 'value2'], ['My-Header1', 'value2'], ['My-Header1', 'value1']],
    signedHeaders: 'host;my-header1;x-amz-date',
    signature: 'c9d5ea9f3f72853aea855b47ea873832890dbdd183b4468f858259531a5138ea',
  },
  'get-header-value-trim': {
    method: 'GET',
    target: '/',
    headers: [['My-Header1', ' value1'], ['My-Header2', '"a   b   c"']],
    signedHeaders: 'host;my-header1;my-header2;x-amz-date',
    signature: 'acc3ed3afb60bb290fc8d2dd0098b9911fcaa05412b367055dee359757a9c736',
  },
  'post-x-www-form-urlencoded': {
    method: 'POST',
    target: '/',
    headers: [['Content-Type', 'application/x-www-form-urlencoded']],
    body: 'Param1=value1',
    signedHeaders: 'content-type;host;x-amz-date',
    signature: 'ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a',
  },
};

function request(v: Vector): IncomingSignedRequest {
  const raw: [string, string][] = [['Host', 'example.amazonaws.com'], ['X-Amz-Date', DATE], ...(v.headers ?? [])];
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of raw) {
    const lower = name.toLowerCase();
    const prior = headers[lower];
    headers[lower] = prior === undefined ? value : ([] as string[]).concat(prior, value);
  }
  headers['authorization'] = `AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=${v.signedHeaders}, Signature=${v.signature}`;
  const q = v.target.indexOf('?');
  return {
    method: v.method,
    path: q < 0 ? v.target : v.target.slice(0, q),
    rawQuery: q < 0 ? '' : v.target.slice(q + 1),
    headers,
    rawHeaders: raw.flat(),
    body: Buffer.from(v.body ?? ''),
  };
}

describe('aws-sig-v4-test-suite vectors', () => {
  for (const [name, v] of Object.entries(VECTORS)) {
    it(`${name}: computes the published signature`, () => {
      const req = request(v);
      const auth = parseSigV4(req)!;
      assert.equal(expectedSignature(req, auth, SECRET), v.signature);
    });
  }

  it('published canonical URIs: get-space, get-utf8, get-slashes, get-relative-relative', () => {
    assert.equal(canonicalUri('/example%20space/'), '/example%2520space/');
    assert.equal(canonicalUri('/%E1%88%B4'), '/%25E1%2588%25B4');
    assert.equal(canonicalUri('//example//'), '/example/');
    assert.equal(canonicalUri('/example1/example2/../..'), '/');
    assert.equal(canonicalUri('/example/..'), '/');
    assert.equal(canonicalUri('/./'), '/');
    assert.equal(canonicalUri('/a/%2F/b'), '/a/%252F/b');
  });

  it('canonical query strings', () => {
    assert.equal(canonicalQuery('Param2=value2&Param1=value1', false), 'Param1=value1&Param2=value2');
    assert.equal(canonicalQuery('a=10&a=9&a=1', false), 'a=1&a=10&a=9');
    assert.equal(canonicalQuery('x=a.b&x=a%2fb', false), 'x=a%2Fb&x=a.b');
    assert.equal(canonicalQuery('q=a+b&p=%7e&r=%41', false), 'p=~&q=a%2Bb&r=A');
    assert.equal(canonicalQuery('b&a=1&&c=1=2', false), 'a=1&b=&c=1%3D2');
    assert.equal(canonicalQuery('a-b=1&a=2', false), 'a=2&a-b=1');
    assert.equal(canonicalQuery('\u{20AC}=%e2%82%ac', false), '%E2%82%AC=%E2%82%AC');
    assert.equal(canonicalQuery('X-Amz-Signature=abc&Action=x', true), 'Action=x');
    assert.equal(canonicalQuery('X-Amz-Signature=abc&Action=x', false), 'Action=x&X-Amz-Signature=abc');
  });
});
