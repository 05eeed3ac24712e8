// An OIDC browser login (claims from the relying party) → the portal's VerifiedIdentity: the same condition keys
// and session tags as AssumeRoleWithWebIdentity, a usable session name, the audience checked.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { OidcProviderData } from '../../../../server/iam/actions/oidc-providers.ts';
import { oidcBrowserIdentity, sessionNameOf } from '../../../../server/sts/web-identity/browser-login.ts';

const provider: OidcProviderData = { arn: 'arn:aws:iam::111122223333:oidc-provider/idp.example.test:8443/realms/corp', url: 'https://idp.example.test:8443/realms/corp', clientIds: ['idbroker'], thumbprints: [], createDate: '2026-01-01T00:00:00Z', tags: [], settings: { sessionTags: { team: 'groups' } } };
const login = (attributes: Record<string, string[]>) => ({ provider: provider.arn, issuer: provider.url, subject: 'u-123', attributes: { sub: ['u-123'], aud: ['idbroker'], ...attributes }, authTime: 1767225600 });
const now = new Date('2026-11-28T12:00:00Z');

describe('oidcBrowserIdentity', () => {
  it('gives the <host:port/path>:aud|sub|amr|oaud keys and the provider ARN', () => {
    const id = oidcBrowserIdentity(login({ amr: ['pwd', 'mfa'], email: ['alice@example.test'] }), provider, 'idbroker', now);
    const p = 'idp.example.test:8443/realms/corp';
    assert.equal(id.source, 'oidc');
    assert.equal(id.provider, provider.arn);
    assert.deepEqual(id.claims, { [`${p}:aud`]: 'idbroker', [`${p}:sub`]: 'u-123', [`${p}:amr`]: ['pwd', 'mfa'], [`${p}:oaud`]: 'idbroker' });
    assert.equal(id.sessionName, 'alice@example.test');
    assert.equal(id.displayName, 'alice@example.test');
    assert.equal(id.authTime, 1767225600);
  });
  it("reads the https://aws.amazon.com/tags claim and the provider's mapping", () => {
    const tags = JSON.stringify({ principal_tags: { project: ['apollo'] }, transitive_tag_keys: ['project'] });
    const id = oidcBrowserIdentity(login({ 'https://aws.amazon.com/tags': [tags], groups: ['a', 'b'] }), provider, 'idbroker', now);
    assert.deepEqual(id.tags, [{ Key: 'project', Value: 'apollo' }, { Key: 'team', Value: 'a:b' }]);
    assert.deepEqual(id.transitiveTagKeys, ['project']);
    assert.throws(() => oidcBrowserIdentity(login({ 'https://aws.amazon.com/tags': ['{"principal_tags":{"x":"not-a-list"}}'] }), provider, 'idbroker', now), { name: 'InvalidIdentityToken' });
  });
  it('refuses a token for another audience', () => {
    assert.throws(() => oidcBrowserIdentity(login({ aud: ['other'] }), provider, 'idbroker', now), { name: 'InvalidIdentityToken' });
  });
  it('session names: e-mail, else preferred_username, else sub, made valid', () => {
    assert.equal(sessionNameOf(undefined, 'Alice Smith', 'x'), 'Alice-Smith');
    assert.equal(sessionNameOf(undefined, undefined, 'u'), 'web-identity');
    assert.equal(sessionNameOf('a'.repeat(100)).length, 64);
  });
});
