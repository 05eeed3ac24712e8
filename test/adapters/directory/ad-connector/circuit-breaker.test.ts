import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CircuitBreaker } from '../../../../adapters/directory/ad-connector/circuit-breaker.ts';

describe('ad-connector circuit breaker', () => {
  it('opens after the threshold, half-opens after the cool-down, doubles it on a failed retry, closes on success', () => {
    let now = 1_000;
    const b = new CircuitBreaker({ failureThreshold: 2, cooldownMs: 100, maxCooldownMs: 300 }, () => now);
    assert.equal(b.state(), 'closed');
    assert.equal(b.failure('ECONNREFUSED'), false);
    assert.equal(b.allows(), true);
    assert.equal(b.failure('ECONNREFUSED'), true);
    assert.equal(b.state(), 'open');
    assert.equal(b.allows(), false);
    now += 100;
    assert.equal(b.state(), 'half-open');
    b.failure('timeout');
    assert.equal(b.state(), 'open');
    now += 199;
    assert.equal(b.state(), 'open', 'cool-down doubled to 200 ms');
    now += 1;
    assert.equal(b.state(), 'half-open');
    b.failure('x');
    now += 300;
    assert.equal(b.state(), 'half-open', 'capped at maxCooldownMs');
    assert.equal(b.lastError, 'x');
    assert.equal(b.success(), true);
    assert.equal(b.state(), 'closed');
    assert.equal(b.lastError, undefined);
    assert.equal(b.success(), false, 'already closed');
    b.failure('a');
    b.failure('b');
    now += 100;
    assert.equal(b.state(), 'half-open', 'cool-down back to its start after a success');
  });
});
