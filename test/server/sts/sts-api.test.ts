// STS driven with the unmodified @aws-sdk/client-sts against a real broker: every action, chaining
// across accounts, and each denial path with AWS's code, status and a decodable message.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  AssumeRoleCommand,
  DecodeAuthorizationMessageCommand,
  GetAccessKeyInfoCommand,
  GetCallerIdentityCommand,
  GetFederationTokenCommand,
  GetSessionTokenCommand,
  STSClient,
  type Credentials,
} from '@aws-sdk/client-sts';
import { CreateVirtualMFADeviceCommand, EnableMFADeviceCommand, IAMClient, ListRolesCommand } from '@aws-sdk/client-iam';
import { authenticator } from 'otplib';
import { ADMIN_KEY, startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { rejectsWith } from '../../contracts/iam-api.ts';
import { sealSession, type Session } from '../../../server/sessions/session-token.ts';
import { KeyRing, newKey } from '../../../server/keys/keyring.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';

const A = '111122223333';
const B = '444455556666';
const BOB = { accessKeyId: 'AKIABOBBOBBOBBOBBOB2', secretAccessKey: 'bobSecretKeyForTestsOnly0000000000000000' };
const EVE = { accessKeyId: 'AKIAEVEEVEEVEEVEEVE2', secretAccessKey: 'eveSecretKeyForTestsOnly0000000000000000' };

const trust = (principal: object, condition?: object) => ({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: ['sts:AssumeRole', 'sts:TagSession', 'sts:SetSourceIdentity'], ...(condition ? { Condition: condition } : {}) }] });

const YAML = `
users:
  - name: bob
    accessKeys: [{ id: ${BOB.accessKeyId}, secret: ${BOB.secretAccessKey} }]
    inlinePolicies:
      assume: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: ["sts:AssumeRole", "sts:TagSession", "sts:SetSourceIdentity", "sts:DecodeAuthorizationMessage", "sts:GetFederationToken"], Resource: "*" }] }
  - name: eve
    accessKeys: [{ id: ${EVE.accessKeyId}, secret: ${EVE.secretAccessKey} }]
roles:
  - name: ChainA
    maxSessionDuration: 7200
    trustPolicy: ${JSON.stringify(trust({ AWS: `arn:aws:iam::${A}:root` }))}
    inlinePolicies:
      chain: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "sts:AssumeRole", Resource: "*" }, { Effect: Allow, Action: "iam:ListRoles", Resource: "*" }] }
  - name: ChainB
    account: "${B}"
    trustPolicy: ${JSON.stringify(trust({ AWS: `arn:aws:iam::${A}:role/ChainA` }))}
  - name: OnlyCarol
    trustPolicy: ${JSON.stringify(trust({ AWS: `arn:aws:iam::${A}:user/carol` }))}
  - name: External
    trustPolicy: ${JSON.stringify(trust({ AWS: `arn:aws:iam::${A}:root` }, { StringEquals: { 'sts:ExternalId': 'the-external-id' } }))}
  - name: NeedsMfa
    trustPolicy: ${JSON.stringify(trust({ AWS: `arn:aws:iam::${A}:root` }, { Bool: { 'aws:MultiFactorAuthPresent': 'true' } }))}
`;

