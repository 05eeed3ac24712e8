// Single-byte changes to a captured request, for the "any signed byte changed → refused" tests.
import type { IncomingSignedRequest } from '../../../../server/sts/sigv4/index.ts';
import { parseAmzDate } from '../../../../server/sts/sigv4/index.ts';

/** The same character with its low bit flipped: stays printable ASCII, digits stay digits. */
export function flipChar(s: string, i: number): string {
  return s.slice(0, i) + String.fromCharCode(s.charCodeAt(i) ^ 1) + s.slice(i + 1);
}

/** Each variant of a compact timestamp with one digit changed that is still a real instant. */
export function dateVariants(text: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!/\d/.test(text[i])) continue;
    for (const d of '0123456789') {
      if (d === text[i]) continue;
      const v = text.slice(0, i) + d + text.slice(i + 1);
      if (parseAmzDate(v)) {
        out.push(v);
        break;
      }
    }
  }
  return out;
}

export function withHeader(req: IncomingSignedRequest, name: string, value: string): IncomingSignedRequest {
  const rawHeaders: string[] = [];
  for (let i = 0; i < (req.rawHeaders ?? []).length; i += 2) {
    rawHeaders.push(req.rawHeaders![i], req.rawHeaders![i].toLowerCase() === name ? value : req.rawHeaders![i + 1]);
  }
  return { ...req, headers: { ...req.headers, [name]: value }, rawHeaders };
}

export function withBodyByteFlipped(req: IncomingSignedRequest, i: number): IncomingSignedRequest {
  const body = Buffer.from(req.body);
  body[i] ^= 1;
  return { ...req, body };
}
