// SAML browser sign-in over real HTTP: GET /saml/login/:provider sends a signed AuthnRequest (checked by samlify
// acting as the IdP), samlify signs the Response, the browser posts it to /saml/acs, the portal lists the roles the
// Role attribute names and the trust policies allow, and the issued credentials work with GetCallerIdentity.
// IdP-initiated responses, RelayState, and each refusal (AWS code, 4xx, no session) are covered too.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AssumeRoleWithSAMLCommand, STSClient } from '@aws-sdk/client-sts';
import samlify from 'samlify';
import { SAML_LOGIN_REQUEST } from '../../../../server/sts/saml/login-requests.ts';
import { startTestBroker, type TestBroker } from '../../../helpers/broker.ts';
import { fixture, IDP_ENTITY, idpMetadata, samlResponse } from '../../sts/saml/test-idp.ts';
import { Browser, type Page } from '../portal/portal-helpers.ts';
import { callerArn, credentialsFor, errorCode, roleNames, sessionSet } from './login-helpers.ts';

const ACCT = '111122223333';
const PROVIDER = `arn:aws:iam::${ACCT}:saml-provider/testidp`;
const role = (n: string) => `arn:aws:iam::${ACCT}:role/${n}`;
const A = 'https://aws.amazon.com/SAML/Attributes/';
const SSO = [{ Binding: samlify.Constants.namespace.binding.redirect, Location: 'https://idp.example.test/sso' }];
/** An IdP whose metadata offers only the HTTP-POST binding for AuthnRequests. */
const POST_SSO = [{ Binding: samlify.Constants.namespace.binding.post, Location: 'https://idp2.example.test/sso' }];
const POST_IDP = samlify.IdentityProvider({ entityID: 'https://idp2.example.test/saml', signingCert: fixture('idp-cert.pem'), privateKey: fixture('idp-key.pem'), wantAuthnRequestsSigned: true, singleSignOnService: POST_SSO, singleLogoutService: POST_SSO });
const trust = (condition: object = {}) =>
  JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringLike: { 'saml:aud': 'http://127.0.0.1:*/saml/acs' }, ...condition } }] });

const YAML = `
identityProviders:
  saml:
    - { name: testidp, metadata: ${JSON.stringify(idpMetadata())}, sessionTags: { department: "urn:oid:2.5.4.11" } }
    - { name: postidp, metadata: ${JSON.stringify(POST_IDP.getMetadata())} }
roles:
  - { name: SamlEngineers, maxSessionDuration: 7200, trustPolicy: ${trust()} }
  - { name: SamlNotNamed, trustPolicy: ${trust()} }
  - { name: SamlStaffOnly, trustPolicy: ${trust({ 'ForAnyValue:StringEquals': { 'saml:edupersonaffiliation': 'staff' } })} }
  - name: SamlTagged
    trustPolicy: ${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: ['sts:AssumeRoleWithSAML', 'sts:TagSession'], Condition: { StringEquals: { 'aws:RequestTag/department': 'eng' } } }] })}
`;

