// One client connection: frames LDAPMessages out of the byte stream, runs them (several may be in
// flight, as RFC 4511 allows), writes responses, upgrades to TLS on StartTLS. Malformed input
// gets a Notice of Disconnection and a close; it never throws out of here.
import type { Socket } from 'node:net';
import { TLSSocket } from 'node:tls';
import type { BoundPrincipal } from '../contracts/directory.ts';
import { ResultCode } from '../contracts/directory.ts';
import { BerError, frameLength } from '../ber/ber.ts';
import { decodeMessage, OperationDecodeError, RESPONSE_TAG } from './decode-request.ts';
import { dispatch } from './dispatch.ts';
import { Operation } from './operation.ts';
import { encodeNoticeOfDisconnection, encodeResult } from './encode-response.ts';
import type { ListenerContext, PagedSearch, Session } from './session.ts';

export class Connection implements Session {
  principal: BoundPrincipal | null = null;
  readonly remoteAddress?: string;
  secure: boolean;
  readonly pending = new Map<number, Operation>();
  readonly pages = new Map<string, PagedSearch>();
  #socket: Socket;
  #buffer: Buffer = Buffer.alloc(0);
  #closed = false;
  #paused = false;
  #upgrading = false;
  #onData = (chunk: Buffer): void => this.#receive(chunk);

  constructor(
    readonly ctx: ListenerContext,
    socket: Socket,
    secure: boolean,
    private readonly onClose: () => void,
  ) {
    this.#socket = socket;
    this.secure = secure;
    this.remoteAddress = socket.remoteAddress;
    this.#attach(socket);
    socket.setTimeout(ctx.limits.idleTimeoutMs, () => this.close());
  }

  #attach(socket: Socket): void {
    socket.setNoDelay(true);
    socket.on('data', this.#onData);
    socket.on('error', () => this.close());
    socket.on('close', () => this.#teardown());
  }

  /**
   * Writes one LDAPMessage. The messages written in one turn of the event loop (a search's entries and its
   * SearchResultDone, answers to pipelined requests) leave in one write: the socket is corked on the
   * first and uncorked once the turn's promise jobs are done (setImmediate), not one syscall per message.
   */
  send(message: Buffer): boolean {
    if (this.#closed) return true;
    const socket = this.#socket;
    if (!this.#corked.has(socket)) {
      this.#corked.add(socket);
      socket.cork();
      setImmediate(() => {
        this.#corked.delete(socket);
        socket.uncork();
      });
    }
    return socket.write(message);
  }

  // the raw socket and, after StartTLS, the TLS one: each is uncorked on its own
  #corked = new Set<Socket>();

  drained(): Promise<void> {
    if (this.#closed || !this.#socket.writableNeedDrain) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        this.#socket.off('drain', done);
        this.#socket.off('close', done);
        resolve();
      };
      this.#socket.on('drain', done);
      this.#socket.on('close', done);
    });
  }

  startTls(): void {
    if (!this.ctx.startTlsContext) throw new Error('StartTLS is not configured');
    const raw = this.#socket;
    raw.off('data', this.#onData);
    this.#upgrading = true;
    this.#discardCleartext();
    const tls = new TLSSocket(raw, { isServer: true, secureContext: this.ctx.startTlsContext });
    this.#socket = tls;
    this.secure = true;
    raw.setTimeout(0);
    tls.setTimeout(this.ctx.limits.idleTimeoutMs, () => this.close());
    tls.on('secure', () => {
      this.#upgrading = false;
      this.#pump();
    });
    tls.on('data', this.#onData);
    tls.on('error', () => this.close());
  }

  /**
   * StartTLS plaintext injection (CVE-2011-0411): whatever the client sent in cleartext after the StartTLS
   * request, before the TLS handshake, must never run inside the TLS session; it is dropped unanswered.
   */
  #discardCleartext(): void {
    const bytes = this.#buffer.length + this.#chunkBytes;
    this.#buffer = Buffer.alloc(0);
    this.#chunks = [];
    this.#chunkBytes = 0;
    this.#need = 0;
    if (bytes > 0) this.ctx.logger.warn({ remoteAddress: this.remoteAddress, bytes }, 'ldap: discarded cleartext sent after the StartTLS request, before the TLS handshake');
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#socket.end();
    this.#socket.destroySoon?.();
    setTimeout(() => this.#socket.destroy(), 1000).unref();
    this.#teardown();
  }

  #teardown(): void {
    this.#closed = true;
    for (const c of this.pending.values()) c.abort();
    this.pending.clear();
    for (const p of this.pages.values()) void p.iterator.return?.();
    this.pages.clear();
    this.onClose();
  }

  /** Protocol error on the envelope: RFC 4511 §4.1.1 Notice of Disconnection, then close. */
  #disconnect(resultCode: number, why: string): void {
    this.ctx.logger.warn({ why }, 'ldap: disconnecting client');
    this.send(encodeNoticeOfDisconnection(resultCode, why));
    this.close();
  }

