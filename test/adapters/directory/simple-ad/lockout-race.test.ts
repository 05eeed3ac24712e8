// Issue #14 item 3: the directory lockout must hold against concurrent guesses. 50 wrong passwords at once for one
// user, over real LDAP sockets and through AssumeRoleWithLDAPIdentity over HTTP, against a threshold of 5: at most
// 5 passwords are verified (counted at the verifier), the rest are refused 775 unverified, and the right password
// is then refused 775 too. (Before the fix every guess was verified and the right password then succeeded.)
// The same on PostgreSQL with two replicas: test/e2e/scale-out/lockout-race-postgres.test.ts.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startTestBroker, type TestBroker } from '../../../helpers/broker.ts';
import { ALICE, CAROL, assumeWithPassword, concurrentWrong, countingChecks, ldapBind, ldapUrlOf, LOCKOUT_YAML, THRESHOLD } from '../../../helpers/lockout-race.ts';

describe('directory lockout under concurrent guesses (SQLite)', () => {
  let b: TestBroker;
  let url: string;
  before(async () => {
    b = await startTestBroker({ yaml: LOCKOUT_YAML });
    url = ldapUrlOf(b);
  });
  after(async () => b.destroy());

  it('50 concurrent wrong LDAP binds verify at most 5 passwords; then the right password gets 775', async () => {
    const { result, checks } = await countingChecks(() => concurrentWrong(50, [(pw) => ldapBind(url, ALICE.name, pw)]));
    assert.ok(checks <= THRESHOLD, `${checks} passwords verified`);
    assert.equal((result.get('52e') ?? 0) + (result.get('775') ?? 0), 50, JSON.stringify([...result]));
    assert.ok((result.get('52e') ?? 0) <= THRESHOLD && (result.get('775') ?? 0) >= 50 - THRESHOLD, JSON.stringify([...result]));
    const right = await countingChecks(() => ldapBind(url, ALICE.name, ALICE.password));
    assert.equal(right.result, '775');
    assert.equal(right.checks, 0, 'a locked account\'s password is not verified');
    // the lock shows on the user as AD shows it, and only alice is locked
    assert.equal(await ldapBind(url, 'CORP\\bob', 'B0b-Passw0rd!!'), 'ok');
  });

  it('right passwords arriving together (a connection pool) are never refused for it: 20 concurrent good binds all succeed', async () => {
    const answers = await Promise.all(Array.from({ length: 20 }, () => ldapBind(url, CAROL.name, CAROL.password)));
    assert.deepEqual(answers, Array(20).fill('ok'));
    // and they left no failures behind: threshold-1 wrong ones then the right one still bind
    for (let i = 0; i < THRESHOLD - 1; i++) assert.equal(await ldapBind(url, CAROL.name, `wrong-${i}`), '52e');
    assert.equal(await ldapBind(url, CAROL.name, CAROL.password), 'ok');
  });

  it('the same race through AssumeRoleWithLDAPIdentity over HTTP: the right password is then refused as locked out', async () => {
    const { result, checks } = await countingChecks(() => concurrentWrong(50, [(pw) => assumeWithPassword(b.httpUrl, 'bob', pw)]));
    assert.ok(checks <= THRESHOLD, `${checks} passwords verified`);
    assert.ok((result.get('AccessDenied: The directory account is locked out.') ?? 0) >= 50 - THRESHOLD, JSON.stringify([...result]));
    const right = await countingChecks(() => assumeWithPassword(b.httpUrl, 'bob', 'B0b-Passw0rd!!'));
    assert.equal(right.result, 'AccessDenied: The directory account is locked out.');
    assert.equal(right.checks, 0);
    assert.equal(await ldapBind(url, 'CORP\\bob', 'B0b-Passw0rd!!'), '775', 'one lockout for LDAP and STS');
  });
});
