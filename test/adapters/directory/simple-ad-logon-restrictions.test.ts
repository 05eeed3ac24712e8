// logonHours (21 bytes, one bit per UTC hour of the week from Sunday 00:00, low bit first) and
// userWorkstations (an LDAP bind is a logon at the DC, so the DC must be listed): the bit layout.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mayLogOnAt, withinLogonHours } from '../../../adapters/directory/simple-ad/bind.ts';

const only = (hour: number): Buffer => {
  const b = Buffer.alloc(21);
  b[hour >> 3] |= 1 << (hour & 7);
  return b;
};

describe('simple-ad logon restrictions', () => {
  it('reads logonHours as AD lays it out', () => {
    const sundayMidnight = new Date('2026-11-29T00:30:00Z'); // a Sunday
    const mondayNine = new Date('2026-11-30T09:10:00Z'); // hour 24 + 9 = 33: byte 4, bit 1
    assert.equal(withinLogonHours(only(0), sundayMidnight), true);
    assert.equal(withinLogonHours(only(0), mondayNine), false);
    assert.equal(withinLogonHours(only(33), mondayNine), true);
    assert.equal(only(33)[4], 0b10);
    assert.equal(withinLogonHours(only(167), new Date('2026-12-05T23:59:00Z')), true, 'Saturday 23:00 is the last bit');
    assert.equal(withinLogonHours(undefined, mondayNine), true, 'absent: every hour');
    assert.equal(withinLogonHours(Buffer.alloc(20), mondayNine), true, 'malformed: not enforced');
  });

  it('lets a user with userWorkstations bind only when the DC is listed', () => {
    assert.equal(mayLogOnAt(undefined), true);
    assert.equal(mayLogOnAt('WS01,WS02'), false);
    assert.equal(mayLogOnAt('WS01, dc1'), true);
    assert.equal(mayLogOnAt(''), true);
  });
});
