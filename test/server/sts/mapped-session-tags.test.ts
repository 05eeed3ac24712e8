// Session tags from identity attributes (ABAC), unit level: the mapping and the merge rules.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AwsError } from '../../../server/contracts/errors.ts';
import { mappedTags, mergeSessionTags, tagMappingOf } from '../../../server/sts/mapped-session-tags.ts';
import { minimal, problemsOf } from '../../config/helpers.ts';

const fail = (m: string) => new AwsError('InvalidIdentityToken', m);
const none = { tags: [], transitiveTagKeys: [] };
const code = (c: string, m: RegExp) => (e: unknown) => e instanceof AwsError && e.code === c && m.test(e.message);

describe('mapped session tags', () => {
  it('maps strings, numbers and lists (joined with ":"), skips absent sources and their transitive keys', () => {
    const claims: Record<string, unknown> = { department: 'Engineering', cc: 42, groups: ['blue', 'red'], admin: true };
    const mapping = { sessionTags: { department: 'department', costCenter: 'cc', teams: 'groups', admin: 'admin', site: 'missing' }, transitiveTagKeys: ['department', 'site'] };
    assert.deepEqual(mappedTags(mapping, (n) => claims[n], fail), {
      tags: [
        { Key: 'department', Value: 'Engineering' },
        { Key: 'costCenter', Value: '42' },
        { Key: 'teams', Value: 'blue:red' },
        { Key: 'admin', Value: 'true' },
      ],
      transitiveTagKeys: ['department'],
    });
    assert.throws(() => mappedTags({ sessionTags: { x: 'o' }, transitiveTagKeys: [] }, () => ({ nested: 1 }), fail), code('InvalidIdentityToken', /Session tag x: o is not a string/));
  });

  it('reads the mapping from provider settings tolerantly', () => {
    assert.deepEqual(tagMappingOf(undefined), { sessionTags: {}, transitiveTagKeys: [] });
    assert.deepEqual(tagMappingOf({ sessionTags: { a: 'b', n: 3 }, transitiveTagKeys: ['a', 4] }), { sessionTags: { a: 'b' }, transitiveTagKeys: ['a'] });
  });

  it('merges asserted and mapped tags; transitive keys are the union', () => {
    const out = mergeSessionTags({ tags: [{ Key: 'team', Value: 'blue' }], transitiveTagKeys: ['team'] }, { tags: [{ Key: 'department', Value: 'Eng' }], transitiveTagKeys: ['department'] }, 'InvalidIdentityToken');
    assert.deepEqual(out, { tags: [{ Key: 'team', Value: 'blue' }, { Key: 'department', Value: 'Eng' }], transitiveTagKeys: ['team', 'department'] });
  });

  it("refuses what AWS refuses, in AWS's words", () => {
    const tags = (n: number, p = 't') => Array.from({ length: n }, (_, i) => ({ Key: `${p}${i}`, Value: 'v' }));
    const merge = (a: typeof none | { tags: { Key: string; Value: string }[]; transitiveTagKeys: string[] }, m: typeof a) => () => mergeSessionTags(a, m, 'ValidationError');
    assert.throws(merge({ tags: tags(40), transitiveTagKeys: [] }, { tags: tags(11, 'm'), transitiveTagKeys: [] }), code('ValidationError', /Member must have length less than or equal to 50 \(40 session tags from the identity provider, 11 mapped/));
    assert.doesNotThrow(merge({ tags: tags(40), transitiveTagKeys: [] }, { tags: tags(10, 'm'), transitiveTagKeys: [] }));
    assert.throws(merge(none, { tags: [{ Key: 'd', Value: 'x'.repeat(257) }], transitiveTagKeys: [] }), code('ValidationError', /'tags\.1\.member\.value' failed to satisfy constraint: Member must have length less than or equal to 256/));
    assert.doesNotThrow(merge(none, { tags: [{ Key: 'd', Value: 'x'.repeat(256) }], transitiveTagKeys: [] }));
    assert.throws(merge(none, { tags: [{ Key: 'k'.repeat(129), Value: '' }], transitiveTagKeys: [] }), code('ValidationError', /less than or equal to 128/));
    assert.throws(merge(none, { tags: [{ Key: 'd', Value: 'a,b' }], transitiveTagKeys: [] }), code('ValidationError', /regular expression pattern/));
    assert.throws(merge(none, { tags: [{ Key: 'aws:x', Value: '' }], transitiveTagKeys: [] }), code('ValidationError', /reserved/));
    assert.throws(
      merge({ tags: [{ Key: 'Department', Value: 'a' }], transitiveTagKeys: [] }, { tags: [{ Key: 'department', Value: 'b' }], transitiveTagKeys: [] }),
      code('ValidationError', /^Duplicate tag keys found\. Please note that Tag keys are case insensitive\. \(session tag department\)$/),
    );
  });

  it('the config file is checked for duplicate keys, aws: keys and transitive keys that are not mapped', () => {
    const yaml = `
identityProviders:
  saml: [{ name: idp, metadata: "<EntityDescriptor/>", sessionTags: { Dept: department, dept: ou }, transitiveTagKeys: [team] }]
  oidc: [{ url: https://op.example.test, clientIds: [a], sessionTags: { "aws:x": email } }]
`;
    assert.deepEqual(problemsOf(minimal(yaml)), [
      'identityProviders.oidc[0].sessionTags["aws:x"]: tag keys starting with aws: are reserved',
      'identityProviders.saml[0].sessionTags.dept: duplicate session tag key (keys are case-insensitive) "dept"',
      'identityProviders.saml[0].transitiveTagKeys[0]: expected one of the keys of sessionTags, not "team"',
    ]);
  });
});
