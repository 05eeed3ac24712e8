// What parseSigV4 reads from a request, and AWS's exact messages for malformed authentication.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../../../server/contracts/errors.ts';
import { parseSigV4 } from '../../../../server/sts/sigv4/index.ts';
import type { IncomingSignedRequest } from '../../../../server/sts/sigv4/index.ts';

const CRED = 'AKIAIOSFODNN7EXAMPLE/20261128/us-east-1/sts/aws4_request';
const SIG = 'ef0eca405444fecfb0506352e23a6349c5988efd2cbbbaa3e83b72a1524153b7';
const DATE = '20261128T042909Z';

function req(headers: Record<string, string>, rawQuery = ''): IncomingSignedRequest {
  return { method: 'POST', path: '/', rawQuery, headers: { host: '127.0.0.1:18443', ...headers }, body: Buffer.alloc(0) };
}

function throwsAws(code: string, message: string, r: IncomingSignedRequest) {
  assert.throws(
    () => parseSigV4(r),
    (e: unknown) => {
      assert.ok(e instanceof AwsError, String(e));
      assert.equal(e.code, code);
      assert.equal(e.message, message);
      return true;
    },
  );
}

describe('parseSigV4: Authorization header', () => {
  it('reads every part of a well-formed header', () => {
    const auth = parseSigV4(
      req({ 'x-amz-date': DATE, 'x-amz-security-token': 'tok', authorization: `AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=content-type;host;x-amz-date, Signature=${SIG}` }),
    )!;
    assert.deepEqual(
      { ...auth, amzDate: auth.amzDate.toISOString() },
      {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        scopeDate: '20261128',
        region: 'us-east-1',
        service: 'sts',
        terminator: 'aws4_request',
        signedHeaders: ['content-type', 'host', 'x-amz-date'],
        signature: SIG,
        amzDate: '2026-11-28T04:29:09.000Z',
        amzDateText: DATE,
        presigned: false,
        securityToken: 'tok',
      },
    );
  });

  it('is lenient on whitespace and commas, and the last repeated part wins', () => {
    const auth = parseSigV4(req({ 'x-amz-date': DATE, authorization: `  AWS4-HMAC-SHA256   Credential=x/1/r/s/t,SignedHeaders=host ,, Signature=aa,Credential=${CRED}  ` }))!;
    assert.equal(auth.accessKeyId, 'AKIAIOSFODNN7EXAMPLE');
    assert.deepEqual(auth.signedHeaders, ['host']);
    assert.equal(auth.signature, 'aa');
  });

  it('falls back to the Date header, ISO basic or IMF-fixdate', () => {
    const h = `AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=date;host, Signature=${SIG}`;
    const imf = parseSigV4(req({ date: 'Sat, 28 Nov 2026 04:29:09 GMT', authorization: h }))!;
    assert.equal(imf.amzDate.toISOString(), '2026-11-28T04:29:09.000Z');
    assert.equal(imf.amzDateText, DATE);
    assert.equal(parseSigV4(req({ date: DATE, authorization: h }))!.amzDateText, DATE);
  });

  it('is no authentication without a header, or with a scheme that is not AWS4-', () => {
    assert.equal(parseSigV4(req({})), undefined);
    assert.equal(parseSigV4(req({ authorization: '' })), undefined);
    for (const authorization of ['Basic dXNlcjpwYXNz', 'Bearer eyJ0eXAi', 'AWS AKIAIOSFODNN7EXAMPLE:frJIUN8DYpKDtOLCwo//yllqDzg=', 'AWS4']) {
      assert.equal(parseSigV4(req({ authorization, 'x-amz-date': DATE })), undefined, authorization);
    }
  });

  it('lists every missing part, then the header (as AWS answered for "AWS4-")', () => {
    throwsAws(
      'IncompleteSignature',
      "Authorization header requires 'Credential' parameter. Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header. Authorization=AWS4-",
      req({ authorization: 'AWS4-' }),
    );
    throwsAws(
      'IncompleteSignature',
      "Authorization header requires 'Signature' parameter. Authorization header requires 'SignedHeaders' parameter. Authorization=AWS4-HMAC-SHA256 Credential=ABCDEF",
      req({ authorization: 'AWS4-HMAC-SHA256 Credential=ABCDEF', 'x-amz-date': DATE }),
    );
    throwsAws(
      'IncompleteSignature',
      `Authorization header requires 'Credential' parameter. Authorization=AWS4-HMAC-SHA256 Credential=, SignedHeaders=host, Signature=${SIG}`,
      req({ authorization: `AWS4-HMAC-SHA256 Credential=, SignedHeaders=host, Signature=${SIG}`, 'x-amz-date': DATE }),
    );
  });

  it('refuses a part without an equal sign, quoting the whole header', () => {
    // aws/aws-sdk-go#289: a stray space inside the access key id.
    const header = `AWS4-HMAC-SHA256 Credential=AKIAXXXXXXXXXX /20150620/us-east-1/cloudformation/aws4_request, SignedHeaders=host;x-amz-date, Signature=${SIG}`;
    throwsAws(
      'IncompleteSignature',
      `'/20150620/us-east-1/cloudformation/aws4_request' not a valid key=value pair (missing equal-sign) in Authorization header: '${header}'.`,
      req({ authorization: header, 'x-amz-date': DATE }),
    );
  });

  it('refuses a date that is not ISO-8601 basic format', () => {
    for (const bad of ['2015/08/30T12/36/00Z', '20261328T042909Z', '20261128T042909', '2026-11-28T04:29:09Z']) {
      throwsAws(
        'IncompleteSignature',
        `Date must be in ISO-8601 'basic format'. Got '${bad}'. See http://en.wikipedia.org/wiki/ISO_8601`,
        req({ authorization: `AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=host, Signature=${SIG}`, 'x-amz-date': bad }),
      );
    }
  });

  it('refuses another algorithm, SigV4a included', () => {
    for (const alg of ['AWS4-HMAC-SHA25', 'AWS4-ECDSA-P256-SHA256']) {
      throwsAws(
        'IncompleteSignature',
        `Unsupported AWS 'algorithm': '${alg}' (only AWS4-HMAC-SHA256 for now). `,
        req({ authorization: `${alg} Credential=${CRED}, SignedHeaders=host, Signature=${SIG}`, 'x-amz-date': DATE }),
      );
    }
  });

  it('needs exactly five credential elements (trailing slashes ignored)', () => {
    for (const cred of ['AKIDEXAMPLE', 'AKID/20261128/us-east-1/sts', 'AKID/20261128/us-east-1/sts/aws4_request/x']) {
      throwsAws(
        'IncompleteSignature',
        `Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '${cred}'`,
        req({ authorization: `AWS4-HMAC-SHA256 Credential=${cred}, SignedHeaders=host, Signature=${SIG}`, 'x-amz-date': DATE }),
      );
    }
    const auth = parseSigV4(req({ authorization: `AWS4-HMAC-SHA256 Credential=${CRED}//, SignedHeaders=host, Signature=${SIG}`, 'x-amz-date': DATE }))!;
    assert.equal(auth.terminator, 'aws4_request');
  });

  it('refuses authentication in both the header and the query', () => {
    throwsAws(
      'SignatureDoesNotMatch',
      "Found both 'X-Amz-Algorithm' as a query-string param and 'Authorization' as HTTP header.",
      req({ authorization: `AWS4-HMAC-SHA256 Credential=${CRED}, SignedHeaders=host, Signature=${SIG}`, 'x-amz-date': DATE }, 'X-Amz-Algorithm=AWS4-HMAC-SHA256'),
    );
  });
});

