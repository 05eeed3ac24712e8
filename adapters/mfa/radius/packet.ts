// RADIUS packets for PAP authentication (RFC 2865), with Message-Authenticator (RFC 3579 §3.2, RFC 5080,
// and the BlastRADIUS advice: first attribute of every Access-Request, checked on every answer that has one).
//   encodeAccessRequest: User-Name, User-Password hidden per RFC 2865 §5.2, NAS-Identifier, Message-Authenticator
//   decodeResponse:      Access-Accept / Access-Reject / Access-Challenge, Response Authenticator verified
// Pure: no sockets, no clock; the caller passes the random Request Authenticator.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const CODE = { AccessRequest: 1, AccessAccept: 2, AccessReject: 3, AccessChallenge: 11 } as const;
export const ATTR = { UserName: 1, UserPassword: 2, ReplyMessage: 18, State: 24, NasIdentifier: 32, MessageAuthenticator: 80 } as const;

const HEADER = 20;
const MAX_PACKET = 4096;

export interface AccessRequest {
  identifier: number; // 0–255
  authenticator: Buffer; // 16 random bytes
  userName: string;
  password: string;
  nasIdentifier: string;
}

/** A packet we cannot accept: malformed, or its authenticators do not verify (wrong shared secret or forged). */
export class RadiusPacketError extends Error {
  override readonly name = 'RadiusPacketError';
  constructor(
    message: string,
    readonly kind: 'malformed' | 'authenticator' | 'message-authenticator' | 'unexpected',
  ) {
    super(message);
  }
}

const md5 = (...parts: Buffer[]) => {
  const h = createHash('md5');
  for (const p of parts) h.update(p);
  return h.digest();
};

function attribute(type: number, value: Buffer): Buffer {
  if (value.length === 0 || value.length > 253) throw new RangeError(`RADIUS attribute ${type}: 1 to 253 bytes expected, got ${value.length}`);
  return Buffer.concat([Buffer.from([type, value.length + 2]), value]);
}

/** RFC 2865 §5.2: the password, NUL-padded to a multiple of 16 (at most 128 bytes), XOR-chained with MD5(secret + previous). */
export function hidePassword(password: string, secret: string, requestAuthenticator: Buffer): Buffer {
  const p = Buffer.from(password, 'utf8');
  if (p.length === 0 || p.length > 128) throw new RangeError('RADIUS User-Password: 1 to 128 bytes expected');
  const padded = Buffer.alloc(Math.ceil(p.length / 16) * 16);
  p.copy(padded);
  const s = Buffer.from(secret, 'utf8');
  const out = Buffer.alloc(padded.length);
  let prev = requestAuthenticator;
  for (let i = 0; i < padded.length; i += 16) {
    const b = md5(s, prev);
    for (let j = 0; j < 16; j++) out[i + j] = padded[i + j] ^ b[j];
    prev = out.subarray(i, i + 16);
  }
  return out;
}

/** The inverse of hidePassword (what a server does); trailing NULs removed. */
export function revealPassword(hidden: Buffer, secret: string, requestAuthenticator: Buffer): string {
  if (hidden.length === 0 || hidden.length % 16 !== 0) throw new RadiusPacketError('User-Password length is not a multiple of 16', 'malformed');
  const s = Buffer.from(secret, 'utf8');
  const out = Buffer.alloc(hidden.length);
  let prev = requestAuthenticator;
  for (let i = 0; i < hidden.length; i += 16) {
    const b = md5(s, prev);
    for (let j = 0; j < 16; j++) out[i + j] = hidden[i + j] ^ b[j];
    prev = hidden.subarray(i, i + 16);
  }
  return out.toString('utf8').replace(/\0+$/, '');
}

/** HMAC-MD5 over the packet with the Message-Authenticator value zeroed and `authenticator` in the header. */
function messageAuthenticator(packet: Buffer, offset: number, authenticator: Buffer, secret: string): Buffer {
  const copy = Buffer.from(packet);
  authenticator.copy(copy, 4);
  copy.fill(0, offset, offset + 16);
  return createHmac('md5', secret).update(copy).digest();
}

export function encodeAccessRequest(r: AccessRequest, secret: string): Buffer {
  if (r.authenticator.length !== 16) throw new RangeError('the Request Authenticator is 16 bytes');
  const attrs = [
    attribute(ATTR.MessageAuthenticator, Buffer.alloc(16)), // first, as the BlastRADIUS advisory asks
    attribute(ATTR.UserName, Buffer.from(r.userName, 'utf8')),
    attribute(ATTR.UserPassword, hidePassword(r.password, secret, r.authenticator)),
    attribute(ATTR.NasIdentifier, Buffer.from(r.nasIdentifier, 'utf8')),
  ];
  const length = HEADER + attrs.reduce((n, a) => n + a.length, 0);
  const packet = Buffer.concat([Buffer.from([CODE.AccessRequest, r.identifier & 0xff, length >> 8, length & 0xff]), r.authenticator, ...attrs]);
  messageAuthenticator(packet, HEADER + 2, r.authenticator, secret).copy(packet, HEADER + 2);
  return packet;
}

export interface RadiusAttribute {
  type: number;
  value: Buffer;
}

