// A tiny in-test RADIUS server on a loopback UDP port: decodes each Access-Request (checking its
// Message-Authenticator and revealing the password with its own secret) and answers as `decide` says.
import { createHmac } from 'node:crypto';
import { createSocket } from 'node:dgram';
import { ATTR, encodeResponse, parsePacket, revealPassword, type RadiusAttribute } from '../../../adapters/mfa/radius/packet.ts';

export interface SeenRequest {
  identifier: number;
  authenticator: Buffer;
  userName: string;
  password: string;
  nasIdentifier: string;
  messageAuthenticatorOk: boolean;
  messageAuthenticatorFirst: boolean;
  raw: Buffer;
  /** The client's source port. */
  clientPort: number;
}

export type Decision =
  | { code: number; attributes?: RadiusAttribute[]; messageAuthenticator?: boolean; secret?: string; identifier?: number }
  | 'silent';

export interface Responder {
  port: number;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startResponder(secret: string, decide: (r: SeenRequest) => Decision | Decision[]): Promise<Responder> {
  const socket = createSocket('udp4');
  const seen: SeenRequest[] = [];
  socket.on('message', (msg, from) => {
    const p = parsePacket(msg);
    const text = (t: number) => p.attributes.find((a) => a.type === t)?.value;
    const ma = p.attributes.find((a) => a.type === ATTR.MessageAuthenticator);
    let maOk = false;
    if (ma) {
      const copy = Buffer.from(msg);
      const off = msg.indexOf(ma.value, 20);
      copy.fill(0, off, off + 16);
      maOk = createHmac('md5', secret).update(copy).digest().equals(ma.value);
    }
    const r: SeenRequest = {
      identifier: p.identifier,
      authenticator: Buffer.from(p.authenticator),
      userName: text(ATTR.UserName)?.toString('utf8') ?? '',
      password: revealPassword(text(ATTR.UserPassword)!, secret, p.authenticator),
      nasIdentifier: text(ATTR.NasIdentifier)?.toString('utf8') ?? '',
      messageAuthenticatorOk: maOk,
      messageAuthenticatorFirst: p.attributes[0]?.type === ATTR.MessageAuthenticator,
      raw: Buffer.from(msg),
      clientPort: from.port,
    };
    seen.push(r);
    const decisions = decide(r);
    for (const d of Array.isArray(decisions) ? decisions : [decisions]) {
      if (d === 'silent') continue;
      const out = encodeResponse({ code: d.code, identifier: d.identifier ?? p.identifier, attributes: d.attributes, messageAuthenticator: d.messageAuthenticator }, d.secret ?? secret, p.authenticator);
      socket.send(out, from.port, from.address);
    }
  });
  await new Promise<void>((r) => socket.bind(0, '127.0.0.1', r));
  return { port: socket.address().port, seen, close: () => new Promise<void>((r) => socket.close(() => r())) };
}