describe('STS API', () => {
  let b: TestBroker;
  const clients: STSClient[] = [];
  const sts = (creds: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) => {
    const c = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: creds, maxAttempts: 1 });
    clients.push(c);
    return c;
  };
  const asCreds = (c: Credentials | undefined) => ({ accessKeyId: c!.AccessKeyId!, secretAccessKey: c!.SecretAccessKey!, sessionToken: c!.SessionToken! });

  before(async () => {
    b = await startTestBroker({ accounts: `[{ id: "${A}", alias: main }, { id: "${B}", alias: other }]`, yaml: YAML });
  });
  after(async () => {
    for (const c of clients) c.destroy();
    await b.destroy();
  });

  it('GetCallerIdentity for an IAM user', async () => {
    const me = await sts(BOB).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, A);
    assert.equal(me.Arn, `arn:aws:iam::${A}:user/bob`);
    assert.match(me.UserId ?? '', /^AIDA[A-Z2-7]{17}$/);
  });

  it('chains long-term key → AssumeRole → AssumeRole in another account → GetCallerIdentity', async () => {
    const first = await sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'first' }));
    assert.match(first.Credentials?.AccessKeyId ?? '', /^ASIA[A-Z2-7]{16}$/);
    assert.equal(first.Credentials?.SecretAccessKey?.length, 40);
    assert.equal(first.AssumedRoleUser?.Arn, `arn:aws:sts::${A}:assumed-role/ChainA/first`);
    assert.match(first.AssumedRoleUser?.AssumedRoleId ?? '', /^AROA[A-Z2-7]{17}:first$/);
    const left = first.Credentials!.Expiration!.getTime() - Date.now();
    assert.ok(left > 3500_000 && left <= 3600_000, `default duration is one hour, got ${left}`);
    const asA = sts(asCreds(first.Credentials));
    assert.equal((await asA.send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${A}:assumed-role/ChainA/first`);
    const second = await asA.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${B}:role/ChainB`, RoleSessionName: 'second' }));
    const me = await sts(asCreds(second.Credentials)).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Account, B);
    assert.equal(me.Arn, `arn:aws:sts::${B}:assumed-role/ChainB/second`);
    assert.match(me.UserId ?? '', /^AROA[A-Z2-7]{17}:second$/);
    assert.equal(await b.store.entities.count(A, 'revocation'), 0);
    // the role session's permissions come from the role: ChainA may list roles, through IAM too
    const iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: asCreds(first.Credentials), maxAttempts: 1 });
    try {
      assert.ok((await iam.send(new ListRolesCommand({}))).Roles!.length > 0);
    } finally {
      iam.destroy();
    }
  });

  it('refuses a role whose trust policy does not name the caller, with a decodable message', async () => {
    let message = '';
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/OnlyCarol`, RoleSessionName: 'sess' })).catch((e: Error) => {
      message = e.message;
      throw e;
    }), 'AccessDenied', 403, /User: arn:aws:iam::111122223333:user\/bob is not authorized to perform: sts:AssumeRole on resource: arn:aws:iam::111122223333:role\/OnlyCarol/);
    const encoded = /Encoded authorization failure message: ([A-Za-z0-9_-]+)$/.exec(message)?.[1];
    assert.ok(encoded, message);
    const decoded = JSON.parse((await sts(BOB).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded }))).DecodedMessage!);
    assert.equal(decoded.allowed, false);
    assert.equal(decoded.context.action, 'sts:AssumeRole');
    assert.equal(decoded.context.principal.arn, `arn:aws:iam::${A}:user/bob`);
    await rejectsWith(sts(EVE).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded })), 'AccessDenied', 403);
    await rejectsWith(sts(BOB).send(new DecodeAuthorizationMessageCommand({ EncodedMessage: encoded.slice(0, -4) + 'AAAA' })), 'InvalidAuthorizationMessageException', 400);
  });

  it('refuses when no identity policy allows sts:AssumeRole (trust names the account)', async () => {
    await rejectsWith(sts(EVE).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'sess' })), 'AccessDenied', 403, /sts:AssumeRole/);
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/DoesNotExist`, RoleSessionName: 'sess' })), 'AccessDenied', 403);
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:user/bob-is-not-a-role`, RoleSessionName: 'sess' })), 'ValidationError', 400, /^Request ARN is invalid$/);
  });

  it('checks ExternalId and MFA conditions', async () => {
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/External`, RoleSessionName: 'sess', ExternalId: 'wrong-id' })), 'AccessDenied', 403);
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/External`, RoleSessionName: 'sess' })), 'AccessDenied', 403);
    const ok = await sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/External`, RoleSessionName: 'sess', ExternalId: 'the-external-id' }));
    assert.ok(ok.Credentials?.SessionToken);
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/NeedsMfa`, RoleSessionName: 'sess' })), 'AccessDenied', 403);
  });

  it('enforces the role maximum and the one-hour chaining limit', async () => {
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/External`, RoleSessionName: 'sess', ExternalId: 'the-external-id', DurationSeconds: 7200 })), 'ValidationError', 400, /^The requested DurationSeconds exceeds the MaxSessionDuration set for this role\.$/);
    const two = await sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'long', DurationSeconds: 7200 }));
    await rejectsWith(
      sts(asCreds(two.Credentials)).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${B}:role/ChainB`, RoleSessionName: 'xx', DurationSeconds: 3601 })),
      'ValidationError',
      400,
      /^The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining\.$/,
    );
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'sess', DurationSeconds: 600 })), 'ValidationError', 400, /Value '600' at 'durationSeconds' failed to satisfy constraint: Member must have value greater than or equal to 900/);
  });

  it('refuses expired, tampered, foreign-key and revoked session tokens', async () => {
    const now = Math.floor(Date.now() / 1000);
    const base: Session = { sid: 'x', accessKeyId: 'ASIAEXPIREDEXAMPLE01', secretAccessKey: 'y'.repeat(40), account: A, type: 'AssumedRole', arn: `arn:aws:sts::${A}:assumed-role/ChainA/old`, userId: 'AROAX:old', principalArn: `arn:aws:iam::${A}:role/ChainA`, roleName: 'ChainA', issuedAt: now - 7200, expiresAt: now - 60 };
    const expired = await sealSession(b.keys, base);
    await rejectsWith(sts({ accessKeyId: base.accessKeyId, secretAccessKey: base.secretAccessKey, sessionToken: expired }).send(new GetCallerIdentityCommand({})), 'ExpiredToken', 403, /The security token included in the request is expired/);

    const fresh = await sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'fresh' }));
    const c = asCreds(fresh.Credentials);
    const tampered = c.sessionToken.slice(0, -6) + (c.sessionToken.endsWith('AAAAAA') ? 'BBBBBB' : 'AAAAAA');
    await rejectsWith(sts({ ...c, sessionToken: tampered }).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);
    const foreign = await sealSession(new KeyRing([newKey()]), { ...base, expiresAt: now + 3600 });
    await rejectsWith(sts({ accessKeyId: base.accessKeyId, secretAccessKey: base.secretAccessKey, sessionToken: foreign }).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);
    await rejectsWith(sts({ accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey }).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);

    assert.equal((await sts(c).send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${A}:assumed-role/ChainA/fresh`);
    const r = await sendQuery(b.httpUrl, `Action=RevokeSessions&Version=2010-05-08&AccessKeyId=${c.accessKeyId}`, ADMIN_KEY);
    assert.equal(r.status, 200, r.text);
    await rejectsWith(sts(c).send(new GetCallerIdentityCommand({})), 'InvalidClientTokenId', 403);
  });

  it('GetSessionToken: user credentials, refused with session credentials', async () => {
    const st = await sts(BOB).send(new GetSessionTokenCommand({ DurationSeconds: 900 }));
    const me = await sts(asCreds(st.Credentials)).send(new GetCallerIdentityCommand({}));
    assert.equal(me.Arn, `arn:aws:iam::${A}:user/bob`);
    await rejectsWith(sts(asCreds(st.Credentials)).send(new GetSessionTokenCommand({})), 'AccessDenied', 403, /Cannot call GetSessionToken with session credentials/);
    await rejectsWith(sts(BOB).send(new GetSessionTokenCommand({ SerialNumber: `arn:aws:iam::${A}:mfa/none`, TokenCode: '123456' })), 'AccessDenied', 403, /MultiFactorAuthentication failed/);
  });

  it('GetFederationToken: a federated-user session', async () => {
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }] });
    const ft = await sts(BOB).send(new GetFederationTokenCommand({ Name: 'partner', Policy: policy }));
    assert.equal(ft.FederatedUser?.Arn, `arn:aws:sts::${A}:federated-user/partner`);
    assert.equal(ft.FederatedUser?.FederatedUserId, `${A}:partner`);
    assert.ok(typeof ft.PackedPolicySize === 'number' && ft.PackedPolicySize > 0 && ft.PackedPolicySize <= 100);
    assert.equal((await sts(asCreds(ft.Credentials)).send(new GetCallerIdentityCommand({}))).Arn, `arn:aws:sts::${A}:federated-user/partner`);
    await rejectsWith(sts(EVE).send(new GetFederationTokenCommand({ Name: 'partner' })), 'AccessDenied', 403);
  });

  it('GetAccessKeyInfo decodes the account from any broker-issued key', async () => {
    const first = await sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'key1' }));
    const asA = sts(asCreds(first.Credentials));
    const second = await asA.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${B}:role/ChainB`, RoleSessionName: 'k2' }));
    const info = await sts(ADMIN_KEY).send(new GetAccessKeyInfoCommand({ AccessKeyId: second.Credentials!.AccessKeyId! }));
    assert.equal(info.Account, B);
    assert.equal((await sts(ADMIN_KEY).send(new GetAccessKeyInfoCommand({ AccessKeyId: BOB.accessKeyId }))).Account, A);
    await rejectsWith(sts(asCreds(first.Credentials)).send(new GetAccessKeyInfoCommand({ AccessKeyId: BOB.accessKeyId })), 'AccessDenied', 403);
  });

  it('MFA: GetSessionToken and AssumeRole with a TOTP code satisfy aws:MultiFactorAuthPresent', async () => {
    const iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: ADMIN_KEY, maxAttempts: 1 });
    const dev = await iam.send(new CreateVirtualMFADeviceCommand({ VirtualMFADeviceName: 'bob-phone' }));
    const serial = dev.VirtualMFADevice!.SerialNumber!;
    const seed = Buffer.from(dev.VirtualMFADevice!.Base32StringSeed!).toString('utf8');
    const step = Math.floor(Date.now() / 30_000);
    const code = (s: number) => authenticator.clone({ epoch: s * 30_000 }).generate(seed);
    await iam.send(new EnableMFADeviceCommand({ UserName: 'bob', SerialNumber: serial, AuthenticationCode1: code(step - 1), AuthenticationCode2: code(step) }));
    iam.destroy();
    const wrong = code(step) === '000000' ? '111111' : '000000';
    await rejectsWith(sts(BOB).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: wrong })), 'AccessDenied', 403, /invalid MFA one time pass code/);
    const st = await sts(BOB).send(new GetSessionTokenCommand({ SerialNumber: serial, TokenCode: code(step) }));
    const viaSession = await sts(asCreds(st.Credentials)).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/NeedsMfa`, RoleSessionName: 'with-mfa' }));
    assert.equal(viaSession.AssumedRoleUser?.Arn, `arn:aws:sts::${A}:assumed-role/NeedsMfa/with-mfa`);
    // a code is good once (as in AWS: aws-vault users meet this when one code is sent to two calls)
    const again = { RoleArn: `arn:aws:iam::${A}:role/NeedsMfa`, RoleSessionName: 'direct', SerialNumber: serial, TokenCode: code(step) };
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand(again)), 'AccessDenied', 403, /invalid MFA one time pass code/);
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ ...again, TokenCode: code(step - 1) })), 'AccessDenied', 403, /invalid MFA one time pass code/);
    const direct = await sts(BOB).send(new AssumeRoleCommand({ ...again, TokenCode: code(step + 1) }));
    assert.ok(direct.Credentials?.SessionToken);
  });

  it('session tags, transitive keys and SourceIdentity carry through a chain', async () => {
    const first = await sts(BOB).send(
      new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'tagged', Tags: [{ Key: 'team', Value: 'blue' }, { Key: 'cost', Value: '42' }], TransitiveTagKeys: ['team'], SourceIdentity: 'bob-laptop' }),
    );
    assert.equal(first.SourceIdentity, 'bob-laptop');
    assert.ok((first.PackedPolicySize ?? 0) > 0);
    const chained = sts(asCreds(first.Credentials));
    await rejectsWith(chained.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${B}:role/ChainB`, RoleSessionName: 'again', Tags: [{ Key: 'team', Value: 'red' }] })), 'InvalidParameterValue', 400);
    await rejectsWith(chained.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${B}:role/ChainB`, RoleSessionName: 'again', SourceIdentity: 'someone-else' })), 'AccessDenied', 403);
    const second = await chained.send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${B}:role/ChainB`, RoleSessionName: 'again' }));
    assert.equal(second.SourceIdentity, 'bob-laptop');
    await rejectsWith(sts(EVE).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'tags', Tags: [{ Key: 'team', Value: 'x' }] })), 'AccessDenied', 403);
  });

  it('session policies narrow the role and PackedPolicyTooLarge refuses oversized ones', async () => {
    const narrow = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'sts:GetCallerIdentity', Resource: '*' }] });
    const r = await sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'narrow', Policy: narrow }));
    assert.ok(r.PackedPolicySize! > 0 && r.PackedPolicySize! <= 100);
    const iam = new IAMClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: asCreds(r.Credentials), maxAttempts: 1 });
    await rejectsWith(iam.send(new ListRolesCommand({})), 'AccessDenied', 403); // the role allows it, the session policy does not
    iam.destroy();
    await rejectsWith(sts(asCreds(r.Credentials)).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${B}:role/ChainB`, RoleSessionName: 'nope' })), 'AccessDenied', 403);
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'bad', Policy: '{"Version":"2012-10-17","Statement":[' })), 'MalformedPolicyDocument', 400);
    const huge = JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: 60 }, (_, i) => ({ Sid: `S${i}x${Math.random().toString(36).slice(2)}`, Effect: 'Allow', Action: `s3:Get${i}`, Resource: `arn:aws:s3:::${Math.random().toString(36)}/${i}` })) });
    await rejectsWith(sts(BOB).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${A}:role/ChainA`, RoleSessionName: 'huge', Policy: huge })), 'PackedPolicyTooLarge', 400, /Packed policy consumes \d+% of allotted space/);
  });

  it('bad input: missing members, unknown action, wrong version', async () => {
    const r1 = await sendQuery(b.httpUrl, 'Action=AssumeRole&Version=2011-06-15&RoleArn=arn%3Aaws%3Aiam%3A%3A111122223333%3Arole%2FChainA', BOB, { service: 'sts' });
    assert.equal(r1.status, 400);
    assert.match(r1.text, /<Code>ValidationError<\/Code>/);
    assert.match(r1.text, /Value null at 'roleSessionName' failed to satisfy constraint: Member must not be null/);
    assert.match(r1.text, /xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/"/);
    const r2 = await sendQuery(b.httpUrl, 'Action=AssumeRoot&Version=2011-06-15', BOB, { service: 'sts' });
    assert.equal(r2.status, 400);
    assert.match(r2.text, /<Code>InvalidAction<\/Code>/);
    const r3 = await sendQuery(b.httpUrl, 'Action=GetCallerIdentity&Version=2099-01-01', BOB, { service: 'sts' });
    assert.equal(r3.status, 400);
    assert.match(r3.text, /<Code>InvalidAction<\/Code>/);
  });
});
