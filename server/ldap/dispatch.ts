// Routes one decoded request to its handler and turns whatever it throws into the LDAP result
// of the matching response type. Abandoned operations get no response (RFC 4511 §4.11).
import { LdapError } from '../contracts/directory.ts';
import type { Message } from './decode-request.ts';
import { frontEndError } from './diagnostics.ts';
import { encodeResult } from './encode-response.ts';
import { handleBind } from './handle-bind.ts';
import { handleExtended } from './handle-extended.ts';
import { handleSearch } from './handle-search.ts';
import { handleAdd, handleCompare, handleDelete, handleModify, handleModifyDN } from './handle-write.ts';
import { SUPPORTED_CONTROLS } from './root-dse.ts';
import type { Session } from './session.ts';

const RESPONSE_TAG = { bind: 0x61, search: 0x65, modify: 0x67, add: 0x69, delete: 0x6b, modifyDN: 0x6d, compare: 0x6f, extended: 0x78 } as const;

export async function dispatch(s: Session, msg: Message, signal: AbortSignal): Promise<void> {
  const { id, request: req, controls } = msg;
  if (req.op === 'unbind' || req.op === 'abandon') return;
  try {
    for (const c of controls) if (c.critical && !SUPPORTED_CONTROLS.includes(c.type)) throw frontEndError.unsupportedCriticalControl(c.type);
    switch (req.op) {
      case 'bind':
        return await handleBind(s, id, req);
      case 'search':
        return await handleSearch(s, id, req, controls, signal);
      case 'extended':
        return await handleExtended(s, id, req, controls);
      case 'compare':
        return await handleCompare(s, id, req);
      case 'add':
        return await handleAdd(s, id, req);
      case 'modify':
        return await handleModify(s, id, req, controls);
      case 'delete':
        return await handleDelete(s, id, req);
      case 'modifyDN':
        return await handleModifyDN(s, id, req);
    }
  } catch (e) {
    if (signal.aborted) return;
    const err = toLdapError(e);
    if (!(e instanceof LdapError)) s.ctx.logger.error({ err: e, op: req.op }, 'ldap: backend could not answer');
    s.send(encodeResult(id, RESPONSE_TAG[req.op], { resultCode: err.resultCode, matchedDN: err.matchedDN, diagnostic: err.diagnostic }));
  }
}

/** LdapErrors pass through; anything else means the backend could not answer. */
export function toLdapError(e: unknown): LdapError {
  if (e instanceof LdapError) return e;
  return new LdapError('unavailable', 'The directory is unavailable', { cause: e });
}
