// A bind-only LDAP connection to an upstream DC, on the broker's own BER codec. The connector's bind pool
// sends nothing but simple BindRequests on these, one at a time (RFC 4511 §4.2.1), so a bind does not pay
// for a general-purpose client's object model and per-message debug formatting. ldaps://, or ldap:// with
// StartTLS; certificates verified (host name included) against the configured CA. A DC's answer other than
// success is thrown as ldapts' ResultCodeError for it (an LDAP answer, relayed as is); anything else — refused,
// reset, timeout, a malformed or unexpected message — is a transport failure and the connection is dropped.
import { isIP } from 'node:net';
import { connect as netConnect, type Socket } from 'node:net';
import { connect as tlsConnect, type ConnectionOptions } from 'node:tls';
import { StatusCodeParser } from 'ldapts';
import { BerReader, frameLength, integer, octets, tlv } from '../../../server/ber/ber.ts';

const START_TLS = '1.3.6.1.4.1.1466.20037';
const MAX_MESSAGE = 64 * 1024;

interface Pending {
  id: number;
  tag: number;
  resolve: () => void;
  reject: (e: unknown) => void;
  timer: NodeJS.Timeout;
}

export interface BindConnectionOptions {
  timeoutMs: number;
  tls: ConnectionOptions;
  startTls: boolean;
}

export class BindConnection {
  #socket: Socket;
  #buf: Buffer = Buffer.alloc(0);
  #nextId = 1;
  #pending?: Pending;
  #connected = true;

  private constructor(
    socket: Socket,
    private readonly timeoutMs: number,
  ) {
    this.#socket = socket;
    this.#attach(socket);
  }

  get isConnected(): boolean {
    return this.#connected;
  }

  static async open(url: string, o: BindConnectionOptions): Promise<BindConnection> {
    const u = new URL(url);
    const secure = u.protocol === 'ldaps:';
    const host = u.hostname.replace(/^\[|\]$/g, '');
    const port = Number(u.port || (secure ? 636 : 389));
    const tls = { ...o.tls, host, ...(isIP(host) ? {} : { servername: host }) };
    const socket = await connected(secure ? tlsConnect({ ...tls, port }) : netConnect({ host, port }), secure ? 'secureConnect' : 'connect', o.timeoutMs);
    socket.setNoDelay(true);
    const c = new BindConnection(socket, o.timeoutMs);
    if (o.startTls && !secure) {
      try {
        await c.#request(0x78, (id) => tlv(0x30, [integer(id), tlv(0x77, octets(START_TLS, 0x80))]));
        c.#detach(socket);
        c.#socket = await connected(tlsConnect({ ...tls, socket }), 'secureConnect', o.timeoutMs);
        c.#attach(c.#socket);
      } catch (e) {
        c.#drop();
        throw e;
      }
    }
    return c;
  }

  /** Resolves when the DC accepts the bind; throws its answer (ResultCodeError) or a transport error. */
  bind(dn: string, password: string): Promise<void> {
    return this.#request(0x61, (id) => tlv(0x30, [integer(id), tlv(0x60, [integer(3), octets(dn), octets(password, 0x80)])]));
  }

  async unbind(): Promise<void> {
    if (!this.#connected) return;
    this.#connected = false;
    this.#socket.end(tlv(0x30, [integer(this.#nextId++), tlv(0x42, Buffer.alloc(0))]));
    this.#socket.destroySoon?.();
  }

  #request(tag: number, encode: (id: number) => Buffer): Promise<void> {
    if (!this.#connected) return Promise.reject(new Error('Connection closed'));
    if (this.#pending) return Promise.reject(new Error('A bind is already in progress on this connection'));
    const id = this.#nextId++;
    return new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => this.#fail(new Error('Operation timed out')), this.timeoutMs);
      this.#pending = { id, tag, resolve, reject, timer };
      this.#socket.write(encode(id));
    });
  }

  #onData = (chunk: Buffer): void => {
    this.#buf = this.#buf.length === 0 ? chunk : Buffer.concat([this.#buf, chunk]);
    try {
      for (;;) {
        const n = frameLength(this.#buf, MAX_MESSAGE);
        if (n < 0 || this.#buf.length < n) return;
        const frame = this.#buf.subarray(0, n);
        this.#buf = this.#buf.subarray(n);
        this.#answer(frame);
      }
    } catch (e) {
      this.#fail(e);
    }
  };

  #answer(frame: Buffer): void {
    const msg = new BerReader(frame).sequence();
    const id = msg.integer();
    const p = this.#pending;
    if (!p || id !== p.id) throw new Error(id === 0 ? 'The domain controller disconnected (notice of disconnection)' : `Unexpected message id ${id}`);
    const op = msg.sequence(p.tag);
    const code = op.enumerated();
    op.string(); // matchedDN
    const diagnostic = op.string();
    clearTimeout(p.timer);
    this.#pending = undefined;
    if (code === 0) p.resolve();
    // the same error ldapts makes of this answer, so the connector relays it exactly as before
    else p.reject(StatusCodeParser.parse({ status: code, errorMessage: diagnostic } as Parameters<typeof StatusCodeParser.parse>[0]));
  }

  #onClose = (): void => this.#fail(new Error('Connection closed'));
  #onError = (e: Error): void => this.#fail(e);

  #attach(s: Socket): void {
    s.on('data', this.#onData);
    s.on('close', this.#onClose);
    s.on('error', this.#onError);
  }

  #detach(s: Socket): void {
    s.off('data', this.#onData);
    s.off('close', this.#onClose);
    s.off('error', this.#onError);
  }

  #fail(e: unknown): void {
    const p = this.#pending;
    this.#pending = undefined;
    if (p) {
      clearTimeout(p.timer);
      p.reject(e);
    }
    this.#drop();
  }

  #drop(): void {
    this.#connected = false;
    this.#socket.destroy();
  }
}

function connected(socket: Socket, event: 'connect' | 'secureConnect', timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`Connection timed out after ${timeoutMs} ms`));
    }, timeoutMs);
    socket.once(event, () => {
      clearTimeout(timer);
      socket.off('error', onError);
      resolve(socket);
    });
    const onError = (e: Error) => {
      clearTimeout(timer);
      socket.destroy();
      reject(e);
    };
    socket.once('error', onError);
  });
}