describe('SAML browser sign-in (/saml/login, /saml/acs)', () => {
  let b: TestBroker;
  let acsUrl: string;
  let entityId: string;
  const attributes = (extra: Record<string, string[]> = {}) => ({
    [`${A}RoleSessionName`]: ['alice'],
    [`${A}Role`]: [`${role('SamlEngineers')},${PROVIDER}`, `${PROVIDER},${role('SamlStaffOnly')}`],
    ...extra,
  });
  const response = (o: Partial<Parameters<typeof samlResponse>[0]> = {}) => samlResponse({ acsUrl, spEntityId: entityId, attributes: attributes(), ...o });
  const postAcs = (br: Browser, SAMLResponse: string, RelayState?: string) => br.post(acsUrl, { SAMLResponse, ...(RelayState !== undefined ? { RelayState } : {}) });
  const refused = (p: Page, status: number, code: string) => {
    assert.equal(p.status, status, p.text.slice(0, 400));
    assert.equal(errorCode(p.text), code);
    assert.ok(!sessionSet(p), 'no portal session');
    assert.doesNotMatch(p.text, /\bat .*\.ts:\d+/, 'no stack trace');
  };

  /** SP-initiated start: the broker's redirect, parsed and signature-checked by samlify as the IdP. */
  async function startLogin(br: Browser, query = ''): Promise<{ id: string; relayState?: string }> {
    const res = await br.get(`${b.publicUrl}/saml/login/testidp${query}`);
    assert.equal(res.status, 302);
    const url = new URL(res.location!);
    assert.equal(url.origin + url.pathname, 'https://idp.example.test/sso');
    assert.ok(url.searchParams.get('Signature'), 'the AuthnRequest is signed');
    const sp = samlify.ServiceProvider({ metadata: await (await fetch(`${b.publicUrl}/saml/metadata`)).text() });
    const idp = samlify.IdentityProvider({ entityID: IDP_ENTITY, signingCert: fixture('idp-cert.pem'), privateKey: fixture('idp-key.pem'), wantAuthnRequestsSigned: true, singleSignOnService: SSO, singleLogoutService: SSO });
    const octetString = url.search.slice(1).split('&').filter((p) => !p.startsWith('Signature=')).join('&');
    const parsed = await idp.parseLoginRequest(sp, 'redirect', { query: Object.fromEntries(url.searchParams), octetString } as never);
    const req = (parsed.extract as { request: { id: string; assertionConsumerServiceUrl: string } }).request;
    assert.equal(req.assertionConsumerServiceUrl, acsUrl);
    return { id: req.id, relayState: url.searchParams.get('RelayState') ?? undefined };
  }

  before(async () => {
    b = await startTestBroker({ yaml: YAML });
    acsUrl = `${b.publicUrl}/saml/acs`;
    entityId = `${b.publicUrl}/saml/metadata`;
  });
  after(() => b?.destroy());

  it('the sign-in page links to the SAML provider', async () => {
    const page = await new Browser().get(`${b.publicUrl}/`);
    assert.match(page.text, /href="\/saml\/login\/testidp"/);
  });

  it('SP-initiated: signed AuthnRequest → samlify response with InResponseTo → portal roles → credentials that work', async () => {
    const br = new Browser();
    const { id } = await startLogin(br);
    const res = await postAcs(br, await response({ values: { InResponseTo: id } }));
    assert.equal(res.status, 303);
    assert.equal(res.location, '/roles');
    const roles = await br.get(`${b.publicUrl}/roles`);
    // SamlNotNamed trusts the provider but the Role attribute does not name it; SamlStaffOnly needs an attribute.
    assert.deepEqual(roleNames(roles.text), ['SamlEngineers']);
    const creds = await credentialsFor(br, b.publicUrl, role('SamlEngineers'), 7200);
    assert.equal(await callerArn(b.httpUrl, creds), `arn:aws:sts::${ACCT}:assumed-role/SamlEngineers/alice`);
  });

  it('HTTP-POST binding when the IdP metadata offers only that: a signed AuthnRequest in a self-posting form', async () => {
    const page = await new Browser().get(`${b.publicUrl}/saml/login/postidp?next=%2Froles`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-security-policy')!, /form-action https:\/\/idp2\.example\.test;/);
    assert.match(page.text, /<form method="post" action="https:\/\/idp2\.example\.test\/sso">/);
    const field = (n: string) => new RegExp(`name="${n}" value="([^"]+)"`).exec(page.text)?.[1];
    assert.equal(field('RelayState'), '/roles');
    const sp = samlify.ServiceProvider({ metadata: await (await fetch(`${b.publicUrl}/saml/metadata`)).text() });
    const parsed = await POST_IDP.parseLoginRequest(sp, 'post', { body: { SAMLRequest: field('SAMLRequest') } } as never); // verifies the XML signature
    assert.equal((parsed.extract as { request: { assertionConsumerServiceUrl: string } }).request.assertionConsumerServiceUrl, acsUrl);
    const tampered = Buffer.from(Buffer.from(field('SAMLRequest')!, 'base64').toString('utf8').replace(acsUrl, 'https://evil.example/acs')).toString('base64');
    await assert.rejects(POST_IDP.parseLoginRequest(sp, 'post', { body: { SAMLRequest: tampered } } as never));
  });

  it('IdP-initiated (no InResponseTo), as IdPs do for AWS; trust conditions see saml:* attribute keys', async () => {
    const br = new Browser();
    const res = await postAcs(br, await response({ attributes: attributes({ 'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': ['staff'] }) }));
    assert.equal(res.status, 303);
    assert.deepEqual(roleNames((await br.get(`${b.publicUrl}/roles`)).text), ['SamlEngineers', 'SamlStaffOnly']);
  });

  it("session tags from the provider's sessionTags mapping reach the trust policy (aws:RequestTag, sts:TagSession)", async () => {
    const br = new Browser();
    const pairs = [`${role('SamlEngineers')},${PROVIDER}`, `${role('SamlTagged')},${PROVIDER}`];
    await postAcs(br, await response({ attributes: attributes({ [`${A}Role`]: pairs, 'urn:oid:2.5.4.11': ['eng'] }) }));
    // With a tag, a role whose trust does not allow sts:TagSession is not offered (as AssumeRoleWithSAML refuses it).
    assert.deepEqual(roleNames((await br.get(`${b.publicUrl}/roles`)).text), ['SamlTagged']);
    const creds = await credentialsFor(br, b.publicUrl, role('SamlTagged'));
    assert.equal(await callerArn(b.httpUrl, creds), `arn:aws:sts::${ACCT}:assumed-role/SamlTagged/alice`);
  });

  it('an assertion encrypted to the certificate of the SP metadata is decrypted', async () => {
    const metadata = await (await fetch(`${b.publicUrl}/saml/metadata`)).text();
    const cert = /<(?:\w+:)?KeyDescriptor use="encryption">[\s\S]*?<(?:\w+:)?X509Certificate>([^<]+)</.exec(metadata)![1].replace(/\s+/g, '');
    const pem = `-----BEGIN CERTIFICATE-----\n${cert.replace(/(.{64})/g, '$1\n')}\n-----END CERTIFICATE-----\n`;
    const r = await response({ encryptTo: pem });
    assert.match(Buffer.from(r, 'base64').toString('utf8'), /EncryptedAssertion/);
    assert.equal((await postAcs(new Browser(), r)).status, 303);
  });

  it('SessionDuration caps the credentials the portal issues', async () => {
    const br = new Browser();
    await postAcs(br, await response({ attributes: attributes({ [`${A}SessionDuration`]: ['900'] }) }));
    const roles = await br.get(`${b.publicUrl}/roles`);
    const page = await br.post(`${b.publicUrl}/credentials`, { csrf: /name="csrf" value="([^"]+)"/.exec(roles.text)![1], roleArn: role('SamlEngineers'), duration: '7200' });
    const expires = Date.parse(/datetime="([^"]+)"/.exec(page.text)?.[1] ?? '');
    assert.ok(expires - Date.now() <= 901_000, `expires ${new Date(expires).toISOString()}`);
  });

  it('RelayState: a same-origin path is followed; another origin is ignored', async () => {
    const ok = await postAcs(new Browser(), await response(), '/roles?from=idp');
    assert.equal(ok.location, '/roles?from=idp');
    for (const evil of ['//evil.example/x', 'https://evil.example/', '/\\evil.example', 'javascript:alert(1)']) {
      const res = await postAcs(new Browser(), await response(), evil);
      assert.equal(res.status, 303);
      assert.equal(res.location, '/roles', evil);
    }
    const br = new Browser();
    const { id, relayState } = await startLogin(br, '?next=%2Froles%3Fx%3D1');
    assert.equal(relayState, '/roles?x=1');
    assert.equal((await postAcs(br, await response({ values: { InResponseTo: id } }), relayState)).location, '/roles?x=1');
    const dropped = await startLogin(new Browser(), '?next=https%3A%2F%2Fevil.example');
    assert.equal(dropped.relayState, undefined);
  });

  it('the replay cache is shared with AssumeRoleWithSAML, both ways', async () => {
    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
    const viaApi = await response();
    await sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: role('SamlEngineers'), PrincipalArn: PROVIDER, SAMLAssertion: viaApi }));
    refused(await postAcs(new Browser(), viaApi), 400, 'InvalidIdentityToken');
    const viaBrowser = await response();
    assert.equal((await postAcs(new Browser(), viaBrowser)).status, 303);
    await assert.rejects(sts.send(new AssumeRoleWithSAMLCommand({ RoleArn: role('SamlEngineers'), PrincipalArn: PROVIDER, SAMLAssertion: viaBrowser })), (e: Error) => e.name === 'InvalidIdentityTokenException' && /already been used/.test(e.message));
  });

  describe('refusals: an error page with the AWS code, a 4xx status, no session', () => {
    it('replayed assertion', async () => {
      const r = await response();
      assert.equal((await postAcs(new Browser(), r)).status, 303);
      const again = await postAcs(new Browser(), r);
      refused(again, 400, 'InvalidIdentityToken');
      assert.match(again.text, /already been used/);
    });
    it('bad signature (a key not in the provider metadata)', async () => {
      refused(await postAcs(new Browser(), await response({ key: 'attacker' })), 400, 'InvalidIdentityToken');
    });
    it('tampered after signing', async () => {
      const r = Buffer.from(Buffer.from(await response(), 'base64').toString('utf8').replace('>alice<', '>admin<')).toString('base64');
      refused(await postAcs(new Browser(), r), 400, 'InvalidIdentityToken');
    });
    it('expired assertion', async () => {
      const past = new Date(Date.now() - 600_000).toISOString();
      refused(await postAcs(new Browser(), await response({ values: { ConditionsNotOnOrAfter: past, SubjectConfirmationDataNotOnOrAfter: past } })), 400, 'ExpiredTokenException');
    });
    it('addressed to another service provider (audience)', async () => {
      refused(await postAcs(new Browser(), await response({ values: { Audience: 'urn:amazon:webservices' } })), 400, 'InvalidIdentityToken');
    });
    it('InResponseTo of no request sent here (forged), and a request answered twice', async () => {
      refused(await postAcs(new Browser(), await response({ values: { InResponseTo: '_forged-request-id' } })), 400, 'InvalidIdentityToken');
      const br = new Browser();
      const { id } = await startLogin(br);
      assert.equal((await postAcs(br, await response({ values: { InResponseTo: id } }))).status, 303);
      refused(await postAcs(new Browser(), await response({ values: { InResponseTo: id } })), 400, 'InvalidIdentityToken');
    });
    it('expired login (the AuthnRequest is older than 10 minutes)', async () => {
      const br = new Browser();
      const { id } = await startLogin(br);
      const rec = (await b.store.entities.get<{ provider: string; createdAt: number }>('', SAML_LOGIN_REQUEST, id))!;
      await b.store.entities.update({ ...rec, data: { ...rec.data, createdAt: rec.data.createdAt - 11 * 60_000 } });
      refused(await postAcs(br, await response({ values: { InResponseTo: id } })), 400, 'ExpiredTokenException');
    });
    it('the IdP answers with an error status', async () => {
      const p = await postAcs(new Browser(), await response({ values: { StatusCode: 'urn:oasis:names:tc:SAML:2.0:status:Responder' } }));
      refused(p, 403, 'IDPRejectedClaim');
    });
    it('not a SAML response at all; no SAMLResponse; unknown provider', async () => {
      refused(await postAcs(new Browser(), Buffer.from('<html/>').toString('base64')), 400, 'InvalidIdentityToken');
      refused(await postAcs(new Browser(), 'not base64!'), 400, 'InvalidIdentityToken');
      refused(await new Browser().post(acsUrl, { RelayState: '/roles' }), 400, 'MissingParameter');
      refused(await new Browser().get(`${b.publicUrl}/saml/login/nosuch`), 404, 'NoSuchEntity');
    });
  });
});
