// TLS material: a configured certificate and key, or — for the embedded default — a self-signed one
// generated once into the data directory (key owner-only), with its SHA-256 fingerprint to print.
import { createHash, X509Certificate } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import selfsigned from 'selfsigned';
import { assertOwnerOnly } from '../keys/owner-only.ts';

export interface TlsMaterial {
  key: string;
  cert: string;
  /** SHA-256 fingerprint, colon-separated hex (what `openssl x509 -fingerprint -sha256` prints). */
  fingerprint: string;
  generated: boolean;
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256;
}

/**
 * `certFile`/`keyFile` when given; otherwise `<dataDir>/tls/<name>.{crt,key}`, generated on first use
 * for the given host names (subjectAltName DNS and IP entries).
 */
export async function loadOrCreateTls(opts: { dataDir: string; name: string; hostNames: string[]; certFile?: string; keyFile?: string }): Promise<TlsMaterial> {
  if (opts.certFile && opts.keyFile) {
    const cert = readFileSync(opts.certFile, 'utf8');
    return { key: readFileSync(opts.keyFile, 'utf8'), cert, fingerprint: fingerprintOf(cert), generated: false };
  }
  const certPath = join(opts.dataDir, 'tls', `${opts.name}.crt`);
  const keyPath = join(opts.dataDir, 'tls', `${opts.name}.key`);
  if (existsSync(certPath) && existsSync(keyPath)) {
    assertOwnerOnly(keyPath, 'a TLS private key the broker generated');
    const cert = readFileSync(certPath, 'utf8');
    return { key: readFileSync(keyPath, 'utf8'), cert, fingerprint: fingerprintOf(cert), generated: false };
  }
  const names = [...new Set(opts.hostNames.filter(Boolean))];
  const isIp = (h: string) => /^[\d.]+$/.test(h) || h.includes(':');
  const notAfter = new Date();
  notAfter.setFullYear(notAfter.getFullYear() + 2);
  const pems = await selfsigned.generate([{ name: 'commonName', value: names.find((n) => !isIp(n)) ?? names[0] ?? 'localhost' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((n) => (isIp(n) ? { type: 7, ip: n } : { type: 2, value: n })) },
    ],
  });
  mkdirSync(dirname(certPath), { recursive: true, mode: 0o700 });
  writeFileSync(keyPath, pems.private, { mode: 0o600 });
  chmodSync(keyPath, 0o600);
  writeFileSync(certPath, pems.cert);
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert), generated: true };
}

export function sha256(data: string): string {
  return createHash('sha256').update(data).digest('hex');
}
