// The seam between the LDAP front end (server/ldap/) and the directory backends
// (simple-ad, managed-ad, ad-connector). Pure types and small value classes; no I/O.
//
// Filters are our own AST (not @ldapjs/filter objects): assertion values are raw bytes (Buffer),
// exactly as they arrived on the wire, so escapes, non-ASCII and binary values (objectGUID,
// objectSid) survive. Backends compare values with the helpers of their choice; the front end's
// evaluator (server/contracts/filter-match.ts) is the reference semantics.

import type { DirSyncRequest, DirSyncResult } from './dirsync.ts';

export type AttributeValue = string | Buffer;

/** A directory object: a DN plus attributes. Attribute names are case-insensitive (the first
 *  spelling set is kept for output). Values are strings, or Buffers for binary attributes. */
export class Entry {
  readonly dn: string;
  readonly #attrs = new Map<string, { name: string; values: AttributeValue[] }>();

  constructor(dn: string, attributes: Record<string, AttributeValue | AttributeValue[]> = {}) {
    this.dn = dn;
    for (const [name, v] of Object.entries(attributes)) this.set(name, Array.isArray(v) ? v : [v]);
  }

  get(name: string): AttributeValue[] | undefined {
    return this.#attrs.get(name.toLowerCase())?.values;
  }

  /** First value as a string (Buffers decoded as UTF-8), or undefined. */
  first(name: string): string | undefined {
    const v = this.get(name)?.[0];
    return v === undefined ? undefined : typeof v === 'string' ? v : v.toString('utf8');
  }

  has(name: string): boolean {
    return this.#attrs.has(name.toLowerCase());
  }

  /** Sets (replaces) an attribute; an empty list removes it. Keeps the existing spelling. */
  set(name: string, values: AttributeValue[]): this {
    const key = name.toLowerCase();
    if (values.length === 0) this.#attrs.delete(key);
    else this.#attrs.set(key, { name: this.#attrs.get(key)?.name ?? name, values: [...values] });
    return this;
  }

  delete(name: string): boolean {
    return this.#attrs.delete(name.toLowerCase());
  }

