// RFC 4511 §4.5.1.7 Filter, decoded straight from BER into our AST (values stay raw bytes, so
// escapes, non-ASCII and binary assertion values reach the evaluator unchanged).
import type { Filter } from '../contracts/directory.ts';
import { BerError, BerReader, type Tlv } from '../ber/ber.ts';

const MAX_DEPTH = 50;
const MAX_NODES = 2000;

export function decodeFilter(el: Tlv): Filter {
  const budget = { nodes: 0 };
  return decode(el, 0, budget);
}

function decode(el: Tlv, depth: number, budget: { nodes: number }): Filter {
  if (depth > MAX_DEPTH) throw new BerError('filter nested too deeply');
  if (++budget.nodes > MAX_NODES) throw new BerError('filter too large');
  const r = new BerReader(el.value);
  switch (el.tag) {
    case 0xa0:
    case 0xa1: {
      const filters: Filter[] = [];
      while (!r.done) filters.push(decode(r.read(), depth + 1, budget));
      return { type: el.tag === 0xa0 ? 'and' : 'or', filters };
    }
    case 0xa2: {
      const filter = decode(r.read(), depth + 1, budget);
      end(r);
      return { type: 'not', filter };
    }
    case 0xa3:
    case 0xa5:
    case 0xa6:
    case 0xa8: {
      const attribute = attr(r.string());
      const value = r.bytes();
      end(r);
      const type = ({ 0xa3: 'equality', 0xa5: 'greaterOrEqual', 0xa6: 'lessOrEqual', 0xa8: 'approx' } as const)[el.tag];
      return { type, attribute, value };
    }
    case 0xa4: {
      const attribute = attr(r.string());
      const subs = r.sequence();
      end(r);
      const f: Filter & { type: 'substrings' } = { type: 'substrings', attribute, any: [] };
      let count = 0;
      while (!subs.done) {
        const s = subs.read();
        count++;
        if (s.tag === 0x80 && count === 1) f.initial = s.value;
        else if (s.tag === 0x81 && f.final === undefined) f.any.push(s.value);
        else if (s.tag === 0x82 && f.final === undefined) f.final = s.value;
        else throw new BerError('bad substring component');
      }
      if (count === 0) throw new BerError('empty substrings filter');
      return f;
    }
    case 0x87:
      return { type: 'present', attribute: attr(el.value.toString('utf8')) };
    case 0xa9: {
      const f: Filter & { type: 'extensible' } = { type: 'extensible', value: Buffer.alloc(0), dnAttributes: false };
      let sawValue = false;
      if (r.peekTag() === 0x81) f.rule = r.string(0x81);
      if (r.peekTag() === 0x82) f.attribute = attr(r.string(0x82));
      if (r.peekTag() === 0x83) {
        f.value = r.bytes(0x83);
        sawValue = true;
      }
      if (r.peekTag() === 0x84) f.dnAttributes = r.boolean(0x84);
      end(r);
      if (!sawValue || (f.rule === undefined && f.attribute === undefined)) throw new BerError('bad extensible match');
      return f;
    }
    default:
      throw new BerError(`unknown filter choice 0x${el.tag.toString(16)}`);
  }
}

function attr(name: string): string {
  if (name.length === 0 || name.length > 256) throw new BerError('bad attribute description');
  return name;
}

function end(r: BerReader): void {
  if (!r.done) throw new BerError('trailing bytes in filter');
}