describe('parseSigV4: presigned query', () => {
  const base = `Action=GetCallerIdentity&Version=2011-06-15&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${encodeURIComponent(CRED)}&X-Amz-Date=${DATE}`;

  it('reads every part, the session token from the query', () => {
    const auth = parseSigV4(req({}, `${base}&X-Amz-Expires=60&X-Amz-SignedHeaders=host%3Bx-k8s-aws-id&X-Amz-Security-Token=a%2Fb%2Bc&X-Amz-Signature=${SIG}`))!;
    assert.equal(auth.presigned, true);
    assert.equal(auth.accessKeyId, 'AKIAIOSFODNN7EXAMPLE');
    assert.deepEqual(auth.signedHeaders, ['host', 'x-k8s-aws-id']);
    assert.equal(auth.expiresSeconds, 60);
    assert.equal(auth.securityToken, 'a/b+c');
    assert.equal(auth.amzDateText, DATE);
  });

  it('lists the missing parameters', () => {
    throwsAws(
      'IncompleteSignature',
      "AWS query-string parameters must include 'X-Amz-Credential'. AWS query-string parameters must include 'X-Amz-Signature'. AWS query-string parameters must include 'X-Amz-SignedHeaders'. AWS query-string parameters must include 'X-Amz-Date'. Re-examine the query-string parameters.",
      req({}, 'X-Amz-Algorithm=AWS4-HMAC-SHA256'),
    );
    throwsAws(
      'IncompleteSignature',
      "AWS query-string parameters must include 'X-Amz-Signature'. Re-examine the query-string parameters.",
      req({}, `${base}&X-Amz-SignedHeaders=host`),
    );
  });

  it('is no authentication with another X-Amz-Algorithm', () => {
    assert.equal(parseSigV4(req({}, `X-Amz-Algorithm=AWS4-HMAC-SHA1&X-Amz-Credential=x`)), undefined);
  });

  it('takes X-Amz-Expires from 1 to 604800 seconds only', () => {
    assert.equal(parseSigV4(req({}, `${base}&X-Amz-SignedHeaders=host&X-Amz-Signature=${SIG}&X-Amz-Expires=604800`))!.expiresSeconds, 604800);
    assert.equal(parseSigV4(req({}, `${base}&X-Amz-SignedHeaders=host&X-Amz-Signature=${SIG}&X-Amz-Expires=1`))!.expiresSeconds, 1);
    const cases: [string, string][] = [
      ['604801', 'X-Amz-Expires must be less than a week (in seconds); that is, the given X-Amz-Expires must be less than 604800 seconds'],
      ['-1', 'X-Amz-Expires must be non-negative'],
      ['0', 'X-Amz-Expires must be at least 1 second'],
      ['15m', 'X-Amz-Expires should be a number'],
      ['', 'X-Amz-Expires should be a number'],
    ];
    for (const [value, message] of cases) {
      throwsAws('IncompleteSignature', message, req({}, `${base}&X-Amz-SignedHeaders=host&X-Amz-Signature=${SIG}&X-Amz-Expires=${value}`));
    }
  });

  it('refuses a malformed percent-escape in an auth parameter', () => {
    throwsAws('MalformedQueryString', 'Illegal hex character in escape % pattern: %zz', req({}, `${base}&X-Amz-SignedHeaders=host%zz&X-Amz-Signature=${SIG}`));
  });
});
