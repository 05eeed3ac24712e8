// An ad-connector directory configured in the broker, in front of a real slapd ("on-prem AD"): LDAP binds go
// through the broker's listener, and directory logins (AssumeRoleWithLDAPIdentity) map slapd groups to roles.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from 'ldapts';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { sendQuery } from '../../helpers/aws-signer.ts';
import { ONPREM_PASSWORDS, ONPREM_SERVICE_DN, slapdMissing, startSlapd, userDn, type Slapd } from '../../helpers/slapd.ts';

const DS = 'arn:aws:ds:us-east-1:111122223333:directory/d-2000000002';

describe('ad-connector in the broker', { skip: slapdMissing() ?? false }, () => {
  let slapd: Slapd;
  let b: TestBroker;
  before(async () => {
    slapd = await startSlapd();
    b = await startTestBroker({
      yaml: `
directories:
  - id: d-2000000002
    type: ad-connector
    dnsName: onprem.example.com
    netbiosName: ONPREM
    ldap: { host: 127.0.0.1, port: 0 }
    upstream:
      urls: [${slapd.url}]
      serviceAccount: { username: "${ONPREM_SERVICE_DN}", password: "${ONPREM_PASSWORDS['svc-idbroker']}" }
      timeoutMs: 2000
sessions: { directoryRecheckSeconds: 1 }
roles:
  - name: Staff
    trustPolicy:
      Version: "2012-10-17"
      Statement:
        - Effect: Allow
          Principal: { Federated: "${DS}" }
          Action: sts:AssumeRoleWithLDAPIdentity
          Condition: { "ForAnyValue:StringEquals": { "ds:Groups": staff } }
`,
    });
  });
  after(async () => {
    await b?.destroy();
    await slapd?.destroy();
  });

  const assume = (user: string, password: string) =>
    sendQuery(b.httpUrl, `Action=AssumeRoleWithLDAPIdentity&Version=2011-06-15&DirectoryId=d-2000000002&RoleArn=${encodeURIComponent('arn:aws:iam::111122223333:role/Staff')}&LDAPUsername=${encodeURIComponent(user)}&LDAPPassword=${encodeURIComponent(password)}`, undefined);

  it('binds through the broker listener with the on-prem password', async () => {
    const url = /(ldap:\/\/\S+)/.exec(b.lines.find((l) => l.includes('LDAP d-2000000002'))!)![1];
    const c = new Client({ url });
    await c.bind('ONPREM\\alice', ONPREM_PASSWORDS.alice);
    await c.unbind();
    await assert.rejects(new Client({ url }).bind('ONPREM\\alice', 'wrong'), /InvalidCredentials|0x31/);
  });

  it('maps nested on-prem groups to a role; a wrong password is refused, not an outage', async () => {
    const ok = await assume('alice', ONPREM_PASSWORDS.alice); // alice ∈ engineers ∈ staff
    assert.equal(ok.status, 200, ok.text);
    assert.match(ok.text, /assumed-role\/Staff\/alice/);
    const wrong = await assume('alice', 'wrong-password');
    assert.equal(wrong.status, 403, wrong.text);
    assert.match(wrong.text, /<Code>AccessDenied<\/Code>/);
    const carol = await assume('carol', ONPREM_PASSWORDS.carol); // not in staff
    assert.equal(carol.status, 403);
  });

  it("keeps a directory user's session while the on-prem DC is down (the last answer stands), and ends it once the user is gone", async () => {
    const ok = await assume('alice', ONPREM_PASSWORDS.alice);
    assert.equal(ok.status, 200, ok.text);
    const field = (n: string) => new RegExp(`<${n}>([^<]+)</${n}>`).exec(ok.text)![1];
    const sts = new STSClient({ endpoint: b.httpUrl, region: 'us-east-1', credentials: { accessKeyId: field('AccessKeyId'), secretAccessKey: field('SecretAccessKey'), sessionToken: field('SessionToken') }, maxAttempts: 1 });
    const who = async () => (await sts.send(new GetCallerIdentityCommand({}))).Arn;
    assert.equal(await who(), 'arn:aws:sts::111122223333:assumed-role/Staff/alice');
    await slapd.stop();
    try {
      await new Promise((r) => setTimeout(r, 1200)); // past directoryRecheckSeconds: the re-check finds no DC
      assert.equal(await who(), 'arn:aws:sts::111122223333:assumed-role/Staff/alice', 'an outage is not a revocation');
    } finally {
      await slapd.start();
    }
    // the user deleted on-prem: refused at the next re-check
    await slapd.modify(`dn: ${userDn('alice')}\nchangetype: delete\n`);
    // (the connector finds the restarted DC by its health check; poll rather than guess how soon)
    let refused: Error | undefined;
    for (const deadline = Date.now() + 60_000; !refused && Date.now() < deadline; ) {
      await new Promise((r) => setTimeout(r, 500));
      refused = await who().then(() => undefined, (e: Error) => e);
    }
    assert.equal(refused?.name, 'InvalidClientTokenId', String(refused));
    sts.destroy();
  });
});
