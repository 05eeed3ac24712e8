// Reads a request body into a Buffer, refusing more than `limit` bytes without buffering them.
import type { IncomingMessage } from 'node:http';
import { AwsError } from '../contracts/errors.ts';

export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length'] ?? NaN);
  if (declared > limit) {
    req.resume();
    throw new AwsError('RequestEntityTooLarge', `Request body of ${declared} bytes exceeds the limit of ${limit} bytes.`);
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) {
      req.resume();
      throw new AwsError('RequestEntityTooLarge', `Request body exceeds the limit of ${limit} bytes.`);
    }
    chunks.push(chunk as Buffer);
  }
  return chunks.length === 1 ? chunks[0] : Buffer.concat(chunks);
}
