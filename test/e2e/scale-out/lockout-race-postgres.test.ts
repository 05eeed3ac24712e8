// Issue #14 item 3 on PostgreSQL: two broker replicas sharing one database. 50 concurrent wrong passwords for one
// user, alternating between the replicas' LDAP listeners (and then their STS endpoints), against a threshold of 5:
// at most 5 passwords are verified on both replicas together, and the right password then gets 775 on both.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestBroker, type TestBroker } from '../../helpers/broker.ts';
import { createTestDatabase } from '../../helpers/postgres.ts';
import { ALICE, CAROL, assumeWithPassword, concurrentWrong, countingChecks, ldapBind, ldapUrlOf, LOCKOUT_YAML, THRESHOLD } from '../../helpers/lockout-race.ts';

describe('directory lockout under concurrent guesses on two PostgreSQL replicas', () => {
  let b1: TestBroker;
  let b2: TestBroker;
  let drop: () => Promise<void>;
  before(async () => {
    const db = await createTestDatabase('idbroker_lockout_race');
    drop = db.drop;
    b1 = await startTestBroker({ yaml: LOCKOUT_YAML, postgres: db.url });
    b2 = await startTestBroker({ yaml: LOCKOUT_YAML, postgres: db.url, dataDir: b1.dataDir });
  });
  after(async () => {
    await b2?.destroy();
    await b1?.destroy();
    await drop?.();
  });

  it('50 concurrent wrong LDAP binds on both replicas verify at most 5 passwords; the right one then gets 775 on both', async () => {
    const urls = [ldapUrlOf(b1), ldapUrlOf(b2)];
    assert.notEqual(urls[0], urls[1]);
    const { result, checks } = await countingChecks(() => concurrentWrong(50, urls.map((url) => (pw: string) => ldapBind(url, ALICE.name, pw))));
    assert.ok(checks <= THRESHOLD, `${checks} passwords verified`);
    assert.equal((result.get('52e') ?? 0) + (result.get('775') ?? 0), 50, JSON.stringify([...result]));
    assert.ok((result.get('775') ?? 0) >= 50 - THRESHOLD, JSON.stringify([...result]));
    for (const url of urls) {
      const right = await countingChecks(() => ldapBind(url, ALICE.name, ALICE.password));
      assert.equal(right.result, '775');
      assert.equal(right.checks, 0);
    }
  });

  it('20 concurrent right passwords spread over both replicas all bind (no 775 for a connection pool)', async () => {
    const urls = [ldapUrlOf(b1), ldapUrlOf(b2)];
    const answers = await Promise.all(Array.from({ length: 20 }, (_, i) => ldapBind(urls[i % 2], CAROL.name, CAROL.password)));
    assert.deepEqual(answers, Array(20).fill('ok'));
  });

  it('the same race through AssumeRoleWithLDAPIdentity on both replicas', async () => {
    const https = [b1.httpUrl, b2.httpUrl];
    const { result, checks } = await countingChecks(() => concurrentWrong(50, https.map((u) => (pw: string) => assumeWithPassword(u, 'bob', pw))));
    assert.ok(checks <= THRESHOLD, `${checks} passwords verified`);
    assert.ok((result.get('AccessDenied: The directory account is locked out.') ?? 0) >= 50 - THRESHOLD, JSON.stringify([...result]));
    for (const u of https) assert.equal(await assumeWithPassword(u, 'bob', 'B0b-Passw0rd!!'), 'AccessDenied: The directory account is locked out.');
  });
});
