// Requests captured from the AWS CLI v2, botocore and @aws-sdk/client-sts (test/fixtures/aws-client-requests),
// replayed byte for byte over a socket to a broker whose clock is set to each capture's X-Amz-Date.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';

const DIR = fileURLToPath(new URL('../../fixtures/aws-client-requests/', import.meta.url));

/** The capture as HTTP/1.1 bytes: CRLF line ends in the head, the body as captured. */
function rawRequest(raw: string): { bytes: Buffer; date: Date } {
  const text = raw.replace(/\r\n/g, '\n');
  const split = text.indexOf('\n\n');
  const head = text.slice(0, split).split('\n').filter((l) => !/^connection:/i.test(l));
  const body = text.slice(split + 2).replace(/\n$/, '');
  head.push('Connection: close');
  const amz = /x-amz-date: *(\d{8}T\d{6}Z)/i.exec(text)?.[1] ?? /X-Amz-Date=(\d{8}T\d{6}Z)/.exec(text)?.[1];
  const d = amz!.replace(/^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/, '$1-$2-$3T$4:$5:$6Z');
  return { bytes: Buffer.from(head.join('\r\n') + '\r\n\r\n' + body), date: new Date(d) };
}

function send(port: number, bytes: Buffer): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const s = connect(port, "127.0.0.1", () => s.write(bytes)); // no half-close: real clients keep writing open
    let out = '';
    s.on('data', (d) => (out += d.toString()));
    s.on('error', reject);
    s.on("close", () => resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(out)?.[1]), body: out.slice(out.indexOf('\r\n\r\n') + 4) }));
  });
}

const files = readdirSync(DIR).filter((f) => f.endsWith('.txt') && !f.includes('WithSAML') && !f.includes('WithWebIdentity') && !f.endsWith('-url.txt'));

describe('captured AWS client requests', () => {
  let b: TestBroker;
  let now = new Date();
  before(async () => {
    b = await startTestBroker({
      clock: () => now,
      accounts: '[{ id: "111122223333" }, { id: "123456789012" }]',
      yaml: `
roles:
  - name: demo-role
    account: "123456789012"
    trustPolicy: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: "sts:AssumeRole" }] }
`,
    });
  });
  after(async () => b.destroy());

  for (const f of files) {
    it(f, async () => {
      const { bytes, date } = rawRequest(readFileSync(DIR + f, 'utf8'));
      now = new Date(date.getTime() + 5_000);
      const port = Number(new URL(b.httpUrl).port);
      const r = await send(port, bytes);
      const action = /Action=(\w+)/.exec(bytes.toString())![1];
      if (f.includes('with-session-token')) {
        // signed with a session token some other STS issued: not ours, refused the way AWS refuses a bad token
        assert.equal(r.status, 403, r.body);
        assert.match(r.body, /<Code>InvalidClientTokenId<\/Code>/);
        return;
      }
      if (action === "GetSessionToken") {
        // signature accepted; the captured MFA serial is not a device of this user, as it would not be on AWS
        assert.equal(r.status, 403, r.body);
        assert.match(r.body, /MultiFactorAuthentication failed, unable to validate MFA code/);
        return;
      }
      assert.equal(r.status, 200, r.body);
      assert.match(r.body, new RegExp(`^<${action}Response xmlns="https://sts\\.amazonaws\\.com/doc/2011-06-15/">\\n  <${action}Result>`));
      assert.match(r.body, /<RequestId>[0-9a-f-]{36}<\/RequestId>/);
      // the same bytes twenty minutes later are refused: the signature has expired
      now = new Date(date.getTime() + 20 * 60_000);
      const late = await send(port, bytes);
      assert.equal(late.status, 403, late.body);
      assert.match(late.body, /<Code>SignatureDoesNotMatch<\/Code>/);
      assert.match(late.body, /Signature expired/);
    });
  }
});

describe('JSON responses (Accept: application/json)', () => {
  it('a presigned GetCallerIdentity URL answers in AWS JSON envelope when asked, errors too', async () => {
    const { presignUrl } = await import('../../../server/sts/sigv4/index.ts');
    const { ADMIN_KEY } = await import('../../helpers/broker.ts');
    const b = await startTestBroker();
    try {
      const url = presignUrl(new URL(`${b.httpUrl}/?Action=GetCallerIdentity&Version=2011-06-15`), ADMIN_KEY, { region: 'us-east-1', service: 'sts', now: new Date() });
      const res = await fetch(url, { headers: { accept: 'application/json' } });
      assert.equal(res.status, 200);
      assert.equal(res.headers.get('content-type'), 'application/json');
      const body = (await res.json()) as { GetCallerIdentityResponse: { GetCallerIdentityResult: { Arn: string; Account: string }; ResponseMetadata: { RequestId: string } } };
      assert.equal(body.GetCallerIdentityResponse.GetCallerIdentityResult.Arn, 'arn:aws:iam::111122223333:user/admin');
      assert.equal(body.GetCallerIdentityResponse.ResponseMetadata.RequestId, res.headers.get('x-amzn-requestid'));
      const xml = await fetch(url);
      assert.match(await xml.text(), /^<GetCallerIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">/);
      const bad = await fetch(`${b.httpUrl}/?Action=GetCallerIdentity&Version=2011-06-15`, { headers: { accept: 'application/json' } });
      assert.equal(bad.status, 403);
      const err = (await bad.json()) as { Error: { Code: string; Type: string }; RequestId: string };
      assert.equal(err.Error.Code, 'MissingAuthenticationToken');
      assert.equal(err.Error.Type, 'Sender');
    } finally {
      await b.destroy();
    }
  });
});
