// Reads a captured raw HTTP/1.1 request (or a bare presigned URL) into what the verifier takes.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { IncomingSignedRequest } from '../../../../server/sts/sigv4/index.ts';

export const FIXTURE_DIR = fileURLToPath(new URL('../../../fixtures/aws-client-requests/', import.meta.url));

export const LONG_TERM = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };
export const TEMPORARY = { accessKeyId: 'ASIAFAKESTSEXAMPLE01', secretAccessKey: 'fakeSecretKeyFromTheFakeStsEXAMPLEKEY000' };

/** Parses raw HTTP/1.1 text: request line, headers (names lower-cased, repeats as arrays), body bytes. */
export function parseHttpRequest(raw: Buffer): IncomingSignedRequest {
  const split = raw.indexOf('\r\n\r\n');
  if (split < 0) throw new Error('no end of headers');
  const lines = raw.subarray(0, split).toString('latin1').split('\r\n');
  const [method, target] = lines[0].split(' ');
  const headers: Record<string, string | string[]> = {};
  const rawHeaders: string[] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    const name = line.slice(0, colon);
    const value = line.slice(colon + 1).trim();
    rawHeaders.push(name, value);
    const lower = name.toLowerCase();
    const prior = headers[lower];
    headers[lower] = prior === undefined ? value : Array.isArray(prior) ? [...prior, value] : [prior, value];
  }
  const q = target.indexOf('?');
  return {
    method,
    path: q < 0 ? target : target.slice(0, q),
    rawQuery: q < 0 ? '' : target.slice(q + 1),
    headers,
    rawHeaders,
    body: Buffer.from(raw.subarray(split + 4)),
  };
}

/** A presigned URL as the GET a plain HTTP client sends for it. */
export function requestFromUrl(text: string): IncomingSignedRequest {
  const url = new URL(text.trim());
  return { method: 'GET', path: url.pathname, rawQuery: url.search.slice(1), headers: { host: url.host }, body: Buffer.alloc(0) };
}

export interface Fixture {
  name: string;
  request: IncomingSignedRequest;
}

export function loadFixtures(): Fixture[] {
  return readdirSync(FIXTURE_DIR)
    .filter((f) => f.endsWith('.txt'))
    .sort()
    .map((name) => {
      const raw = readFileSync(join(FIXTURE_DIR, name));
      const request = raw.subarray(0, 7).toString() === 'http://' ? requestFromUrl(raw.toString('utf8')) : parseHttpRequest(raw);
      return { name, request };
    });
}

/** The secret a fixture was signed with: temporary credentials for the ASIA key, the documented long-term key otherwise. */
export function secretFor(accessKeyId: string): string {
  return accessKeyId === TEMPORARY.accessKeyId ? TEMPORARY.secretAccessKey : LONG_TERM.secretAccessKey;
}
