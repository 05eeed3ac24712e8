// The request body as bytes (the signature covers them), read once.
import type { IncomingMessage } from 'node:http';

export async function readRawBody(req: IncomingMessage, limit = 10 * 1024 * 1024): Promise<Buffer> {
  if (req.readableEnded) return Buffer.alloc(0);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new Error('request body too large');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}
