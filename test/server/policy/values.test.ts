// Value parsing for the condition operators: IP addresses and CIDRs, dates, numbers; policy-variable templates.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cidrContains, parseCidr, parseIp } from '../../../server/policy/ip.ts';
import { toMillis, toNumber } from '../../../server/policy/operators.ts';
import { parseTemplate } from '../../../server/policy/template.ts';

const inCidr = (cidr: string, ip: string) => cidrContains(parseCidr(cidr)!, parseIp(ip)!);

test('IPv4 CIDRs', () => {
  assert.ok(inCidr('203.0.113.0/24', '203.0.113.255'));
  assert.ok(!inCidr('203.0.113.0/24', '203.0.112.255'));
  assert.ok(inCidr('0.0.0.0/0', '8.8.8.8'));
  assert.ok(inCidr('10.1.2.3', '10.1.2.3'));
  assert.ok(!inCidr('10.1.2.3', '10.1.2.4'));
  assert.ok(inCidr('10.1.2.3/8', '10.200.0.1'), 'host bits in the base are ignored');
  assert.equal(parseCidr('10.0.0.0/33'), undefined);
  assert.equal(parseCidr('256.0.0.0/8'), undefined);
  assert.equal(parseIp('1.2.3'), undefined);
});

test('IPv6 CIDRs, compressed forms, and no mixing with IPv4', () => {
  assert.ok(inCidr('2001:DB8:1234:5678::/64', '2001:db8:1234:5678:ffff::1'));
  assert.ok(!inCidr('2001:DB8:1234:5678::/64', '2001:db8:1234:5679::1'));
  assert.ok(inCidr('::/0', '::1'));
  assert.ok(inCidr('::ffff:10.0.0.0/104', '::ffff:10.9.9.9'));
  assert.ok(inCidr('2001:db8::1', '2001:0db8:0000:0000:0000:0000:0000:0001'));
  assert.ok(!cidrContains(parseCidr('0.0.0.0/0')!, parseIp('::1')!));
  assert.ok(!cidrContains(parseCidr('::/0')!, parseIp('1.2.3.4')!));
  assert.equal(parseIp('2001:db8::1::2'), undefined);
  assert.equal(parseIp('2001:db8:1:2:3:4:5:6:7'), undefined);
  assert.equal(parseIp('gggg::1'), undefined);
});

test('dates: ISO-8601 with or without zone (UTC), epoch seconds, Date and numbers', () => {
  const t = Date.UTC(2020, 3, 1);
  assert.equal(toMillis('2020-04-01T00:00:00Z'), t);
  assert.equal(toMillis('2020-04-01T00:00:00'), t);
  assert.equal(toMillis('2020-04-01'), t);
  assert.equal(toMillis('2020-04-01T02:00:00+02:00'), t);
  assert.equal(toMillis(String(t / 1000)), t);
  assert.equal(toMillis(t / 1000), t);
  assert.equal(toMillis(new Date(t)), t);
  assert.ok(Number.isNaN(toMillis('yesterday')));
});

test('numbers: integers, decimals, signs; anything else is not a number', () => {
  assert.equal(toNumber('10'), 10);
  assert.equal(toNumber('-1.5'), -1.5);
  assert.equal(toNumber(3), 3);
  assert.ok(Number.isNaN(toNumber('ten')));
  assert.ok(Number.isNaN(toNumber('')));
  assert.ok(Number.isNaN(toNumber(true)));
});

test('templates: variables, defaults, escapes, and text without variables', () => {
  assert.equal(parseTemplate('plain/*'), undefined);
  assert.deepEqual(parseTemplate('home/${aws:username}/*'), [{ t: 'text', s: 'home/' }, { t: 'var', key: 'aws:username', name: 'aws:username', def: undefined }, { t: 'text', s: '/*' }]);
  assert.deepEqual(parseTemplate("${aws:PrincipalTag/team, 'company-wide'}"), [{ t: 'var', key: 'aws:principaltag/team', name: 'aws:PrincipalTag/team', def: 'company-wide' }]);
  assert.deepEqual(parseTemplate('a${*}b${?}${$}'), [{ t: 'text', s: 'a' }, { t: 'lit', s: '*' }, { t: 'text', s: 'b' }, { t: 'lit', s: '?' }, { t: 'lit', s: '$' }]);
  assert.equal(parseTemplate('${not closed'), undefined);
});
