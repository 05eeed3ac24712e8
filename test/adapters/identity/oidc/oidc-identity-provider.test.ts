// The OIDC relying party against a real OpenID provider (oidc-provider on loopback): start() gives the
// authorization URL, a scripted browser logs in over HTTP (redirects, cookies, login and consent forms), finish()
// exchanges the code (PKCE) and validates the ID token (nonce, state) → VerifiedIdentity.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createOidcIdentityProvider, type OidcRpSettings } from '../../../../adapters/identity/oidc/oidc-identity-provider.ts';
import { memoryLoginStates, storeLoginStates } from '../../../../adapters/identity/oidc/login-states.ts';
import { openSqliteStore } from '../../../../adapters/store/sqlite/index.ts';
import { IdentityRejectedError } from '../../../../server/contracts/identity.ts';
import { browserLogin, startTestOp, type TestOp } from '../../../fixtures/oidc/test-op.ts';

describe('OIDC identity provider (openid-client v6)', () => {
  let op: TestOp;
  let settings: OidcRpSettings;
  before(async () => {
    op = await startTestOp({ claims: (sub) => ({ 'https://aws.amazon.com/tags': { principal_tags: { team: [`${sub}-team`] } } }) });
    settings = { name: 'testop', issuer: op.issuer, clientId: op.clientId, clientSecret: op.clientSecret, redirectUri: op.redirectUri, timeoutSeconds: 5 };
  });
  after(() => op.close());

  const login = async (rp: ReturnType<typeof createOidcIdentityProvider>, user: string, relayState?: string) => {
    const s = await rp.start({ relayState });
    assert.equal(s.kind, 'redirect');
    const url = new URL((s as { url: string }).url);
    assert.equal(url.searchParams.get('code_challenge_method'), 'S256');
    assert.ok(url.searchParams.get('state') && url.searchParams.get('nonce') && url.searchParams.get('code_challenge'));
    return Object.fromEntries(new URL(await browserLogin(url.href, op.redirectUri, user)).searchParams);
  };

  it('logs a user in with authorization code + PKCE and returns the verified identity', async () => {
    const rp = createOidcIdentityProvider(settings, memoryLoginStates());
    const params = await login(rp, 'alice', '/portal/roles');
    const id = await rp.finish({ params });
    assert.equal(id.provider, 'testop');
    assert.equal(id.issuer, op.issuer);
    assert.equal(id.subject, 'alice');
    assert.deepEqual(id.attributes.email, ['alice@example.test']);
    assert.deepEqual(id.attributes.aud, ['idbroker']);
    assert.deepEqual(JSON.parse(id.attributes['https://aws.amazon.com/tags'][0]), { principal_tags: { team: ['alice-team'] } });
    assert.equal(id.relayState, '/portal/roles');
    // The same callback cannot be used twice (state is single use).
    await assert.rejects(rp.finish({ params }), IdentityRejectedError);
  });

  it('refuses unknown state, a code from another login (PKCE/nonce mismatch) and IdP errors', async () => {
    const rp = createOidcIdentityProvider(settings, memoryLoginStates());
    await assert.rejects(rp.finish({ params: { code: 'x', state: 'never-issued' } }), /unknown, expired or already used/);
    const a = await login(rp, 'alice');
    const b = await login(rp, 'bob');
    await assert.rejects(rp.finish({ params: { ...b, state: a.state } }), IdentityRejectedError);
    await assert.rejects(rp.finish({ params: { ...b, code: `${b.code}x` } }), IdentityRejectedError);
    await assert.rejects(rp.finish({ params: { error: 'access_denied', state: 'x' } }), /access_denied/);
  });

  it('keeps pending logins in the Store so that another replica finishes them', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'oidc-rp-'));
    const store = await openSqliteStore(join(dir, 'db.sqlite'));
    try {
      const first = createOidcIdentityProvider(settings, storeLoginStates(store));
      const second = createOidcIdentityProvider(settings, storeLoginStates(store));
      const params = await login(first, 'carol');
      assert.equal((await second.finish({ params })).subject, 'carol');
      await assert.rejects(first.finish({ params }), IdentityRejectedError);
    } finally {
      await store.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
