// Requests captured from AWS CLI v2, botocore and @aws-sdk/client-sts verify; any signed byte changed does not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../../../server/contracts/errors.ts';
import { parseSigV4, verifySigV4 } from '../../../../server/sts/sigv4/index.ts';
import type { IncomingSignedRequest } from '../../../../server/sts/sigv4/index.ts';
import { loadFixtures, secretFor } from './http-fixture.ts';
import { dateVariants, flipChar, withBodyByteFlipped, withHeader } from './tamper.ts';

const fixtures = loadFixtures();
const UNSIGNED = /AssumeRoleWithSAML|AssumeRoleWithWebIdentity/;

function verify(req: IncomingSignedRequest, now: Date): void {
  const auth = parseSigV4(req);
  if (!auth) throw new Error('no authentication');
  verifySigV4(req, auth, secretFor(auth.accessKeyId), { now, expectedService: 'sts' });
}

function refusedWith(code: string, req: IncomingSignedRequest, now: Date, what: string): void {
  assert.throws(() => verify(req, now), (e: unknown) => e instanceof AwsError && e.code === code, what);
}

/** Refused in any way (an unparseable change may lose the authentication altogether). */
function refused(req: IncomingSignedRequest, now: Date, what: string): void {
  assert.throws(() => verify(req, now), Error, what);
}

describe('captured client requests', () => {
  it('has every kind of capture', () => {
    assert.ok(fixtures.length >= 20);
    for (const client of ['awscli-', 'botocore-', 'sdkv3-']) assert.ok(fixtures.some((f) => f.name.startsWith(client)));
  });

  for (const { name, request } of fixtures) {
    if (UNSIGNED.test(name)) {
      it(`${name}: carries no authentication`, () => assert.equal(parseSigV4(request), undefined));
      continue;
    }

    describe(name, () => {
      const auth = parseSigV4(request)!;
      const now = auth.amzDate;

      it('verifies with the documented secret at its own X-Amz-Date', () => {
        assert.equal(auth.region, 'us-east-1');
        assert.equal(auth.service, 'sts');
        verify(request, now);
      });

      it('reads the session token when temporary credentials signed it', () => {
        if (name.includes('with-session-token')) assert.equal(auth.securityToken, 'FwoGZXIvYXdzEFAKESESSIONTOKENEXAMPLE');
        else assert.equal(auth.securityToken, undefined);
      });

      it('is refused after any byte of a signed header value changes', () => {
        for (const header of auth.signedHeaders) {
          const value = request.headers[header] as string;
          const variants = header === 'x-amz-date' ? dateVariants(value) : [...value].map((_, i) => flipChar(value, i));
          assert.ok(variants.length > 0);
          for (const v of variants) refusedWith('SignatureDoesNotMatch', withHeader(request, header, v), now, `${header}: ${v}`);
        }
      });

      it('still verifies when an unsigned header changes', () => {
        const unsigned = Object.keys(request.headers).filter((h) => !auth.signedHeaders.includes(h) && h !== 'authorization');
        for (const header of unsigned) verify(withHeader(request, header, 'changed'), now);
      });

      it('is refused after any body byte changes', () => {
        for (let i = 0; i < request.body.length; i++) refusedWith('SignatureDoesNotMatch', withBodyByteFlipped(request, i), now, `byte ${i}`);
        refusedWith('SignatureDoesNotMatch', { ...request, body: Buffer.concat([request.body, Buffer.from('&')]) }, now, 'appended');
      });

      it('is refused after the method or path changes', () => {
        for (const method of ['PUT', 'DELETE', request.method === 'GET' ? 'HEAD' : 'GET']) {
          refusedWith('SignatureDoesNotMatch', { ...request, method }, now, method);
        }
        for (const path of ['/a', '/%2F', '/sts/', '/./x']) refusedWith('SignatureDoesNotMatch', { ...request, path }, now, path);
      });

      it('is refused after any signature character changes', () => {
        const sig = auth.signature;
        for (let i = 0; i < sig.length; i++) {
          refusedWith('SignatureDoesNotMatch', { ...request, ...resign(request, auth.presigned, sig, flipChar(sig, i)) }, now, `sig ${i}`);
        }
        refusedWith('SignatureDoesNotMatch', resign(request, auth.presigned, sig, sig.toUpperCase()), now, 'upper-case hex');
      });

      it('is refused after any byte of the query changes', () => {
        const q = request.rawQuery;
        if (q === '') {
          refusedWith('SignatureDoesNotMatch', { ...request, rawQuery: 'Action=GetCallerIdentity' }, now, 'query added');
          return;
        }
        for (let i = 0; i < q.length; i++) refused({ ...request, rawQuery: flipChar(q, i) }, now, `query byte ${i}`);
        // Changes that keep the authentication parseable are signature mismatches, X-Amz-Expires included.
        for (const param of ['Action', 'Version', 'X-Amz-Expires', 'X-Amz-SignedHeaders']) {
          const at = q.indexOf(`${param}=`) + param.length + 1;
          const changed = q.slice(0, at) + (param === 'X-Amz-Expires' ? '901' : 'x') + q.slice(at + (param === 'X-Amz-Expires' ? 3 : 0));
          refusedWith('SignatureDoesNotMatch', { ...request, rawQuery: changed }, now, param);
        }
      });
    });
  }
});

/** The request with its signature replaced, wherever it carries it. */
function resign(req: IncomingSignedRequest, presigned: boolean, from: string, to: string): IncomingSignedRequest {
  if (presigned) return { ...req, rawQuery: req.rawQuery.replace(`X-Amz-Signature=${from}`, `X-Amz-Signature=${to}`) };
  return withHeader(req, 'authorization', (req.headers['authorization'] as string).replace(`Signature=${from}`, `Signature=${to}`));
}
