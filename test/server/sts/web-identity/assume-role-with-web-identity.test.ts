// AssumeRoleWithWebIdentity end to end: a real OpenID provider (oidc-provider on loopback) issues an ID token
// through the authorization-code flow driven over HTTP; the unmodified @aws-sdk/client-sts exchanges it with a
// real broker, and the credentials work with GetCallerIdentity. Broken tokens are signed with the key the
// provider publishes at its jwks_uri (or made up), each refused with AWS's error code and HTTP status.
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { AssumeRoleCommand, AssumeRoleWithWebIdentityCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { exportSPKI, generateKeyPair, SignJWT, UnsecuredJWT, type JWTPayload } from 'jose';
import { rejectsWith } from '../../../contracts/iam-api.ts';
import { startTestBroker, type TestBroker } from '../../../helpers/broker.ts';
import { startTestOp, type TestOp } from '../../../fixtures/oidc/test-op.ts';

const ACCT = '111122223333';
const role = (n: string) => `arn:aws:iam::${ACCT}:role/${n}`;

async function listen(handler: Parameters<typeof createServer>[1]): Promise<{ server: Server; url: string }> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

describe('AssumeRoleWithWebIdentity', () => {
  let op: TestOp;
  let b: TestBroker;
  let sts: STSClient;
  let hanging: { server: Server; url: string };
  let deadUrl: string;
  let providerArn: string;
  const now = () => Math.floor(Date.now() / 1000);
  const claims = (over: Record<string, unknown> = {}): JWTPayload & Record<string, unknown> => ({ iss: op.issuer, sub: 'alice-subject', aud: 'idbroker', iat: now(), exp: now() + 600, ...over });
  const call = (token: string, o: { role?: string; duration?: number; policy?: string; providerId?: string } = {}) =>
    sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: o.role ?? role('WebEngineers'), RoleSessionName: 'alice', WebIdentityToken: token, DurationSeconds: o.duration, Policy: o.policy, ProviderId: o.providerId }));

  before(async () => {
    op = await startTestOp();
    hanging = await listen((req, res) => {
      if (req.url === '/.well-known/openid-configuration') res.end(JSON.stringify({ issuer: hanging.url, jwks_uri: `${hanging.url}/jwks` }));
      // /jwks: never answers
    });
    const dead = await listen(() => {});
    deadUrl = dead.url;
    await new Promise<void>((r) => dead.server.close(() => r()));
    providerArn = `arn:aws:iam::${ACCT}:oidc-provider/${op.hostId}`;
    const trust = (statement: object) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: providerArn }, ...statement }] });
    const aud = { StringEquals: { [`${op.hostId}:aud`]: 'idbroker' } };
    const federated = (url: string) => `arn:aws:iam::${ACCT}:oidc-provider/${url.slice('http://'.length)}`;
    b = await startTestBroker({
      yaml: `
identityProviders:
  oidc:
    - { name: testop, url: ${op.issuer}, clientIds: [idbroker, other-client] }
    - { name: dead, url: ${deadUrl}, clientIds: [idbroker] }
    - { name: hanging, url: ${hanging.url}, clientIds: [idbroker] }
roles:
  - name: WebEngineers
    maxSessionDuration: 7200
    trustPolicy: ${trust({ Action: ['sts:AssumeRoleWithWebIdentity', 'sts:TagSession', 'sts:SetSourceIdentity'], Condition: aud })}
    inlinePolicies: { chain: ${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }] })} }
  - name: AliceChained
    trustPolicy: ${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: role('WebEngineers') }, Action: 'sts:AssumeRole', Condition: { StringEquals: { [`${op.hostId}:sub`]: 'alice' } } }] })}
  - { name: WebNoTags, trustPolicy: ${trust({ Action: 'sts:AssumeRoleWithWebIdentity', Condition: aud })} }
  - { name: WebMfaOnly, trustPolicy: ${trust({ Action: 'sts:AssumeRoleWithWebIdentity', Condition: { ...aud, 'ForAnyValue:StringEquals': { [`${op.hostId}:amr`]: 'mfa' } } })} }
  - { name: WebBobOnly, trustPolicy: ${trust({ Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${op.hostId}:aud`]: 'idbroker', [`${op.hostId}:sub`]: 'bob' } } })} }
  - name: WebAnyIdp
    trustPolicy: ${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: [federated(deadUrl), federated(hanging.url)] }, Action: 'sts:AssumeRoleWithWebIdentity' }] })}
