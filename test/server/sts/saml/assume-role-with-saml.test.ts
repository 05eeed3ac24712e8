// AssumeRoleWithSAML end to end: samlify (a real IdP) signs responses; the unmodified @aws-sdk/client-sts calls
// a real broker over loopback; the returned credentials are used with GetCallerIdentity.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AssumeRoleWithSAMLCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { DOMParser, XMLSerializer } from '@xmldom/xmldom';
import { useAssertionOnce } from '../../../../server/sts/saml/replay-cache.ts';
import { saveSpKeyPair } from '../../../../server/sts/saml/sp-key.ts';
import { rejectsWith } from '../../../contracts/iam-api.ts';
import { startTestBroker, type TestBroker } from '../../../helpers/broker.ts';
import { fixture, IDP_ENTITY, idpMetadata, samlResponse, type ResponseOptions } from './test-idp.ts';

const ACCT = '111122223333';
const PROVIDER = `arn:aws:iam::${ACCT}:saml-provider/TestIdP`;
const ROLE = `arn:aws:iam::${ACCT}:role/SamlEngineers`;
const OTHER_ROLE = `arn:aws:iam::${ACCT}:role/SamlOther`;
const A = 'https://aws.amazon.com/SAML/Attributes/';

const trust = (extra: object = {}) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession', 'sts:SetSourceIdentity'], Condition: { StringLike: { 'saml:aud': 'http://127.0.0.1:*/saml/acs' }, ...extra } }],
  });

const YAML = `
identityProviders:
  saml: [{ name: TestIdP, metadata: ${JSON.stringify(idpMetadata())} }]
roles:
  - { name: SamlEngineers, maxSessionDuration: 7200, trustPolicy: ${trust()} }
  - { name: SamlOther, trustPolicy: ${trust({ 'ForAnyValue:StringEquals': { 'saml:edupersonaffiliation': 'staff' } })} }
`;

