// DirSync (MS-ADTS 3.1.1.3.4.1.3, LDAP_SERVER_DIRSYNC_OID 1.2.840.113556.1.4.841) on a search:
// the request's { Flags, MaxBytes, Cookie } goes to the backend's change log
// (DirectoryBackend.dirSync); the answer's objects are written as search entries and the
// SearchResultDone carries { MoreResults, unused, CookieServer }. The base must be the naming
// context's root, as AD requires. A backend without a change log cannot answer: a critical control
// is then unavailableCriticalExtension (12), a non-critical one is ignored.
import { LdapError, ResultCode } from '../contracts/directory.ts';
import type { DirSyncEntry } from '../contracts/dirsync.ts';
import { dnEquals } from '../contracts/dn.ts';
import { BerError, BerReader, integer, octets, tlv } from '../ber/ber.ts';
import type { Control, Request } from './decode-request.ts';
import { CONTROL_ERROR, frontEndError } from './diagnostics.ts';
import type { ResponseControl } from './encode-response.ts';
import type { Session } from './session.ts';

export const DIRSYNC = '1.2.840.113556.1.4.841';


export function decodeDirSync(value: Buffer | undefined): { flags: number; maxBytes: number; cookie: Buffer } {
  try {
    const r = new BerReader(value ?? Buffer.alloc(0)).sequence();
    const flags = r.integer() >>> 0; // 0x80000000 (INCREMENTAL_VALUES) arrives as a negative INTEGER
    const maxBytes = r.integer();
    const cookie = r.bytes();
    if (!r.done) throw new BerError('trailing bytes');
    return { flags, maxBytes, cookie };
  } catch (e) {
    if (e instanceof BerError) throw new LdapError('protocolError', CONTROL_ERROR);
    throw e;
  }
}

export function dirSyncResponse(more: boolean, cookie: Buffer): ResponseControl {
  return { type: DIRSYNC, value: tlv(0x30, [integer(more ? 1 : 0), integer(0), octets(cookie)]) };
}

/** Answers a DirSync search; false when the control is to be ignored (non-critical, no change log). */
export async function answerDirSync(
  s: Session,
  req: Request & { op: 'search' },
  base: string,
  control: Control,
  write: (entry: DirSyncEntry) => Promise<void>,
  done: (code: number, diagnostic?: string, ctl?: ResponseControl[]) => void,
  signal: AbortSignal,
): Promise<boolean> {
  const { backend, limits } = s.ctx;
  if (!backend.dirSync) {
    if (control.critical) throw frontEndError.unsupportedCriticalControl(control.type);
    return false;
  }
  const { flags, cookie } = decodeDirSync(control.value);
  if (!dnEquals(base, backend.domain.baseDN)) throw new LdapError('unwillingToPerform', CONTROL_ERROR);
  const result = await backend.dirSync(s.principal!, {
    base, scope: req.scope, filter: req.filter, attributes: req.attributes, flags, cookie, maxObjects: limits.maxPageSize,
  });
  for (const e of result.entries) {
    if (signal.aborted) return true;
    await write(e);
  }
  done(ResultCode.success, '', [dirSyncResponse(result.more, result.cookie)]);
  return true;
}
