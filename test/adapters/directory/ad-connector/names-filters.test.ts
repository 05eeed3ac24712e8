import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { AndFilter, EqualityFilter, ExtensibleFilter, InvalidCredentialsError, NotFilter, OrFilter, SubstringFilter } from 'ldapts';
import { diagnosticOf, relay, UpstreamLdapError } from '../../../../adapters/directory/ad-connector/errors.ts';
import { toLdaptsFilter } from '../../../../adapters/directory/ad-connector/filter.ts';
import { downLevelName, parseBindName, pickBindUser } from '../../../../adapters/directory/ad-connector/names.ts';
import { Entry, type Filter } from '../../../../server/contracts/directory.ts';

const domain = { dnsName: 'onprem.example.com', netbiosName: 'ONPREM', baseDN: 'DC=onprem,DC=example,DC=com' };
const show = (f: Filter): string => {
  switch (f.type) {
    case 'and':
    case 'or':
      return `(${f.type === 'and' ? '&' : '|'}${f.filters.map(show).join('')})`;
    case 'equality':
      return `(${f.attribute}=${f.value.toString()})`;
    default:
      return f.type;
  }
};

describe('ad-connector bind names', () => {
  it('a DN is bound as is; UPN and DOMAIN\\user are looked up with AD attributes and OpenLDAP fallbacks', () => {
    assert.deepEqual(parseBindName('uid=alice,ou=People,dc=onprem,dc=example,dc=com', domain), { kind: 'dn', dn: 'uid=alice,ou=People,dc=onprem,dc=example,dc=com' });
    const upn = parseBindName('alice@onprem.example.com', domain);
    assert.equal(upn.kind === 'lookup' && show(upn.filter), '(&(|(objectClass=person)(objectClass=user))(|(userPrincipalName=alice@onprem.example.com)(mail=alice@onprem.example.com)(sAMAccountName=alice)(uid=alice)))');
    const otherSuffix = parseBindName('alice@partner.example', domain);
    assert.equal(otherSuffix.kind === 'lookup' && show(otherSuffix.filter), '(&(|(objectClass=person)(objectClass=user))(|(userPrincipalName=alice@partner.example)(mail=alice@partner.example)))');
    for (const n of ['ONPREM\\alice', 'onprem\\alice', 'onprem.example.com\\alice', 'alice']) {
      const p = parseBindName(n, domain);
      assert.equal(p.kind === 'lookup' && show(p.filter), '(&(|(objectClass=person)(objectClass=user))(|(sAMAccountName=alice)(uid=alice)))', n);
    }
    assert.deepEqual(parseBindName('OTHER\\alice', domain), { kind: 'foreign' });
  });

  it('a UPN found twice (explicit on one account, implicit sAMAccountName@dnsName on another) resolves to the explicit one', () => {
    const explicit = new Entry('CN=Alice,DC=x', { sAMAccountName: 'alice', userPrincipalName: 'Bob@onprem.example.com' });
    const implicit = new Entry('CN=Bob,DC=x', { sAMAccountName: 'bob' });
    assert.equal(pickBindUser('bob@onprem.example.com', [implicit, explicit]), explicit);
    assert.equal(pickBindUser('bob@onprem.example.com', [implicit]), implicit);
    assert.equal(pickBindUser('bob@onprem.example.com', [implicit, new Entry('CN=Bob2,DC=x', { uid: 'bob' })]), undefined);
    assert.equal(pickBindUser('bob@onprem.example.com', []), undefined);
  });

  it('the down-level name prefers sAMAccountName, then uid, then the RDN value', () => {
    assert.equal(downLevelName(new Entry('CN=Alice A,DC=x', { sAMAccountName: 'alice', uid: 'aa' }), domain), 'ONPREM\\alice');
    assert.equal(downLevelName(new Entry('uid=bob,DC=x', { uid: 'bob' }), domain), 'ONPREM\\bob');
    assert.equal(downLevelName(new Entry('cn=svc\\,1,DC=x'), domain), 'ONPREM\\svc,1');
  });
});

describe('ad-connector filters', () => {
  it('keeps equality values as bytes (binary and non-ASCII survive) and maps every kind', () => {
    const guid = Buffer.from([0x00, 0xff, 0x28, 0x2a, 0x5c]);
    const f = toLdaptsFilter({
      type: 'and',
      filters: [
        { type: 'equality', attribute: 'objectGUID', value: guid },
        { type: 'not', filter: { type: 'equality', attribute: 'cn', value: Buffer.from('Jürgen') } },
        { type: 'or', filters: [{ type: 'substrings', attribute: 'cn', initial: Buffer.from('a'), any: [Buffer.from('b')], final: Buffer.from('c') }] },
        { type: 'extensible', rule: '1.2.840.113556.1.4.1941', attribute: 'member', value: Buffer.from('cn=x'), dnAttributes: false },
      ],
    });
    assert.ok(f instanceof AndFilter);
    const [eq, not, or, ext] = f.filters;
    assert.ok(eq instanceof EqualityFilter && Buffer.isBuffer(eq.value) && eq.value.equals(guid));
    assert.ok(not instanceof NotFilter && not.filter instanceof EqualityFilter);
    assert.equal(Buffer.from(not.filter.value as Buffer).toString('utf8'), 'Jürgen');
    assert.ok(or instanceof OrFilter && or.filters[0] instanceof SubstringFilter);
    assert.deepEqual([or.filters[0].initial, or.filters[0].any, or.filters[0].final], ['a', ['b'], 'c']);
    assert.ok(ext instanceof ExtensibleFilter && ext.rule === '1.2.840.113556.1.4.1941' && ext.matchType === 'member');
  });
});

describe('ad-connector errors', () => {
  it('relays a DC result with its diagnostic unchanged, and reads AD’s data code', () => {
    const ad = '80090308: LdapErr: DSID-0C09044E, comment: AcceptSecurityContext error, data 775, v4563\u0000';
    const e = relay(new InvalidCredentialsError(ad));
    assert.ok(e instanceof UpstreamLdapError);
    assert.equal(e.resultCode, 49);
    assert.equal(e.code, 'invalidCredentials');
    assert.equal(e.diagnostic, ad);
    assert.equal(e.adCode, '775');
    assert.equal(relay(new InvalidCredentialsError('')).adCode, '52e', 'OpenLDAP says nothing: 52e');
    assert.equal(diagnosticOf(new InvalidCredentialsError('')), '');
    assert.equal(new UpstreamLdapError(4711, 'odd').code, 'other');
  });
});
