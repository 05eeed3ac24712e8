// A directory served by the broker (simple-ad over LDAP) and AssumeRoleWithLDAPIdentity: directory users
// get role credentials when the role's trust policy allows their directory group.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Attribute, Change, Client } from 'ldapts';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../../helpers/broker.ts';
import { sendQuery } from '../../../helpers/aws-signer.ts';
import { testClock } from '../../../helpers/clock.ts';

const DS = 'arn:aws:ds:us-east-1:111122223333:directory/d-1000000001';
const yaml = `
directories:
  - id: d-1000000001
    type: simple-ad
    dnsName: corp.example.com
    netbiosName: CORP
    ldap: { host: 127.0.0.1, port: 0 }
    adminPassword: "Adm1n-Passw0rd!"
    sessionTags: { department: department }
    seed:
      groups:
        - { name: engineers, members: [alice] }
        - { name: platform, members: [engineers, bob, carol] }
      users:
        - { username: alice, password: "Al1ce-Passw0rd!", attributes: { department: Engineering } }
        - { username: mallory, password: "Mall0ry-Passw0rd!" }
        - { username: bob, password: "B0b-Passw0rd!!" }
        - { username: carol, password: "Car0l-Passw0rd!" }
sessions: { directoryRecheckSeconds: 1 }
roles:
  - name: CarolAudit
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - { Effect: Allow, Principal: { Federated: "${DS}" }, Action: sts:AssumeRoleWithLDAPIdentity, Condition: { StringEquals: { "ds:Username": carol } } }
  - name: Platform
    inlinePolicies:
      abac: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "iam:ListRoles", Resource: "*", Condition: { StringEquals: { "aws:PrincipalTag/department": Engineering } } }] }
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal: { Federated: "${DS}" }
          Action: [sts:AssumeRoleWithLDAPIdentity, sts:TagSession]
          Condition: { "ForAnyValue:StringEquals": { "ds:Groups": platform } }
`;

