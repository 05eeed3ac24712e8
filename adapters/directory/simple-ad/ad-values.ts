// AD value formats the simple-ad backend writes: SIDs (MS-DTYP 2.4.2.2), FILETIME Integer8,
// GeneralizedTime, userAccountControl flags and the well-known RIDs of a new domain.

export const UAC = {
  ACCOUNTDISABLE: 0x2,
  LOCKOUT: 0x10,
  PASSWD_NOTREQD: 0x20,
  NORMAL_ACCOUNT: 0x200,
  WORKSTATION_TRUST_ACCOUNT: 0x1000,
  DONT_EXPIRE_PASSWORD: 0x10000,
  PASSWORD_EXPIRED: 0x800000,
} as const;

/** accountExpires "never" (0x7FFFFFFFFFFFFFFF). */
export const NEVER = '9223372036854775807';

export const RID = {
  administrator: 500, guest: 501, krbtgt: 502,
  domainAdmins: 512, domainUsers: 513, domainGuests: 514, domainComputers: 515, domainControllers: 516,
  schemaAdmins: 518, enterpriseAdmins: 519, firstUser: 1100,
} as const;

/** Global security group (0x80000002) and builtin domain-local security group (0x80000005). */
export const GROUP_TYPE = { globalSecurity: '-2147483646', builtinLocal: '-2147483643' } as const;

export function sidToBytes(sid: string): Buffer {
  const m = /^S-1-(\d+)((?:-\d+)*)$/i.exec(sid);
  if (!m) throw new Error(`bad SID ${sid}`);
  const subs = m[2] === '' ? [] : m[2].slice(1).split('-').map(Number);
  const b = Buffer.alloc(8 + 4 * subs.length);
  b[0] = 1;
  b[1] = subs.length;
  b.writeUIntBE(Number(m[1]), 2, 6);
  subs.forEach((n, i) => b.writeUInt32LE(n, 8 + 4 * i));
  return b;
}

export function sidFromBytes(b: Buffer): string {
  const subs = Array.from({ length: b[1] }, (_, i) => b.readUInt32LE(8 + 4 * i));
  return `S-${b[0]}-${b.readUIntBE(2, 6)}${subs.map((n) => `-${n}`).join('')}`;
}

/** Windows FILETIME (100 ns ticks since 1601-01-01 UTC) of a Date, as AD's decimal string. */
export function fileTime(d: Date): string {
  return String(BigInt(d.getTime()) * 10000n + 116444736000000000n);
}

/** FILETIME string → milliseconds since the Unix epoch (undefined for 0 / never / garbage). */
export function fileTimeMs(v: string | undefined): number | undefined {
  if (v === undefined || !/^-?\d+$/.test(v.trim())) return undefined;
  const n = BigInt(v.trim());
  if (n <= 0n || n >= BigInt(NEVER)) return undefined;
  return Number((n - 116444736000000000n) / 10000n);
}

/** GeneralizedTime as AD writes it: `20261128130000.0Z`. */
export function generalizedTime(d: Date): string {
  return d.toISOString().replace(/[-:T]/g, '').slice(0, 14) + '.0Z';
}
