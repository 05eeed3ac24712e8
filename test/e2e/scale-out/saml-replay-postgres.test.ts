// An assertion is accepted once across replicas: two brokers sharing one PostgreSQL database (and the key ring);
// AssumeRoleWithSAML succeeds on one, and the same SAMLResponse sent to the other is refused as a replay.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AssumeRoleWithSAMLCommand, STSClient } from '@aws-sdk/client-sts';
import { saveSpKeyPair } from '../../../server/sts/saml/sp-key.ts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';
import { fixture, idpMetadata, samlResponse } from '../../server/sts/saml/test-idp.ts';

const ACCT = '111122223333';
const PROVIDER = `arn:aws:iam::${ACCT}:saml-provider/TestIdP`;
const ROLE = `arn:aws:iam::${ACCT}:role/SamlEngineers`;
const A = 'https://aws.amazon.com/SAML/Attributes/';
const PUBLIC = 'http://idbroker.test';
const YAML = `
identityProviders:
  saml: [{ name: TestIdP, metadata: ${JSON.stringify(idpMetadata())} }]
roles:
  - name: SamlEngineers
    trustPolicy: ${JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Federated: PROVIDER }, Action: 'sts:AssumeRoleWithSAML', Condition: { StringEquals: { 'saml:aud': `${PUBLIC}/saml/acs` } } }] })}
`;

describe('SAML replay across two replicas on PostgreSQL', () => {
  let b1: TestBroker;
  let b2: TestBroker;
  let drop: () => Promise<void>;
  before(async () => {
    const db = await createTestDatabase('idbroker_saml_replay');
    drop = db.drop;
    b1 = await startTestBroker({ yaml: YAML, publicUrl: PUBLIC, postgres: db.url });
    b2 = await startTestBroker({ yaml: YAML, publicUrl: PUBLIC, postgres: db.url, dataDir: b1.dataDir });
    await saveSpKeyPair(b1.store, b1.keys, { privateKey: fixture('sp-key.pem'), certificate: fixture('sp-cert.pem') });
  });
  after(async () => {
    await b2?.destroy();
    await b1?.destroy();
    await drop?.();
  });

  it('accepts an assertion on one replica and refuses it on the other (InvalidIdentityToken)', async () => {
    const assertion = await samlResponse({ spEntityId: `${PUBLIC}/saml/metadata`, acsUrl: `${PUBLIC}/saml/acs`, attributes: { [`${A}Role`]: [`${ROLE},${PROVIDER}`], [`${A}RoleSessionName`]: ['alice'] } });
    const sts = (b: TestBroker) => new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' }, maxAttempts: 1 });
    const cmd = () => new AssumeRoleWithSAMLCommand({ RoleArn: ROLE, PrincipalArn: PROVIDER, SAMLAssertion: assertion });
    const ok = await sts(b1).send(cmd());
    assert.equal(ok.AssumedRoleUser?.Arn, `arn:aws:sts::${ACCT}:assumed-role/SamlEngineers/alice`);
    await assert.rejects(sts(b2).send(cmd()), (e: { name: string; message: string; $metadata: { httpStatusCode: number } }) => {
      assert.equal(e.name, 'InvalidIdentityTokenException'); // the SDK's class for <Code>InvalidIdentityToken</Code>
      assert.equal(e.$metadata.httpStatusCode, 400);
      assert.match(e.message, /replay|already been used|used once/i);
      return true;
    });
  });
});
