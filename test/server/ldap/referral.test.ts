// A backend's referral (LdapError 'referral' with URLs, as managed-ad raises for a trusted domain) goes on the
// wire as AD sends it: resultCode 10, the diagnostic, and the LDAPResult's referral [3] SEQUENCE OF URI;
// search requests tell the backend that the client can follow referrals.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BerReader } from '../../../server/ber/ber.ts';
import { encodeResult } from '../../../server/ldap/encode-response.ts';

describe('LDAP referral results', () => {
  it('encodes referral URLs after the diagnostic, and nothing when there are none', () => {
    const urls = ['ldap://onprem.example.com/DC=onprem,DC=example,DC=com', 'ldap://127.0.0.1:2389/DC=onprem,DC=example,DC=com'];
    const bytes = encodeResult(7, 0x65, { resultCode: 10, diagnostic: "0000202B: RefErr: DSID-0310082F, data 0, 1 access points\n\tref 1: 'onprem.example.com'\n", referrals: urls });
    const m = new BerReader(bytes).sequence();
    assert.equal(m.integer(), 7);
    const done = m.sequence(0x65);
    assert.equal(done.enumerated(), 10);
    assert.equal(done.string(), '');
    assert.match(done.string(), /^0000202B: RefErr/);
    const ref = done.sequence(0xa3);
    assert.deepEqual([ref.string(), ref.string()], urls);
    assert.deepEqual(encodeResult(1, 0x65, { resultCode: 0 }), encodeResult(1, 0x65, { resultCode: 0, referrals: [] }));
  });
});
