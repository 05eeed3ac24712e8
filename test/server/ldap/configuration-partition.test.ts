// The Configuration and Schema naming contexts over real sockets (ldapts): the RootDSE lists them
// and every name it advertises answers, the subschema entry carries AD's attributeTypes /
// objectClasses / dITContentRules when asked for them by name, CN=Partitions has the domain's
// crossRef, a subtree search stays in its naming context, and nothing there can be written.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Attribute, Change } from 'ldapts';
import type { DirectoryBackend } from '../../../server/contracts/directory.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { MemoryBackend } from '../../fixtures/ldap/memory-backend.ts';
import { BASE, type Harness, startLdap } from './harness.ts';

const CONFIG = `CN=Configuration,${BASE}`;
const SCHEMA = `CN=Schema,${CONFIG}`;
const AGGREGATE = `CN=Aggregate,${SCHEMA}`;
const code = (n: number) => (e: unknown) => (e as { code: number }).code === n;

describe('Configuration and Schema partitions (ldapts, real sockets)', () => {
  let h: Harness;
  before(async () => {
    h = await startLdap();
  });
  after(async () => h?.close());

  const bound = async () => {
    const c = h.client();
    await c.bind('CORP\\alice', 'Alice!pass1');
    return c;
  };

  it('lists the domain, Configuration and Schema naming contexts in the RootDSE, and each one answers', async () => {
    const c = h.client();
    const { searchEntries: [dse] } = await c.search('', { scope: 'base', attributes: ['*', 'subschemaSubentry'] });
    assert.deepEqual(dse.namingContexts, [BASE, CONFIG, SCHEMA]);
    assert.equal(dse.configurationNamingContext, CONFIG);
    assert.equal(dse.schemaNamingContext, SCHEMA);
    assert.equal(dse.rootDomainNamingContext, BASE);
    assert.equal(dse.subschemaSubentry, AGGREGATE);
    const user = await bound();
    for (const dn of [CONFIG, SCHEMA, AGGREGATE, String(dse.serverName), String(dse.dsServiceName)]) {
      const { searchEntries } = await user.search(dn, { scope: 'base', attributes: ['distinguishedName'] });
      assert.equal(searchEntries.length, 1, dn);
      assert.equal(searchEntries[0].dn, dn);
    }
  });

  it('serves the subschema entry in AD\'s form, with the generated attributes only when named', async () => {
    const c = await bound();
    const { searchEntries: [s] } = await c.search(AGGREGATE, {
      scope: 'base', filter: '(objectClass=subschema)', attributes: ['attributeTypes', 'objectClasses', 'dITContentRules', 'modifyTimeStamp'],
    });
    const types = s.attributeTypes as string[];
    assert.ok(types.includes("( 1.2.840.113556.1.4.146 NAME 'objectSid' SYNTAX '1.3.6.1.4.1.1466.115.121.1.40' SINGLE-VALUE NO-USER-MODIFICATION )"));
    assert.ok(types.includes("( 1.2.840.113556.1.4.2 NAME 'objectGUID' SYNTAX '1.3.6.1.4.1.1466.115.121.1.40' SINGLE-VALUE NO-USER-MODIFICATION )"));
    assert.ok(types.includes("( 2.5.4.20 NAME 'telephoneNumber' SYNTAX '1.3.6.1.4.1.1466.115.121.1.15' SINGLE-VALUE )"));
    assert.ok(types.includes("( 1.2.840.113556.1.2.102 NAME 'memberOf' SYNTAX '1.3.6.1.4.1.1466.115.121.1.12' NO-USER-MODIFICATION )"));
    const classes = s.objectClasses as string[];
    assert.ok(classes.some((x) => x.startsWith("( 1.2.840.113556.1.5.9 NAME 'user' SUP organizationalPerson STRUCTURAL MAY (")));
    assert.ok(classes.includes("( 2.5.6.6 NAME 'person' SUP top STRUCTURAL MUST (cn ) MAY (attributeCertificateAttribute $ userPassword $ telephoneNumber $ sn $ serialNumber $ seeAlso ) )"));
    assert.ok(classes.some((x) => x.startsWith("( 2.5.6.0 NAME 'top'  ABSTRACT MUST (objectClass $ ")), 'top has no SUP, with a DC\'s double space');
    const rules = s.dITContentRules as string[];
    const user = rules.find((x) => x.startsWith("( 1.2.840.113556.1.5.9 NAME 'user' AUX ( "))!;
    assert.match(user, / MUST \((objectSid \$ sAMAccountName|sAMAccountName \$ objectSid) \) MAY \(/);
    assert.ok(rules.includes("( 1.2.840.113556.1.5.6 NAME 'securityPrincipal')"), 'auxiliary classes get a bare rule');
    assert.equal(s.modifyTimeStamp, '20190521000000.0Z');
    const { searchEntries: [star] } = await c.search(AGGREGATE, { scope: 'base', attributes: ['*'] });
    assert.deepEqual(star.objectClass, ['top', 'subSchema']);
    assert.equal(star.attributeTypes, undefined, 'a DC generates them only when asked for by name');
    const { searchEntries: none } = await c.search(AGGREGATE, { scope: 'base', filter: '(objectClass=user)' });
    assert.equal(none.length, 0);
  });

  it('serves an attributeSchema and a classSchema object per attribute and class (what objectCategory names)', async () => {
    const c = await bound();
    const { searchEntries: [sid] } = await c.search(SCHEMA, {
      scope: 'one', filter: '(&(objectClass=attributeSchema)(lDAPDisplayName=objectSid))',
      attributes: ['attributeID', 'attributeSyntax', 'oMSyntax', 'isSingleValued', 'systemOnly', 'schemaIDGUID', 'objectCategory'],
    });
    assert.equal(sid.dn, `CN=Object-Sid,${SCHEMA}`);
    assert.equal(sid.attributeID, '1.2.840.113556.1.4.146');
    assert.equal(sid.attributeSyntax, '2.5.5.17');
    assert.equal(sid.oMSyntax, '4');
    assert.equal(sid.isSingleValued, 'TRUE');
    assert.equal(sid.systemOnly, 'TRUE');
    assert.equal(sid.objectCategory, `CN=Attribute-Schema,${SCHEMA}`);
    // bf9679e8-0de6-11d0-a285-00aa003049e2 as AD stores a GUID: the first three fields little-endian
    assert.equal(Buffer.from(sid.schemaIDGUID as Buffer).toString('hex'), 'e87996bfe60dd011a28500aa003049e2');
    const { searchEntries: [phone] } = await c.search(`CN=Telephone-Number,${SCHEMA}`, { scope: 'base', attributes: ['attributeSecurityGUID'] });
    assert.equal(Buffer.from(phone.attributeSecurityGUID as Buffer).toString('hex'), '86b8b5774a94d111aebd0000f80367c1', 'Personal-Information');
    const { searchEntries: [alice] } = await c.search(`CN=Alice Liddell,CN=Users,${BASE}`, { scope: 'base', attributes: ['objectCategory'] });
    const { searchEntries: [person] } = await c.search(String(alice.objectCategory), { scope: 'base', attributes: ['lDAPDisplayName', 'governsID', 'objectClassCategory'] });
    assert.deepEqual([person.lDAPDisplayName, person.governsID, person.objectClassCategory], ['person', '2.5.6.6', '1']);
    const { searchEntries: [user] } = await c.search(`CN=User,${SCHEMA}`, { scope: 'base', attributes: ['subClassOf', 'defaultObjectCategory', 'auxiliaryClass'] });
    assert.equal(user.subClassOf, 'organizationalPerson');
    assert.equal(user.defaultObjectCategory, `CN=Person,${SCHEMA}`);
    assert.ok((user.auxiliaryClass as string[]).includes('securityPrincipal'));
  });

  it('has the domain\'s crossRef under CN=Partitions (how tools find the NetBIOS name)', async () => {
    const c = await bound();
    const { searchEntries } = await c.search(`CN=Partitions,${CONFIG}`, {
      scope: 'one', filter: `(&(objectClass=crossRef)(nCName=${BASE}))`, attributes: ['nETBIOSName', 'dnsRoot', 'nCName', 'systemFlags'],
    });
    assert.equal(searchEntries.length, 1);
    assert.equal(searchEntries[0].dn, `CN=CORP,CN=Partitions,${CONFIG}`);
    assert.equal(searchEntries[0].nETBIOSName, 'CORP');
    assert.equal(searchEntries[0].dnsRoot, 'corp.example.com');
    assert.equal(searchEntries[0].systemFlags, '3');
    const { searchEntries: refs } = await c.search(`CN=Partitions,${CONFIG}`, { scope: 'one', filter: '(objectClass=crossRef)', attributes: ['nCName'] });
    assert.deepEqual(refs.map((r) => r.nCName).sort(), [BASE, CONFIG, SCHEMA].sort());
  });

  it('keeps a subtree search in its naming context, and answers an unknown DN with 32 and the best match', async () => {
    const c = await bound();
    const { searchEntries: config } = await c.search(CONFIG, { scope: 'sub', attributes: ['1.1'] });
    assert.ok(config.some((e) => e.dn === `CN=Partitions,${CONFIG}`));
    assert.ok(!config.some((e) => e.dn.endsWith(SCHEMA)), 'the Schema NC is another naming context');
    const { searchEntries: schema } = await c.search(SCHEMA, { scope: 'sub', attributes: ['1.1'] });
    assert.deepEqual(schema.slice(0, 2).map((e) => e.dn), [SCHEMA, AGGREGATE]);
    assert.ok(schema.every((e) => e.dn.endsWith(`,${SCHEMA}`) || e.dn === SCHEMA));
    const { searchEntries: domain } = await c.search(BASE, { scope: 'sub', filter: '(objectClass=crossRef)', attributes: ['1.1'] });
    assert.equal(domain.length, 0, 'the domain NC does not contain the Configuration NC');
    await assert.rejects(c.search(`CN=Nope,CN=Partitions,${CONFIG}`, { scope: 'base' }), (e: Error & { code: number }) =>
      e.code === 32 && e.message.includes(`best match of:\n\t'CN=Partitions,${CONFIG}'`));
  });

  it('refuses anonymous reads and every write', async () => {
    const anon = h.client();
    await assert.rejects(anon.search(AGGREGATE, { scope: 'base', attributes: ['attributeTypes'] }), code(1));
    const admin = h.client();
    await admin.bind('CORP\\admin', 'Adm1n!pass');
    const change = new Change({ operation: 'replace', modification: new Attribute({ type: 'description', values: ['x'] }) });
    await assert.rejects(admin.modify(AGGREGATE, change), code(50));
    await assert.rejects(admin.add(`CN=Evil,CN=Partitions,${CONFIG}`, { objectClass: 'crossRef' }), code(50));
    await assert.rejects(admin.del(`CN=CORP,CN=Partitions,${CONFIG}`), code(50));
  });
});

describe('Configuration and Schema partitions of a read-only directory (the ad-connector\'s shape)', () => {
  let h: Harness;
  before(async () => {
    const m = new MemoryBackend(CONTRACT_SEED);
    // what an ad-connector offers: no write methods; the front end serves the partitions itself
    const readOnly: DirectoryBackend = {
      kind: 'ad-connector', domain: m.domain, bind: (n, p) => m.bind(n, p), search: (b, s, f, o) => m.search(b, s, f, o), groupsOf: (p) => m.groupsOf(p),
    };
    h = await startLdap({ backend: readOnly });
  });
  after(async () => h?.close());

  it('serves the crossRef and the subschema entry, and answers writes there with 53 like any other', async () => {
    const c = h.client();
    await c.bind('CORP\\admin', 'Adm1n!pass');
    const { searchEntries: [ref] } = await c.search(`CN=CORP,CN=Partitions,${CONFIG}`, { scope: 'base', attributes: ['nETBIOSName'] });
    assert.equal(ref.nETBIOSName, 'CORP');
    const { searchEntries: [s] } = await c.search(AGGREGATE, { scope: 'base', attributes: ['objectClasses'] });
    assert.ok((s.objectClasses as string[]).length > 30);
    await assert.rejects(c.modify(AGGREGATE, new Change({ operation: 'replace', modification: new Attribute({ type: 'description', values: ['x'] }) })), code(53));
  });
});
