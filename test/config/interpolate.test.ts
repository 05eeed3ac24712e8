import { test } from 'node:test';
import assert from 'node:assert/strict';
import { interpolateString, interpolateTree } from '../../config/interpolate.ts';
import { minimal, parse, problemsOf } from './helpers.ts';

test('a set variable is substituted, also inside a longer string', () => {
  assert.deepEqual(interpolateString('${A}', { A: 'x' }), { value: 'x', problems: [] });
  assert.deepEqual(interpolateString('pre-${A}-${B}.post', { A: '1', B: '2' }), { value: 'pre-1-2.post', problems: [] });
});

test('an unset variable with a default takes the default; set and empty also takes it', () => {
  assert.equal(interpolateString('${A:-fallback}', {}).value, 'fallback');
  assert.equal(interpolateString('${A:-fallback}', { A: '' }).value, 'fallback');
  assert.equal(interpolateString('${A:-fallback}', { A: 'set' }).value, 'set');
  assert.equal(interpolateString('${A:-}', {}).value, '');
  assert.equal(interpolateString('${A:-http://h:1/x}', {}).value, 'http://h:1/x');
});

test('a default may itself reference a variable', () => {
  assert.equal(interpolateString('${A:-${B}}', { B: 'b' }).value, 'b');
  assert.equal(interpolateString('${A:-${B:-c}}', {}).value, 'c');
  assert.deepEqual(interpolateString('${A:-${B}}', {}).problems, ['environment variable B is not set']);
});

test('an unset variable without a default is a problem; a set empty one is not', () => {
  assert.deepEqual(interpolateString('${NOPE}', {}).problems, ['environment variable NOPE is not set']);
  assert.deepEqual(interpolateString('${EMPTY}', { EMPTY: '' }), { value: '', problems: [] });
});

test('$${ escapes a literal ${', () => {
  assert.deepEqual(interpolateString('$${aws:username}', {}), { value: '${aws:username}', problems: [] });
  assert.equal(interpolateString('a$${B}c${D}', { B: 'no', D: 'd' }).value, 'a${B}cd');
  assert.equal(interpolateString('cost: $5 and $$', {}).value, 'cost: $5 and $$');
});

test('IAM policy variables pass through untouched', () => {
  for (const v of ['${aws:username}', '${saml:sub}', '${aws:PrincipalTag/team}', '${*}', "${aws:username, 'anonymous'}", '${1A}']) {
    assert.deepEqual(interpolateString(`arn:aws:s3:::b/${v}/*`, {}), { value: `arn:aws:s3:::b/${v}/*`, problems: [] });
  }
});

test('malformed references are problems', () => {
  assert.deepEqual(interpolateString('x ${A', {}).problems, ['unterminated "${" (write "$${" for a literal "${")']);
});

test('values are inserted literally: quotes, newlines and ${ in a value stay data', () => {
  const env = { V: 'a"b\nc: d ${E}', E: 'no' };
  const r = interpolateTree({ k: ['${V}'], n: 5, b: true }, env);
  assert.deepEqual(r, { value: { k: ['a"b\nc: d ${E}'], n: 5, b: true }, problems: [] });
});

test('tree interpolation reports each missing variable at its key path; keys are not interpolated', () => {
  const r = interpolateTree({ a: { '${K}': '${X}' }, l: ['ok', '${Y}'] }, {});
  assert.deepEqual(r.value, { a: { '${K}': '' }, l: ['ok', ''] });
  assert.deepEqual(r.problems, [
    { path: ['a', '${K}'], message: 'environment variable X is not set' },
    { path: ['l', 1], message: 'environment variable Y is not set' },
  ]);
});

test('a whole-value reference to a number-like string validates where a number is expected', () => {
  const c = parse(minimal('http: { port: "${P}", bodyLimitBytes: "${B:-2048}" }\nroles: []'), { P: '9090' });
  assert.equal(c.http.port, 9090);
  assert.equal(c.http.bodyLimitBytes, 2048);
  assert.equal(c.http.publicUrl, 'http://127.0.0.1:9090');
  const d = parse(minimal('http: { trustProxy: "${T:-true}" }'));
  assert.equal(d.http.trustProxy, true);
});

test('a number-like value where a string is expected stays a string', () => {
  const c = parse('accounts: [{ id: "${ACCOUNT:-000011112222}" }]\ndirectories: [{ id: d-1000000001, type: simple-ad, dnsName: a.example.com, netbiosName: A, adminPassword: "${PW}" }]', { PW: '123456' });
  assert.equal(c.accounts[0].id, '000011112222');
  assert.equal(c.directories[0].type === 'simple-ad' && c.directories[0].adminPassword, '123456');
});

test('a missing variable is reported once, not also as a bad value', () => {
  assert.deepEqual(problemsOf(minimal('http: { port: "${IDBROKER_HTTP_PORT}" }')), ['http.port: environment variable IDBROKER_HTTP_PORT is not set']);
  assert.deepEqual(problemsOf(minimal('http: { port: "${P}x" }'), { P: '1' }), ['http.port: expected a port number from 0 to 65535']);
});
