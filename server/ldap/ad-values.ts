// AD binary layouts: objectGUID (16 bytes; the string form's first three fields are
// little-endian) and objectSid (MS-DTYP 2.4.2.2). Used for `<GUID=…>` / `<SID=…>` search bases.

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

/** Parses an AD extended-DN base (`<GUID=…>`, `<SID=…>`): the attribute and bytes to look up. */
export function parseExtendedDN(base: string): { attribute: 'objectGUID' | 'objectSid'; value: Buffer | undefined } | undefined {
  const m = /^<(GUID|SID)=([^>]*)>$/i.exec(base.trim());
  if (!m) return undefined;
  const v = m[2];
  if (m[1].toUpperCase() === 'GUID') {
    return { attribute: 'objectGUID', value: /^[0-9a-f]{32}$/i.test(v) ? Buffer.from(v, 'hex') : guidStringToBytes(v) };
  }
  return { attribute: 'objectSid', value: /^([0-9a-f]{2}){8,}$/i.test(v) ? Buffer.from(v, 'hex') : sidStringToBytes(v) };
}
