import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Entry, type Filter } from '../../../server/contracts/directory.ts';
import { matchesFilter } from '../../../server/contracts/filter-match.ts';
import { selectAttributes } from '../../../server/ldap/attribute-selection.ts';

const b = (s: string | number[]): Buffer => (typeof s === 'string' ? Buffer.from(s) : Buffer.from(s));
const e = new Entry('CN=Alice,CN=Users,DC=x', {
  cn: 'Alice', sAMAccountName: 'alice', userAccountControl: '514', pwdLastSet: '133000000000000000', groupType: '-2147483646',
  objectGUID: b([0, 0xff, 0x80, 0x41]), memberOf: 'CN=Dev,CN=Users,DC=x', objectCategory: 'CN=Person,CN=Schema,CN=Configuration,DC=x',
  whenChanged: '20240102030405.0Z',
});

describe('filter evaluation', () => {
  const t = (f: Filter, expected: boolean) => assert.equal(matchesFilter(e, f), expected, JSON.stringify(f));
  it('is case-insensitive on names and string values, exact on binary values', () => {
    t({ type: 'equality', attribute: 'SAMACCOUNTNAME', value: b('ALICE') }, true);
    t({ type: 'equality', attribute: 'objectGUID', value: b([0, 0xff, 0x80, 0x41]) }, true);
    t({ type: 'equality', attribute: 'objectGUID', value: b([0, 0xff, 0x80, 0x61]) }, false);
    t({ type: 'equality', attribute: 'memberOf', value: b('cn=dev, cn=users, dc=X') }, true);
    t({ type: 'equality', attribute: 'objectCategory', value: b('person') }, true);
  });
  it('handles substrings, presence, ordering (Integer8 and GeneralizedTime), not/and/or', () => {
    t({ type: 'substrings', attribute: 'cn', initial: b('al'), any: [b('I')], final: b('e') }, true);
    t({ type: 'substrings', attribute: 'cn', initial: b('ali'), any: [], final: b('ice') }, false);
    t({ type: 'present', attribute: 'mail' }, false);
    t({ type: 'not', filter: { type: 'present', attribute: 'mail' } }, true);
    t({ type: 'greaterOrEqual', attribute: 'pwdLastSet', value: b('99999999999999999') }, true);
    t({ type: 'lessOrEqual', attribute: 'whenChanged', value: b('20240101000000.0Z') }, false);
    t({ type: 'and', filters: [{ type: 'present', attribute: 'objectClass' }, { type: 'or', filters: [] }] }, false);
  });
  it('implements AD bit rules 803/804 (signed 32-bit values too) and never matches unknown rules', () => {
    t({ type: 'extensible', rule: '1.2.840.113556.1.4.803', attribute: 'userAccountControl', value: b('2'), dnAttributes: false }, true);
    t({ type: 'extensible', rule: '1.2.840.113556.1.4.803', attribute: 'userAccountControl', value: b('3'), dnAttributes: false }, false);
    t({ type: 'extensible', rule: '1.2.840.113556.1.4.804', attribute: 'userAccountControl', value: b('3'), dnAttributes: false }, true);
    t({ type: 'extensible', rule: '1.2.840.113556.1.4.803', attribute: 'groupType', value: b('2147483648'), dnAttributes: false }, true);
    t({ type: 'extensible', rule: '1.2.3.4', attribute: 'cn', value: b('Alice'), dnAttributes: false }, false);
    t({ type: 'extensible', attribute: 'cn', value: b('users'), dnAttributes: true }, true);
    t({ type: 'extensible', rule: '1.2.840.113556.1.4.1941', attribute: 'memberOf', value: b('CN=Dev,CN=Users,DC=x'), dnAttributes: false }, false);
    assert.ok(matchesFilter(e, { type: 'extensible', rule: '1.2.840.113556.1.4.1941', attribute: 'memberOf', value: b('CN=Top'), dnAttributes: false }, { inChain: (_, a, dn) => a === 'memberOf' && dn === 'CN=Top' }));
  });
});

describe('attribute selection', () => {
  it('returns AD ranged retrieval slices past MaxValRange', () => {
    const g = new Entry('CN=G', { member: Array.from({ length: 7 }, (_, i) => `CN=u${i}`), cn: 'G' });
    assert.deepEqual(selectAttributes(g, ['member'], 3).map(([n, v]) => [n, v.length]), [['member;range=0-2', 3]]);
    assert.deepEqual(selectAttributes(g, ['member;range=3-*'], 3).map(([n, v]) => [n, v.length]), [['member;range=3-5', 3]]);
    assert.deepEqual(selectAttributes(g, ['member;range=6-*'], 3).map(([n, v]) => [n, v.length]), [['member;range=6-*', 1]]);
    assert.deepEqual(selectAttributes(g, ['member;range=9-*'], 3), []);
    assert.deepEqual(selectAttributes(g, ['cn'], 3), [['cn', ['G']]]);
  });
});
