// Directory users' TOTP devices: enrolled sealed, verified within ±1 step, each code accepted once (also when
// two replicas race), earlier steps refused after a later one, the attempt limit, and the MFA policy of a
// directory (TOTP for enrolled users, RADIUS for the others, refusal without either).
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import type { Store } from '../../../server/contracts/store.ts';
import { MfaUnavailableError, type OneTimeCodeVerifier } from '../../../server/contracts/mfa.ts';
import { DirectoryMfa, MAX_ATTEMPTS } from '../../../server/directory-mfa/directory-mfa.ts';
import { DIRECTORY_TOTP, enrollTotp, hasTotp, listTotp, otpauthUri, removeTotp, verifyTotp } from '../../../server/directory-mfa/totp-enrollments.ts';
import { totpAt } from '../../../server/totp/totp.ts';
import { KeyRing, newKey } from '../../../server/keys/keyring.ts';

const D = 'd-1000000003';
const T0 = new Date('2026-11-28T12:00:10Z'); // 10 s into a 30-second step
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('directory TOTP devices', () => {
  let dir: string;
  let store: Store;
  const keys = new KeyRing([newKey()]);
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'dir-totp-'));
    store = await openSqliteStore(join(dir, 'db.sqlite'), { clock: () => T0 }); // the Store judges expiry at the test's time
  });
  after(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('enrolls a sealed seed (never stored in clear), once unless replaced; lists and removes', async () => {
    const { seed } = await enrollTotp(store, keys, { directoryId: D, userName: 'Alice', now: T0 });
    assert.match(seed, /^[A-Z2-7]{32,}$/);
    const rec = await store.entities.get<{ sealedSeed: string }>('', DIRECTORY_TOTP, `${D}/alice`);
    assert.ok(rec && !JSON.stringify(rec).includes(seed));
    assert.ok(await hasTotp(store, D, 'ALICE'), 'user names compare case-insensitively');
    await assert.rejects(enrollTotp(store, keys, { directoryId: D, userName: 'alice', now: T0 }), /already has a TOTP device/);
    const again = await enrollTotp(store, keys, { directoryId: D, userName: 'alice', now: T0, replace: true });
    assert.ok(again.replaced && again.seed !== seed);
    assert.deepEqual((await listTotp(store, D)).map((e) => e.userName), ['alice'], 'the replacing enrollment names the user as it was given');
    assert.equal(await removeTotp(store, D, 'alice'), true);
    assert.equal(await removeTotp(store, D, 'alice'), false);
    assert.equal(await verifyTotp(store, keys, D, 'alice', '123456', T0), 'not-enrolled');
  });

  it('the otpauth URI is what authenticator apps read', () => {
    assert.equal(
      otpauthUri({ issuer: 'idbroker CLOUD', account: 'alice@cloud.example.com', seed: 'ABC' }),
      'otpauth://totp/idbroker%20CLOUD:alice%40cloud.example.com?secret=ABC&issuer=idbroker%20CLOUD&algorithm=SHA1&digits=6&period=30',
    );
  });

  it('accepts the codes of the previous, current and next step, nothing further; each code once', async () => {
    const { seed } = await enrollTotp(store, keys, { directoryId: D, userName: 'bob', now: T0 });
    assert.equal(await verifyTotp(store, keys, D, 'bob', totpAt(seed, at(60_000)), T0), 'wrong', 'two steps ahead');
    assert.equal(await verifyTotp(store, keys, D, 'bob', totpAt(seed, at(-60_000)), T0), 'wrong', 'two steps behind');
    assert.equal(await verifyTotp(store, keys, D, 'bob', 'abcdef', T0), 'wrong');
    assert.equal(await verifyTotp(store, keys, D, 'bob', totpAt(seed, at(-30_000)), T0), 'ok', 'previous step');
    assert.equal(await verifyTotp(store, keys, D, 'bob', totpAt(seed, at(-30_000)), T0), 'replayed');
    assert.equal(await verifyTotp(store, keys, D, 'bob', totpAt(seed, T0), T0), 'ok', 'current step');
    assert.equal(await verifyTotp(store, keys, D, 'bob', totpAt(seed, T0), at(20_000)), 'replayed', 'the same code in the next step');
    assert.equal(await verifyTotp(store, keys, D, 'bob', totpAt(seed, at(30_000)), T0), 'ok', 'next step');
    assert.equal(await verifyTotp(store, keys, D, 'bob', totpAt(seed, T0), T0), 'replayed', 'an earlier step after a later one');
  });

  it('two requests racing with one code (two replicas): exactly one is accepted', async () => {
    const { seed } = await enrollTotp(store, keys, { directoryId: D, userName: 'carol', now: T0 });
    const code = totpAt(seed, T0);
    const results = await Promise.all([1, 2, 3, 4].map(() => verifyTotp(store, keys, D, 'carol', code, T0)));
    assert.deepEqual(results.filter((r) => r === 'ok').length, 1, JSON.stringify(results));
    assert.ok(results.every((r) => r === 'ok' || r === 'replayed'));
  });

  describe('DirectoryMfa', () => {
    const radius = (answer: 'accept' | 'reject' | 'down'): OneTimeCodeVerifier & { seen: string[] } => {
      const seen: string[] = [];
      return {
        kind: 'radius',
        seen,
        async verify(user, code) {
          seen.push(`${user}:${code}`);
          if (answer === 'down') throw new MfaUnavailableError('RADIUS server 127.0.0.1:1 did not answer', 'timeout');
          return answer === 'accept' ? { ok: true } : { ok: false, reason: 'rejected' };
        },
      };
    };

    it('TOTP only: enrolled users use their device; others are refused and told to enroll', async () => {
      const { seed } = await enrollTotp(store, keys, { directoryId: D, userName: 'dave', now: T0 });
      const mfa = new DirectoryMfa(D, { store, keys }, { totp: true });
      assert.deepEqual(await mfa.check('dave', totpAt(seed, T0), T0), { ok: true, method: 'totp' });
      assert.equal((await mfa.check('dave', totpAt(seed, T0), T0) as { reason: string }).reason, 'replayed');
      const missing = await mfa.check('dave', undefined, T0);
      assert.equal(!missing.ok && missing.reason, 'missing');
      const nobody = await mfa.check('erin', '123456', T0);
      assert.ok(!nobody.ok && nobody.reason === 'not-enrolled' && /no TOTP device is enrolled/.test(nobody.message));
    });

    it('RADIUS and TOTP: enrolled users use TOTP, the others RADIUS; a RADIUS outage throws', async () => {
      const { seed } = await enrollTotp(store, keys, { directoryId: D, userName: 'frank', now: T0 });
      const r = radius('accept');
      const mfa = new DirectoryMfa(D, { store, keys }, { totp: true, radius: r });
      assert.deepEqual(await mfa.check('frank', totpAt(seed, T0), T0), { ok: true, method: 'totp' });
      assert.deepEqual(await mfa.check('grace', '99887766', T0), { ok: true, method: 'radius' });
      assert.deepEqual(r.seen, ['grace:99887766']);
      const rejected = await new DirectoryMfa(D, { store, keys }, { totp: false, radius: radius('reject') }).check('grace', '1', T0);
      assert.ok(!rejected.ok && rejected.reason === 'rejected' && /rejected the one-time code/.test(rejected.message));
      await assert.rejects(new DirectoryMfa(D, { store, keys }, { totp: false, radius: radius('down') }).check('grace', '1', T0), MfaUnavailableError);
    });

    it('names users of a trusted domain DOMAIN\\name, so that they never share a device with a local namesake', async () => {
      const mfa = new DirectoryMfa(D, { store, keys }, { totp: true, netbiosName: 'CLOUD' });
      assert.equal(mfa.mfaUserName('CLOUD\\carol', 'carol'), 'carol');
      assert.equal(mfa.mfaUserName('cloud\\carol', 'carol'), 'carol');
      assert.equal(mfa.mfaUserName('ONPREM\\carol', 'carol'), 'ONPREM\\carol');
      const { seed } = await enrollTotp(store, keys, { directoryId: D, userName: 'carol2', now: T0 });
      const foreign = await mfa.check(mfa.mfaUserName('onprem\\carol2', 'carol2'), totpAt(seed, T0), T0);
      assert.ok(!foreign.ok && foreign.reason === 'not-enrolled', "the local carol2's device does not serve ONPREM\\carol2");
    });

    it(`refuses after ${MAX_ATTEMPTS} attempts per user within the window, without asking the server`, async () => {
      const r = radius('reject');
      const mfa = new DirectoryMfa('d-1000000009', { store, keys }, { totp: false, radius: r });
      for (let i = 0; i < MAX_ATTEMPTS; i++) assert.equal(((await mfa.check('heidi', '000000', T0)) as { reason: string }).reason, 'rejected');
      const over = await mfa.check('heidi', '000000', T0);
      assert.ok(!over.ok && over.reason === 'throttled');
      assert.equal(r.seen.length, MAX_ATTEMPTS);
      assert.equal(((await mfa.check('ivan', '000000', T0)) as { reason: string }).reason, 'rejected', 'another user is not affected');
    });
  });
});
