// A minimal BER codec for LDAPv3 (RFC 4511 §5.1: definite lengths only). Values stay raw bytes;
// nothing is decoded as text unless the caller asks. Every read is bounds-checked and throws
// BerError, which the connection turns into a protocol error.

export class BerError extends Error {
  override name = 'BerError';
}

export interface Tlv {
  tag: number;
  /** The contents octets (a view into the message buffer). */
  value: Buffer;
}

/** Length of the first complete TLV in `buf`, or -1 when more bytes are needed. */
export function frameLength(buf: Buffer, maxLength: number): number {
  if (buf.length < 2) return -1;
  if ((buf[0] & 0x1f) === 0x1f) throw new BerError('multi-byte tags are not used by LDAP');
  const first = buf[1];
  if (first < 0x80) return 2 + first;
  const n = first & 0x7f;
  if (n === 0) throw new BerError('indefinite length is not allowed');
  if (n > 4) throw new BerError('length too large');
  if (buf.length < 2 + n) return -1;
  let len = 0;
  for (let i = 0; i < n; i++) len = len * 256 + buf[2 + i];
  if (len > maxLength) throw new BerError(`message of ${len} bytes exceeds the limit of ${maxLength}`);
  return 2 + n + len;
}

export class BerReader {
  #buf: Buffer;
  #pos = 0;

  constructor(buf: Buffer) {
    this.#buf = buf;
  }

  get done(): boolean {
    return this.#pos >= this.#buf.length;
  }

  peekTag(): number | undefined {
    return this.done ? undefined : this.#buf[this.#pos];
  }

  read(expectTag?: number): Tlv {
    const buf = this.#buf;
    if (this.#pos + 2 > buf.length) throw new BerError('truncated element');
    const tag = buf[this.#pos];
    if ((tag & 0x1f) === 0x1f) throw new BerError('multi-byte tags are not used by LDAP');
    if (expectTag !== undefined && tag !== expectTag) {
      throw new BerError(`expected tag 0x${expectTag.toString(16)}, got 0x${tag.toString(16)}`);
    }
    let p = this.#pos + 1;
    let len = buf[p++];
    if (len & 0x80) {
      const n = len & 0x7f;
      if (n === 0) throw new BerError('indefinite length is not allowed');
      if (n > 4 || p + n > buf.length) throw new BerError('bad length');
      len = 0;
      for (let i = 0; i < n; i++) len = len * 256 + buf[p++];
    }
    if (p + len > buf.length) throw new BerError('element overruns its container');
    this.#pos = p + len;
    return { tag, value: buf.subarray(p, p + len) };
  }

  /** Reads a constructed element and returns a reader over its contents. */
  sequence(expectTag = 0x30): BerReader {
    return new BerReader(this.read(expectTag).value);
  }

  bytes(expectTag = 0x04): Buffer {
    return this.read(expectTag).value;
  }

  string(expectTag = 0x04): string {
    return this.bytes(expectTag).toString('utf8');
  }

  integer(expectTag = 0x02): number {
    return decodeInteger(this.read(expectTag).value);
  }

  enumerated(): number {
    return this.integer(0x0a);
  }

  boolean(expectTag = 0x01): boolean {
    const v = this.read(expectTag).value;
    if (v.length !== 1) throw new BerError('bad boolean');
    return v[0] !== 0;
  }
}

export function decodeInteger(v: Buffer): number {
  if (v.length === 0 || v.length > 6) throw new BerError('bad integer');
  let n = v[0] & 0x80 ? -1 : 0;
  for (const b of v) n = n * 256 + b;
  return n;
}

function encodeLength(len: number): Buffer {
  if (len < 0x80) return Buffer.from([len]);
  const bytes: number[] = [];
  for (let l = len; l > 0; l = Math.floor(l / 256)) bytes.unshift(l & 0xff);
  return Buffer.from([0x80 | bytes.length, ...bytes]);
}

/** Encodes one TLV; `value` is primitive bytes or already-encoded children. */
export function tlv(tag: number, value: Buffer | Buffer[]): Buffer {
  const body = Array.isArray(value) ? Buffer.concat(value) : value;
  return Buffer.concat([Buffer.from([tag]), encodeLength(body.length), body]);
}

export function octets(value: string | Buffer, tag = 0x04): Buffer {
  return tlv(tag, typeof value === 'string' ? Buffer.from(value, 'utf8') : value);
}

export function integer(n: number, tag = 0x02): Buffer {
  const bytes: number[] = [];
  let v = n;
  do {
    bytes.unshift(v & 0xff);
    v = Math.floor(v / 256);
  } while (v !== 0 && v !== -1);
  if (n >= 0 && bytes[0] & 0x80) bytes.unshift(0);
  if (n < 0 && !(bytes[0] & 0x80)) bytes.unshift(0xff);
  return tlv(tag, Buffer.from(bytes));
}

export function boolean(b: boolean, tag = 0x01): Buffer {
  return tlv(tag, Buffer.from([b ? 0xff : 0]));
}
