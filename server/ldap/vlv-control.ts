// Virtual List View (draft-ietf-ldapext-ldapv3-vlv-09; AD's LDAP_CONTROL_VLVREQUEST
// 2.16.840.1.113730.3.4.9, response 2.16.840.1.113730.3.4.10). A window of a sorted result: the
// target entry by offset (scaled to the client's contentCount estimate) or by assertion value
// (the first entry that sorts at or after it), with beforeCount entries before and afterCount
// after. VLV needs the sort control (AD: LDAP_SORT_CONTROL_MISSING, 60).
import { randomBytes } from 'node:crypto';
import { type Entry, LdapError } from '../contracts/directory.ts';
import { BerError, BerReader, integer, octets, tlv } from '../ber/ber.ts';
import type { Control } from './decode-request.ts';
import { CONTROL_ERROR as controlDiagnostic } from './diagnostics.ts';
import type { ResponseControl } from './encode-response.ts';
import type { SortOutcome } from './sort-control.ts';

export const VLV_REQUEST = '2.16.840.1.113730.3.4.9';
export const VLV_RESPONSE = '2.16.840.1.113730.3.4.10';

export const VlvResult = { success: 0, unwillingToPerform: 53, sortControlMissing: 60, offsetRangeError: 61 } as const;

export interface VlvRequest {
  before: number;
  after: number;
  target: { offset: number; contentCount: number } | { value: Buffer };
  contextID?: Buffer;
}

export class VlvControlError extends Error {}


export function decodeVlvRequest(value: Buffer | undefined): VlvRequest {
  try {
    const r = new BerReader(value ?? Buffer.alloc(0)).sequence();
    const before = r.integer();
    const after = r.integer();
    let target: VlvRequest['target'];
    if (r.peekTag() === 0xa0) {
      const t = r.sequence(0xa0);
      target = { offset: t.integer(), contentCount: t.integer() };
      if (!t.done) throw new BerError('bad byOffset');
    } else target = { value: r.bytes(0x81) };
    const contextID = r.peekTag() === 0x04 ? r.bytes() : undefined;
    if (!r.done || before < 0 || after < 0) throw new BerError('bad VLV request');
    return { before, after, target, contextID };
  } catch (e) {
    if (e instanceof BerError) throw new VlvControlError(e.message);
    throw e;
  }
}

export function vlvResponse(targetPosition: number, contentCount: number, result: number, contextID?: Buffer): ResponseControl {
  const parts = [integer(targetPosition), integer(contentCount), integer(result, 0x0a)];
  if (contextID) parts.push(octets(contextID));
  return { type: VLV_RESPONSE, value: tlv(0x30, parts) };
}

/** The window of `sorted` the request asks for, and the target's 1-based position; undefined
 *  for an offset of 0 (offsetRangeError). `atOrAfter(e, v)` ≥ 0 when e sorts at or after v. */
export function vlvWindow(sorted: Entry[], req: VlvRequest, atOrAfter: (e: Entry, v: Buffer) => number): { position: number; entries: Entry[] } | undefined {
  const count = sorted.length;
  let position: number;
  if ('offset' in req.target) {
    const { offset, contentCount } = req.target;
    if (offset < 1) return undefined;
    if (contentCount === 0 || count === 0) position = offset;
    else if (offset >= contentCount) position = count;
    else position = Math.max(1, Math.round((offset / contentCount) * count));
    position = Math.min(position, count + 1);
  } else {
    const value = req.target.value;
    const i = sorted.findIndex((e) => atOrAfter(e, value) >= 0);
    position = i < 0 ? count + 1 : i + 1;
  }
  const from = Math.max(1, position - req.before);
  const to = Math.min(count, position + req.after);
  return { position, entries: sorted.slice(from - 1, Math.max(from - 1, to)) };
}

/** Answers a search carrying the VLV control: `sorted` is the sort control's outcome (undefined
 *  without one), `paged` whether the paged-results control came too (AD refuses the pair). */
export async function answerVlv(
  control: Control,
  sorted: SortOutcome | undefined,
  paged: boolean,
  send: (e: Entry) => Promise<void>,
  done: (code: number, diagnostic?: string, ctl?: ResponseControl[]) => void,
): Promise<void> {
  if (!sorted) return done(VlvResult.sortControlMissing, controlDiagnostic, [vlvResponse(0, 0, VlvResult.sortControlMissing)]);
  if (paged) return done(VlvResult.unwillingToPerform, controlDiagnostic, [vlvResponse(0, 0, VlvResult.unwillingToPerform)]);
  let req: VlvRequest;
  try {
    req = decodeVlvRequest(control.value);
  } catch (e) {
    if (e instanceof VlvControlError) throw new LdapError('protocolError', controlDiagnostic);
    throw e;
  }
  const contextID = req.contextID ?? randomBytes(8);
  const count = sorted.entries.length;
  const order = sorted.order ?? { valueOrder: () => 0 };
  const window = vlvWindow(sorted.entries, req, order.valueOrder);
  if (!window) return done(VlvResult.offsetRangeError, controlDiagnostic, [vlvResponse(0, count, VlvResult.offsetRangeError, contextID)]);
  for (const e of window.entries) await send(e);
  done(0, '', [vlvResponse(window.position, count, VlvResult.success, contextID)]);
}
