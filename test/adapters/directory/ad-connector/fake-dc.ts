// A scriptable fake "domain controller" on 127.0.0.1 for the connector's failure paths: it decodes
// LDAP requests with the broker's own codec and answers however the test says — or stays silent,
// sends garbage, or closes in the middle of a response.
import { createServer, type Server, type Socket } from 'node:net';
import { frameLength } from '../../../../server/ber/ber.ts';
import { decodeMessage, type Message } from '../../../../server/ldap/decode-request.ts';
import { encodeBindResponse, encodeResult, encodeSearchEntry } from '../../../../server/ldap/encode-response.ts';

export type Behaviour = (msg: Message, socket: Socket) => void;

export interface FakeDc {
  url: string;
  connections: number;
  close(): Promise<void>;
}

export async function startFakeDc(behaviour: Behaviour, port = 0): Promise<FakeDc> {
  const sockets = new Set<Socket>();
  const dc = { url: '', connections: 0, close: async () => {} };
  const server: Server = createServer((socket) => {
    dc.connections += 1;
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => {});
    let buf = Buffer.alloc(0);
    socket.on('data', (d: Buffer) => {
      buf = Buffer.concat([buf, d]);
      for (;;) {
        const n = frameLength(buf, 1 << 20);
        if (n < 0 || buf.length < n) return;
        const frame = buf.subarray(0, n);
        buf = buf.subarray(n);
        const msg = decodeMessage(frame);
        if (msg.request.op !== 'unbind' && msg.request.op !== 'abandon') behaviour(msg, socket);
      }
    });
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  dc.url = `ldap://127.0.0.1:${(server.address() as { port: number }).port}`;
  dc.close = () =>
    new Promise<void>((r) => {
      for (const s of sockets) s.destroy();
      server.close(() => r());
    });
  return dc;
}

/** Binds: `results[name]` (default success); searches: the given entries, then success. */
export function answering(results: Record<string, { resultCode: number; diagnostic?: string }> = {}, entries: Array<[string, Record<string, string[]>]> = []): Behaviour {
  return (msg, socket) => {
    const r = msg.request;
    if (r.op === 'bind') socket.write(encodeBindResponse(msg.id, results[r.name] ?? { resultCode: 0 }));
    else if (r.op === 'search') {
      for (const [dn, attrs] of entries) socket.write(encodeSearchEntry(msg.id, dn, Object.entries(attrs), false));
      socket.write(encodeResult(msg.id, 0x65, { resultCode: 0 }));
    }
  };
}

/** Answers binds, then handles searches with `onSearch`. */
export function bindsThen(onSearch: Behaviour): Behaviour {
  const binds = answering();
  return (msg, socket) => (msg.request.op === 'bind' ? binds(msg, socket) : onSearch(msg, socket));
}

export const silent: Behaviour = () => {};
export const garbage: Behaviour = (_m, socket) => socket.write(Buffer.from('30 84 ff ff ff ff 02 01 01 61 00 de ad be ef'.replaceAll(' ', ''), 'hex'));
/** Half of a search entry, then the connection closes. */
export const closesMidResponse: Behaviour = (msg, socket) => {
  const entry = encodeSearchEntry(msg.id, 'uid=x,dc=onprem,dc=example,dc=com', [['uid', ['x']]], false);
  socket.end(entry.subarray(0, Math.floor(entry.length / 2)));
};
