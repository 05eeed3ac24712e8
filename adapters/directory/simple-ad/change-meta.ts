// Per-attribute change stamps (AD's replPropertyMetaData, reduced to the USN): when a write puts
// an object, every attribute whose values differ from the previous version — added, changed or
// removed — gets the write's USN. A moved or renamed object also stamps `name`, as AD does. The
// stamps are what DirSync reads (dirsync.ts); attributes AD does not replicate are left out there.
import type { AttributeValue } from '../../../server/contracts/directory.ts';
import type { AttributeMeta, Obj } from './model.ts';

const same = (a: AttributeValue[], b: AttributeValue[]): boolean =>
  a.length === b.length && a.every((v, i) => (Buffer.isBuffer(v) ? Buffer.isBuffer(b[i]) && v.equals(b[i] as Buffer) : v === b[i]));

export function changeMeta(prev: Obj | undefined, next: Obj, usn: number): AttributeMeta {
  const meta: AttributeMeta = { ...(prev?.meta ?? {}) };
  const seen = new Set<string>();
  for (const [name, values] of next.entry) {
    const key = name.toLowerCase();
    seen.add(key);
    const old = prev?.entry.get(name);
    if (!old || !same(old, values)) meta[key] = usn;
    else meta[key] ??= 0; // unchanged, and written before the stamps existed
  }
  if (prev) {
    for (const [name] of prev.entry) if (!seen.has(name.toLowerCase())) meta[name.toLowerCase()] = usn;
    if (prev.entry.dn !== next.entry.dn) meta.name = usn;
  }
  return meta;
}
