// SIDs of trusted-domain objects, which name their foreign security principals here.
// AD DCs return objectSid (binary, MS-DTYP 2.4.2.2). A DC without SIDs (OpenLDAP playing the
// on-prem AD) gets a stable stand-in, a broker extension: S-1-5-21-<3 numbers from the domain's DNS
// name>-<RID from entryUUID, else the lower-cased DN>, so the same object always maps to the same
// principal here (entryUUID survives renames).
import { createHash } from 'node:crypto';
import type { Entry } from '../../../server/contracts/directory.ts';
import { normalizeDN } from '../../../server/contracts/dn.ts';

export const SID_ATTRIBUTES = ['objectSid', 'entryUUID'];

export function sidFromBytes(b: Buffer): string | undefined {
  if (b.length < 8 || b[0] !== 1 || b.length !== 8 + 4 * b[1]) return undefined;
  const subs = Array.from({ length: b[1] }, (_, i) => b.readUInt32LE(8 + 4 * i));
  return `S-${b[0]}-${b.readUIntBE(2, 6)}${subs.map((n) => `-${n}`).join('')}`;
}

const words = (text: string, n: number): number[] => {
  const h = createHash('sha256').update(text).digest();
  return Array.from({ length: n }, (_, i) => h.readUInt32LE(4 * i) >>> 1);
};

/** The SID of an entry of a trusted domain. */
export function sidOf(entry: Entry, dnsName: string): string {
  const raw = entry.get('objectSid')?.[0];
  const real = Buffer.isBuffer(raw) ? sidFromBytes(raw) : undefined;
  if (real) return real;
  const [a, b, c] = words(`idbroker-domain:${dnsName.toLowerCase()}`, 3);
  const identity = entry.first('entryUUID')?.toLowerCase() ?? normalizeDN(entry.dn);
  const [rid] = words(`idbroker-object:${identity}`, 1);
  return `S-1-5-21-${a}-${b}-${c}-${1000 + (rid % 0x7fff_0000)}`;
}
