// Wildcard matching: the linear-time automaton agrees with regular expressions, and no pattern makes matching blow up.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { ANY, ANY_NO_COLON, STAR, STAR_NO_COLON, automatonMatch, compileMatcher, type Tokens } from '../../../server/policy/glob.ts';
import { compilePolicy, evaluate } from '../../../server/policy/index.ts';
import { alice } from '../../fixtures/policy/case.ts';

/** A plain backtracking reference matcher (small inputs only). */
function reference(t: Tokens, s: string, i = 0, k = 0): boolean {
  if (i === t.length) return k === s.length;
  const tok = t[i];
  if (tok === STAR || tok === STAR_NO_COLON) {
    for (let j = k; j <= s.length; j++) {
      if (reference(t, s, i + 1, j)) return true;
      if (j < s.length && tok === STAR_NO_COLON && s[j] === ':') return false;
    }
    return false;
  }
  if (k >= s.length) return false;
  const c = s.charCodeAt(k);
  const ok = tok === ANY || (tok === ANY_NO_COLON && c !== 58) || tok === c;
  return ok && reference(t, s, i + 1, k + 1);
}

const token = fc.constantFrom(97, 98, 58, ANY, ANY_NO_COLON, STAR, STAR_NO_COLON);
const text = fc.string({ unit: fc.constantFrom('a', 'b', ':'), maxLength: 12 });

test('the automaton, the regular expressions and a reference matcher agree', () => {
  fc.assert(
    fc.property(fc.array(token, { maxLength: 8 }), text, (t, s) => {
      const want = reference(t, s);
      assert.equal(automatonMatch(t, s), want);
      assert.equal(compileMatcher([t])!(s), want);
    }),
    { numRuns: 2000, seed: 42 },
  );
});

test('a pathological pattern in a caller-supplied session policy does not hang evaluation', { timeout: 10_000 }, () => {
  const pattern = 'arn:aws:s3:::' + '*a'.repeat(30) + 'b';
  const session = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: pattern, Condition: { StringLike: { 's3:prefix': '*a'.repeat(30) + 'b' } } }] }, 'session');
  const identity = compilePolicy({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] }, 'identity');
  const long = 'a'.repeat(2000);
  const d = evaluate({ action: 's3:GetObject', resource: `arn:aws:s3:::${long}`, principal: alice, context: { 's3:prefix': long }, identityPolicies: [identity], sessionPolicies: [session] });
  assert.equal(d.decision, 'implicitDeny');
});
