// A `+` in a signed query string is a literal plus for the action, as the SigV4 verifier canonicalizes it
// (%2B): the operation never runs with another value than the one that was signed (issue #14 item 10). In a
// form-encoded body a `+` is a space; the body is signed as bytes, so that is what was signed too.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { GetUserCommand, IAMClient, ListUserTagsCommand } from '@aws-sdk/client-iam';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery, signGet } from '../../helpers/aws-signer.ts';

describe('`+` in a signed Query API request', () => {
  let b: TestBroker;
  let iam: IAMClient;
  before(async () => {
    b = await startTestBroker();
    iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
  });
  after(async () => {
    iam.destroy();
    await b.destroy();
  });

  /** The signed headers fetch may send (it sets host itself). */
  const sendable = (h: Record<string, string>) => Object.fromEntries(Object.entries(h).filter(([k]) => k !== 'host'));
  const tagsOf = async (user: string) => Object.fromEntries((await iam.send(new ListUserTagsCommand({ UserName: user }))).Tags!.map((t) => [t.Key, t.Value]));

  it('a raw `+` in the query is the plus that was signed, not a space', async () => {
    // the signer signs the values with `+` (canonical %2B); the request carries them as a bare `+`
    const params = { Action: 'CreateUser', Version: '2010-05-08', UserName: 'dev+ops', 'Tags.member.1.Key': 'note', 'Tags.member.1.Value': 'a+b' };
    const headers = await signGet(b.httpUrl, params, ADMIN_KEY);
    const raw = Object.entries(params).map(([k, v]) => `${k}=${v}`).join('&');
    assert.match(raw, /UserName=dev\+ops&/);
    const res = await fetch(`${b.httpUrl}/?${raw}`, { headers: sendable(headers) });
    assert.equal(res.status, 200, await res.clone().text());
    assert.match(await res.text(), /<UserName>dev\+ops<\/UserName>/);
    assert.equal((await iam.send(new GetUserCommand({ UserName: 'dev+ops' }))).User?.UserName, 'dev+ops');
    assert.deepEqual(await tagsOf('dev+ops'), { note: 'a+b' });
  });

  it('a raw `+` standing for a signed space is refused (the signature does not match), never read as the space', async () => {
    const params = { Action: 'CreateUser', Version: '2010-05-08', UserName: 'spaced', 'Tags.member.1.Key': 'note', 'Tags.member.1.Value': 'a b' };
    const headers = await signGet(b.httpUrl, params, ADMIN_KEY);
    const raw = Object.entries(params).map(([k, v]) => `${k}=${v.replace(/ /g, '+')}`).join('&');
    const res = await fetch(`${b.httpUrl}/?${raw}`, { headers: sendable(headers) });
    assert.equal(res.status, 403);
    assert.match(await res.text(), /<Code>SignatureDoesNotMatch<\/Code>/);
    // %20, as the SDKs send it, is the space
    const ok = await fetch(`${b.httpUrl}/?${raw.replace('a+b', 'a%20b')}`, { headers: sendable(headers) });
    assert.equal(ok.status, 200);
    assert.deepEqual(await tagsOf('spaced'), { note: 'a b' });
  });

  it('a `+` in a form-encoded body is a space, as application/x-www-form-urlencoded says', async () => {
    const r = await sendQuery(b.httpUrl, 'Action=CreateUser&Version=2010-05-08&UserName=formed&Tags.member.1.Key=note&Tags.member.1.Value=a+b%2Bc', ADMIN_KEY);
    assert.equal(r.status, 200, r.text);
    assert.deepEqual(await tagsOf('formed'), { note: 'a b+c' });
  });
});
