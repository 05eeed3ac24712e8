// LDAPMessage requests (RFC 4511 §4) decoded from BER. Every octet-string value stays a Buffer
// where the protocol allows bytes (passwords, attribute values); DNs and names are UTF-8 strings
// kept exactly as sent (no DN parsing here, so `<GUID=…>` bases and UPN bind names pass).
import type { Filter, ModifyOperation, Scope } from '../contracts/directory.ts';
import { BerError, BerReader, decodeInteger, type Tlv } from '../ber/ber.ts';
import { decodeFilter } from './decode-filter.ts';

export interface Control {
  type: string;
  critical: boolean;
  value?: Buffer;
}

/** A modify change as received: values are raw bytes. */
export interface RawChange {
  operation: ModifyOperation;
  attribute: string;
  values: Buffer[];
}

export type Request =
  | { op: 'bind'; version: number; name: string; auth: { kind: 'simple'; password: Buffer } | { kind: 'sasl'; mechanism: string; credentials?: Buffer } }
  | { op: 'unbind' }
  | { op: 'search'; base: string; scope: Scope; sizeLimit: number; timeLimit: number; typesOnly: boolean; filter: Filter; attributes: string[] }
  | { op: 'modify'; dn: string; changes: RawChange[] }
  | { op: 'add'; dn: string; attributes: { type: string; values: Buffer[] }[] }
  | { op: 'delete'; dn: string }
  | { op: 'modifyDN'; dn: string; newRdn: string; deleteOldRdn: boolean; newSuperior?: string }
  | { op: 'compare'; dn: string; attribute: string; value: Buffer }
  | { op: 'abandon'; id: number }
  | { op: 'extended'; oid: string; value?: Buffer };

export interface Message {
  id: number;
  request: Request;
  controls: Control[];
}

/** Response tag for each request tag, so a request whose body fails to decode still gets a
 *  typed protocolError answer. */
export const RESPONSE_TAG: Record<number, number> = { 0x60: 0x61, 0x63: 0x65, 0x66: 0x67, 0x68: 0x69, 0x4a: 0x6b, 0x6c: 0x6d, 0x6e: 0x6f, 0x77: 0x78 };

/** Thrown when the envelope is fine but the operation is not: answer it, keep the session. */
export class OperationDecodeError extends Error {
  constructor(
    readonly id: number,
    readonly requestTag: number,
    message: string,
  ) {
    super(message);
  }
}

/** Decodes one complete LDAPMessage. Envelope errors throw BerError (→ disconnect). */
export function decodeMessage(frame: Buffer): Message {
  const msg = new BerReader(frame).sequence(0x30);
  const id = msg.integer();
  if (id < 0 || id > 2147483647) throw new BerError('bad messageID');
  const opEl = msg.read();
  let controls: Control[] = [];
  try {
    if (msg.peekTag() === 0xa0) controls = decodeControls(msg.read(0xa0));
    if (!msg.done) throw new BerError('trailing bytes in LDAPMessage');
    return { id, request: decodeOp(opEl), controls };
  } catch (e) {
    if (e instanceof BerError && opEl.tag in RESPONSE_TAG) throw new OperationDecodeError(id, opEl.tag, e.message);
    throw e;
  }
}

function decodeControls(el: Tlv): Control[] {
  const r = new BerReader(el.value);
  const out: Control[] = [];
  while (!r.done) {
    const c = r.sequence();
    const ctl: Control = { type: c.string(), critical: false };
    if (c.peekTag() === 0x01) ctl.critical = c.boolean();
    if (c.peekTag() === 0x04) ctl.value = c.bytes();
    if (!c.done) throw new BerError('bad control');
    out.push(ctl);
  }
  return out;
}

const SCOPES: Scope[] = ['base', 'one', 'sub'];
const MOD_OPS: ModifyOperation[] = ['add', 'delete', 'replace', 'increment'];

function decodeOp(el: Tlv): Request {
  const r = new BerReader(el.value);
  let req: Request;
  switch (el.tag) {
    case 0x60: {
      const version = r.integer();
      const name = r.string();
      const authTag = r.peekTag();
      if (authTag === 0x80) req = { op: 'bind', version, name, auth: { kind: 'simple', password: r.bytes(0x80) } };
      else if (authTag === 0xa3) {
        const s = r.sequence(0xa3);
        const mechanism = s.string();
        const credentials = s.done ? undefined : s.bytes();
        req = { op: 'bind', version, name, auth: { kind: 'sasl', mechanism, credentials } };
      } else throw new BerError('unknown authentication choice');
      break;
    }
    case 0x42:
      return { op: 'unbind' };
    case 0x63: {
      const base = r.string();
      const scope = SCOPES[r.enumerated()];
      if (!scope) throw new BerError('bad scope');
      r.enumerated(); // derefAliases: no aliases in AD
      const sizeLimit = r.integer();
      const timeLimit = r.integer();
      const typesOnly = r.boolean();
      const filter = decodeFilter(r.read());
      const attrs = r.sequence();
      const attributes: string[] = [];
      while (!attrs.done) attributes.push(attrs.string());
      if (sizeLimit < 0 || timeLimit < 0) throw new BerError('negative limit');
      req = { op: 'search', base, scope, sizeLimit, timeLimit, typesOnly, filter, attributes };
      break;
    }
    case 0x66: {
      const dn = r.string();
      const list = r.sequence();
      const changes: RawChange[] = [];
      while (!list.done) {
        const c = list.sequence();
        const operation = MOD_OPS[c.enumerated()];
        if (!operation) throw new BerError('bad modify operation');
        const { type, values } = partialAttribute(c.sequence());
        changes.push({ operation, attribute: type, values });
      }
      req = { op: 'modify', dn, changes };
      break;
    }
    case 0x68: {
      const dn = r.string();
      const list = r.sequence();
      const attributes: { type: string; values: Buffer[] }[] = [];
      while (!list.done) attributes.push(partialAttribute(list.sequence()));
      req = { op: 'add', dn, attributes };
      break;
    }
    case 0x4a:
      return { op: 'delete', dn: el.value.toString('utf8') };
    case 0x6c: {
      const dn = r.string();
      const newRdn = r.string();
      const deleteOldRdn = r.boolean();
      const newSuperior = r.peekTag() === 0x80 ? r.string(0x80) : undefined;
      req = { op: 'modifyDN', dn, newRdn, deleteOldRdn, newSuperior };
      break;
    }
    case 0x6e: {
      const dn = r.string();
      const ava = r.sequence();
      req = { op: 'compare', dn, attribute: ava.string(), value: ava.bytes() };
      break;
    }
    case 0x50:
      return { op: 'abandon', id: decodeInteger(el.value) };
    case 0x77: {
      const oid = r.string(0x80);
      const value = r.peekTag() === 0x81 ? r.bytes(0x81) : undefined;
      req = { op: 'extended', oid, value };
      break;
    }
    default:
      throw new BerError(`unknown protocolOp 0x${el.tag.toString(16)}`);
  }
  if (!r.done) throw new BerError('trailing bytes in request');
  return req;
}

function partialAttribute(a: BerReader): { type: string; values: Buffer[] } {
  const type = a.string();
  if (type.length === 0) throw new BerError('empty attribute type');
  const set = a.sequence(0x31);
  const values: Buffer[] = [];
  while (!set.done) values.push(set.bytes());
  return { type, values };
}
