// The Configuration and Schema naming contexts every directory serves beside its domain, as a DC
// lays them out: `CN=Configuration,<domain>` with `CN=Partitions` (the crossRefs tools read the
// NetBIOS name from) and the site/server objects the RootDSE's serverName and dsServiceName name,
// and `CN=Schema,CN=Configuration,<domain>` with `CN=Aggregate`, the subschemaSubentry, whose
// attributeTypes, objectClasses and dITContentRules come from the one schema table
// (../contracts/ad-schema.ts), and an attributeSchema / classSchema object per attribute and class
// (`CN=Object-Sid`, `CN=Person`: what objectCategory values name, and where tools map schemaIDGUIDs
// to names). Read-only: the front end answers these bases itself for every backend.
import { createHash } from 'node:crypto';
import { adError, type AttributeValue, type DomainInfo, Entry, type Filter, type Scope, type SearchOptions } from '../contracts/directory.ts';
import {
  type AttributeType, attributeTypeDescription, ATTRIBUTE_TYPES, dITContentRule, type ObjectClass, OBJECT_CLASSES, objectClassDescription, SYNTAXES,
} from '../contracts/ad-schema.ts';
import { inScope, rdnKeys } from '../contracts/dn.ts';
import { matchesFilter } from '../contracts/filter-match.ts';

/** The subschema entry's generated attributes: returned only when asked for by name (as a DC does). */
const AGGREGATE_ATTRIBUTES: [name: string, values: () => string[]][] = [
  ['attributeTypes', () => ATTRIBUTE_TYPES.map(attributeTypeDescription)],
  ['objectClasses', () => OBJECT_CLASSES.map(objectClassDescription)],
  ['dITContentRules', () => OBJECT_CLASSES.map(dITContentRule)],
];

/** When the schema table was last changed (the Windows Server v1903 schema it is generated from). */
const SCHEMA_TIME = '20190521000000.0Z';

export interface PartitionNames {
  configuration: string;
  schema: string;
  aggregate: string;
  server: string;
  ntdsSettings: string;
}

export function partitionNames(domain: DomainInfo, dnsHostName: string): PartitionNames {
  const configuration = `CN=Configuration,${domain.baseDN}`;
  const schema = `CN=Schema,${configuration}`;
  const server = `CN=${dnsHostName.split('.')[0].toUpperCase()},CN=Servers,CN=Default-First-Site-Name,CN=Sites,${configuration}`;
  return { configuration, schema, aggregate: `CN=Aggregate,${schema}`, server, ntdsSettings: `CN=NTDS Settings,${server}` };
}

interface Stored {
  keys: string[];
  entry: Entry;
  /** The naming context it belongs to (a subtree search does not cross into another one). */
  nc: 'configuration' | 'schema';
}

export class ConfigurationPartition {
  readonly names: PartitionNames;
  readonly #entries: Stored[] = [];
  readonly #configurationKeys: string[];

  constructor(domain: DomainInfo, dnsHostName: string) {
    const n = (this.names = partitionNames(domain, dnsHostName));
    this.#configurationKeys = rdnKeys(n.configuration);
    const category = (cn: string): string => `CN=${cn},${n.schema}`;
    const add = (dn: string, nc: Stored['nc'], objectClass: string[], cat: string, attrs: Record<string, AttributeValue | AttributeValue[]> = {}): void => {
      const cn = /^CN=((?:[^,\\]|\\.)*)/i.exec(dn)![1];
      const entry = new Entry(dn, {
        objectClass, cn, name: cn, distinguishedName: dn, instanceType: '4', objectCategory: category(cat),
        objectGUID: createHash('sha256').update(`${domain.baseDN.toLowerCase()}|${dn.toLowerCase()}`).digest().subarray(0, 16),
        whenCreated: SCHEMA_TIME, whenChanged: SCHEMA_TIME, ...attrs,
      });
      this.#entries.push({ keys: rdnKeys(dn), entry, nc });
    };
    const partitions = `CN=Partitions,${n.configuration}`;
    const site = `CN=Default-First-Site-Name,CN=Sites,${n.configuration}`;
    // instanceType 13: the head of a writable naming context whose parent this DC holds too
    add(n.configuration, 'configuration', ['top', 'configuration'], 'Configuration', { instanceType: '13' });
    add(partitions, 'configuration', ['top', 'crossRefContainer'], 'Cross-Ref-Container', { systemFlags: '-2147483648', 'msDS-Behavior-Version': '7' });
    add(`CN=${domain.netbiosName},${partitions}`, 'configuration', ['top', 'crossRef'], 'Cross-Ref', {
      nCName: domain.baseDN, dnsRoot: domain.dnsName, nETBIOSName: domain.netbiosName, systemFlags: '3',
    });
    add(`CN=Enterprise Configuration,${partitions}`, 'configuration', ['top', 'crossRef'], 'Cross-Ref', { nCName: n.configuration, dnsRoot: domain.dnsName, systemFlags: '1' });
    add(`CN=Enterprise Schema,${partitions}`, 'configuration', ['top', 'crossRef'], 'Cross-Ref', { nCName: n.schema, dnsRoot: domain.dnsName, systemFlags: '1' });
    add(`CN=Sites,${n.configuration}`, 'configuration', ['top', 'sitesContainer'], 'Sites-Container', { systemFlags: '-2113929216' });
    add(site, 'configuration', ['top', 'site'], 'Site', { systemFlags: '-2113929216' });
    add(`CN=Servers,${site}`, 'configuration', ['top', 'serversContainer'], 'Servers-Container', { systemFlags: '33554432' });
    add(n.server, 'configuration', ['top', 'server'], 'Server', { dNSHostName: dnsHostName, systemFlags: '1375731712' });
    add(n.ntdsSettings, 'configuration', ['top', 'applicationSettings', 'nTDSDSA'], 'NTDS-DSA', {
      options: '1', 'msDS-Behavior-Version': '7', 'msDS-hasMasterNCs': [n.schema, n.configuration, domain.baseDN], systemFlags: '33554432',
    });
    add(n.schema, 'schema', ['top', 'dMD'], 'DMD', { instanceType: '13', objectVersion: '88' });
    add(n.aggregate, 'schema', ['top', 'subSchema'], 'SubSchema', { modifyTimeStamp: SCHEMA_TIME, createTimeStamp: SCHEMA_TIME });
    for (const a of ATTRIBUTE_TYPES) add(`CN=${a.cn},${n.schema}`, 'schema', ['top', 'attributeSchema'], 'Attribute-Schema', attributeSchema(a));
    for (const c of OBJECT_CLASSES) add(`CN=${c.cn},${n.schema}`, 'schema', ['top', 'classSchema'], 'Class-Schema', classSchema(c, n.schema));
  }

