// The schema table covers what the directories serve: every attribute and objectClass value of
// every simple-ad entry (stored and constructed, tokenGroups included) and of the Configuration and
// Schema partitions is defined, and the table is closed (every class's SUP, auxiliary classes,
// MUST and MAY name something defined, so ldap3's ObjectDef never meets an unknown name).
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { openSqliteStore } from '../../../adapters/store/sqlite/index.ts';
import { ATTRIBUTE_TYPES, attributeType, OBJECT_CLASSES, objectClass } from '../../../server/contracts/ad-schema.ts';
import type { DirectoryBackend, Entry, Filter } from '../../../server/contracts/directory.ts';
import { ConfigurationPartition } from '../../../server/ldap/configuration-partition.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { openOn } from './simple-ad-helpers.ts';

const ANY: Filter = { type: 'present', attribute: 'objectClass' };

async function all(it: AsyncIterable<Entry>): Promise<Entry[]> {
  const out: Entry[] = [];
  for await (const e of it) out.push(e);
  return out;
}

function undefinedNames(entries: Entry[]): string[] {
  const missing = new Set<string>();
  for (const e of entries) {
    for (const [name, values] of e) {
      if (!attributeType(name)) missing.add(`attribute ${name} (${e.dn})`);
      if (name.toLowerCase() === 'objectclass') for (const v of values) if (!objectClass(String(v))) missing.add(`class ${String(v)} (${e.dn})`);
    }
  }
  return [...missing];
}

describe('AD schema table', () => {
  let backend: DirectoryBackend;
  before(async () => {
    backend = (await openOn(await openSqliteStore(':memory:'), CONTRACT_SEED)).backend;
  });

  it('defines every attribute and class of every simple-ad entry, constructed attributes included', async () => {
    const base = backend.domain.baseDN;
    const opts = { principal: null, attributes: ['*', '+'], sizeLimit: 0 };
    const entries = await all(backend.search(base, 'sub', ANY, opts));
    assert.ok(entries.length > 20);
    for (const dn of [`CN=Alice Liddell,CN=Users,${base}`, `CN=Developers,CN=Users,${base}`]) {
      entries.push(...(await all(backend.search(dn, 'base', ANY, { ...opts, attributes: ['tokenGroups'] }))));
    }
    assert.ok(entries.some((e) => e.has('tokenGroups')));
    assert.deepEqual(undefinedNames(entries), []);
    const categories = new Set(entries.map((e) => e.first('objectCategory')).filter((c) => c !== undefined));
    const schemaDN = `CN=Schema,CN=Configuration,${base}`;
    assert.deepEqual([...categories].filter((c) => !OBJECT_CLASSES.some((k) => `CN=${k.cn},${schemaDN}` === c)), [], 'every objectCategory names a classSchema object');
  });

  it('defines every attribute and class of the Configuration and Schema partitions', async () => {
    const p = new ConfigurationPartition(backend.domain, 'dc1.corp.example.com');
    const attributes = ['attributeTypes', 'objectClasses', 'dITContentRules'];
    const entries = [
      ...(await all(p.search(p.names.configuration, 'sub', ANY, { principal: null, attributes, sizeLimit: 0 }))),
      ...(await all(p.search(p.names.schema, 'sub', ANY, { principal: null, attributes, sizeLimit: 0 }))),
    ];
    assert.equal(entries.length, 12 + ATTRIBUTE_TYPES.length + OBJECT_CLASSES.length);
    assert.deepEqual(undefinedNames(entries), []);
  });

  it('is closed and unambiguous: every name a class uses is defined, OIDs and names are unique', () => {
    const dangling: string[] = [];
    for (const c of OBJECT_CLASSES) {
      if (c.sup && !objectClass(c.sup)) dangling.push(`${c.name} SUP ${c.sup}`);
      for (const a of c.aux) if (!objectClass(a)) dangling.push(`${c.name} AUX ${a}`);
      for (const a of [...c.must, ...c.may]) if (!attributeType(a)) dangling.push(`${c.name} ${a}`);
    }
    assert.deepEqual(dangling, []);
    const oids = [...ATTRIBUTE_TYPES, ...OBJECT_CLASSES].map((x) => x.oid);
    assert.equal(new Set(oids).size, oids.length);
    const names = [...ATTRIBUTE_TYPES, ...OBJECT_CLASSES].map((x) => x.name.toLowerCase());
    assert.equal(new Set(names).size, names.length);
    const cns = [...ATTRIBUTE_TYPES, ...OBJECT_CLASSES].map((x) => x.cn.toLowerCase());
    assert.equal(new Set(cns).size, cns.length, 'one schema object per cn');
    for (const c of OBJECT_CLASSES) assert.ok(OBJECT_CLASSES.some((k) => k.cn === c.defaultObjectCategory), `${c.name}'s defaultObjectCategory ${c.defaultObjectCategory}`);
    assert.deepEqual(attributeType('objectSid'), {
      name: 'objectSid', cn: 'Object-Sid', oid: '1.2.840.113556.1.4.146', schemaIDGUID: 'bf9679e8-0de6-11d0-a285-00aa003049e2', syntax: 'sid', singleValued: true,
      systemOnly: true, constructed: false,
    });
    assert.equal(attributeType('TELEPHONENUMBER;binary')?.propertySet, 'Personal-Information');
  });
});
