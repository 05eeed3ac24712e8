// Where a federated sign-in may send the browser afterwards: paths on this broker only.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { safeRelayState } from '../../../../server/http/login-routes/relay-state.ts';

describe('safeRelayState', () => {
  it('keeps same-origin paths', () => {
    for (const p of ['/', '/roles', '/roles?x=1&y=%2F', '/cli/approve#frag']) assert.equal(safeRelayState(p), p);
  });
  it('drops other origins, schemes, backslashes, control characters, empty and oversized values', () => {
    for (const p of ['//evil.example', '///evil.example', '/\\evil.example', '/a\\b', 'https://evil.example/', 'javascript:alert(1)', 'roles', '', '/a\r\nSet-Cookie: x=1', '/a b', `/${'x'.repeat(600)}`, undefined, null, ['/a', '/b']]) {
      assert.equal(safeRelayState(p), undefined, String(p));
    }
  });
});