  /** Attribute names as first spelled. */
  names(): string[] {
    return [...this.#attrs.values()].map((a) => a.name);
  }

  *[Symbol.iterator](): IterableIterator<[string, AttributeValue[]]> {
    for (const a of this.#attrs.values()) yield [a.name, a.values];
  }

  clone(dn: string = this.dn): Entry {
    const e = new Entry(dn);
    for (const [n, v] of this) e.set(n, v);
    return e;
  }
}

export type Scope = 'base' | 'one' | 'sub';

/** RFC 4511 Filter, values as raw bytes. */
export type Filter =
  | { type: 'and'; filters: Filter[] }
  | { type: 'or'; filters: Filter[] }
  | { type: 'not'; filter: Filter }
  | { type: 'equality' | 'greaterOrEqual' | 'lessOrEqual' | 'approx'; attribute: string; value: Buffer }
  | { type: 'substrings'; attribute: string; initial?: Buffer; any: Buffer[]; final?: Buffer }
  | { type: 'present'; attribute: string }
  | { type: 'extensible'; rule?: string; attribute?: string; value: Buffer; dnAttributes: boolean };

/** Who is bound on a connection. `name` is the down-level logon name (`CORP\alice`), which
 *  Who am I? answers as `u:CORP\alice`, the way AD does. */
export interface BoundPrincipal {
  dn: string;
  name: string;
}

/** AD's Win32 sub-codes in the `data XXX` part of a bind failure (reference §2.3). */
export type AdBindCode = '52e' | '525' | '530' | '531' | '532' | '533' | '701' | '773' | '775';

export type BindResult = { ok: true; principal: BoundPrincipal } | { ok: false; adCode: AdBindCode };

export interface SearchOptions {
  /** The bound principal, or null when anonymous (backends may refuse; the front end already
   *  limits anonymous sessions to the RootDSE). */
  principal: BoundPrincipal | null;
  /** Requested attribute names as sent (may include `*`, `+`, `1.1`). A hint: the front end does
   *  the final selection; backends use it to skip costly constructed attributes (tokenGroups). */
  attributes: string[];
  /** 0 = no limit. The front end enforces it too. */
  sizeLimit: number;
  signal?: AbortSignal;
  /** Set by the LDAP front end: the requester can follow an LDAP referral (resultCode 10). A
   *  managed-ad configured with `trustSearch: referral` answers such searches into a trusted domain
   *  with one; internal callers (session re-checks, sign-in) leave it unset and get entries. */
  followsReferrals?: boolean;
}

export type ModifyOperation = 'add' | 'delete' | 'replace' | 'increment';

/** Attributes whose values are bytes, not text (AD syntaxes Octet String / SID / NT-Sec-Desc).
 *  The front end passes their values to backends as Buffers, and every other attribute's
 *  values as strings (UTF-8), in adds and modifies alike. */
export const BINARY_ATTRIBUTES: ReadonlySet<string> = new Set(
  [
    'objectGUID', 'objectSid', 'sIDHistory', 'tokenGroups', 'tokenGroupsGlobalAndUniversal', 'unicodePwd', 'dBCSPwd',
    'ntPwdHistory', 'lmPwdHistory', 'supplementalCredentials', 'nTSecurityDescriptor', 'msDS-ConsistencyGuid', 'mS-DS-ConsistencyGuid',
    'jpegPhoto', 'thumbnailPhoto', 'userCertificate', 'userSMIMECertificate', 'cACertificate', 'logonHours', 'msExchMailboxGuid',
    'msDS-GenerationId', 'objectGUID;binary',
  ].map((a) => a.toLowerCase()),
);

export function isBinaryAttribute(name: string): boolean {
  return BINARY_ATTRIBUTES.has(name.split(';')[0].toLowerCase());
}

/** One change of a ModifyRequest (values typed per BINARY_ATTRIBUTES). unicodePwd changes never
 *  reach modify(): the front end turns them into changePassword(). */
export interface ModifyChange {
  operation: ModifyOperation;
  attribute: string;
  values: AttributeValue[];
}

export interface PasswordChange {
  /** Present for a change (the user's own old password), absent for an administrative reset. */
  oldPassword?: string;
  newPassword: string;
  /** Set when the client sent the AD policy-hints control (1.2.840.113556.1.4.2066/2239):
   *  apply history and policy checks on a reset too. */
  policyHints?: boolean;
}

/** The host name every directory's domain controller answers as (RootDSE dnsHostName `dc1.<dnsName>`). */
export const DEFAULT_DC_HOST = 'dc1';

export interface DomainInfo {
  dnsName: string; // corp.example.com
  netbiosName: string; // CORP
  baseDN: string; // DC=corp,DC=example,DC=com
}

export type DirectoryKind = 'simple-ad' | 'managed-ad' | 'ad-connector';

/** A directory. Expected outcomes are values (BindResult); operations that fail throw LdapError
 *  (noSuchObject, constraintViolation, …); anything else thrown means "could not answer"
 *  (e.g. upstream down) and becomes `unavailable` (52) or `other` (80) at the edge. */
export interface DirectoryBackend {
  readonly kind: DirectoryKind;
  readonly domain: DomainInfo;
  /** `name` is a DN, a UPN (`alice@corp.example.com`) or a down-level name (`CORP\alice`);
   *  `password` is never empty (the front end refuses unauthenticated binds itself). Unknown
   *  users answer `{ ok: false, adCode: '52e' }` as AD does, to avoid enumeration. */
  bind(name: string, password: string): Promise<BindResult>;
  /** Entries under `base` in `scope` matching `filter`. `base` is a DN string as sent (any case,
   *  any escaping); throws LdapError noSuchObject (32) when it does not exist. */
  search(base: string, scope: Scope, filter: Filter, opts: SearchOptions): AsyncIterable<Entry>;
  /** `password`: from a unicodePwd value in the AddRequest (decoded, quotes removed). */
  add?(principal: BoundPrincipal, entry: Entry, password?: string): Promise<void>;
  modify?(principal: BoundPrincipal, dn: string, changes: ModifyChange[]): Promise<void>;
  delete?(principal: BoundPrincipal, dn: string): Promise<void>;
  modifyDN?(principal: BoundPrincipal, dn: string, newRdn: string, deleteOldRdn: boolean, newSuperior?: string): Promise<void>;
  /** `target` is a DN, UPN or down-level name. Wrong old password → LdapError 19 (00000056);
   *  policy → LdapError 19 (0000052D). */
  changePassword?(principal: BoundPrincipal, target: string, change: PasswordChange): Promise<void>;
  /** Transitive group DNs of a principal (role mapping). */
  groupsOf(principal: BoundPrincipal): Promise<string[]>;
  /** The newest committed change number (the rootDSE's highestCommittedUSN; entries carry uSNChanged). */
  highestCommittedUSN?(): Promise<number>;
  /** DirSync (1.2.840.113556.1.4.841): the objects changed since a cookie (./dirsync.ts). A
   *  backend without a change log leaves it out; the control is then unavailable. */
  dirSync?(principal: BoundPrincipal, request: DirSyncRequest): Promise<DirSyncResult>;
}

/** A local directory's foreign security principals (managed-ad trusts): members from a trusted
 *  domain, kept as AD keeps them, `CN=<SID>,CN=ForeignSecurityPrincipals,<base>` (objectClass
 *  foreignSecurityPrincipal, objectSid = the foreign SID), listed in local groups' `member`. */
export interface ForeignPrincipals {
  /** The DN the foreign principal with this SID has (or would have) in this directory. */
  dnOf(sid: string): string;
  /** Creates the foreign principal when missing and adds it to each group (a DN or a group's
   *  sAMAccountName) that does not list it yet; returns its DN. Throws noSuchObject for an unknown group. */
  addToGroups(sid: string, groups: string[]): Promise<string>;
}

/** LDAP result codes (RFC 4511 §4.1.9) the broker uses. */
export const ResultCode = {
  success: 0,
  operationsError: 1,
  protocolError: 2,
  timeLimitExceeded: 3,
  sizeLimitExceeded: 4,
  compareFalse: 5,
  compareTrue: 6,
  authMethodNotSupported: 7,
  strongerAuthRequired: 8,
  referral: 10,
  adminLimitExceeded: 11,
  unavailableCriticalExtension: 12,
  noSuchAttribute: 16,
  undefinedAttributeType: 17,
  inappropriateMatching: 18,
  constraintViolation: 19,
  attributeOrValueExists: 20,
  invalidAttributeSyntax: 21,
  noSuchObject: 32,
  invalidDNSyntax: 34,
  invalidCredentials: 49,
  insufficientAccessRights: 50,
  busy: 51,
  unavailable: 52,
  unwillingToPerform: 53,
  namingViolation: 64,
  objectClassViolation: 65,
  notAllowedOnNonLeaf: 66,
  notAllowedOnRDN: 67,
  entryAlreadyExists: 68,
  other: 80,
} as const;
export type ResultCodeName = keyof typeof ResultCode;

/** A failed LDAP operation: result code plus the AD-style diagnostic message sent to clients. */
export class LdapError extends Error {
  readonly code: ResultCodeName;
  readonly resultCode: number;
  readonly diagnostic: string;
  readonly matchedDN: string;
  /** LDAP URLs of a referral (resultCode 10), sent in the LDAPResult's referral field. */
  readonly referrals?: string[];

  constructor(code: ResultCodeName, diagnostic: string, opts: { matchedDN?: string; cause?: unknown; referrals?: string[] } = {}) {
    super(`${code} (${ResultCode[code]}): ${diagnostic}`, { cause: opts.cause });
    this.name = 'LdapError';
    this.code = code;
    this.resultCode = ResultCode[code];
    this.diagnostic = diagnostic;
    this.matchedDN = opts.matchedDN ?? '';
    if (opts.referrals) this.referrals = opts.referrals;
  }
}

/** AD-format diagnostics for errors backends raise (reference §2.4). The `v` suffix is the
 *  Windows Server 2019 build (v4563); clients must not parse the DSID. */
export const adError = {
  noSuchObject: (bestMatch: string) =>
    new LdapError('noSuchObject', `0000208D: NameErr: DSID-03100245, problem 2001 (NO_OBJECT), data 0, best match of:\n\t'${bestMatch}'\n`, { matchedDN: bestMatch }),
  entryAlreadyExists: () => new LdapError('entryAlreadyExists', '00002071: UpdErr: DSID-031B0D4B, problem 6005 (ENTRY_EXISTS), data 0\n'),
  notAllowedOnNonLeaf: () => new LdapError('notAllowedOnNonLeaf', '0000208C: UpdErr: DSID-030F1FD4, problem 6003 (CANT_ON_NON_LEAF), data 0\n'),
  insufficientAccessRights: () =>
    new LdapError('insufficientAccessRights', '00002098: SecErr: DSID-03150F94, problem 4003 (INSUFF_ACCESS_RIGHTS), data 0\n'),
  passwordPolicy: () =>
    new LdapError('constraintViolation', '0000052D: AtrErr: DSID-03191083, #1:\n\t0: 0000052D: DSID-03191083, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)\n'),
  wrongOldPassword: () =>
    new LdapError('constraintViolation', '00000056: AtrErr: DSID-03191083, #1:\n\t0: 00000056: DSID-03191083, problem 1005 (CONSTRAINT_ATT_TYPE), data 0, Att 9005a (unicodePwd)\n'),
  willNotPerform: () => new LdapError('unwillingToPerform', '0000001F: SvcErr: DSID-031A12D2, problem 5003 (WILL_NOT_PERFORM), data 0\n'),
  noSuchAttribute: (attr: string) =>
    new LdapError('noSuchAttribute', `00002080: AtrErr: DSID-03153943, #1:\n\t0: 00002080: DSID-03153943, problem 1001 (NO_ATTRIBUTE_OR_VAL), data 0, Att (${attr})\n`),
};