describe('AssumeRoleWithSAML', () => {
  let b: TestBroker;
  let sts: STSClient;
  let sp: { spEntityId: string; acsUrl: string };
  const attrs = (over: Record<string, string[]> = {}) => ({ [`${A}Role`]: [`${ROLE},${PROVIDER}`], [`${A}RoleSessionName`]: ['alice'], ...over });
  const response = (o: Partial<ResponseOptions> = {}) => samlResponse({ ...sp, attributes: attrs(), ...o });
  const call = (assertion: string, o: { role?: string; provider?: string; duration?: number; policy?: string } = {}) =>
    sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: o.role ?? ROLE, PrincipalArn: o.provider ?? PROVIDER, SAMLAssertion: assertion, DurationSeconds: o.duration, Policy: o.policy }));

  before(async () => {
    b = await startTestBroker({ yaml: YAML });
    sp = { spEntityId: `${b.publicUrl}/saml/metadata`, acsUrl: `${b.publicUrl}/saml/acs` };
    sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
    await saveSpKeyPair(b.store, b.keys, { privateKey: fixture('sp-key.pem'), certificate: fixture('sp-cert.pem') });
  });
  after(() => b.destroy());

  it('exchanges a signed assertion for credentials that GetCallerIdentity accepts, with AWS result fields', async () => {
    const out = await call(await response({ attributes: attrs({ [`${A}SourceIdentity`]: ['alice-src'], [`${A}PrincipalTag:team`]: ['blue'] }) }), { policy: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}' });
    assert.equal(out.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCT}:assumed-role/SamlEngineers/alice`);
    assert.match(out.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z0-9]+:alice$/);
    assert.equal(out.Subject, 'alice@example.test');
    assert.equal(out.SubjectType, 'persistent');
    assert.equal(out.Issuer, 'https://idp.example.test/saml');
    assert.equal(out.Audience, sp.acsUrl);
    const { createHash } = await import('node:crypto');
    assert.equal(out.NameQualifier, createHash('sha1').update(`https://idp.example.test/saml${ACCT}/TestIdP`).digest('base64'));
    assert.equal(out.SourceIdentity, 'alice-src');
    assert.equal(typeof out.PackedPolicySize, 'number');
    const c = out.Credentials!;
    assert.match(c.AccessKeyId!, /^ASIA/);
    const who = await new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: c.AccessKeyId!, secretAccessKey: c.SecretAccessKey!, sessionToken: c.SessionToken }, maxAttempts: 1 }).send(new GetCallerIdentityCommand({}));
    assert.equal(who.Arn, out.AssumedRoleUser?.Arn);
    assert.equal(who.Account, ACCT);
  });

  it('accepts a signed Response (unsigned assertion), both signed, the Role pair in either order, and an encrypted assertion', async () => {
    for (const sign of ['response', 'both'] as const) assert.ok((await call(await response({ sign }))).Credentials);
    assert.ok((await call(await response({ attributes: attrs({ [`${A}Role`]: [`${PROVIDER},${ROLE}`] }) }))).Credentials);
    const enc = await response({ encryptTo: fixture('sp-cert.pem'), sign: 'assertion' });
    assert.match(Buffer.from(enc, 'base64').toString(), /EncryptedAssertion/);
    assert.equal((await call(enc)).Subject, 'alice@example.test');
  });

  it('caps the session with SessionDuration and SessionNotOnOrAfter; DurationSeconds above the role max is refused', async () => {
    const t0 = Date.now();
    const capped = await call(await response({ attributes: attrs({ [`${A}SessionDuration`]: ['1000'] }) }), { duration: 7200 });
    assert.ok(capped.Credentials!.Expiration!.getTime() - t0 <= 1001_000);
    const soon = new Date(t0 + 600_000).toISOString();
    const cut = await call(await response({ sessionNotOnOrAfter: soon }));
    assert.ok(cut.Credentials!.Expiration!.getTime() <= Date.parse(soon) + 1000);
    await rejectsWith(call(await response(), { duration: 7201 }), 'ValidationError', 400, /exceeds the MaxSessionDuration set for this role/);
  });

  it('evaluates the trust policy with saml:* keys (eduPerson attribute condition)', async () => {
    const pair = { [`${A}Role`]: [`${OTHER_ROLE},${PROVIDER}`] };
    await rejectsWith(call(await response({ attributes: attrs(pair) }), { role: OTHER_ROLE }), 'AccessDenied', 403, /^Not authorized to perform sts:AssumeRoleWithSAML$/);
    const ok = await call(await response({ attributes: attrs({ ...pair, 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': ['staff', 'member'] }) }), { role: OTHER_ROLE });
    assert.equal(ok.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCT}:assumed-role/SamlOther/alice`);
  });

  it('refuses a replayed assertion (InvalidIdentityToken)', async () => {
    const r = await response();
    await call(r);
    await rejectsWith(call(r), 'InvalidIdentityToken', 400, /already been used/);
  });

  it('the replay record is shared: a second broker instance on the same store refuses the used assertion id', async () => {
    const b2 = await startTestBroker({ dataDir: b.dataDir, yaml: YAML });
    try {
      const r = await response();
      await call(r); // used on b
      const id = /<saml:Assertion[^>]* ID="([^"]+)"/.exec(Buffer.from(r, 'base64').toString())![1];
      const later = new Date(Date.now() + 300_000);
      await assert.rejects(useAssertionOnce(b2.store, IDP_ENTITY, id, later, new Date()), /already been used/);
      await useAssertionOnce(b2.store, IDP_ENTITY, `${id}-other`, later, new Date()); // a fresh id passes once
      await assert.rejects(useAssertionOnce(b.store, IDP_ENTITY, `${id}-other`, later, new Date()), /already been used/);
    } finally {
      await b2.close();
    }
  });

  describe('attacks and bad input, each with AWS code and status', () => {
    const mutate = (b64: string, f: (xml: string) => string) => Buffer.from(f(Buffer.from(b64, 'base64').toString('utf8'))).toString('base64');
    const iso = (ms: number) => new Date(Date.now() + ms).toISOString();

    it('unsigned (signatures stripped)', async () => {
      const r = mutate(await response(), (x) => {
        const doc = new DOMParser().parseFromString(x, 'text/xml');
        for (const s of Array.from(doc.getElementsByTagNameNS('http://www.w3.org/2000/09/xmldsig#', 'Signature'))) s.parentNode!.removeChild(s);
        return new XMLSerializer().serializeToString(doc);
      });
      await rejectsWith(call(r), 'InvalidIdentityToken', 400, /^Response signature invalid$/);
    });
    it('signed with a key not in the provider metadata', async () => {
      await rejectsWith(call(await response({ key: 'attacker' })), 'InvalidIdentityToken', 400, /^Response signature invalid$/);
      await rejectsWith(call(await response({ key: 'attacker', sign: 'response' })), 'InvalidIdentityToken', 400, /^Response signature invalid$/);
    });
    it('attribute tampered after signing (session name changed)', async () => {
      const r = mutate(await response(), (x) => x.replace('>alice<', '>admin<'));
      await rejectsWith(call(r), 'InvalidIdentityToken', 400, /^Response signature invalid$/);
    });
    it('comment injected in NameID after signing', async () => {
      const r = mutate(await response(), (x) => x.replace('alice@example.test</saml:NameID>', 'alice@example.test<!---->.evil</saml:NameID>'));
      await rejectsWith(call(r), 'InvalidIdentityToken', 400, /^Response signature invalid$/);
    });
    it('signature wrapping: an evil assertion beside or around the signed one', async () => {
      const signed = Buffer.from(await response(), 'base64').toString('utf8');
      const orig = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(signed)![0];
      const evil = orig.replace(/ID="[^"]+"/, 'ID="_evil"').replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace('>alice<', '>admin<');
      const variants = [
        signed.replace(orig, evil + orig), // evil first, signed second
        signed.replace(orig, orig + evil), // signed first, evil second
        signed.replace(orig, evil.replace('</saml:Assertion>', `<saml:Advice>${orig}</saml:Advice></saml:Assertion>`)), // signed one hidden inside
        signed.replace(orig, orig.replace(/ID="[^"]+"/, (m) => m).replace('>alice<', '>admin<').replace(/(<ds:Signature[\s\S]*<\/ds:Signature>)/, `$1`)), // same ID, content changed
        signed.replace(orig, evil.replace(/ID="_evil"/, /ID="[^"]+"/.exec(orig)![0]) + orig.replace(/ID="[^"]+"/, 'ID="_moved"')), // IDs swapped
      ];
      for (const v of variants) await rejectsWith(call(Buffer.from(v).toString('base64')), 'InvalidIdentityToken', 400);
    });
    it('wrong issuer', async () => {
      await rejectsWith(call(await response({ values: { Issuer: 'https://other-idp.example.test' } })), 'InvalidIdentityToken', 400, /Issuer not present in specified provider/);
    });
    it('wrong audience and wrong recipient (AWS sign-in values are not accepted)', async () => {
      await rejectsWith(call(await response({ values: { Audience: 'urn:amazon:webservices' } })), 'InvalidIdentityToken', 400, /required audience/);
      await rejectsWith(call(await response({ values: { SubjectRecipient: 'https://signin.aws.amazon.com/saml' } })), 'InvalidIdentityToken', 400, /Recipient/);
      await rejectsWith(call(await response({ values: { Destination: 'https://elsewhere.example.test/acs' } })), 'InvalidIdentityToken', 400, /Destination/);
    });
    it('expired and not yet valid', async () => {
      await rejectsWith(call(await response({ values: { ConditionsNotBefore: iso(-900_000), ConditionsNotOnOrAfter: iso(-300_000), SubjectConfirmationDataNotOnOrAfter: iso(-300_000) } })), 'ExpiredTokenException', 400, /^Response has expired$/);
      await rejectsWith(call(await response({ values: { ConditionsNotBefore: iso(600_000), ConditionsNotOnOrAfter: iso(900_000), SubjectConfirmationDataNotOnOrAfter: iso(900_000) } })), 'InvalidIdentityToken', 400, /not yet valid/);
    });
    it('role/provider pair not in the Role attribute', async () => {
      await rejectsWith(call(await response({ attributes: attrs({ [`${A}Role`]: [`${OTHER_ROLE},${PROVIDER}`] }) })), 'AccessDenied', 403, /^Not authorized to perform sts:AssumeRoleWithSAML$/);
    });
    it('missing or bad RoleSessionName, bad SourceIdentity', async () => {
      const { [`${A}RoleSessionName`]: _drop, ...noName } = attrs();
      await rejectsWith(call(await response({ attributes: noName })), 'InvalidIdentityToken', 400, /^RoleSessionName is required in AuthnResponse$/);
      await rejectsWith(call(await response({ attributes: attrs({ [`${A}RoleSessionName`]: ['a b'] }) })), 'InvalidIdentityToken', 400, /must match/);
      await rejectsWith(call(await response({ attributes: attrs({ [`${A}SourceIdentity`]: ['aws:x'] }) })), 'InvalidIdentityToken', 400, /Source Identity must match/);
    });
    it('malformed base64, malformed XML, oversized assertion, swapped ARNs, unknown provider', async () => {
      await rejectsWith(call('!!!not-base64!!!'), 'InvalidIdentityToken', 400, /Invalid base64/);
      await rejectsWith(call(Buffer.from('<samlp:Response><unclosed>').toString('base64')), 'InvalidIdentityToken', 400, /not well-formed/);
      await rejectsWith(call('A'.repeat(100_004)), 'ValidationError', 400, /Member must have length less than or equal to 100000/);
      await rejectsWith(call(await response(), { role: PROVIDER, provider: ROLE }), 'ValidationError', 400, /^Request ARN is invalid$/);
      await rejectsWith(call(await response(), { provider: `arn:aws:iam::${ACCT}:saml-provider/Nope` }), 'InvalidIdentityToken', 400, /does not exist/);
      await rejectsWith(call(await response(), { policy: '{"Version":"2012-10-17","Statement":' }), 'MalformedPolicyDocument', 400);
    });
    it('no NameID: AccessDenied, as AWS', async () => {
      await rejectsWith(call(await response({ nameId: '' })), 'AccessDenied', 403, /^Not authorized to perform sts:AssumeRoleWithSAML$/);
    });
  });
});
