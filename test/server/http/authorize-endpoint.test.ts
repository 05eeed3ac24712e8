// POST /authorize: a relying service forwards the signed request it received; the broker verifies it and
// evaluates the caller's policies (with variables), answering allow, or deny with an encoded message.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { signRequest } from '../../../server/sts/sigv4/index.ts';

const BOB = { accessKeyId: 'AKIABOBBOBBOBBOBBOB2', secretAccessKey: 'bobSecretKeyForTestsOnly0000000000000000' };

describe('POST /authorize', () => {
  let b: TestBroker;
  before(async () => {
    b = await startTestBroker({
      yaml: `
users:
  - name: bob
    accessKeys: [{ id: ${BOB.accessKeyId}, secret: ${BOB.secretAccessKey} }]
    inlinePolicies:
      own: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "files:Get*", Resource: "arn:aws:files:::home/\${aws:username}/*" }] }
`,
    });
  });
  after(async () => b.destroy());

  function signed(creds = BOB, path = '/home/bob/notes.txt') {
    const url = new URL(`http://files.internal.example${path}`);
    const headers = signRequest({ method: 'GET', url, headers: {}, body: '' }, creds, { region: 'us-east-1', service: 'files', now: new Date() });
    return { method: 'GET', path, query: '', headers: { ...headers, host: url.host }, body: '' };
  }

  async function ask(body: unknown): Promise<{ status: number; json: any }> {
    const res = await fetch(`${b.httpUrl}/authorize`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    return { status: res.status, json: await res.json() };
  }

  it('allows what the caller’s policies allow, with policy variables', async () => {
    const r = await ask({ request: signed(), action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/notes.txt' });
    assert.equal(r.status, 200);
    assert.equal(r.json.allowed, true);
    assert.equal(r.json.principal.arn, 'arn:aws:iam::111122223333:user/bob');
  });

  it('denies what they do not, with an encoded authorization message', async () => {
    const r = await ask({ request: signed(), action: 'files:GetObject', resource: 'arn:aws:files:::home/alice/notes.txt' });
    assert.equal(r.json.allowed, false);
    assert.equal(r.json.authenticated, true);
    assert.match(r.json.error.message, /Encoded authorization failure message: [A-Za-z0-9_-]+$/);
  });

  it('refuses a tampered or wrongly signed request', async () => {
    const req = signed();
    req.path = '/home/bob/other.txt';
    const r = await ask({ request: req, action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/other.txt' });
    assert.equal(r.json.allowed, false);
    assert.equal(r.json.authenticated, false);
    assert.equal(r.json.error.code, 'SignatureDoesNotMatch');
    const wrong = await ask({ request: signed({ ...BOB, secretAccessKey: 'z'.repeat(40) }), action: 'files:GetObject', resource: 'arn:aws:files:::home/bob/notes.txt' });
    assert.equal(wrong.json.error.code, 'SignatureDoesNotMatch');
  });

  it('answers malformed requests with 400', async () => {
    const r = await ask({ action: 'files:GetObject' });
    assert.equal(r.status, 400);
    assert.equal(r.json.error, 'InvalidRequest');
    const res = await fetch(`${b.httpUrl}/authorize`, { method: 'POST', body: '{not json' });
    assert.equal(res.status, 400);
  });
});
