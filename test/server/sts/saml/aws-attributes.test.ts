// Unit tests: AWS SAML attribute reading, SubjectType, NameQualifier, saml:* condition keys, assertion checks.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { nameQualifier, readAwsAttributes, subjectType } from '../../../../server/sts/saml/aws-attributes.ts';
import { checkAssertion } from '../../../../server/sts/saml/check-assertion.ts';
import { samlConditionKeys } from '../../../../server/sts/saml/condition-keys.ts';
import type { AssertionFields } from '../../../../server/sts/saml/read-assertion.ts';

const A = 'https://aws.amazon.com/SAML/Attributes/';
const attrs = (o: Record<string, string[]>) => new Map(Object.entries({ [`${A}RoleSessionName`]: ['bob'], ...o }));
const code = (f: () => unknown, c: string, m?: RegExp) =>
  assert.throws(f, (e: { code?: string; message: string }) => {
    assert.equal(e.code, c);
    if (m) assert.match(e.message, m);
    return true;
  });

describe('AWS SAML attributes', () => {
  it('reads role pairs in either order, tags, transitive keys, SourceIdentity, SessionDuration', () => {
    const r = readAwsAttributes(
      attrs({
        [`${A}Role`]: ['arn:aws:iam::111122223333:role/R,arn:aws:iam::111122223333:saml-provider/P', 'arn:aws:iam::111122223333:saml-provider/P, arn:aws:iam::111122223333:role/S', 'garbage'],
        [`${A}PrincipalTag:Team`]: ['blue'],
        [`${A}TransitiveTagKeys`]: ['team'],
        [`${A}SourceIdentity`]: ['bob@corp'],
        [`${A}SessionDuration`]: ['1800'],
      }),
    );
    assert.deepEqual(r.rolePairs.map((p) => p.roleArn), ['arn:aws:iam::111122223333:role/R', 'arn:aws:iam::111122223333:role/S']);
    assert.deepEqual(r.tags, [{ Key: 'Team', Value: 'blue' }]);
    assert.deepEqual(r.transitiveTagKeys, ['team']);
    assert.equal(r.sourceIdentity, 'bob@corp');
    assert.equal(r.sessionDuration, 1800);
  });

  it("refuses with AWS's InvalidIdentityToken messages", () => {
    code(() => readAwsAttributes(new Map()), 'InvalidIdentityToken', /^RoleSessionName is required in AuthnResponse$/);
    code(() => readAwsAttributes(attrs({ [`${A}RoleSessionName`]: ['x'] })), 'InvalidIdentityToken', /must match \[a-zA-Z_0-9\+=,\.@-\]\{2,64\}/);
    code(() => readAwsAttributes(attrs({ [`${A}SourceIdentity`]: ['aws:me'] })), 'InvalidIdentityToken', /Source Identity must match/);
    code(() => readAwsAttributes(attrs({ [`${A}SessionDuration`]: ['60'] })), 'InvalidIdentityToken');
    code(() => readAwsAttributes(attrs({ [`${A}TransitiveTagKeys`]: ['nope'] })), 'InvalidIdentityToken');
  });

  it('SubjectType drops the SAML 2.0 prefix only; NameQualifier is base64 SHA1(issuer + account + "/" + name)', () => {
    assert.equal(subjectType('urn:oasis:names:tc:SAML:2.0:nameid-format:transient'), 'transient');
    assert.equal(subjectType('urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified'), 'urn:oasis:names:tc:SAML:1.1:nameid-format:unspecified');
    assert.equal(nameQualifier('https://example.com/saml', '123456789012', 'MySAMLIdP'), createHash('sha1').update('https://example.com/saml123456789012/MySAMLIdP').digest('base64'));
    assert.match(nameQualifier('i', '1', 'p'), /^[A-Za-z0-9+/]{27}=$/);
  });

  it('maps eduPerson and X.500 attributes to saml:* keys (lists for multivalued keys)', () => {
    const k = samlConditionKeys({
      recipient: 'r', issuer: 'i', subject: 's', subjectType: 'persistent', nameQualifier: 'q', doc: '1/p',
      attributes: new Map([['urn:oid:1.3.6.1.4.1.5923.1.1.1.1', ['staff', 'member']], ['urn:oid:1.3.6.1.4.1.5923.1.1.1.6', ['bob@corp']], ['urn:oid:0.9.2342.19200300100.1.3', ['bob@corp.example']]]),
    });
    assert.deepEqual(k['saml:edupersonaffiliation'], ['staff', 'member']);
    assert.equal(k['saml:edupersonprincipalname'], 'bob@corp');
    assert.equal(k['saml:mail'], 'bob@corp.example');
    assert.equal(k['saml:aud'], 'r');
    assert.equal(k['saml:doc'], '1/p');
  });
});

describe('assertion checks', () => {
  const now = new Date('2026-01-01T12:00:00Z');
  const base: AssertionFields = {
    id: '_a', issuer: 'idp', nameId: 'bob', confirmations: [{ method: 'urn:oasis:names:tc:SAML:2.0:cm:bearer', recipient: 'acs', notOnOrAfter: '2026-01-01T12:05:00Z' }],
    notBefore: '2026-01-01T11:59:00Z', notOnOrAfter: '2026-01-01T12:05:00Z', audienceRestrictions: [['sp']], attributes: new Map(),
  };
  const exp = { issuer: 'idp', audiences: ['sp'], recipients: ['acs'], now };
  it('accepts within the 60 s skew and returns the Recipient', () => {
    assert.equal(checkAssertion({ ...base, notBefore: '2026-01-01T12:00:59Z' }, undefined, 'acs', exp), 'acs');
    assert.equal(checkAssertion({ ...base, notOnOrAfter: '2026-01-01T11:59:01Z' }, 'idp', undefined, exp), 'acs');
  });
  it('refuses outside the skew, two confirmations, a missing Recipient, an unrestricted audience, bad dates', () => {
    code(() => checkAssertion({ ...base, notOnOrAfter: '2026-01-01T11:59:00Z' }, undefined, undefined, exp), 'ExpiredTokenException', /^Response has expired$/);
    code(() => checkAssertion({ ...base, notBefore: '2026-01-01T12:01:01Z' }, undefined, undefined, exp), 'InvalidIdentityToken', /not yet valid/);
    code(() => checkAssertion({ ...base, confirmations: [...base.confirmations, ...base.confirmations] }, undefined, undefined, exp), 'InvalidIdentityToken', /exactly one SubjectConfirmation/);
    code(() => checkAssertion({ ...base, confirmations: [{ ...base.confirmations[0], recipient: undefined }] }, undefined, undefined, exp), 'InvalidIdentityToken');
    code(() => checkAssertion({ ...base, audienceRestrictions: [] }, undefined, undefined, exp), 'InvalidIdentityToken', /required audience/);
    code(() => checkAssertion({ ...base, audienceRestrictions: [['sp'], ['other']] }, undefined, undefined, exp), 'InvalidIdentityToken', /required audience/);
    code(() => checkAssertion({ ...base, notOnOrAfter: 'tomorrow' }, undefined, undefined, exp), 'InvalidIdentityToken', /dateTime/);
    code(() => checkAssertion(base, 'other-idp', undefined, exp), 'InvalidIdentityToken', /Issuer/);
  });
});
