// sAMAccountType as a DC derives it ([MS-SAMR] 2.2.1.9 ACCOUNT_TYPE values; Samba's ds_uf2atype and
// ds_gtype2atype): users and computers from userAccountControl, groups from groupType. AD stores it
// (indexed, so `(sAMAccountType=805306368)` is the usual "all users" filter); here it is computed
// on every read from the attributes it follows, so it can never disagree with them.
import type { Entry } from '../../../server/contracts/directory.ts';

export const SAM_ACCOUNT_TYPE = {
  groupObject: 0x10000000, // 268435456: security global or universal group
  nonSecurityGroupObject: 0x10000001, // 268435457: distribution global or universal group
  aliasObject: 0x20000000, // 536870912: security domain-local or builtin group
  nonSecurityAliasObject: 0x20000001, // 536870913: distribution domain-local group
  normalUserAccount: 0x30000000, // 805306368
  machineAccount: 0x30000001, // 805306369: workstation or server trust account
  trustAccount: 0x30000002, // 805306370: interdomain trust account
  appBasicGroup: 0x40000000,
  appQueryGroup: 0x40000001,
} as const;

const UF = { TEMP_DUPLICATE: 0x100, NORMAL: 0x200, INTERDOMAIN_TRUST: 0x800, WORKSTATION_TRUST: 0x1000, SERVER_TRUST: 0x2000 } as const;
const GT = { BUILTIN_LOCAL: 0x1, GLOBAL: 0x2, DOMAIN_LOCAL: 0x4, UNIVERSAL: 0x8, APP_BASIC: 0x10, APP_QUERY: 0x20, SECURITY: 0x80000000 } as const;

export function samAccountType(e: Entry): number | undefined {
  const classes = (e.get('objectClass') ?? []).map((c) => String(c).toLowerCase());
  if (classes.includes('group')) return groupAccountType(Number(e.first('groupType') ?? 0) >>> 0);
  if (classes.includes('user')) {
    const uac = Number(e.first('userAccountControl') ?? 0);
    if (uac & (UF.NORMAL | UF.TEMP_DUPLICATE)) return SAM_ACCOUNT_TYPE.normalUserAccount;
    if (uac & (UF.SERVER_TRUST | UF.WORKSTATION_TRUST)) return SAM_ACCOUNT_TYPE.machineAccount;
    if (uac & UF.INTERDOMAIN_TRUST) return SAM_ACCOUNT_TYPE.trustAccount;
    return classes.includes('computer') ? SAM_ACCOUNT_TYPE.machineAccount : SAM_ACCOUNT_TYPE.normalUserAccount;
  }
  return undefined;
}

function groupAccountType(gt: number): number | undefined {
  const security = (gt & GT.SECURITY) !== 0;
  if (gt & (GT.BUILTIN_LOCAL | GT.DOMAIN_LOCAL)) return security || gt & GT.BUILTIN_LOCAL ? SAM_ACCOUNT_TYPE.aliasObject : SAM_ACCOUNT_TYPE.nonSecurityAliasObject;
  if (gt & (GT.GLOBAL | GT.UNIVERSAL)) return security ? SAM_ACCOUNT_TYPE.groupObject : SAM_ACCOUNT_TYPE.nonSecurityGroupObject;
  if (gt & GT.APP_BASIC) return SAM_ACCOUNT_TYPE.appBasicGroup;
  if (gt & GT.APP_QUERY) return SAM_ACCOUNT_TYPE.appQueryGroup;
  return undefined;
}