export interface DecodedPacket {
  code: number;
  identifier: number;
  authenticator: Buffer;
  attributes: RadiusAttribute[];
}

/** Splits a packet into header and attributes; throws RadiusPacketError when lengths do not add up. */
export function parsePacket(buf: Buffer): DecodedPacket {
  if (buf.length < HEADER || buf.length > MAX_PACKET) throw new RadiusPacketError(`a RADIUS packet is 20 to 4096 bytes, got ${buf.length}`, 'malformed');
  const length = buf.readUInt16BE(2);
  if (length < HEADER || length > buf.length) throw new RadiusPacketError(`RADIUS length field ${length} does not fit the ${buf.length}-byte datagram`, 'malformed');
  const attributes: RadiusAttribute[] = [];
  for (let i = HEADER; i < length; ) {
    if (i + 2 > length) throw new RadiusPacketError('truncated RADIUS attribute header', 'malformed');
    const alen = buf[i + 1];
    if (alen < 2 || i + alen > length) throw new RadiusPacketError(`RADIUS attribute ${buf[i]} has a bad length ${alen}`, 'malformed');
    attributes.push({ type: buf[i], value: buf.subarray(i + 2, i + alen) });
    i += alen;
  }
  return { code: buf[0], identifier: buf[1], authenticator: buf.subarray(4, 20), attributes };
}

export interface AccessResponse {
  code: 'Access-Accept' | 'Access-Reject' | 'Access-Challenge';
  identifier: number;
  replyMessage?: string;
  hasMessageAuthenticator: boolean;
}

const RESPONSE_CODES: Record<number, AccessResponse['code']> = { 2: 'Access-Accept', 3: 'Access-Reject', 11: 'Access-Challenge' };

/**
 * Decodes an answer to the Access-Request whose Request Authenticator is `requestAuthenticator`: the Response
 * Authenticator (MD5 of the packet with the request's authenticator, then the secret) must verify, and so must a
 * Message-Authenticator when present (or when `requireMessageAuthenticator`). Throws RadiusPacketError otherwise.
 */
export function decodeResponse(buf: Buffer, secret: string, requestAuthenticator: Buffer, opts: { requireMessageAuthenticator?: boolean } = {}): AccessResponse {
  const p = parsePacket(buf);
  const length = buf.readUInt16BE(2);
  const packet = buf.subarray(0, length);
  const code = RESPONSE_CODES[p.code];
  if (!code) throw new RadiusPacketError(`unexpected RADIUS code ${p.code} in an answer to an Access-Request`, 'unexpected');
  const expected = md5(packet.subarray(0, 4), requestAuthenticator, packet.subarray(HEADER), Buffer.from(secret, 'utf8'));
  if (!timingSafeEqual(expected, p.authenticator)) throw new RadiusPacketError('the Response Authenticator does not verify (wrong shared secret?)', 'authenticator');
  let offset = HEADER;
  let maOffset: number | undefined;
  for (const a of p.attributes) {
    if (a.type === ATTR.MessageAuthenticator) {
      if (a.value.length !== 16 || maOffset !== undefined) throw new RadiusPacketError('malformed Message-Authenticator', 'malformed');
      maOffset = offset + 2;
    }
    offset += a.value.length + 2;
  }
  if (maOffset !== undefined) {
    const mac = messageAuthenticator(packet, maOffset, requestAuthenticator, secret);
    if (!timingSafeEqual(mac, packet.subarray(maOffset, maOffset + 16))) throw new RadiusPacketError('the Message-Authenticator does not verify (wrong shared secret?)', 'message-authenticator');
  } else if (opts.requireMessageAuthenticator) {
    throw new RadiusPacketError('the answer has no Message-Authenticator, which this client requires (BlastRADIUS)', 'message-authenticator');
  }
  const reply = p.attributes.filter((a) => a.type === ATTR.ReplyMessage).map((a) => a.value.toString('utf8'));
  return { code, identifier: p.identifier, hasMessageAuthenticator: maOffset !== undefined, ...(reply.length ? { replyMessage: reply.join('') } : {}) };
}

/** What a server answers (used by tests' responders): response authenticator and, optionally, Message-Authenticator. */
export function encodeResponse(
  o: { code: number; identifier: number; attributes?: RadiusAttribute[]; messageAuthenticator?: boolean },
  secret: string,
  requestAuthenticator: Buffer,
): Buffer {
  const attrs = [...(o.messageAuthenticator ? [attribute(ATTR.MessageAuthenticator, Buffer.alloc(16))] : []), ...(o.attributes ?? []).map((a) => attribute(a.type, a.value))];
  const length = HEADER + attrs.reduce((n, a) => n + a.length, 0);
  const packet = Buffer.concat([Buffer.from([o.code, o.identifier & 0xff, length >> 8, length & 0xff]), requestAuthenticator, ...attrs]);
  if (o.messageAuthenticator) messageAuthenticator(packet, HEADER + 2, requestAuthenticator, secret).copy(packet, HEADER + 2);
  md5(packet.subarray(0, 4), requestAuthenticator, packet.subarray(HEADER), Buffer.from(secret, 'utf8')).copy(packet, 4);
  return packet;
}
