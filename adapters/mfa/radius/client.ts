// A RADIUS PAP client over UDP: one Access-Request per verification, retransmitted unchanged (same
// identifier and authenticator, RFC 5080 §2.2.1) every `timeoutMs` up to `retries` times, then a clear
// MfaUnavailableError — never a hang: the whole call is bounded by timeoutMs × (retries + 1).
// Answers from another address, with another identifier, or whose authenticators do not verify are ignored
// (RFC 2865 §3: silently discarded), but remembered so that the timeout says "check the shared secret".
import { randomBytes, randomInt } from 'node:crypto';
import { createSocket, type Socket } from 'node:dgram';
import { lookup } from 'node:dns/promises';
import { isIP } from 'node:net';
import { MfaUnavailableError, type OneTimeCodeResult, type OneTimeCodeVerifier } from '../../../server/contracts/mfa.ts';
import { decodeResponse, encodeAccessRequest, RadiusPacketError } from './packet.ts';

export interface RadiusClientOptions {
  host: string;
  port: number;
  secret: string;
  /** Per attempt (default 3000). */
  timeoutMs?: number;
  /** Retransmissions after the first attempt (default 2). */
  retries?: number;
  /** NAS-Identifier sent with every request (default "idbroker"). */
  nasIdentifier?: string;
  /** Refuse answers without a Message-Authenticator (BlastRADIUS hardening; default false). */
  requireMessageAuthenticator?: boolean;
}

export class RadiusClient implements OneTimeCodeVerifier {
  readonly kind = 'radius';
  private readonly timeoutMs: number;
  private readonly retries: number;

  constructor(private readonly o: RadiusClientOptions) {
    this.timeoutMs = o.timeoutMs ?? 3000;
    this.retries = o.retries ?? 2;
  }

  private get server(): string {
    return `RADIUS server ${this.o.host}:${this.o.port}`;
  }

  async verify(userName: string, code: string): Promise<OneTimeCodeResult> {
    const address = isIP(this.o.host) ? this.o.host : await this.resolve();
    const authenticator = randomBytes(16);
    const identifier = randomInt(256);
    let request: Buffer;
    try {
      request = encodeAccessRequest({ identifier, authenticator, userName, password: code, nasIdentifier: this.o.nasIdentifier ?? 'idbroker' }, this.o.secret);
    } catch (err) {
      throw new MfaUnavailableError(`${this.server}: the user name or code cannot be sent over RADIUS (too long)`, 'bad-response', { cause: err });
    }
    const socket = createSocket(isIP(address) === 6 ? 'udp6' : 'udp4');
    try {
      return await this.exchange(socket, address, request, identifier, authenticator);
    } finally {
      socket.close();
    }
  }

  /** The host's address; a resolver that does not answer within timeoutMs is an error too. */
  private async resolve(): Promise<string> {
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new MfaUnavailableError(`${this.server}: the host name did not resolve within ${this.timeoutMs} ms`, 'network')), this.timeoutMs);
    });
    try {
      return await Promise.race([
        lookup(this.o.host).then(
          (a) => a.address,
          (err: unknown) => {
            throw new MfaUnavailableError(`${this.server}: cannot resolve the host name`, 'network', { cause: err });
          },
        ),
        late,
      ]);
    } finally {
      clearTimeout(timer);
    }
  }

  private exchange(socket: Socket, address: string, request: Buffer, identifier: number, authenticator: Buffer): Promise<OneTimeCodeResult> {
    return new Promise((resolve, reject) => {
      let attempts = 0;
      let invalid: RadiusPacketError | undefined;
      let timer: NodeJS.Timeout | undefined;
      const finish = (f: () => void) => {
        clearTimeout(timer);
        socket.removeAllListeners('message');
        socket.removeAllListeners('error');
        socket.on('error', () => {});
        f();
      };
      const send = () => {
        attempts++;
        socket.send(request, this.o.port, address, (err) => {
          if (err) finish(() => reject(new MfaUnavailableError(`${this.server}: cannot send (${err.message})`, 'network', { cause: err })));
        });
        timer = setTimeout(() => {
          if (attempts <= this.retries) return send();
          const tries = `${attempts} attempt${attempts === 1 ? '' : 's'} of ${this.timeoutMs} ms`;
          finish(() =>
            reject(
              invalid
                ? new MfaUnavailableError(`${this.server} answered, but no answer verified after ${tries}: ${invalid.message}`, 'bad-response', { cause: invalid })
                : new MfaUnavailableError(`${this.server} did not answer (${tries}): is it running, and is the shared secret right? (servers drop requests signed with another secret)`, 'timeout'),
            ),
          );
        }, this.timeoutMs);
      };
      socket.on('error', (err) => finish(() => reject(new MfaUnavailableError(`${this.server}: ${err.message}`, 'network', { cause: err }))));
      socket.on('message', (msg, from) => {
        if (from.port !== this.o.port || from.address !== address) return;
        if (msg.length < 2 || msg[1] !== identifier) return;
        try {
          const r = decodeResponse(msg, this.o.secret, authenticator, { requireMessageAuthenticator: this.o.requireMessageAuthenticator });
          const result: OneTimeCodeResult =
            r.code === 'Access-Accept' ? { ok: true } : { ok: false, reason: r.code === 'Access-Reject' ? 'rejected' : 'challenge', ...(r.replyMessage ? { message: r.replyMessage } : {}) };
          finish(() => resolve(result));
        } catch (err) {
          if (!(err instanceof RadiusPacketError)) throw err;
          invalid = err; // discarded, as RFC 2865 asks; a genuine answer may still come
        }
      });
      send();
    });
  }
}
