// Marker/MaxItems pagination over an ordered list. Markers are opaque to clients.
import { AwsError } from '../contracts/errors.ts';

export interface Page<T> {
  items: T[];
  isTruncated: boolean;
  marker?: string;
}

export function encodeMarker(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeMarker(marker: string): string {
  const key = Buffer.from(marker, 'base64url').toString('utf8');
  if (encodeMarker(key) !== marker) throw new AwsError('InvalidInput', 'Invalid Marker.');
  return key;
}

/** Pages `items` (already in key order) with the caller's marker and page size. */
export function paginate<T>(items: readonly T[], keyOf: (t: T) => string, marker: string | undefined, maxItems: number): Page<T> {
  const after = marker === undefined ? undefined : decodeMarker(marker);
  const rest = after === undefined ? items : items.filter((i) => keyOf(i) > after);
  const page = rest.slice(0, maxItems);
  const isTruncated = rest.length > maxItems;
  return { items: page, isTruncated, marker: isTruncated ? encodeMarker(keyOf(page[page.length - 1])) : undefined };
}
