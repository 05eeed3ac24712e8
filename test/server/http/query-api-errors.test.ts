// Bad requests to the Query API get AWS's error code, HTTP status and XML, and change nothing.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetRoleCommand } from '@aws-sdk/client-iam';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { client, TRUST } from '../../contracts/iam-api.ts';

const createRole = (name: string) => `Action=CreateRole&Version=2010-05-08&RoleName=${name}&AssumeRolePolicyDocument=${encodeURIComponent(TRUST)}`;

function assertError(r: { status: number; text: string; headers: Headers }, status: number, code: string, message?: RegExp): void {
  assert.equal(r.status, status, r.text);
  assert.match(r.text, /^<ErrorResponse xmlns="https:\/\/iam\.amazonaws\.com\/doc\/2010-05-08\/">\n  <Error>\n    <Type>Sender<\/Type>\n/);
  assert.match(r.text, new RegExp(`<Code>${code}</Code>`));
  const id = /<RequestId>([0-9a-f-]{36})<\/RequestId>\n<\/ErrorResponse>\n$/.exec(r.text)?.[1];
  assert.ok(id, 'RequestId is a direct child of ErrorResponse');
  assert.equal(r.headers.get('x-amzn-requestid'), id);
  assert.equal(r.headers.get('content-type'), 'text/xml');
  if (message) assert.match(/<Message>([\s\S]*)<\/Message>/.exec(r.text)?.[1] ?? "", message);
}

describe('Query API bad input', () => {
  let b: TestBroker;
  before(async () => {
    b = await startTestBroker();
  });
  after(async () => {
    await b.destroy();
  });

  async function roleExists(name: string): Promise<boolean> {
    const iam = client(b);
    try {
      await iam.send(new GetRoleCommand({ RoleName: name }));
      return true;
    } catch {
      return false;
    } finally {
      iam.destroy();
    }
  }

  it('an unsigned call is MissingAuthenticationToken (403)', async () => {
    assertError(await sendQuery(b.httpUrl, createRole('Unsigned'), undefined), 403, 'MissingAuthenticationToken', /^Request is missing Authentication Token$/);
    assert.equal(await roleExists('Unsigned'), false);
  });

  it('a wrong secret is SignatureDoesNotMatch (403)', async () => {
    const r = await sendQuery(b.httpUrl, createRole('WrongSecret'), { accessKeyId: ADMIN_KEY.accessKeyId, secretAccessKey: 'x'.repeat(40) });
    assertError(r, 403, 'SignatureDoesNotMatch', /The request signature we calculated does not match the signature you provided/);
    assert.equal(await roleExists('WrongSecret'), false);
  });

  it('a body changed after signing is SignatureDoesNotMatch (403)', async () => {
    const headers = await import('../../helpers/aws-signer.ts').then((m) => m.signQuery(b.httpUrl, createRole('Signed'), ADMIN_KEY));
    delete headers.host;
    const res = await fetch(b.httpUrl, { method: 'POST', headers, body: createRole('Tampered') });
    assertError({ status: res.status, text: await res.text(), headers: res.headers }, 403, 'SignatureDoesNotMatch');
    assert.equal(await roleExists('Tampered'), false);
  });

  it('an unknown access key is InvalidClientTokenId (403)', async () => {
    const r = await sendQuery(b.httpUrl, createRole('UnknownKey'), { accessKeyId: 'AKIAZZZZZZZZZZZZZZZZ', secretAccessKey: ADMIN_KEY.secretAccessKey });
    assertError(r, 403, 'InvalidClientTokenId', /^The security token included in the request is invalid\.?$/);
    assert.equal(await roleExists('UnknownKey'), false);
  });

  it('a malformed Authorization header is IncompleteSignature (400)', async () => {
    const r = await sendQuery(b.httpUrl, createRole('Incomplete'), ADMIN_KEY, { tamper: (h) => void (h.authorization = 'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261128/us-east-1/iam/aws4_request') });
    assertError(r, 400, 'IncompleteSignature');
    assert.equal(await roleExists('Incomplete'), false);
  });

  it('a signature scoped to another service is refused', async () => {
    const r = await sendQuery(b.httpUrl, createRole('WrongService'), ADMIN_KEY, { service: 'sts' });
    assert.ok(r.status === 403 || r.status === 400, r.text);
    assert.equal(await roleExists('WrongService'), false);
  });

  it('an unknown action is InvalidAction (400), a missing one MissingAction (400)', async () => {
    assertError(await sendQuery(b.httpUrl, 'Action=MakeCoffee&Version=2010-05-08', ADMIN_KEY), 400, 'InvalidAction', /^Could not find operation MakeCoffee for version 2010-05-08$/);
    assertError(await sendQuery(b.httpUrl, 'Version=2010-05-08', ADMIN_KEY), 400, 'MissingAction');
  });

  it('a duplicated parameter is refused (400) and changes nothing', async () => {
    assertError(await sendQuery(b.httpUrl, createRole('Dup1') + '&RoleName=Dup2', ADMIN_KEY), 400, 'InvalidQueryParameter', /RoleName/);
    assert.equal(await roleExists('Dup1'), false);
    assert.equal(await roleExists('Dup2'), false);
  });

  it('an oversized body is refused with 413 and the broker keeps serving', async () => {
    const huge = createRole('Huge') + '&Description=' + 'a'.repeat(2 * 1024 * 1024);
    const res = await fetch(b.httpUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: huge }).catch((e: Error) => e);
    if (!(res instanceof Error)) assert.equal(res.status, 413);
    assert.equal(await roleExists('Huge'), false);
    const ok = await sendQuery(b.httpUrl, 'Action=ListRoles&Version=2010-05-08', ADMIN_KEY);
    assert.equal(ok.status, 200);
  });

  it('serves health, readiness and Prometheus metrics', async () => {
    assert.equal((await fetch(`${b.httpUrl}/healthz`)).status, 200);
    assert.deepEqual(await (await fetch(`${b.httpUrl}/readyz`)).json(), { status: 'ready', directories: [] });
    const m = await (await fetch(`${b.httpUrl}/metrics`)).text();
    assert.match(m, /idbroker_http_requests_total\{route="query",action="iam:ListRoles",status="200"\}/);
  });
});
