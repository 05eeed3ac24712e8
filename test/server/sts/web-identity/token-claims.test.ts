// The AWS claims of a web identity token: condition keys, session tags, source identity.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../../../server/contracts/errors.ts';
import { sessionTagsFromClaims, sourceIdentityFromClaims, TAGS_CLAIM, webIdentityConditionKeys } from '../../../../server/sts/web-identity/token-claims.ts';
import type { VerifiedToken } from '../../../../server/sts/web-identity/verify-token.ts';

const token = (claims: Record<string, unknown>, audience = 'idbroker'): VerifiedToken => ({
  provider: { arn: 'arn:aws:iam::111122223333:oidc-provider/idp.example.test:8443/realms/corp', url: 'https://idp.example.test:8443/realms/corp', clientIds: [audience], thumbprints: [], createDate: '', tags: [] },
  providerId: 'idp.example.test:8443/realms/corp',
  claims: { sub: 'u-123456', ...claims },
  sub: 'u-123456',
  audience,
});
const invalid = (e: unknown) => e instanceof AwsError && e.code === 'InvalidIdentityToken';

describe('web identity token claims', () => {
  it('builds <host:port/path>:aud|sub|amr|azp|oaud condition keys', () => {
    assert.deepEqual(webIdentityConditionKeys(token({ aud: ['x', 'idbroker'], amr: ['pwd', 'mfa'], azp: 'idbroker' })), {
      'idp.example.test:8443/realms/corp:aud': 'idbroker',
      'idp.example.test:8443/realms/corp:sub': 'u-123456',
      'idp.example.test:8443/realms/corp:amr': ['pwd', 'mfa'],
      'idp.example.test:8443/realms/corp:azp': 'idbroker',
      'idp.example.test:8443/realms/corp:oaud': ['x', 'idbroker'],
    });
    assert.deepEqual(Object.keys(webIdentityConditionKeys(token({ aud: 'idbroker' }))).sort(), ['idp.example.test:8443/realms/corp:aud', 'idp.example.test:8443/realms/corp:oaud', 'idp.example.test:8443/realms/corp:sub']);
  });

  it('reads principal_tags (one string per key) and transitive_tag_keys', () => {
    assert.deepEqual(sessionTagsFromClaims({}), { tags: [], transitiveTagKeys: [] });
    assert.deepEqual(sessionTagsFromClaims({ [TAGS_CLAIM]: { principal_tags: { team: ['blue'], cc: ['42'] }, transitive_tag_keys: ['team'] } }), {
      tags: [{ Key: 'team', Value: 'blue' }, { Key: 'cc', Value: '42' }],
      transitiveTagKeys: ['team'],
    });
    for (const bad of [
      'x',
      { principal_tags: { team: 'blue' } },
      { principal_tags: { team: ['a', 'b'] } },
      { principal_tags: { team: [1] } },
      { principal_tags: { team: ['a'] }, transitive_tag_keys: ['other'] },
      { principal_tags: { team: ['a'], TEAM: ['b'] } },
      { principal_tags: { 'aws:x': ['a'] } },
      { principal_tags: { 'bad*key': ['a'] } },
      { principal_tags: Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`k${i}`, ['v']])) },
    ]) assert.throws(() => sessionTagsFromClaims({ [TAGS_CLAIM]: bad }), invalid, JSON.stringify(bad));
  });

  it('reads the source identity claim and refuses values AWS would refuse', () => {
    assert.equal(sourceIdentityFromClaims({}), undefined);
    assert.equal(sourceIdentityFromClaims({ 'https://aws.amazon.com/source_identity': 'alice@corp' }), 'alice@corp');
    for (const bad of ['a', 'aws:x', 'has space', 5, 'x'.repeat(65)]) assert.throws(() => sourceIdentityFromClaims({ 'https://aws.amazon.com/source_identity': bad }), invalid);
  });
});
