import { it } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytesPooled } from '../../../server/keys/random-pool.ts';

it('hands out every byte once, across refills, as buffers of their own', () => {
  const seen = new Set<string>();
  for (let i = 0; i < 1000; i++) {
    const b = randomBytesPooled(40); // 40 KB: the 4 KiB pool refills about ten times, 96 bytes short of a multiple
    assert.equal(b.length, 40);
    const hex = b.toString('hex');
    assert.equal(seen.has(hex), false, 'a 40-byte draw came out twice');
    seen.add(hex);
  }
  const a = randomBytesPooled(16);
  const copy = Buffer.from(a);
  randomBytesPooled(16).fill(0);
  assert.deepEqual(a, copy, 'a later draw does not share memory with an earlier one');
  assert.notDeepEqual(a, Buffer.alloc(16));
});

it('fills a whole pool and refuses sizes it cannot give', () => {
  assert.equal(randomBytesPooled(4096).length, 4096);
  assert.equal(randomBytesPooled(0).length, 0);
  assert.throws(() => randomBytesPooled(4097), RangeError);
  assert.throws(() => randomBytesPooled(-1), RangeError);
  assert.throws(() => randomBytesPooled(1.5), RangeError);
});
