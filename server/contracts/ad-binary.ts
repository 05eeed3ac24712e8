// AD binary layouts and their string forms: objectGUID (16 bytes; the string form's first three
// fields are little-endian) and SIDs (MS-DTYP 2.4.2.2). Filters may name either in its string
// form, as Samba's ldb accepts (`(objectSid=S-1-5-21-…-513)`, `(objectGUID=<8-4-4-4-12>)`):
// `binaryAssertion` turns such a value into the stored bytes for the attributes that hold them.

/** `{xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx}` (braces optional) → the 16 stored bytes. */
export function guidStringToBytes(s: string): Buffer | undefined {
  const m = /^\{?([0-9a-f]{8})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{4})-([0-9a-f]{12})\}?$/i.exec(s);
  if (!m) return undefined;
  const le = (hex: string): Buffer => Buffer.from(hex, 'hex').reverse();
  return Buffer.concat([le(m[1]), le(m[2]), le(m[3]), Buffer.from(m[4] + m[5], 'hex')]);
}

export function guidBytesToString(b: Buffer): string {
  const h = (from: number, to: number, swap: boolean): string => {
    const part = Buffer.from(b.subarray(from, to));
    return (swap ? part.reverse() : part).toString('hex');
  };
  return `${h(0, 4, true)}-${h(4, 6, true)}-${h(6, 8, true)}-${h(8, 10, false)}-${h(10, 16, false)}`;
}

/** `S-1-5-21-…` → binary SID. */
export function sidStringToBytes(s: string): Buffer | undefined {
  const m = /^S-1-(\d+)((?:-\d+){0,15})$/i.exec(s);
  if (!m) return undefined;
  const subs = m[2] === '' ? [] : m[2].slice(1).split('-').map(Number);
  const authority = Number(m[1]);
  if (subs.some((n) => n > 0xffffffff) || authority > 2 ** 48 - 1) return undefined;
  const b = Buffer.alloc(8 + 4 * subs.length);
  b[0] = 1;
  b[1] = subs.length;
  b.writeUIntBE(authority, 2, 6);
  subs.forEach((n, i) => b.writeUInt32LE(n, 8 + 4 * i));
  return b;
}

export function sidBytesToString(b: Buffer): string {
  const count = b[1];
  const subs = Array.from({ length: count }, (_, i) => b.readUInt32LE(8 + 4 * i));
  return `S-${b[0]}-${b.readUIntBE(2, 6)}${subs.map((n) => `-${n}`).join('')}`;
}

const SID_ATTRIBUTES = new Set(['objectsid', 'sidhistory', 'securityidentifier', 'tokengroups', 'msds-allowedtoactonbehalfofotheridentity']);
const GUID_ATTRIBUTES = new Set(['objectguid', 'schemaidguid', 'attributesecurityguid', 'rightsguid', 'msexchmailboxguid', 'msds-generationid']);

/** The stored bytes a filter value in string form stands for (`S-1-…` for a SID attribute, the
 *  dashed GUID form for a GUID attribute); undefined when the value is not such a string (then it
 *  is compared as sent, the escaped-binary form every client can send). */
export function binaryAssertion(attribute: string, value: Buffer): Buffer | undefined {
  const name = attribute.split(';')[0].toLowerCase();
  if (value.length > 200) return undefined;
  if (SID_ATTRIBUTES.has(name)) {
    const s = value.toString('latin1');
    return /^S-1-/i.test(s) ? sidStringToBytes(s.trim()) : undefined;
  }
  if (GUID_ATTRIBUTES.has(name) && (value.length === 36 || value.length === 38)) return guidStringToBytes(value.toString('latin1'));
  return undefined;
}