  // A large message arriving in many chunks is concatenated once, when complete.
  #chunks: Buffer[] = [];
  #chunkBytes = 0;
  #need = 0;

  #receive(chunk: Buffer): void {
    if (this.#closed) return; // a disconnected client's remaining bytes are not kept
    if (this.#need > 0 && this.#buffer.length + this.#chunkBytes + chunk.length < this.#need) {
      this.#chunks.push(chunk);
      this.#chunkBytes += chunk.length;
      return;
    }
    this.#buffer = this.#buffer.length === 0 && this.#chunks.length === 0 ? chunk : Buffer.concat([this.#buffer, ...this.#chunks, chunk]);
    this.#chunks = [];
    this.#chunkBytes = 0;
    this.#need = 0;
    this.#pump();
  }

  #pump(): void {
    while (!this.#closed && !this.#upgrading && this.#buffer.length > 0) {
      if (this.pending.size >= this.ctx.limits.maxPendingOperations) {
        if (!this.#paused) this.#socket.pause();
        this.#paused = true;
        return;
      }
      let len: number;
      try {
        len = frameLength(this.#buffer, this.#messageLimit());
        if (this.#buffer[0] !== 0x30) throw new BerError('not an LDAPMessage');
      } catch (e) {
        const why = (e as Error).message;
        return this.#disconnect(ResultCode.protocolError, this.principal || !why.startsWith('message of') ? why : `${why} bytes before a successful bind`);
      }
      if (len < 0 || this.#buffer.length < len) {
        this.#need = Math.max(len, 0);
        return;
      }
      const frame = this.#buffer.subarray(0, len);
      this.#buffer = this.#buffer.subarray(len);
      this.#handle(frame);
    }
  }

  /** Before a successful bind only small messages are accepted (what an unauthenticated client may make us hold). */
  #messageLimit(): number {
    const { maxMessageBytes, maxUnauthenticatedMessageBytes } = this.ctx.limits;
    return this.principal ? maxMessageBytes : Math.min(maxMessageBytes, maxUnauthenticatedMessageBytes);
  }

  #handle(frame: Buffer): void {
    let msg;
    try {
      msg = decodeMessage(frame);
    } catch (e) {
      if (e instanceof OperationDecodeError) {
        this.send(encodeResult(e.id, RESPONSE_TAG[e.requestTag], { resultCode: ResultCode.protocolError, diagnostic: e.message }));
        return;
      }
      return this.#disconnect(ResultCode.protocolError, (e as Error).message);
    }
    const { request } = msg;
    if (request.op === 'unbind') return this.close();
    if (request.op === 'abandon') {
      this.pending.get(request.id)?.abort();
      return;
    }
    if (this.ctx.refuseOperation?.(this, msg)) return; // answered busy (51): limits.ts
    const op = new Operation();
    this.pending.set(msg.id, op);
    dispatch(this, msg, op)
      .catch((e: unknown) => this.ctx.logger.error({ err: e }, 'ldap: operation failed'))
      .finally(() => {
        this.pending.delete(msg.id);
        if (this.#paused && this.pending.size < this.ctx.limits.maxPendingOperations) {
          this.#paused = false;
          this.#socket.resume();
          this.#pump();
        }
      });
  }
}
