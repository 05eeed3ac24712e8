// Test harness: an LDAP listener over the in-memory backend on 127.0.0.1:0, plus a raw-socket
// client for what real clients cannot send (broken BER, exact bytes).
import { readFileSync } from 'node:fs';
import { connect, type Socket } from 'node:net';
import { connect as tlsConnect } from 'node:tls';
import { Client } from 'ldapts';
import type { DirectoryBackend } from '../../../server/contracts/directory.ts';
import { BerReader, integer, octets, tlv, boolean as berBool, frameLength } from '../../../server/ber/ber.ts';
import { createLdapListener, type LdapListener } from '../../../server/ldap/listener.ts';
import type { LdapListenerOptions } from '../../../server/ldap/options.ts';
import { CONTRACT_SEED } from '../../contracts/directory-backend.ts';
import { MemoryBackend } from '../../fixtures/ldap/memory-backend.ts';

const fixtures = new URL('../../fixtures/ldap/', import.meta.url);
export const TLS = { key: readFileSync(new URL('test-key.pem', fixtures)), cert: readFileSync(new URL('test-cert.pem', fixtures)) };
export const BASE = 'DC=corp,DC=example,DC=com';
/** Fresh options each time: ldapts's startTLS stores the socket into the options object it is given. */
export const tlsClient = () => ({ ca: [TLS.cert], servername: 'dc1.corp.example.com' });
export const ALICE_DN = `CN=Alice Liddell,CN=Users,${BASE}`;

export interface Harness {
  url: string;
  port: number;
  backend: DirectoryBackend;
  listener: LdapListener;
  client(opts?: { tls?: boolean }): Client;
  close(): Promise<void>;
}

export async function startLdap(opts: { backend?: DirectoryBackend } & Partial<Omit<LdapListenerOptions, 'backend'>> = {}): Promise<Harness> {
  const backend = opts.backend ?? new MemoryBackend(CONTRACT_SEED);
  const listener = await createLdapListener({ port: 0, ...opts, backend });
  const port = listener.address().port;
  const scheme = opts.tls && !opts.startTls ? 'ldaps' : 'ldap';
  const url = `${scheme}://127.0.0.1:${port}`;
  const clients: Client[] = [];
  return {
    url,
    port,
    backend,
    listener,
    client: () => {
      const c = new Client({ url, timeout: 5000, connectTimeout: 5000, ...(scheme === 'ldaps' ? { tlsOptions: tlsClient() } : {}) });
      clients.push(c);
      return c;
    },
    close: async () => {
      await Promise.all(clients.map((c) => c.unbind().catch(() => {})));
      await listener.close();
    },
  };
}

export interface RawResponse {
  id: number;
  tag: number;
  resultCode?: number;
  diagnostic?: string;
  body: BerReader;
  frame: Buffer;
  controls: { type: string; value?: Buffer }[];
}

/** A client that writes raw bytes and reads whole LDAPMessages back. */
export class RawClient {
  #buf = Buffer.alloc(0);
  #waiters: (() => void)[] = [];
  closed: Promise<void>;
  constructor(readonly socket: Socket) {
    socket.on('data', (d) => {
      this.#buf = Buffer.concat([this.#buf, d]);
      this.#waiters.splice(0).forEach((w) => w());
    });
    this.closed = new Promise((r) => socket.on('close', () => {
      r();
      this.#waiters.splice(0).forEach((w) => w());
    }));
  }

  static async connect(port: number, tls = false): Promise<RawClient> {
    const s = tls ? tlsConnect({ port, host: '127.0.0.1', ca: [TLS.cert], servername: 'dc1.corp.example.com' }) : connect(port, '127.0.0.1');
    await new Promise((r, j) => s.once(tls ? 'secureConnect' : 'connect', r).once('error', j));
    return new RawClient(s);
  }

  send(b: Buffer): void {
    this.socket.write(b);
  }

  /** Next message, or undefined when the server closed the connection. */
  async next(): Promise<RawResponse | undefined> {
    for (;;) {
      const len = this.#buf.length > 1 ? frameLength(this.#buf, 1 << 30) : -1;
      if (len > 0 && this.#buf.length >= len) {
        const frame = this.#buf.subarray(0, len);
        this.#buf = this.#buf.subarray(len);
        const msg = new BerReader(frame).sequence();
        const id = msg.integer();
        const op = msg.read();
        const body = new BerReader(op.value);
        const controls: RawResponse['controls'] = [];
        if (msg.peekTag() === 0xa0) {
          const list = msg.sequence(0xa0);
          while (!list.done) {
            const c = list.sequence();
            const type = c.string();
            if (c.peekTag() === 0x01) c.boolean();
            controls.push({ type, value: c.done ? undefined : c.bytes() });
          }
        }
        const res: RawResponse = { id, tag: op.tag, body, frame, controls };
        if ([0x61, 0x65, 0x67, 0x69, 0x6b, 0x6d, 0x6f, 0x78].includes(op.tag)) {
          const r = new BerReader(op.value);
          res.resultCode = r.enumerated();
          r.string();
          res.diagnostic = r.string();
        }
        return res;
      }
      if (this.socket.destroyed || this.socket.readableEnded) return undefined;
      await new Promise<void>((r) => this.#waiters.push(r));
    }
  }

  end(): void {
    this.socket.destroy();
  }
}

// Request encoders for raw tests.
export const msg = (id: number, op: Buffer, controls?: Buffer): Buffer => tlv(0x30, [integer(id), op, ...(controls ? [controls] : [])]);
export const bindReq = (id: number, name: string, pw: string | Buffer): Buffer => msg(id, tlv(0x60, [integer(3), octets(name), octets(pw, 0x80)]));
export const saslBindReq = (id: number, mech: string, creds?: Buffer): Buffer =>
  msg(id, tlv(0x60, [integer(3), octets(''), tlv(0xa3, [octets(mech), ...(creds ? [octets(creds)] : [])])]));
export const eqFilter = (attr: string, value: string | Buffer): Buffer => tlv(0xa3, [octets(attr), octets(value)]);
export const searchReq = (id: number, base: string, scope: number, filter: Buffer, attrs: string[] = [], controls?: Buffer, sizeLimit = 0): Buffer =>
  msg(id, tlv(0x63, [octets(base), integer(scope, 0x0a), integer(0, 0x0a), integer(sizeLimit), integer(0), berBool(false), filter, tlv(0x30, attrs.map((a) => octets(a)))]), controls);
export const control = (oid: string, critical: boolean, value?: Buffer): Buffer =>
  tlv(0xa0, [tlv(0x30, [octets(oid), berBool(critical), ...(value ? [octets(value)] : [])])]);

/** Reads search results until SearchResultDone; returns entries' DNs with attributes, and the done message. */
export async function collect(c: RawClient): Promise<{ entries: { dn: string; attrs: Map<string, Buffer[]> }[]; done: RawResponse }> {
  const entries: { dn: string; attrs: Map<string, Buffer[]> }[] = [];
  for (;;) {
    const m = await c.next();
    if (!m) throw new Error('connection closed during search');
    if (m.tag === 0x65) return { entries, done: m };
    if (m.tag !== 0x64) throw new Error(`unexpected tag 0x${m.tag.toString(16)}`);
    const dn = m.body.string();
    const attrs = new Map<string, Buffer[]>();
    const list = m.body.sequence();
    while (!list.done) {
      const a = list.sequence();
      const name = a.string();
      const set = a.sequence(0x31);
      const vals: Buffer[] = [];
      while (!set.done) vals.push(set.bytes());
      attrs.set(name, vals);
    }
    entries.push({ dn, attrs });
  }
}
