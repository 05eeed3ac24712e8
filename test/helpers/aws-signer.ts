// Signs raw Query API requests with the real AWS signer (@smithy/signature-v4, as the SDKs use),
// so tests can send exactly the bytes they want and tamper with them.
import { createHash, createHmac, type Hash, type Hmac } from 'node:crypto';
import { SignatureV4 } from '@smithy/signature-v4';

class Sha256 {
  private readonly h: Hash | Hmac;
  constructor(secret?: string | Uint8Array) {
    this.h = secret ? createHmac('sha256', secret) : createHash('sha256');
  }
  update(data: string | Uint8Array): void {
    this.h.update(data);
  }
  async digest(): Promise<Uint8Array> {
    return new Uint8Array(this.h.digest());
  }
}

export interface Creds {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
}

/** Signs `POST /` with a form body; returns the headers to send. */
export async function signQuery(url: string, body: string, creds: Creds, opts: { service?: string; region?: string; date?: Date } = {}): Promise<Record<string, string>> {
  const u = new URL(url);
  const signer = new SignatureV4({ credentials: creds, region: opts.region ?? 'us-east-1', service: opts.service ?? 'iam', sha256: Sha256 as never });
  const signed = await signer.sign(
    {
      method: 'POST',
      protocol: u.protocol,
      hostname: u.hostname,
      port: Number(u.port),
      path: '/',
      headers: { host: u.host, 'content-type': 'application/x-www-form-urlencoded' },
      body,
    },
    { signingDate: opts.date },
  );
  return signed.headers as Record<string, string>;
}

/** Sends a signed (or, with creds undefined, unsigned) Query request and returns status and text. */
export async function sendQuery(url: string, body: string, creds: Creds | undefined, opts: { service?: string; tamper?: (h: Record<string, string>) => void; date?: Date } = {}): Promise<{ status: number; text: string; headers: Headers }> {
  const headers = creds ? await signQuery(url, body, creds, opts) : { 'content-type': 'application/x-www-form-urlencoded' };
  opts.tamper?.(headers);
  delete headers.host;
  const res = await fetch(url, { method: 'POST', headers, body });
  return { status: res.status, text: await res.text(), headers: res.headers };
}

/**
 * A presigned GET URL for a Query API action, made by the real signer's `presign` (X-Amz-* in the query,
 * `expiresIn` becomes X-Amz-Expires). `query` holds the parameters as values; the signer encodes them.
 */
export async function presignQuery(url: string, query: Record<string, string>, creds: Creds, opts: { service?: string; region?: string; date?: Date; expiresIn?: number } = {}): Promise<string> {
  const u = new URL(url);
  const signer = new SignatureV4({ credentials: creds, region: opts.region ?? 'us-east-1', service: opts.service ?? 'sts', sha256: Sha256 as never });
  const signed = await signer.presign(
    { method: 'GET', protocol: u.protocol, hostname: u.hostname, port: Number(u.port), path: '/', query, headers: { host: u.host } },
    { signingDate: opts.date, expiresIn: opts.expiresIn },
  );
  const q = Object.entries(signed.query ?? {}).map(([k, v]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(v))}`);
  return `${u.origin}/?${q.join('&')}`;
}

/** Signs `GET /?query` with an Authorization header; `query` holds values as the signer canonicalizes them. */
export async function signGet(url: string, query: Record<string, string>, creds: Creds, opts: { service?: string; region?: string; date?: Date } = {}): Promise<Record<string, string>> {
  const u = new URL(url);
  const signer = new SignatureV4({ credentials: creds, region: opts.region ?? 'us-east-1', service: opts.service ?? 'iam', sha256: Sha256 as never });
  const signed = await signer.sign({ method: 'GET', protocol: u.protocol, hostname: u.hostname, port: Number(u.port), path: '/', query, headers: { host: u.host } }, { signingDate: opts.date });
  return signed.headers as Record<string, string>;
}
