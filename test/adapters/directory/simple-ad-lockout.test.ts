// Account lockout shared by replicas: two simple-ad backends over one store (as two broker
// replicas over one database) count failures together; window and duration follow the config
// on an injected clock.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import type { DirectoryBackend } from '../../../server/contracts/directory.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { openOn } from './simple-ad-helpers.ts';
import { countingChecks } from '../../helpers/lockout-race.ts';

const LOCKOUT = { lockout: { threshold: 3, windowSeconds: 60, durationSeconds: 120 } };

async function replicas(extra: Record<string, unknown> = LOCKOUT) {
  let t = Date.parse('2026-11-28T12:00:00Z');
  const now = () => new Date(t);
  const store = await openSqliteStore(':memory:');
  const a = (await openOn(store, CONTRACT_SEED, extra, now)).backend;
  const b = (await openOn(store, CONTRACT_SEED, extra, now)).backend;
  return { a, b, advance: (s: number) => (t += s * 1000) };
}
const bad = (x: DirectoryBackend) => x.bind('CORP\\alice', 'wrong');
const good = (x: DirectoryBackend) => x.bind('CORP\\alice', 'Alice!pass1');

describe('simple-ad lockout across replicas', () => {

  it('third failure (on the other replica) locks; both replicas answer 775 even to the right password', async () => {
    const { a, b, advance } = await replicas();
    await bad(a);
    await bad(b);
    await bad(a);
    assert.deepEqual(await good(b), { ok: false, adCode: '775' });
    assert.deepEqual(await good(a), { ok: false, adCode: '775' });
    advance(119);
    assert.deepEqual(await good(a), { ok: false, adCode: '775' });
    advance(2);
    assert.equal((await good(b)).ok, true, 'unlocked once lockoutDuration has passed');
  });

  it('forgets failures older than the observation window, and a good bind resets the count', async () => {
    const { a, b, advance } = await replicas();
    await bad(a);
    await bad(b);
    advance(61);
    await bad(a); // the window restarted: count 1
    await bad(b); // count 2
    assert.equal((await good(a)).ok, true);
    await bad(a);
    await bad(b);
    assert.equal((await good(b)).ok, true, 'count was reset by the good bind');
  });

  it('a wrong old password in a password change counts like a failed bind; once locked, the change is refused unverified', async () => {
    const { a, b } = await replicas();
    const alice = await good(a);
    assert.ok(alice.ok);
    const change = (x: DirectoryBackend, oldPassword: string) => x.changePassword!(alice.principal, alice.principal.dn, { oldPassword, newPassword: 'N3w!passw0rd' });
    await assert.rejects(change(a, 'wrong-1'), /00000056/);
    await assert.rejects(change(b, 'wrong-2'), /00000056/);
    await bad(a); // the third failure: locked
    assert.deepEqual(await good(b), { ok: false, adCode: '775' });
    const checks = await countingChecks(() => assert.rejects(change(a, 'Alice!pass1'), /00000056/));
    assert.equal(checks.checks, 0, 'the old password of a locked account is not verified');
  });

  it('never locks with threshold 0', async () => {
    const { a, b } = await replicas({ lockout: { threshold: 0 } });
    for (let i = 0; i < 6; i++) await bad(i % 2 ? a : b);
    assert.equal((await good(a)).ok, true);
  });
});
