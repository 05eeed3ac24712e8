// AD binary layouts: objectGUID (16 bytes; the string form's first three fields are
// little-endian) and objectSid (MS-DTYP 2.4.2.2). Used for `<GUID=…>` / `<SID=…>` search bases.
import { guidStringToBytes, sidStringToBytes } from '../contracts/ad-binary.ts';

export { guidBytesToString, guidStringToBytes, sidBytesToString, sidStringToBytes } from '../contracts/ad-binary.ts';

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
