// Routes one decoded request to its handler and turns whatever it throws into the LDAP result
// of the matching response type. Abandoned operations get no response (RFC 4511 §4.11).
import type { Operation } from './operation.ts';
import { LdapError } from '../contracts/directory.ts';
import type { Message } from './decode-request.ts';
import { frontEndError } from './diagnostics.ts';
import { encodeResult } from './encode-response.ts';
import { handleBind } from './handle-bind.ts';
import { handleExtended } from './handle-extended.ts';
import { handleSearch } from './handle-search.ts';
import { handleAdd, handleCompare, handleDelete, handleModify, handleModifyDN } from './handle-write.ts';
import { SUPPORTED_CONTROLS } from './root-dse.ts';
import type { LdapAuditEvent } from './options.ts';
import type { Session } from './session.ts';

const RESPONSE_TAG = { bind: 0x61, search: 0x65, modify: 0x67, add: 0x69, delete: 0x6b, modifyDN: 0x6d, compare: 0x6f, extended: 0x78 } as const;

const PASSWORD_MODIFY = '1.3.6.1.4.1.4203.1.11.1';

/** The audit trail's view of an operation: binds and writes only. */
function auditTarget(req: Message['request']): { op: LdapAuditEvent['op']; target: string } | undefined {
  switch (req.op) {
    case 'bind':
      return { op: 'bind', target: req.auth.kind === 'sasl' ? `SASL ${req.auth.mechanism}` : req.name };
    case 'add':
    case 'modify':
    case 'delete':
    case 'modifyDN':
      return { op: req.op, target: req.dn };
    case 'extended':
      return req.oid === PASSWORD_MODIFY ? { op: 'passwordModify', target: '' } : undefined;
    default:
      return undefined;
  }
}

export async function dispatch(s: Session, msg: Message, op: Operation): Promise<void> {
  const { request: req } = msg;
  if (req.op === 'unbind' || req.op === 'abandon') return;
  const audit = s.ctx.audit ? auditTarget(req) : undefined;
  if (!audit) {
    await run(s, msg, op);
    return;
  }
  const before = s.principal;
  const outcome = await run(s, msg, op);
  s.ctx.audit!({ ...audit, principal: req.op === 'bind' ? s.principal : before, resultCode: outcome?.resultCode ?? 0, diagnostic: outcome?.diagnostic, remoteAddress: s.remoteAddress, secure: s.secure });
}

/** Runs the operation; returns the error result it answered with, if any. */
async function run(s: Session, msg: Message, op: Operation): Promise<LdapError | undefined> {
  const { id, request: req, controls } = msg;
  if (req.op === 'unbind' || req.op === 'abandon') return;
  try {
    for (const c of controls) if (c.critical && !SUPPORTED_CONTROLS.includes(c.type)) throw frontEndError.unsupportedCriticalControl(c.type);
    switch (req.op) {
      case 'bind':
        await handleBind(s, id, req);
        return undefined;
      case 'search':
        await handleSearch(s, id, req, controls, op.signal);
        return undefined;
      case 'extended':
        await handleExtended(s, id, req, controls);
        return undefined;
      case 'compare':
        await handleCompare(s, id, req);
        return undefined;
      case 'add':
        await handleAdd(s, id, req);
        return undefined;
      case 'modify':
        await handleModify(s, id, req, controls);
        return undefined;
      case 'delete':
        await handleDelete(s, id, req);
        return undefined;
      case 'modifyDN':
        await handleModifyDN(s, id, req);
        return undefined;
    }
  } catch (e) {
    if (op.aborted) return;
    const err = toLdapError(e);
    if (!(e instanceof LdapError)) s.ctx.logger.error({ err: e, op: req.op }, 'ldap: backend could not answer');
    s.send(encodeResult(id, RESPONSE_TAG[req.op], { resultCode: err.resultCode, matchedDN: err.matchedDN, diagnostic: err.diagnostic, referrals: err.referrals }));
    return err;
  }
}

/** LdapErrors pass through; anything else means the backend could not answer. */
export function toLdapError(e: unknown): LdapError {
  if (e instanceof LdapError) return e;
  return new LdapError('unavailable', 'The directory is unavailable', { cause: e });
}