describe('directory logins', () => {
  let b: TestBroker;
  const clock = testClock();
  before(async () => {
    b = await startTestBroker({ yaml, clock: clock.now });
  });
  after(async () => b.destroy());

  const assume = (user: string, password: string, extra = '') =>
    sendQuery(b.httpUrl, `Action=AssumeRoleWithLDAPIdentity&Version=2011-06-15&RoleArn=${encodeURIComponent('arn:aws:iam::111122223333:role/Platform')}&LDAPUsername=${encodeURIComponent(user)}&LDAPPassword=${encodeURIComponent(password)}${extra}`, undefined);

  it('serves the directory over LDAP and prints its URL', async () => {
    const line = b.lines.find((l) => /LDAP d-1000000001 \(StartTLS available\): ldap:\/\/127\.0\.0\.1:\d+/.test(l));
    assert.ok(line, b.lines.join('\n'));
    const url = /(ldap:\/\/\S+)/.exec(line!)![1];
    const c = new Client({ url });
    await c.bind('alice@corp.example.com', 'Al1ce-Passw0rd!');
    await assert.rejects(new Client({ url }).bind('CORP\\mallory', 'not-her-password'), /data 52e/);
    const { searchEntries } = await c.search('DC=corp,DC=example,DC=com', { scope: 'sub', filter: '(sAMAccountName=alice)', attributes: ['memberOf'] });
    assert.equal(searchEntries.length, 1);
    await c.unbind();
    // every bind is in the audit trail, failures marked denied, no password stored
    await b.audit.flush();
    const binds = await b.store.audit.query({ limit: 20, eventName: 'Bind' });
    const ok = binds.find((e) => (e.data as any).requestParameters.name === 'alice@corp.example.com')!;
    assert.equal(ok.denied, false);
    assert.match(ok.principalArn, /^CN=alice,/i);
    const bad = binds.find((e) => (e.data as any).requestParameters.name === 'CORP\\mallory')!;
    assert.equal(bad.denied, true);
    assert.equal(bad.errorCode, 'invalidCredentials');
    assert.match((bad.data as any).errorMessage, /data 52e/);
    assert.ok(!JSON.stringify(binds).includes('Al1ce-Passw0rd!') && !JSON.stringify(binds).includes('not-her-password'));
  });

  it('a member of the nested group gets role credentials that work', async () => {
    const r = await assume('alice', 'Al1ce-Passw0rd!');
    assert.equal(r.status, 200, r.text);
    const akid = /<AccessKeyId>(\w+)<\/AccessKeyId>/.exec(r.text)![1];
    const secret = /<SecretAccessKey>([^<]+)<\/SecretAccessKey>/.exec(r.text)![1];
    const token = /<SessionToken>([^<]+)<\/SessionToken>/.exec(r.text)![1];
    assert.match(r.text, /<Provider>arn:aws:ds:us-east-1:111122223333:directory\/d-1000000001<\/Provider>/);
    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: akid, secretAccessKey: secret, sessionToken: token }, maxAttempts: 1 });
    assert.equal((await sts.send(new GetCallerIdentityCommand({}))).Arn, 'arn:aws:sts::111122223333:assumed-role/Platform/alice');
    const down = await assume('CORP\\alice', 'Al1ce-Passw0rd!', '&RoleSessionName=alice-laptop');
    assert.equal(down.status, 200, down.text);
    assert.match(down.text, /assumed-role\/Platform\/alice-laptop/);
    // removing alice from the group that allowed the role ends her session within the recheck interval
    const url = /(ldap:\/\/\S+)/.exec(b.lines.find((l) => l.includes('LDAP d-1000000001'))!)![1];
    const admin = new Client({ url });
    await admin.bind('CORP\\Administrator', 'Adm1n-Passw0rd!');
    const eng = (await admin.search('DC=corp,DC=example,DC=com', { scope: 'sub', filter: '(&(objectClass=group)(cn=engineers))', attributes: ['member'] })).searchEntries[0];
    const aliceDn = (await admin.search('DC=corp,DC=example,DC=com', { scope: 'sub', filter: '(sAMAccountName=alice)', attributes: ['dn'] })).searchEntries[0].dn;
    await admin.modify(eng.dn, new Change({ operation: 'delete', modification: new Attribute({ type: 'member', values: [aliceDn] }) }));
    await admin.unbind();
    clock.advance(1200); // past sessions.directoryRecheckSeconds
    await assert.rejects(sts.send(new GetCallerIdentityCommand({})), (e: Error) => e.name === 'InvalidClientTokenId');
    sts.destroy();
    const again = await assume('alice', 'Al1ce-Passw0rd!');
    assert.equal(again.status, 403, 'no longer in the group');
    return;
  });

  it('refuses a wrong password, a user outside the group, and a missing role, with AWS errors', async () => {
    const bad = await assume('alice', 'wrong');
    assert.equal(bad.status, 403);
    assert.match(bad.text, /<Code>AccessDenied<\/Code>/);
    assert.match(bad.text, /not valid/);
    const outsider = await assume('mallory', 'Mall0ry-Passw0rd!');
    assert.equal(outsider.status, 403);
    assert.match(outsider.text, /Not authorized to perform sts:AssumeRoleWithLDAPIdentity/);
    const missing = await sendQuery(b.httpUrl, 'Action=AssumeRoleWithLDAPIdentity&Version=2011-06-15&LDAPUsername=alice', undefined);
    assert.equal(missing.status, 400);
    assert.match(missing.text, /Value null at 'lDAPPassword' failed to satisfy constraint: Member must not be null/);
  });

  it("without RoleArn, as MinIO's clients call it: the one role that trusts the user; none is AccessDenied", async () => {
    // minio-go's LDAP identity: an unsigned form POST of LDAPUsername, LDAPPassword, DurationSeconds and Version only
    const minio = (user: string, password: string) =>
      sendQuery(b.httpUrl, `Action=AssumeRoleWithLDAPIdentity&LDAPUsername=${encodeURIComponent(user)}&LDAPPassword=${encodeURIComponent(password)}&DurationSeconds=3600&Version=2011-06-15`, undefined);
    const ok = await minio('bob', 'B0b-Passw0rd!!');
    assert.equal(ok.status, 200, ok.text);
    assert.match(ok.text, /^<AssumeRoleWithLDAPIdentityResponse xmlns="https:\/\/sts\.amazonaws\.com\/doc\/2011-06-15\/">\s*<AssumeRoleWithLDAPIdentityResult>/);
    assert.match(ok.text, /<Arn>arn:aws:sts::111122223333:assumed-role\/Platform\/bob<\/Arn>/);
    assert.match(ok.text, /<Credentials>\s*<AccessKeyId>ASIA/);
    const several = await minio('carol', 'Car0l-Passw0rd!');
    assert.equal(several.status, 400);
    assert.match(several.text, /<Code>ValidationError<\/Code>[\s\S]*choose one with RoleArn: arn:aws:iam::111122223333:role\/CarolAudit, arn:aws:iam::111122223333:role\/Platform/);
    const none = await minio('mallory', 'Mall0ry-Passw0rd!');
    assert.equal(none.status, 403);
    assert.match(none.text, /<Code>AccessDenied<\/Code>/);
  });
});
