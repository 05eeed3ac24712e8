// The schema table (ad-schema-table.ts) as lookups, and its subschema values in AD's form (RFC 4512 syntax
// as a Windows DC writes it: the SYNTAX OID quoted, `MUST (a $ b )`, no USAGE; dITContentRules
// name a structural class's auxiliary classes and what they add, without SUP, MS-ADTS 3.1.1.3.1.1.1).
import { ATTRIBUTE_ROWS, CLASS_ROWS, SYNTAXES, type SyntaxName } from './ad-schema-table.ts';

export { SYNTAXES, type SyntaxName };

export interface AttributeType {
  name: string;
  /** The attributeSchema object's RDN value (`Object-Sid`). */
  cn: string;
  oid: string;
  schemaIDGUID: string;
  syntax: SyntaxName;
  singleValued: boolean;
  /** systemOnly: only the directory writes it (NO-USER-MODIFICATION in the subschema). */
  systemOnly: boolean;
  constructed: boolean;
  /** The property set (attributeSecurityGUID) AD's default security descriptors grant SELF on. */
  propertySet?: 'Personal-Information' | 'Web-Information';
}

export interface ObjectClass {
  name: string;
  /** The classSchema object's RDN value (`User`). */
  cn: string;
  oid: string;
  schemaIDGUID: string;
  /** cn of the class whose DN instances carry as objectCategory (user → Person). */
  defaultObjectCategory: string;
  sup?: string;
  kind: 'structural' | 'abstract' | 'auxiliary';
  must: string[];
  may: string[];
  aux: string[];
  possSuperiors: string[];
}

const words = (s: string): string[] => s.split(/\s+/).filter(Boolean);

export const ATTRIBUTE_TYPES: readonly AttributeType[] = ATTRIBUTE_ROWS.trim().split('\n').map((row) => {
  const [name, oid, syntax, flags, cn, schemaIDGUID] = words(row);
  if (!(syntax in SYNTAXES) || !schemaIDGUID) throw new Error(`ad-schema: malformed row ${row}`);
  const propertySet = flags.includes('p') ? 'Personal-Information' : flags.includes('w') ? 'Web-Information' : undefined;
  return { name, cn, oid, schemaIDGUID, syntax: syntax as SyntaxName, singleValued: flags.includes('s'), systemOnly: flags.includes('n'), constructed: flags.includes('c'), ...(propertySet ? { propertySet } : {}) };
});

export const OBJECT_CLASSES: readonly ObjectClass[] = CLASS_ROWS.map((c) => ({
  name: c.name, cn: c.cn, oid: c.oid, schemaIDGUID: c.guid, defaultObjectCategory: c.category, ...(c.sup ? { sup: c.sup } : {}), kind: c.kind,
  must: words(c.must), may: words(c.may), aux: words(c.aux), possSuperiors: words(c.possSuperiors),
}));

const byName = <T extends { name: string }>(xs: readonly T[]): ReadonlyMap<string, T> => new Map(xs.map((x) => [x.name.toLowerCase(), x]));
const attributesByName = byName(ATTRIBUTE_TYPES);
const classesByName = byName(OBJECT_CLASSES);

export const attributeType = (name: string): AttributeType | undefined => attributesByName.get(name.split(';')[0].toLowerCase());
export const objectClass = (name: string): ObjectClass | undefined => classesByName.get(name.toLowerCase());

const list = (xs: string[]): string => `(${xs.map((x) => `${x} `).join('$ ')})`;

export function attributeTypeDescription(a: AttributeType): string {
  return `( ${a.oid} NAME '${a.name}' SYNTAX '${SYNTAXES[a.syntax].ldap}' ${a.singleValued ? 'SINGLE-VALUE ' : ''}${a.systemOnly ? 'NO-USER-MODIFICATION ' : ''})`;
}

export function objectClassDescription(c: ObjectClass): string {
  // a class without SUP (top) keeps the empty SUP's space, as a DC writes it
  const must = c.must.length ? `MUST ${list(c.must)} ` : '';
  const may = c.may.length ? `MAY ${list(c.may)} ` : '';
  return `( ${c.oid} NAME '${c.name}' ${c.sup ? `SUP ${c.sup} ` : ' '}${c.kind.toUpperCase()} ${must}${may})`;
}

const AUXILIARY = OBJECT_CLASSES.filter((c) => c.kind === 'auxiliary').map((c) => c.name);

/** The auxiliary classes whose attributes a structural class's objects may carry: its own and its superclasses'. */
export function auxiliaryClassesOf(c: ObjectClass): string[] {
  const out = new Set<string>();
  const visit = (k: ObjectClass | undefined): void => {
    for (; k; k = k.sup ? objectClass(k.sup) : undefined) {
      for (const a of k.aux) {
        if (out.has(a)) continue;
        out.add(a);
        visit(objectClass(a));
      }
    }
  };
  visit(c);
  return [...out];
}

/** The attributes a class and its superclasses list (MUST only, or MUST and MAY). */
function chainAttributes(c: ObjectClass, which: 'must' | 'all'): Set<string> {
  const out = new Set<string>();
  for (let k: ObjectClass | undefined = c; k; k = k.sup ? objectClass(k.sup) : undefined) for (const a of which === 'must' ? k.must : [...k.must, ...k.may]) out.add(a);
  return out;
}

/** A DC writes one dITContentRule per class: structural ones list every auxiliary class of the
 *  schema (AUX); any class with auxiliary classes of its own (or its superclasses') lists what
 *  they add beyond the class's own attributes; the rest are bare. */
export function dITContentRule(c: ObjectClass): string {
  const ownMust = chainAttributes(c, 'must');
  const own = chainAttributes(c, 'all');
  const must = new Set<string>();
  const may = new Set<string>();
  for (const name of auxiliaryClassesOf(c)) {
    const a = objectClass(name);
    for (const m of a?.must ?? []) if (!ownMust.has(m)) must.add(m);
    for (const m of a?.may ?? []) if (!own.has(m)) may.add(m);
  }
  const aux = c.kind === 'structural' ? ` AUX ( ${AUXILIARY.map((x) => `${x} `).join('$ ')})` : '';
  return `( ${c.oid} NAME '${c.name}'${aux}${must.size ? ` MUST ${list([...must])}` : ''}${may.size ? ` MAY ${list([...may])}` : ''})`;
}
