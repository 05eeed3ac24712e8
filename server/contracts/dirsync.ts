// DirSync (AD's LDAP_SERVER_DIRSYNC_OID 1.2.840.113556.1.4.841) between the LDAP front end and a
// backend that keeps a change log: the front end decodes the control and writes the response;
// the backend answers which objects changed since the cookie and which of their attributes.
import type { AttributeValue, Filter, Scope } from './directory.ts';

/** DirSync flags (MS-ADTS 3.1.1.3.4.1.3). */
export const DIRSYNC_FLAG = {
  objectSecurity: 0x1,
  ancestorsFirstOrder: 0x800,
  publicDataOnly: 0x2000,
  incrementalValues: 0x80000000,
} as const;

export interface DirSyncRequest {
  /** The naming context's root (AD refuses any other base). */
  base: string;
  scope: Scope;
  filter: Filter;
  /** Requested attributes as sent (empty or `*`: all). */
  attributes: string[];
  flags: number;
  /** The cookie from the previous response; empty for a full synchronisation. */
  cookie: Buffer;
  /** At most this many objects in one answer; `more` says that others follow. */
  maxObjects: number;
}

/** One object of a DirSync answer. An attribute with no values was removed since the cookie;
 *  a deleted object comes as its tombstone (`isDeleted: TRUE`, DN under CN=Deleted Objects). */
export interface DirSyncEntry {
  dn: string;
  attributes: [string, AttributeValue[]][];
}

export interface DirSyncResult {
  entries: DirSyncEntry[];
  cookie: Buffer;
  more: boolean;
}
