// POST /authorize: a relying service, itself signed in (SigV4, idbroker:Authorize on the service and host it serves),
// forwards the signed request it received; the broker verifies it for exactly that service and host and evaluates the
// caller's policies (with variables), answering allow, or deny with an encoded message.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { forwardedRequest, postAuthorize } from '../../helpers/authorize.ts';
import type { SigningCredentials } from '../../../server/sts/sigv4/index.ts';

const BOB = { accessKeyId: 'AKIABOBBOBBOBBOBBOB2', secretAccessKey: 'bobSecretKeyForTestsOnly0000000000000000' };
const FILES = { accessKeyId: 'AKIAFILESVCFILESVC02', secretAccessKey: 'filesServiceSecretForTestsOnly0000000000' };
const NOBODY = { accessKeyId: 'AKIANOBODYNOBODYNOB2', secretAccessKey: 'nobodySecretKeyForTestsOnly0000000000000' };
const HOST = 'files.internal.example';
const EXPECT = { service: 'files', host: HOST };

const YAML = `
users:
  - name: bob
    accessKeys: [{ id: ${BOB.accessKeyId}, secret: ${BOB.secretAccessKey} }]
    inlinePolicies:
      own: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "files:Get*", Resource: "arn:aws:files:::home/\${aws:username}/*" }] }
      mfa: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "files:DeleteObject", Resource: "*", Condition: { Bool: { "aws:MultiFactorAuthPresent": "true" } } }] }
      secrets: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: ["secrets:GetSecretValue", "sts:GetCallerIdentity"], Resource: "*" }] }
  - name: filesvc
    accessKeys: [{ id: ${FILES.accessKeyId}, secret: ${FILES.secretAccessKey} }]
    inlinePolicies:
      relying: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "idbroker:Authorize", Resource: "arn:aws:idbroker::111122223333:service/files/*" }] }
  - name: nobody
    accessKeys: [{ id: ${NOBODY.accessKeyId}, secret: ${NOBODY.secretAccessKey} }]
`;

