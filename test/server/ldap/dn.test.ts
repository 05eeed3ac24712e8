import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { LdapError } from '../../../server/contracts/directory.ts';
import { dnEquals, escapeDNValue, inScope, normalizeDN, parseDN, rdnKeys } from '../../../server/contracts/dn.ts';

describe('DN handling', () => {
  it('compares DNs as AD does: case, spacing and escape forms do not matter', () => {
    assert.ok(dnEquals('CN=Bob\\, Jr.,OU=Eng,DC=corp,DC=example,DC=com', 'cn=bob\\2c jr., ou=eng,dc=CORP,dc=example,dc=com'));
    assert.ok(dnEquals('CN=Zoë,DC=x', 'cn=ZO\\c3\\8b,dc=x'));
    assert.ok(dnEquals('CN=a+SN=b,DC=x', 'sn=B+cn=A,dc=x'), 'multi-valued RDNs in any order');
    assert.ok(!dnEquals('CN=a,DC=x', 'CN=a,DC=y'));
  });

  it('reads a plain value (fast path) exactly as the same value written with every byte escaped', () => {
    const hex = (v: string) => [...Buffer.from(v, 'utf8')].map((b) => `\\${b.toString(16).padStart(2, '0')}`).join('');
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 12 }).filter((v) => !/[,;+\\"<>\0]/.test(v) && !v.startsWith('#') && v.trim() === v), fc.constantFrom('CN', 'ou', '2.5.4.3'), (value, type) => {
        assert.deepEqual(parseDN(`${type}=${value},DC=x`), parseDN(`${type}=${hex(value)},DC=x`));
        assert.deepEqual(parseDN(`${type}= ${value}  ,DC=x`)[0], [{ type, value }], 'spaces around the value are not part of it');
        assert.deepEqual(rdnKeys(`${type}=${value}`), rdnKeys(`${type}=${hex(value)}`));
      }),
      { numRuns: 500, seed: 7 },
    );
    const keys = rdnKeys('CN=a,DC=x');
    keys.push('mutated');
    assert.deepEqual(rdnKeys('CN=a,DC=x'), ['cn=a', 'dc=x'], 'memoized keys are not shared with callers');
  });

  it('parses escapes, hex values and trailing escaped spaces', () => {
    assert.deepEqual(parseDN('CN=a\\=b\\+c,DC=x')[0], [{ type: 'CN', value: 'a=b+c' }]);
    assert.deepEqual(parseDN('CN=#04026869')[0], [{ type: 'CN', value: '\u0004\u0002hi' }]);
    assert.equal(parseDN('CN=x\\ ,DC=y')[0][0].value, 'x ');
    assert.equal(parseDN('').length, 0);
  });

  it('rejects malformed DNs with invalidDNSyntax (34)', () => {
    for (const bad of ['no equals', 'CN=a,,DC=x', 'CN=a,', '=a', 'CN=a\\', 'CN=a<b', '1bad=x']) {
      assert.throws(() => parseDN(bad), (e: unknown) => e instanceof LdapError && e.resultCode === 34, bad);
    }
  });

  it('decides scope membership on RDN boundaries, not string suffixes', () => {
    const base = rdnKeys('DC=x');
    assert.ok(inScope(rdnKeys('CN=a,DC=x'), base, 'one'));
    assert.ok(!inScope(rdnKeys('CN=a,CN=b,DC=x'), base, 'one'));
    assert.ok(inScope(rdnKeys('CN=a,CN=b,DC=x'), base, 'sub'));
    assert.ok(!inScope(rdnKeys('CN=a\\,DC=x,DC=y'), base, 'sub'), 'an escaped comma is not a separator');
    assert.ok(inScope(base, base, 'base') && !inScope(base, base, 'one'));
  });

  it('escapes values for DN strings, keeping UTF-8 raw', () => {
    assert.equal(escapeDNValue('Bob, Jr.'), 'Bob\\, Jr.');
    assert.equal(escapeDNValue(' #x '), '\\ #x\\ ');
    assert.equal(escapeDNValue('Zoë'), 'Zoë');
    assert.equal(normalizeDN(`CN=${escapeDNValue('a+b')},DC=x`), 'cn=a\\+b,dc=x');
  });
});