`,
    });
    sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
  });
  after(async () => {
    await b?.destroy();
    await op?.close();
    hanging?.server.closeAllConnections();
    await new Promise<void>((r) => (hanging ? hanging.server.close(() => r()) : r()));
  });

  it('exchanges a real ID token from the OP (code flow + PKCE) for credentials that GetCallerIdentity accepts', async () => {
    const token = await op.idToken('alice');
    const out = await call(token);
    assert.equal(out.SubjectFromWebIdentityToken, 'alice');
    assert.equal(out.Provider, providerArn);
    assert.equal(out.Audience, 'idbroker');
    assert.equal(out.PackedPolicySize, undefined);
    assert.equal(out.SourceIdentity, undefined);
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCT}:assumed-role/WebEngineers/alice`);
    assert.match(out.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z0-9]+:alice$/);
    const c = out.Credentials!;
    assert.match(c.AccessKeyId!, /^ASIA/);
    const left = c.Expiration!.getTime() - Date.now();
    assert.ok(left > 3500_000 && left <= 3600_000, `default duration 3600 s, got ${left} ms`);
    const who = await new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken }, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
    assert.equal(who.Arn, out.AssumedRoleUser?.Arn);
    assert.equal(who.Account, ACCT);
    // AWS keeps no replay cache for web identity tokens: the same token is accepted again.
    assert.ok((await call(token)).Credentials);
  });

  it('takes session PolicyArns of the role’s account or AWS-managed only (another account’s: MalformedPolicyDocument)', async () => {
    const token = await op.idToken('alice');
    const withArns = (arn: string) => sts.send(new AssumeRoleWithWebIdentityCommand({ RoleArn: role('WebEngineers'), RoleSessionName: 'alice', WebIdentityToken: token, PolicyArns: [{ arn }] }));
    const foreign = 'arn:aws:iam::444455556666:policy/Theirs';
    await rejectsWith(withArns(foreign), 'MalformedPolicyDocument', 400, new RegExp(`^Policy ${foreign} does not exist or is not attachable\\.$`));
    assert.ok((await withArns('arn:aws:iam::aws:policy/ReadOnlyAccess')).Credentials?.SessionToken);
  });

  it('keeps the :sub/:aud/:amr keys in the session for later requests (a chained AssumeRole trust condition)', async () => {
    const client = async (sub: string) => {
      const c = (await call(await op.sign(claims({ sub })))).Credentials!;
      return new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken }, maxAttempts: 1 });
    };
    const chained = (c: STSClient) => c.send(new AssumeRoleCommand({ RoleArn: role('AliceChained'), RoleSessionName: 'next' }));
    assert.ok((await chained(await client('alice'))).Credentials);
    await rejectsWith(chained(await client('mallory')), 'AccessDenied', 403);
  });

  it('reads session tags and source identity claims, needs sts:TagSession, reports PackedPolicySize for a policy', async () => {
    const tagged = await op.sign(claims({ 'https://aws.amazon.com/tags': { principal_tags: { team: ['blue'], cc: ['42'] }, transitive_tag_keys: ['team'] }, 'https://aws.amazon.com/source_identity': 'alice-src' }));
    const out = await call(tagged, { duration: 7200, policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' });
    assert.equal(out.SourceIdentity, 'alice-src');
    assert.equal(typeof out.PackedPolicySize, 'number');
    assert.ok(out.Credentials!.Expiration!.getTime() - Date.now() > 7100_000);
    await rejectsWith(call(tagged, { role: role('WebNoTags') }), 'AccessDenied', 403, /^Not authorized to perform sts:AssumeRoleWithWebIdentity$/);
    await rejectsWith(call(await op.sign(claims({ 'https://aws.amazon.com/tags': { principal_tags: { team: ['a', 'b'] } } }))), 'InvalidIdentityToken', 400);
  });

  it('evaluates the trust policy with the <host:port>:aud, :sub and :amr condition keys', async () => {
    assert.ok((await call(await op.sign(claims({ amr: ['pwd', 'mfa'] })), { role: role('WebMfaOnly') })).Credentials);
    await rejectsWith(call(await op.sign(claims({ amr: ['pwd'] })), { role: role('WebMfaOnly') }), 'AccessDenied', 403, /^Not authorized to perform sts:AssumeRoleWithWebIdentity$/);
    assert.ok((await call(await op.sign(claims({ sub: 'bob' })), { role: role('WebBobOnly') })).Credentials);
    await rejectsWith(call(await op.idToken('alice'), { role: role('WebBobOnly') }), 'AccessDenied', 403, /^Not authorized to perform sts:AssumeRoleWithWebIdentity$/);
    // aud listed for the provider but not allowed by the trust condition
    await rejectsWith(call(await op.sign(claims({ aud: 'other-client' }))), 'AccessDenied', 403);
    await rejectsWith(call(await op.sign(claims()), { role: role('NoSuchRole') }), 'AccessDenied', 403, /^Not authorized to perform sts:AssumeRoleWithWebIdentity$/);
  });

  it('accepts exp within the 5-minute grace and an array aud with one listed client id', async () => {
    assert.ok((await call(await op.sign(claims({ exp: now() - 120 })))).Credentials);
    assert.equal((await call(await op.sign(claims({ aud: ['unknown', 'idbroker'] })))).Audience, 'idbroker');
  });

  describe('refuses bad tokens with AWS errors', () => {
    const cases: Array<[string, () => Promise<string>, string, number, RegExp?]> = [
      ['expired beyond the grace', () => op.sign(claims({ exp: now() - 400 })), 'ExpiredTokenException', 400, /^Token expired: current date\/time \d+ must be before the expiration date\/time \d+$/],
      ['wrong audience', () => op.sign(claims({ aud: 'someone-else' })), 'InvalidIdentityToken', 400, /^Incorrect token audience$/],
      ['issuer not registered', () => op.sign(claims({ iss: 'https://idp.unknown.test' })), 'InvalidIdentityToken', 400, /^No OpenIDConnect provider found in your account for https:\/\/idp\.unknown\.test$/],
      ['tampered payload', async () => { const [h, , s] = (await op.sign(claims())).split('.'); return `${h}.${Buffer.from(JSON.stringify(claims({ sub: 'admin' }))).toString('base64url')}.${s}`; }, 'InvalidIdentityToken', 400, /could not be validated/],
      ['alg none', async () => new UnsecuredJWT(claims()).encode(), 'InvalidIdentityToken', 400],
      ['HS256 keyed with the public key', async () => {
        const pub = (await (await fetch(`${op.issuer}/jwks`)).json()) as { keys: Array<{ n: string }> };
        return new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: op.kid }).sign(new TextEncoder().encode(pub.keys[0].n));
      }, 'InvalidIdentityToken', 400],
      ['unknown kid', () => op.sign(claims(), { kid: 'not-published' }), 'InvalidIdentityToken', 400, /^Couldn't retrieve verification key from your identity provider, {2}please reference/],
      ['right kid, another key', async () => op.sign(claims(), { key: (await generateKeyPair('RS256')).privateKey }), 'InvalidIdentityToken', 400, /could not be validated/],
      ['malformed JWT', async () => 'not.a-jwt', 'InvalidIdentityToken', 400, /not a valid JWT/],
      ['three parts, not JSON', async () => 'abcd.efgh.ijkl', 'InvalidIdentityToken', 400, /not a valid JWT/],
      ['non-integer exp', () => op.sign(claims({ exp: now() + 600.5 })), 'InvalidIdentityToken', 400],
      ['nbf far in the future', () => op.sign(claims({ nbf: now() + 3600 })), 'InvalidIdentityToken', 400],
      ['no sub', () => op.sign(claims({ sub: undefined })), 'InvalidIdentityToken', 400],
    ];
    for (const [name, make, code, status, re] of cases) it(name, async () => rejectsWith(call(await make()), code, status, re));

    it('HS256 keyed with an SPKI PEM public key', async () => {
      const { publicKey } = await generateKeyPair('RS256', { extractable: true });
      const pem = await exportSPKI(publicKey);
      await rejectsWith(call(await new SignJWT(claims()).setProtectedHeader({ alg: 'HS256', kid: op.kid }).sign(new TextEncoder().encode(pem))), 'InvalidIdentityToken', 400);
    });
  });

  it('refuses DurationSeconds above the role maximum, an oversized token and ProviderId', async () => {
    await rejectsWith(call(await op.sign(claims()), { duration: 7201 }), 'ValidationError', 400, /^The requested DurationSeconds exceeds the MaxSessionDuration set for this role\.$/);
    await rejectsWith(call(await op.sign(claims()), { role: role('WebNoTags'), duration: 3601 }), 'ValidationError', 400, /MaxSessionDuration/);
    await rejectsWith(call('x'.repeat(20001)), 'ValidationError', 400, /at 'webIdentityToken' failed to satisfy constraint: Member must have length less than or equal to 20000/);
    await rejectsWith(call(await op.sign(claims()), { providerId: 'www.amazon.com' }), 'InvalidParameterValue', 400);
  });

  it('answers IDPCommunicationError when the IdP is unreachable or its JWKS endpoint hangs (bounded time)', async () => {
    const dead = await op.sign(claims({ iss: deadUrl }));
    await rejectsWith(call(dead, { role: role('WebAnyIdp') }), 'IDPCommunicationError', 400);
    const hung = await op.sign(claims({ iss: hanging.url }));
    await rejectsWith(call(hung, { role: role('WebAnyIdp') }), 'IDPCommunicationError', 400);
  });
});