describe('POST /authorize', () => {
  let b: TestBroker;
  before(async () => {
    b = await startTestBroker({ yaml: YAML });
  });
  after(async () => b.destroy());

  const signed = (creds = BOB, path = '/home/bob/notes.txt', service = 'files', host = HOST) => forwardedRequest(new URL(`http://${host}${path}`), creds, service);

  async function ask(body: unknown, relying: SigningCredentials | null = FILES): Promise<{ status: number; json: any }> {
    const res = await postAuthorize(b.httpUrl, body, relying);
    return { status: res.status, json: await res.json() };
  }

  it('allows what the caller’s policies allow, with policy variables', async () => {
    const r = await ask({ expect: EXPECT, request: signed(), action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/notes.txt' });
    assert.equal(r.status, 200);
    assert.equal(r.json.allowed, true);
    assert.equal(r.json.principal.arn, 'arn:aws:iam::111122223333:user/bob');
  });

  it('denies what they do not, with an encoded authorization message', async () => {
    const r = await ask({ expect: EXPECT, request: signed(), action: 'files:GetObject', resource: 'arn:aws:files:::home/alice/notes.txt' });
    assert.equal(r.json.allowed, false);
    assert.equal(r.json.authenticated, true);
    assert.match(r.json.error.message, /Encoded authorization failure message: [A-Za-z0-9_-]+$/);
  });

  it('refuses a tampered or wrongly signed request', async () => {
    const req = signed();
    req.path = '/home/bob/other.txt';
    const r = await ask({ expect: EXPECT, request: req, action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/other.txt' });
    assert.equal(r.json.allowed, false);
    assert.equal(r.json.authenticated, false);
    assert.equal(r.json.error.code, 'SignatureDoesNotMatch');
    const wrong = await ask({ expect: EXPECT, request: signed({ ...BOB, secretAccessKey: 'z'.repeat(40) }), action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/notes.txt' });
    assert.equal(wrong.json.error.code, 'SignatureDoesNotMatch');
  });

  it('answers malformed requests with 400', async () => {
    const r = await ask({ action: 'files:GetObject' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error, 'InvalidRequest');
    assert.equal((await ask('{not json')).status, 400);
    const noExpect = await ask({ request: signed(), action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/notes.txt' });
    assert.equal(noExpect.status, 400);
    assert.match(noExpect.json.message, /expect/);
  });

  describe('attacks', () => {
    it('a signature for another service (sts:GetCallerIdentity, handed out as proof of identity) is no pass for files:DeleteObject', async () => {
      const sts = forwardedRequest(new URL(`http://${HOST}/?Action=GetCallerIdentity&Version=2011-06-15`), BOB, 'sts');
      const r = await ask({ expect: EXPECT, request: sts, action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/notes.txt' });
      assert.equal(r.status, 200);
      assert.equal(r.json.allowed, false);
      assert.equal(r.json.authenticated, false);
      assert.equal(r.json.error.code, 'SignatureDoesNotMatch');
      assert.match(r.json.error.message, /Credential should be scoped to correct service: 'files'/);
      // nor may the files service claim to serve sts: it is authorized for files only
      const claimed = await ask({ expect: { service: 'sts', host: HOST }, request: sts, action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/notes.txt' });
      assert.equal(claimed.status, 403);
      assert.equal(claimed.json.error, 'AccessDenied');
      assert.match(claimed.json.message, /idbroker:Authorize on resource: arn:aws:idbroker::111122223333:service\/sts\/files\.internal\.example/);
    });

    it('a signature for another host is refused', async () => {
      const other = signed(BOB, '/home/bob/notes.txt', 'files', 'secrets.internal.example');
      const r = await ask({ expect: EXPECT, request: other, action: 'secrets:GetSecretValue', resource: '*' });
      assert.equal(r.json.allowed, false);
      assert.equal(r.json.authenticated, false);
      assert.equal(r.json.error.code, 'SignatureDoesNotMatch');
      assert.match(r.json.error.message, /signed for host 'secrets\.internal\.example', not 'files\.internal\.example'/);
    });

    it('context cannot override what the broker derived: 400 naming the key', async () => {
      const base = { expect: EXPECT, request: signed(), action: 'files:DeleteObject', resource: 'arn:aws:files:::home/bob/notes.txt' };
      assert.equal((await ask(base)).json.allowed, false); // bob's key carries no MFA
      for (const key of ['aws:MultiFactorAuthPresent', 'AWS:multifactorauthpresent', 'aws:PrincipalArn', 'aws:PrincipalTag/team', 'aws:userid', 'aws:TokenIssueTime', 'aws:RequestedRegion', 'accounts.google.com:sub']) {
        const r = await ask({ ...base, context: { [key]: 'true' } });
        assert.equal(r.status, 400, key);
        assert.equal(r.json.error, 'InvalidRequest');
        assert.match(r.json.message, new RegExp(`context: ${key.replace('.', '\\.')} is derived by the broker`));
      }
      // the service's own keys are welcome
      const own = await ask({ ...base, action: 'files:GetObject', context: { 'files:Prefix': 'home/bob/', 'aws:SourceIp': '10.0.0.7' } });
      assert.equal(own.json.allowed, true);
    });

    it('an unauthenticated /authorize, or one by a principal without idbroker:Authorize, is refused', async () => {
      const body = { expect: EXPECT, request: signed(), action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/notes.txt' };
      const anon = await ask(body, null);
      assert.equal(anon.status, 403);
      assert.equal(anon.json.error, 'MissingAuthenticationToken');
      assert.equal(anon.json.allowed, undefined);
      const nobody = await ask(body, NOBODY);
      assert.equal(nobody.status, 403);
      assert.equal(nobody.json.error, 'AccessDenied');
      const badKey = await ask(body, { ...FILES, secretAccessKey: 'y'.repeat(40) });
      assert.equal(badKey.status, 403);
      assert.equal(badKey.json.error, 'SignatureDoesNotMatch');
    });
  });

  it('audits each call: the relying service, what it asked, the decision', async () => {
    await ask({ expect: EXPECT, request: signed(), action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/audited.txt' });
    await ask({ expect: EXPECT, request: signed(), action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/audited.txt' }, NOBODY);
    await b.audit.flush();
    const events = (await b.store.audit.query({ limit: 100, eventName: 'Authorize' })).map((e) => e.data as any).filter((e) => e.requestParameters?.resource === 'arn:aws:files:::home/bob/audited.txt');
    const byFiles = events.find((e) => e.userIdentity.userName === 'filesvc');
    assert.equal(byFiles.eventSource, 'idbroker.amazonaws.com');
    assert.deepEqual(byFiles.requestParameters.expect, EXPECT);
    assert.deepEqual(byFiles.responseElements, { allowed: true, decision: 'allowed', principal: 'arn:aws:iam::111122223333:user/bob' });
    const byNobody = events.find((e) => e.userIdentity.userName === 'nobody');
    assert.equal(byNobody.errorCode, 'AccessDenied');
    assert.equal(byNobody.denied, true);
  });
});

it('POST /authorize is rate-limited per relying service, as the Query API', async () => {
  const b = await startTestBroker({ yaml: YAML, limits: 'limits: { requestsPerSecondPerSource: 0, requestsPerSecondPerPrincipal: 3 }' });
  try {
    const body = { expect: EXPECT, request: forwardedRequest(new URL(`http://${HOST}/home/bob/a`), BOB, 'files'), action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/a' };
    const results = await Promise.all(Array.from({ length: 8 }, () => postAuthorize(b.httpUrl, body, FILES)));
    const throttled = results.filter((r) => r.status === 400);
    assert.ok(throttled.length >= 1, 'some calls throttled');
    assert.deepEqual(await throttled[0].json(), { error: 'Throttling', message: 'Rate exceeded' });
    for (const r of results) await r.body?.cancel().catch(() => {});
  } finally {
    await b.destroy();
  }
});