  /** Whether a (well-formed) DN lies in the Configuration or Schema naming context. */
  holds(dn: string): boolean {
    const keys = rdnKeys(dn);
    return inScope(keys, this.#configurationKeys, 'sub');
  }

  async *search(base: string, scope: Scope, filter: Filter, opts: SearchOptions): AsyncIterable<Entry> {
    const baseKeys = rdnKeys(base);
    const root = this.#entries.find((s) => s.keys.join(',') === baseKeys.join(','));
    if (!root) throw adError.noSuchObject(this.#bestMatch(baseKeys));
    const explicit = new Set(opts.attributes.map((a) => a.split(';')[0].toLowerCase()));
    let sent = 0;
    for (const s of this.#entries) {
      if (opts.signal?.aborted) return;
      if (s.nc !== root.nc || !inScope(s.keys, baseKeys, scope)) continue;
      let entry = s.entry;
      if (s.keys.join(',') === rdnKeys(this.names.aggregate).join(',')) {
        entry = entry.clone();
        for (const [name, values] of AGGREGATE_ATTRIBUTES) if (explicit.has(name.toLowerCase())) entry.set(name, values());
      }
      if (!matchesFilter(entry, filter)) continue;
      yield entry;
      if (opts.sizeLimit > 0 && ++sent >= opts.sizeLimit) return;
    }
  }

  #bestMatch(keys: string[]): string {
    for (let i = 1; i < keys.length; i++) {
      const parent = this.#entries.find((s) => s.keys.join(',') === keys.slice(i).join(','));
      if (parent) return parent.entry.dn;
    }
    return '';
  }
}

/** A GUID string as AD stores it: the first three fields little-endian. */
function guidBytes(guid: string): Buffer {
  const b = Buffer.from(guid.replace(/-/g, ''), 'hex');
  return Buffer.concat([b.subarray(0, 4).reverse(), b.subarray(4, 6).reverse(), b.subarray(6, 8).reverse(), b.subarray(8)]);
}

const PROPERTY_SETS = { 'Personal-Information': '77b5b886-944a-11d1-aebd-0000f80367c1', 'Web-Information': 'e45795b3-9455-11d1-aebd-0000f80367c1' };
const bool = (b: boolean): string => (b ? 'TRUE' : 'FALSE');

function attributeSchema(a: AttributeType): Record<string, AttributeValue | AttributeValue[]> {
  const syntax = SYNTAXES[a.syntax];
  return {
    lDAPDisplayName: a.name, attributeID: a.oid, attributeSyntax: syntax.attributeSyntax, oMSyntax: String(syntax.oMSyntax),
    isSingleValued: bool(a.singleValued), systemOnly: bool(a.systemOnly), schemaIDGUID: guidBytes(a.schemaIDGUID),
    ...(a.propertySet ? { attributeSecurityGUID: guidBytes(PROPERTY_SETS[a.propertySet]) } : {}),
  };
}

/** A class's MUST, MAY and auxiliary classes as one list each (AD splits them into the system* and the others). */
function classSchema(c: ObjectClass, schemaDN: string): Record<string, AttributeValue | AttributeValue[]> {
  const kind = { structural: '1', abstract: '2', auxiliary: '3' }[c.kind];
  return {
    lDAPDisplayName: c.name, governsID: c.oid, subClassOf: c.sup ?? c.name, objectClassCategory: kind, schemaIDGUID: guidBytes(c.schemaIDGUID),
    defaultObjectCategory: `CN=${c.defaultObjectCategory},${schemaDN}`, mustContain: c.must, mayContain: c.may, auxiliaryClass: c.aux,
    possSuperiors: c.possSuperiors,
  };
}
