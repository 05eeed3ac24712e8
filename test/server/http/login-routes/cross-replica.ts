// Two broker replicas behind one public URL, sharing a store (and the key ring): a sign-in started on one
// finishes on the other — OIDC (the pending login and its PKCE verifier) and SAML (the AuthnRequest for the
// InResponseTo check); the assertion's replay record is seen by both. Run on SQLite (unit) and PostgreSQL (e2e).
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { after, before, describe, it } from 'node:test';
import { OIDC_PROVIDER, type OidcProviderData } from '../../../../server/iam/actions/oidc-providers.ts';
import { startTestOp, type TestOp } from '../../../fixtures/oidc/test-op.ts';
import { startTestBroker, type TestBroker } from '../../../helpers/broker.ts';
import { idpMetadata, samlResponse } from '../../sts/saml/test-idp.ts';
import { Browser } from '../portal/portal-helpers.ts';
import { callerArn, credentialsFor, errorCode, follow, roleNames } from './login-helpers.ts';

const PUBLIC = 'http://idbroker.test';
const ACCT = '111122223333';
const SAML_PROVIDER = `arn:aws:iam::${ACCT}:saml-provider/testidp`;
const A = 'https://aws.amazon.com/SAML/Attributes/';
const role = (n: string) => `arn:aws:iam::${ACCT}:role/${n}`;

/** `store()`: undefined for SQLite (the replicas share the data directory), or a PostgreSQL database. */
export function describeCrossReplicaSignIn(title: string, store: () => Promise<{ postgres?: string; drop?: () => Promise<void> }>): void {
  describe(title, () => {
    let b1: TestBroker;
    let b2: TestBroker;
    let op: TestOp;
    let drop: (() => Promise<void>) | undefined;
    /** The browser reaches the replica behind the public URL that the test names. */
    const at = (b: TestBroker, publicHref: string) => `${b.httpUrl}${new URL(publicHref).pathname}${new URL(publicHref).search}`;

    before(async () => {
      const s = await store();
      drop = s.drop;
      op = await startTestOp({ redirectUri: `${PUBLIC}/oidc/callback` });
      const oidcArn = `arn:aws:iam::${ACCT}:oidc-provider/${op.hostId}`;
      const yaml = `
identityProviders:
  saml:
    - { name: testidp, metadata: ${JSON.stringify(idpMetadata())} }
roles:
  - name: SamlShared
    trustPolicy: ${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: SAML_PROVIDER }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'saml:aud': `${PUBLIC}/saml/acs` } } }] })}
  - name: WebShared
    trustPolicy: ${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: oidcArn }, Action: 'sts:AssumeRoleWithWebIdentity', Condition: { StringEquals: { [`${op.hostId}:aud`]: op.clientId } } }] })}
`;
      b1 = await startTestBroker({ yaml, publicUrl: PUBLIC, postgres: s.postgres });
      b2 = await startTestBroker({ yaml, publicUrl: PUBLIC, postgres: s.postgres, dataDir: b1.dataDir }); // same key ring
      const data: OidcProviderData = { arn: oidcArn, url: op.issuer, clientIds: [op.clientId], thumbprints: [], createDate: new Date().toISOString(), tags: [], settings: { name: 'testop', sealedClientSecret: b1.keys.seal(op.clientSecret, oidcArn) } };
      await b1.store.entities.upsert({ account: ACCT, kind: OIDC_PROVIDER, key: oidcArn, data });
    });
    after(async () => {
      await b2?.close();
      await b1?.destroy();
      await op?.close();
      await drop?.();
    });

    it('OIDC: started on replica 1, the callback lands on replica 2; credentials from 2 work on 1', async () => {
      const br = new Browser();
      const start = await br.get(`${b1.httpUrl}/oidc/login/testop`);
      assert.equal(start.status, 302);
      const cb = await follow(br, start.location!, { opOrigin: op.issuer, login: 'alice', stopAt: (u) => u.startsWith(PUBLIC) });
      const done = await br.get(at(b2, cb.url));
      assert.equal(done.status, 303, done.text.slice(0, 300));
      assert.deepEqual(roleNames((await br.get(`${b2.httpUrl}/roles`)).text), ['WebShared']);
      const creds = await credentialsFor(br, b2.httpUrl, role('WebShared'));
      assert.equal(await callerArn(b1.httpUrl, creds), `arn:aws:sts::${ACCT}:assumed-role/WebShared/alice@example.test`);
    });

    it('SAML: AuthnRequest from replica 1, response posted to replica 2; the replay is refused on replica 1', async () => {
      const br = new Browser();
      const start = await br.get(`${b1.httpUrl}/saml/login/testidp`);
      const request = inflateRawSync(Buffer.from(new URL(start.location!).searchParams.get('SAMLRequest')!, 'base64')).toString('utf8');
      const id = / ID="([^"]+)"/.exec(request)![1];
      const attributes = { [`${A}RoleSessionName`]: ['alice'], [`${A}Role`]: [`${role('SamlShared')},${SAML_PROVIDER}`] };
      const response = await samlResponse({ acsUrl: `${PUBLIC}/saml/acs`, spEntityId: `${PUBLIC}/saml/metadata`, attributes, values: { InResponseTo: id } });
      const done = await br.post(`${b2.httpUrl}/saml/acs`, { SAMLResponse: response });
      assert.equal(done.status, 303, done.text.slice(0, 300));
      assert.deepEqual(roleNames((await br.get(`${b2.httpUrl}/roles`)).text), ['SamlShared']);
      const again = await new Browser().post(`${b1.httpUrl}/saml/acs`, { SAMLResponse: response });
      assert.equal(again.status, 400);
      assert.equal(errorCode(again.text), 'InvalidIdentityToken');
    });
  });
}
